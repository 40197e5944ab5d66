import { join } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

/** The locales the extension ships (`locales/<lang>.yml`); English is the default. */
export const LOCALES = ['en', 'es'] as const;

/** A locale's messages as Chrome's `messages.json` holds them (`panel_title` → `{message}`), built by @wxt-dev/i18n. */
export async function chromeMessages(locale: (typeof LOCALES)[number]): Promise<Record<string, { message: string }>> {
  return generateChromeMessages(await parseMessagesFile(join(import.meta.dirname, '..', 'locales', `${locale}.yml`)));
}

/**
 * `browser.i18n.getMessage` over a locale's messages, with Chrome's `$1`…`$9` substitutions (unit tests: the fake
 * browser has no i18n). A missing key answers `''`, as Chrome does.
 */
export function getMessageFrom(messages: Record<string, { message: string }>) {
  return (key: string, substitutions?: string | string[]): string => {
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}
