import type { UiState } from './contract';

/**
 * A folder nothing was pinned, hidden or folded in. Apart from contract.ts: the renderer imports
 * this value, and contract.ts would bring the runtime schemas (zod) into its bundle.
 */
export const EMPTY_UI_STATE: UiState = { pinned: [], hidden: [], folded: [], hiddenRuns: [] };
