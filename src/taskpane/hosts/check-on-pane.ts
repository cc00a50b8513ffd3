/**
 * The check of a grid the pane read, on the pane's own thread: what the hosts do when given no worker
 * (grid-check-worker.ts falls back to it). Kept apart from the worker's file so that tests and the ribbon
 * import it without a Worker.
 */
import { checkWorkbookSteps, type GridChecker } from '../../core/check/check-workbook';
import { runWithPauses } from '../../core/check/steps';
import { nextTurn } from './next-turn';

/** In steps, with the pane's turn every ~30 ms: a large workbook's check no longer holds the pane in one task. */
export const checkOnPane: GridChecker = (grid, req) => runWithPauses(checkWorkbookSteps(grid, req), nextTurn, () => performance.now());
