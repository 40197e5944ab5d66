import { storage } from 'wxt/utils/storage';

/**
 * Is the consultation panel collapsed to its small tab? Kept in `browser.storage.local`, so the choice holds on
 * every Neo page and after restarts until staff open it again.
 */
export const panelCollapsedItem = storage.defineItem<boolean>('local:panelCollapsed', { fallback: false });
