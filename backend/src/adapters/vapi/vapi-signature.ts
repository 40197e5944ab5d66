import { createHmac, timingSafeEqual } from 'node:crypto';

/** Vapi HMAC credential defaults (docs/vapi.md): headers `x-signature` / `x-timestamp`, payload `{timestamp}.{body}`. */
export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-timestamp';
/** Accepted clock difference between the timestamp and now: ±5 minutes, in ms. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

/** Hex HMAC-SHA256 of `<timestamp>.<raw body>` keyed with `secret` (Vapi's HMAC credential defaults). */
export function signVapiMessage(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/**
 * The timestamp header as UTC epoch ms. Vapi does not document the unit: a value below 10^12 is read as seconds,
 * anything else as milliseconds. `undefined` when it is not a positive integer.
 */
export function timestampMs(header: string | undefined): number | undefined {
  if (!header || !/^\d{1,16}$/.test(header)) return undefined;
  const n = Number(header);
  if (n <= 0) return undefined;
  return n < 1e12 ? n * 1000 : n;
}

/**
 * True only when `signature` is the hex HMAC of `<timestamp>.<rawBody>` under `secret` and `timestamp` is within
 * ±{@link SIGNATURE_TOLERANCE_MS} of `nowMs` (UTC epoch ms). Compared in constant time; never throws.
 */
export function verifyVapiSignature(
  secret: string,
  rawBody: string,
  signature: string | undefined,
  timestamp: string | undefined,
  nowMs: number,
): boolean {
  const at = timestampMs(timestamp);
  if (!signature || at === undefined || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  if (Math.abs(nowMs - at) > SIGNATURE_TOLERANCE_MS) return false;
  const expected = Buffer.from(signVapiMessage(secret, timestamp!, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
