import { describe, expect, it } from 'vitest';
import { corsAllowed } from './identity-provider.js';

const ID = 'ileaaafcpmlbndikpphpdkflhbmghlib';
const redirects = ['http://127.0.0.1/sign-in/callback', `https://${ID}.chromiumapp.org/`];

describe('the local identity provider\'s CORS rule', () => {
  it("allows the extension's own origin when its chromiumapp.org redirect is registered", () => {
    expect(corsAllowed(`chrome-extension://${ID}`, redirects)).toBe(true);
  });

  it('refuses another extension', () => {
    expect(corsAllowed(`chrome-extension://${'a'.repeat(32)}`, redirects)).toBe(false);
  });

  it("allows a redirect URI's own origin", () => {
    expect(corsAllowed('http://127.0.0.1', redirects)).toBe(true);
  });
});
