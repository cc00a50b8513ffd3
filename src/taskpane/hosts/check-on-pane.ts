/**
 * The check of a grid the pane read, on the pane's own thread: what the hosts do when given no worker
 * (grid-check-worker.ts falls back to it). Kept apart from the worker's file so that tests and the ribbon
 * import it without a Worker.
 */
import { checkWorkbook, type GridChecker } from '../../core/check/check-workbook';

export const checkOnPane: GridChecker = (grid, req) => Promise.resolve().then(() => checkWorkbook(grid, req));
