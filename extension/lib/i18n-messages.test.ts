// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chromeMessages, LOCALES } from '../test-support/i18n-messages';
import { messageUsage } from '../test-support/i18n-usage';

/** `$1`, `$2`… a message uses: a translation must use the same ones. */
const substitutions = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

/**
 * Chrome key prefixes (`attention_reason_`) of messages the source reads with a key built at run time, which the
 * static scan cannot see: such keys are neither reported missing nor dead. Empty: every key is written out.
 */
const DYNAMIC_KEY_PREFIXES: readonly string[] = [];

const isDynamic = (key: string) => DYNAMIC_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));

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

describe('message keys in the source', () => {
  it('has every key the source uses in the English messages', async () => {
    const en = await chromeMessages('en');
    const missing = [...messageUsage().keys].filter((key) => !(key in en)).sort();
    expect(missing).toEqual([]);
  });

  it('has no English message that the source never uses (dead keys)', async () => {
    const { keys } = messageUsage();
    const dead = Object.keys(await chromeMessages('en'))
      .filter((key) => !keys.has(key) && !isDynamic(key))
      .sort();
    expect(dead).toEqual([]);
  });

  it('reads every message with a literal key (a key built at run time needs its prefix in DYNAMIC_KEY_PREFIXES)', () => {
    const { dynamicCalls } = messageUsage();
    expect(DYNAMIC_KEY_PREFIXES.length > 0 ? [] : dynamicCalls).toEqual([]);
  });
});
