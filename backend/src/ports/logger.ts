/**
 * What use cases log through. Implementations must never receive personal data: callers pass ids, statuses
 * and reasons only (owner names and phone numbers stay out; see `redactPhone` for the rare need).
 */
export interface AppLogger {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

/** `+14155550123` → `+1******0123`: enough to tell numbers apart in a log, not enough to call. */
export function redactPhone(e164: string): string {
  return e164.length <= 6 ? '***' : `${e164.slice(0, 2)}${'*'.repeat(e164.length - 6)}${e164.slice(-4)}`;
}
