import { NEO_MATCH_PATTERNS } from '@vfc/shared/neo/consultation-url';

/** Build mode of the browser end-to-end build (`wxt build --mode e2e`, script `build:e2e`). */
export const E2E_MODE = 'e2e';

/** Extra hosts the e2e build runs on: the local fake Neo origin. Chrome match patterns match any port. */
export const E2E_EXTRA_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;

/**
 * The content script's `matches` for a build mode: the real IDEXX Neo hosts always, plus localhost only in the
 * e2e build. The production manifest must never contain localhost.
 * @param mode - Vite/WXT mode (`import.meta.env.MODE`): `production`, `development` or `e2e`.
 */
export function contentScriptMatches(mode: string): string[] {
  return mode === E2E_MODE ? [...NEO_MATCH_PATTERNS, ...E2E_EXTRA_MATCHES] : [...NEO_MATCH_PATTERNS];
}
