import { describe, expect, it } from 'vitest';
import { sectionOf } from './sections';

describe('sectionOf', () => {
  it('takes the part before the first slash', () => {
    expect(sectionOf('loss/train/step/main/value')).toBe('loss');
    expect(sectionOf('train/loss')).toBe('train');
  });
  it('puts keys without a slash into default', () => {
    expect(sectionOf('epoch')).toBe('default');
    expect(sectionOf('训练损失')).toBe('default');
  });
});
