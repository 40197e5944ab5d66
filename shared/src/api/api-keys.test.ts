import { describe, expect, it } from 'vitest';
import { ApiKeyName } from './api-keys.js';

describe('ApiKeyName', () => {
  it('trims the name', () => {
    expect(ApiKeyName.parse('  Billing sync ')).toBe('Billing sync');
  });

  it('refuses a name longer than 80 characters', () => {
    expect(ApiKeyName.safeParse('x'.repeat(81)).success).toBe(false);
  });
});
