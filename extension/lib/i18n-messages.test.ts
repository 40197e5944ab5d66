// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chromeMessages, LOCALES } from '../test-support/i18n-messages';

/** `$1`, `$2`… a message uses: a translation must use the same ones. */
const substitutions = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

describe('translations', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English key, no extra key, and the same substitutions', async (locale) => {
    const [en, other] = await Promise.all([chromeMessages('en'), chromeMessages(locale)]);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      expect(other[key]?.message.trim(), `${locale}: ${key} is empty`).not.toBe('');
      expect(substitutions(other[key]!.message), `${locale}: ${key}`).toEqual(substitutions(message));
    }
  });
});
