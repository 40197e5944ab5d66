import { createHash } from 'node:crypto';

/**
 * The public key (base64 SPKI DER) the development and e2e builds carry as the manifest `key`, so that those builds
 * have the same extension id on every machine (`DEV_EXTENSION_ID` in @vfc/shared) and so the same sign-in redirect
 * URL, `https://<id>.chromiumapp.org/`, which the local identity provider allows by default. Only the public half
 * exists: an unpacked extension needs no private key. The production build carries no `key` (the Chrome Web Store
 * assigns the id).
 */
export const DEV_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtXN2X/Y7uQ8y0mzb6U+fPSnjFwQV7HS/B6ri+scF6l2nS2J2kZW+wzNa+a6GP0xbWu0v6WA5TU+lxAvsy6o81Hba3AyscqjryYAnhyV6Dpf+F2+Y73Nkd8etT7k8lU1vmg35maaSXdsD7hffdhUYul/Wz1oAQtNkXKadFuFx25IT80qo6ee1+LvjPAHsAo4qG9lMXmoBkGk0zKXV1zOR4rL5DSlpT28IF+u//E5B3PMcXkexUVIjXiEW3vx3y+Cjc521XX+lPVrV4U/iLtU1FyY1dCnJQI6LEHPsSp7GZioJ2cX5cvlmpc2zQi2uMvK7LlkEQMAOofMiw9bLNgsv2QIDAQAB';

/**
 * The extension id Chrome derives from a manifest `key`: the first 32 hex digits of the SHA-256 of the key's DER
 * bytes, each digit 0–f written as a letter a–p.
 */
export function extensionIdFromKey(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(digit, 16))).join('');
}
