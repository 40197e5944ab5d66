import { describe, expect, it } from 'vitest';
import { urlProblem } from './url-policy';

describe('urlProblem', () => {
  it('refuses plain http:// to another computer in the production build', () => {
    expect(urlProblem('http://api.example.com', true)).toBe('insecure');
  });

  it('allows plain http:// to localhost, 127.0.0.1 and [::1] in the production build', () => {
    expect(['http://localhost:4000', 'http://127.0.0.1:4000/', 'http://[::1]:4000'].map((url) => urlProblem(url, true))).toEqual([undefined, undefined, undefined]);
  });

  it('allows https:// anywhere and plain http:// anywhere outside the production build', () => {
    expect([urlProblem('https://api.example.com', true), urlProblem('http://api.example.com', false)]).toEqual([undefined, undefined]);
  });

  it('calls anything but an absolute http(s) URL invalid', () => {
    expect(['api.example.com', 'ftp://api.example.com', 'javascript:alert(1)'].map((url) => urlProblem(url, false))).toEqual(['invalid', 'invalid', 'invalid']);
  });
});
