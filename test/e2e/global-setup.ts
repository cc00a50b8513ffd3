/**
 * Builds the web bundle and the CLI once for every e2e suite (each suite's buildAll() then finds the flag and
 * skips its own build).
 */
import { buildAll } from './harness';

export default function globalSetup(): void {
  buildAll();
  process.env.JIANGXUAN_E2E_BUILT = '1';
}
