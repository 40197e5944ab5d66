import { registerBackground } from '../lib/background-handler';

/** The service worker: holds the API URL + token and makes every API call for the pages (lib/background-handler.ts). */
export default defineBackground(() => {
  registerBackground();
});
