import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Vitest runs the workers with `--conditions import` (from the root config's
 * `externalConditions`). Under it, pg's CommonJS `require('pg-pool')` resolves
 * to pg-pool's ESM wrapper, whose namespace object is not the Pool class pg
 * extends, and loading pg fails. This points that one resolution at pg-pool's
 * CommonJS build. Without the flag (plain Node, `npm start`) it does nothing.
 */
export function usePgPoolCommonJs(): void {
  const fromTest = createRequire(import.meta.url);
  const fromPg = createRequire(fromTest.resolve('pg'));
  const resolved = fromPg.resolve('pg-pool');
  if (!resolved.endsWith('.mjs')) return;
  const commonJs = fromPg(join(dirname(dirname(resolved)), 'index.js')) as unknown;
  fromPg.cache[resolved] = {
    id: resolved,
    filename: resolved,
    loaded: true,
    exports: commonJs,
  } as NodeJS.Module;
}
