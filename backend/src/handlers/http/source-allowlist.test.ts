import { describe, expect, it } from 'vitest';
import { sourceAllowlist } from './source-allowlist.js';

describe('sourceAllowlist', () => {
  it('lets every source through when no CIDR is configured', () => {
    expect([sourceAllowlist(undefined)('203.0.113.9'), sourceAllowlist('')('203.0.113.9'), sourceAllowlist(' , ')(undefined)]).toEqual([true, true, true]);
  });

  it("admits exactly the configured addresses (Retell's /32 and a /24) and nothing else", () => {
    const allowed = sourceAllowlist('100.20.5.228/32, 198.51.100.0/24');
    expect(['100.20.5.228', '198.51.100.7', '198.51.100.255'].map(allowed)).toEqual([true, true, true]);
    expect(['100.20.5.229', '198.51.101.1', '::1', 'not-an-ip', undefined].map(allowed)).toEqual([false, false, false, false, false]);
  });

  it('refuses a malformed entry with a message naming it', () => {
    expect(() => sourceAllowlist('100.20.5.228')).toThrow('"100.20.5.228" is not an IPv4 CIDR');
    expect(() => sourceAllowlist('100.20.5.300/32')).toThrow('"100.20.5.300/32" is not an IPv4 CIDR');
  });
});
