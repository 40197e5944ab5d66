import { defineConfig } from 'wxt';

/**
 * WXT config. `wxt build` → `.output/chrome-mv3`; `wxt build --mode e2e` (script `build:e2e`) →
 * `.output/chrome-mv3-e2e` (WXT suffixes the mode), whose content script also matches localhost (see lib/matches.ts).
 * No host permissions: the content script reads Neo from the page's own origin and the API sends CORS headers.
 */
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Vet Follow-up Calls',
    description: 'Schedule AI follow-up calls to pet owners from IDEXX Neo consultations and see how they went.',
    // alarms: the badge's 5-minute refresh; notifications: new urgent calls; sidePanel: the Follow-ups panel.
    permissions: ['storage', 'alarms', 'notifications', 'sidePanel'],
    // No default_popup: the toolbar icon opens the side panel (its top shows what the popup showed).
    action: { default_title: 'Follow-ups' },
  },
});
