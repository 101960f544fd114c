import { describe, expect, it } from 'vitest';
import { EMPTY_UI_STATE } from '../../../shared/uiState';
import { setRunsHidden, toggleFolded, toggleHiddenChart, togglePinned, toggleRunHidden } from './uiStateOps';

describe('ui state ops', () => {
  it('pins and unpins; pinning a hidden chart shows it', () => {
    const hidden = toggleHiddenChart(EMPTY_UI_STATE, 'a');
    const pinned = togglePinned(hidden, 'a');
    expect(pinned.pinned).toEqual(['a']);
    expect(pinned.hidden).toEqual([]);
    expect(togglePinned(pinned, 'a').pinned).toEqual([]);
  });

  it('hiding a pinned chart unpins it', () => {
    const s = toggleHiddenChart(togglePinned(EMPTY_UI_STATE, 'a'), 'a');
    expect(s).toEqual({ ...EMPTY_UI_STATE, hidden: ['a'] });
  });

  it('folds sections and hides runs', () => {
    expect(toggleFolded(toggleFolded(EMPTY_UI_STATE, 'x'), 'x').folded).toEqual([]);
    expect(toggleRunHidden(EMPTY_UI_STATE, 'r1').hiddenRuns).toEqual(['r1']);
  });

  it('shows or hides many runs at once without touching others', () => {
    const s = { ...EMPTY_UI_STATE, hiddenRuns: ['other', 'r1'] };
    expect(setRunsHidden(s, ['r1', 'r2'], true).hiddenRuns).toEqual(['other', 'r1', 'r2']);
    expect(setRunsHidden(s, ['r1', 'r2'], false).hiddenRuns).toEqual(['other']);
  });

  it('never mutates its input', () => {
    const s = { ...EMPTY_UI_STATE, pinned: ['a'] };
    togglePinned(s, 'b');
    expect(s.pinned).toEqual(['a']);
  });
});
