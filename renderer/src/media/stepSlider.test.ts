import { describe, expect, it } from 'vitest';
import { nextStepIndex, pointAtOrBefore, unionSteps } from './stepSlider';

const pts = (...steps: number[]) => steps.map((step) => ({ step }));

describe('unionSteps', () => {
  it('merges the steps of every run, sorted and unique', () => {
    expect(unionSteps([pts(500, 1000, 2000), pts(250, 1000), []])).toEqual([250, 500, 1000, 2000]);
    expect(unionSteps([])).toEqual([]);
  });
});

describe('nextStepIndex', () => {
  it('defaults to the last step', () => {
    expect(nextStepIndex([], null, [500, 1000, 1500])).toBe(2);
  });

  it('follows new steps when it was on the last one', () => {
    expect(nextStepIndex([500, 1000], 1, [500, 1000, 1500])).toBe(2);
  });

  it('keeps a chosen earlier step when steps are added', () => {
    expect(nextStepIndex([500, 1000, 1500], 0, [250, 500, 1000, 1500, 2000])).toBe(1);
  });

  it('falls back to the nearest step below a step that vanished', () => {
    expect(nextStepIndex([500, 1000, 1500], 1, [500, 1500, 2000])).toBe(0);
    expect(nextStepIndex([500, 1000, 1500], 0, [1000, 1500])).toBe(0);
  });

  it('is -1 without steps', () => {
    expect(nextStepIndex([500], 0, [])).toBe(-1);
  });
});

describe('pointAtOrBefore', () => {
  it('takes the exact step, else the latest earlier one', () => {
    const p = pts(500, 1000, 2000);
    expect(pointAtOrBefore(p, 1000)).toEqual({ step: 1000 });
    expect(pointAtOrBefore(p, 1500)).toEqual({ step: 1000 });
    expect(pointAtOrBefore(p, 100)).toBeNull();
  });
});
