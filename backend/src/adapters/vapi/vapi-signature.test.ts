import { describe, expect, it } from 'vitest';
import { signVapiMessage, verifyVapiSignature } from './vapi-signature.js';

const SECRET = 'whsec-test';
const NOW = Date.parse('2026-12-03T07:00:00Z');
const BODY = '{"message":{"type":"status-update"}}';

describe('Vapi webhook signature', () => {
  it('accepts the hex HMAC-SHA256 of "<timestamp>.<body>" (ms or s timestamps)', () => {
    const ms = String(NOW);
    expect(verifyVapiSignature(SECRET, BODY, signVapiMessage(SECRET, ms, BODY), ms, NOW)).toBe(true);
    const s = String(NOW / 1000);
    expect(verifyVapiSignature(SECRET, BODY, signVapiMessage(SECRET, s, BODY), s, NOW)).toBe(true);
  });

  it('rejects a changed body, another secret, a missing or malformed header', () => {
    const ts = String(NOW);
    const sig = signVapiMessage(SECRET, ts, BODY);
    expect(verifyVapiSignature(SECRET, `${BODY} `, sig, ts, NOW)).toBe(false);
    expect(verifyVapiSignature('other', BODY, sig, ts, NOW)).toBe(false);
    expect(verifyVapiSignature(SECRET, BODY, undefined, ts, NOW)).toBe(false);
    expect(verifyVapiSignature(SECRET, BODY, sig, undefined, NOW)).toBe(false);
    expect(verifyVapiSignature(SECRET, BODY, 'zz', ts, NOW)).toBe(false);
  });

  it('rejects a timestamp more than 5 minutes away, accepts one at the edge', () => {
    const edge = String(NOW - 5 * 60_000);
    expect(verifyVapiSignature(SECRET, BODY, signVapiMessage(SECRET, edge, BODY), edge, NOW)).toBe(true);
    const stale = String(NOW - 5 * 60_000 - 1);
    expect(verifyVapiSignature(SECRET, BODY, signVapiMessage(SECRET, stale, BODY), stale, NOW)).toBe(false);
    const future = String(NOW + 5 * 60_000 + 1);
    expect(verifyVapiSignature(SECRET, BODY, signVapiMessage(SECRET, future, BODY), future, NOW)).toBe(false);
  });
});
