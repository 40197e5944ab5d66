// @vitest-environment node
import { DEV_EXTENSION_ID } from '@vfc/shared';
import { describe, expect, it } from 'vitest';
import { DEV_EXTENSION_KEY, extensionIdFromKey } from './dev-extension-key';

describe('the development builds\' manifest key', () => {
  it('gives the extension id the local identity provider allows by default', () => {
    expect(extensionIdFromKey(DEV_EXTENSION_KEY)).toBe(DEV_EXTENSION_ID);
  });
});
