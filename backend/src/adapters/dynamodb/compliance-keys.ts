/**
 * Keys of the calling-rules items (layout in shared/src/storage/table-design.ts):
 * opt-out `CLINIC#<clinicId>` / `OPTOUT#<e164>`; number usage `CLINIC#<clinicId>` / `DIAL#<e164>#<at>#<callId>#<attempt>`
 * and its version `CLINIC#<clinicId>` / `NUMSEQ#<e164>`.
 * `at` is a UTC ISO instant of fixed width (`toISOString()`), so the sort key orders dials of a number by time.
 */
export const complianceKeys = {
  optOut: (clinicId: string, e164: string) => ({ pk: `CLINIC#${clinicId}`, sk: `OPTOUT#${e164}` }),
  optOutPrefix: 'OPTOUT#',
  dial: (clinicId: string, e164: string, at: string, callId: string, attempt: number) => ({
    pk: `CLINIC#${clinicId}`,
    sk: `DIAL#${e164}#${at}#${callId}#${attempt}`,
  }),
  /** Sort-key prefix of every dial to one number; `#` sorts before the digits of an ISO instant. */
  dialPrefix: (e164: string) => `DIAL#${e164}#`,
  /** The number's dial version: bumped by every capped reservation, so two racing reservations cannot both pass. */
  dialVersion: (clinicId: string, e164: string) => ({ pk: `CLINIC#${clinicId}`, sk: `NUMSEQ#${e164}` }),
};
