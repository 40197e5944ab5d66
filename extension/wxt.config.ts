import { defineConfig } from 'wxt';
import { checkContentScriptBudget } from './build/content-script-budget';
import { DEV_EXTENSION_KEY } from './build/dev-extension-key';

/**
 * WXT config. `wxt build` → `.output/chrome-mv3`; `wxt build --mode e2e` (script `build:e2e`) →
 * `.output/chrome-mv3-e2e` (WXT suffixes the mode), whose content script also matches localhost (see lib/matches.ts).
 * No host permissions: the content script reads Neo from the page's own origin and the API sends CORS headers.
 */
export default defineConfig({
  // i18n: messages in locales/<lang>.yml (English, Spanish), read with `i18n.t` from '#i18n' (browser.i18n underneath).
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  /**
   * Built pages and the content script render with Preact's React compatibility layer (preact/compat,
   * https://preactjs.com/guide/v10/switching-to-preact): the same components at ~15 kB instead of react-dom's ~140 kB,
   * which keeps the content script that loads on every Neo page small (checked after every build by build/content-script-budget.ts).
   * Unit tests (vitest, `serve`) run the components on React itself; the browser e2e tests run this build.
   */
  vite: (env) =>
    env.command === 'build'
      ? {
          resolve: {
            alias: [
              { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
              { find: /^react-dom$/, replacement: 'preact/compat' },
              { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
              { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
              { find: /^react$/, replacement: 'preact/compat' },
            ],
          },
        }
      : {},
  hooks: {
    // Every build fails when the content script loaded on every Neo page grows past its budget.
    'build:done': (wxt) => {
      const bytes = checkContentScriptBudget(wxt.config.outDir);
      wxt.logger.info(`Content script: ${bytes} bytes (budget 160000).`);
    },
  },
  // The Chrome Web Store upload package (`pnpm --filter @vfc/extension zip`; see docs/store-listing.md).
  zip: { artifactTemplate: 'vet-follow-up-calls-{{version}}-{{browser}}.zip' },
  // Development and e2e builds carry a manifest `key` (a fixed extension id, so a fixed sign-in redirect URL); the
  // production build has none (the Chrome Web Store assigns the id).
  manifest: ({ mode }) => ({
    ...(mode === 'production' ? {} : { key: DEV_EXTENSION_KEY }),
    name: '__MSG_extName__',
    default_locale: 'en',
    description: '__MSG_extDescription__',
    // alarms: the badge's 5-minute refresh; notifications: new urgent calls; sidePanel: the Follow-ups panel;
    // identity: staff sign-in (launchWebAuthFlow to the clinic's OpenID Connect issuer, lib/sign-in/).
    permissions: ['storage', 'alarms', 'notifications', 'sidePanel', 'identity'],
    // No default_popup: the toolbar icon opens the side panel (its top shows what the popup showed).
    action: { default_title: '__MSG_extActionTitle__' },
    // What the clinic's IT may preset by policy (API URL, sign-in issuer and client id): lib/managed-settings.ts.
    storage: { managed_schema: 'managed-schema.json' },
  }),
});
