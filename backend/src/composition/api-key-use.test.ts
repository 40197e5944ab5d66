import { describe, expect, it } from 'vitest';
import { apiKeyUseDependencies } from './api-key-use.js';

describe('apiKeyUseDependencies', () => {
  it('builds the key store once per process', () => {
    process.env.TABLE_NAME ??= 'vfc-test';
    expect(apiKeyUseDependencies()).toBe(apiKeyUseDependencies());
  });
});
