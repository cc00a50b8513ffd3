/** `jiangxuan cultivation` and `jiangxuan cultivation rollover` (issue 5): registered here. */
import { Command } from 'commander';
import type { SetRun } from './cli-failure';

export function registerCultivation(_program: Command, _setRun: SetRun): void {
  // Added with the cultivation feature.
}
