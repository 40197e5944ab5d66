import { utcOffsetMs, wallClockMs } from '../domain/zone-clock.js';
import type { Call } from './call.js';

/**
 * Header row of `GET /calls/export.csv`, in column order. Times are in the clinic's IANA zone as
 * `YYYY-MM-DD HH:mm ±HH:MM` (the offset makes each one an unambiguous instant); `reasons` are the
 * `attentionReasons` codes joined with `;`.
 */
export const CALLS_EXPORT_COLUMNS = [
  'scheduledFor',
  'status',
  'statusCode',
  'attempts',
  'attention',
  'reasons',
  'pet',
  'owner',
  'phone',
  'summary',
  'sentiment',
  'resolvedAt',
  'resolvedBy',
  'resolutionNote',
  'callId',
  'consultationId',
] as const;
export type CallsExportColumn = (typeof CALLS_EXPORT_COLUMNS)[number];

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * An instant (ISO string) as the wall time of `zone` with its UTC offset, e.g. `2026-12-02 09:30 -08:00`.
 * Uses the runtime's tz database (`Intl`), never the host's zone.
 */
export function clinicLocalTime(iso: string, zone: string): string {
  const instant = Date.parse(iso);
  const wall = new Date(wallClockMs(instant, zone));
  const offsetMinutes = Math.round(utcOffsetMs(instant, zone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return (
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ` +
    `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())} ${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`
  );
}

/** One export row of a call (cells as text, in {@link CALLS_EXPORT_COLUMNS} order); times in `zone`. */
export function callsExportRow(call: Call, zone: string): string[] {
  const cells: Record<CallsExportColumn, string> = {
    scheduledFor: clinicLocalTime(call.scheduledFor, zone),
    status: call.status,
    statusCode: call.statusCode ?? '',
    attempts: String(call.attempts.length),
    attention: call.attention,
    reasons: call.attentionReasons.join(';'),
    pet: call.petName,
    owner: call.ownerName,
    phone: call.phoneNumber,
    summary: call.outcome?.summary ?? '',
    sentiment: call.outcome?.sentiment ?? '',
    resolvedAt: call.resolution ? clinicLocalTime(call.resolution.resolvedAt, zone) : '',
    resolvedBy: call.resolution?.resolvedBy ?? '',
    resolutionNote: call.resolution?.note ?? '',
    callId: call.callId,
    consultationId: call.consultationId,
  };
  return CALLS_EXPORT_COLUMNS.map((column) => cells[column]);
}
