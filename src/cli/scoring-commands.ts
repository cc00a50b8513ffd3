/** `jiangxuan scoresheets` and `jiangxuan consolidate` (issue 4): registered here. */
import { Command } from 'commander';
import type { SetRun } from './cli-failure';

export function registerScoring(_program: Command, _setRun: SetRun): void {
  // Added with the scoring feature.
}
