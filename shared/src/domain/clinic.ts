import * as z from '../zod.js';
import { ClinicVoiceSettings } from '../api/clinic-voice.js';
import { runtimeKnowsZone } from './time-zone-support.js';

/** Weekday keys of `weeklyHours`, Monday first (ISO-8601 order). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Wall-clock time `HH:mm` in the clinic's zone; `24:00` is allowed as an interval end (end of day). */
export const LocalTime = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:mm (00:00–24:00)'));

/**
 * One open interval of a weekday, clinic-local. `end` ≤ `start` means the interval runs past midnight
 * into the next day (e.g. `{start: "22:00", end: "02:00"}`).
 */
export const OpenInterval = z.object({ start: LocalTime, end: LocalTime });
export type OpenInterval = z.infer<typeof OpenInterval>;

/** Calling hours per weekday, clinic-local; an empty list means closed that day. */
export const WeeklyHours = z.object({
  mon: z.array(OpenInterval),
  tue: z.array(OpenInterval),
  wed: z.array(OpenInterval),
  thu: z.array(OpenInterval),
  fri: z.array(OpenInterval),
  sat: z.array(OpenInterval),
  sun: z.array(OpenInterval),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** Is `zone` an IANA timezone the runtime knows (e.g. `America/Los_Angeles`)? */
export function isIanaTimezone(zone: string): boolean {
  return runtimeKnowsZone(zone) && (zone.includes('/') || zone === 'UTC');
}

export const IanaTimezone = z.string().check(z.refine(isIanaTimezone, 'must be an IANA timezone such as America/New_York'));

/** Local calendar date `YYYY-MM-DD`. */
export const LocalDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  z.refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'must be a real calendar date'),
);

/** What a clinic does when Retell reaches voicemail: leave the message and stop, or try again later. */
export const VoicemailPolicy = z.enum(['complete', 'retry']);

/**
 * The calling rules of a clinic (the shape of `GET/PUT /clinic/settings`).
 * Defaults follow `docs/calling-rules.md`: 08:00–21:00 recipient-local outer bound on
 * (47 CFR 64.1200(c)(1)), at most 3 artificial-voice calls per number per 30 days (FCC 20-186).
 */
export const CallingRules = z.object({
  timezone: IanaTimezone,
  weeklyHours: WeeklyHours,
  closedDates: z._default(z.array(LocalDate), []),
  enforceRecipientWindow: z._default(z.boolean(), true),
  voicemailPolicy: z._default(VoicemailPolicy, 'complete'),
  maxCallsPer30Days: z._default(z.int().check(z.gte(1), z.lte(3)), 3),
});
export type CallingRules = z.infer<typeof CallingRules>;

/**
 * `PUT /clinic/settings` body: any subset of the calling rules; fields left out keep their stored value.
 * Built without the defaults of {@link CallingRules} (a `.partial()` of it would fill omitted fields with their
 * defaults and silently reset them) and strict, so a misspelt field is a 400 rather than ignored.
 */
export const UpdateCallingRulesRequest = z.strictObject({
  timezone: z.optional(IanaTimezone),
  weeklyHours: z.optional(WeeklyHours),
  closedDates: z.optional(z.array(LocalDate)),
  enforceRecipientWindow: z.optional(z.boolean()),
  voicemailPolicy: z.optional(VoicemailPolicy),
  maxCallsPer30Days: z.optional(z.int().check(z.gte(1), z.lte(3))),
});
export type UpdateCallingRulesRequest = z.infer<typeof UpdateCallingRulesRequest>;

/**
 * A clinic as stored: identity, what the AI agent says about it, its Retell wiring and its calling rules.
 * `fromNumber` is E.164 and must be a number bought from or imported into Retell.
 */
export const Clinic = z.extend(CallingRules, {
  clinicId: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  phoneNumber: z.string(),
  fromNumber: z.string(),
  agentId: z.string(),
  /** Demo clinics (local stack) are open around the clock and say so in the UI. */
  demoMode: z._default(z.boolean(), false),
  /** The clinic's voice workspace (`PUT /clinic/voice`); absent = the platform's Retell account. */
  voice: z.optional(ClinicVoiceSettings),
});
export type Clinic = z.infer<typeof Clinic>;

/** `GET /clinic` answer: what staff need to show times and the clinic's name (no Retell wiring). */
export const ClinicSummary = z.pick(Clinic, {
  clinicId: true,
  name: true,
  phoneNumber: true,
  timezone: true,
  weeklyHours: true,
  closedDates: true,
  demoMode: true,
  enforceRecipientWindow: true,
});
export type ClinicSummary = z.infer<typeof ClinicSummary>;

/** Every day, all day: the demo clinic's hours. */
export const OPEN_ALWAYS: WeeklyHours = Object.fromEntries(WEEKDAYS.map((day) => [day, [{ start: '00:00', end: '24:00' }]])) as WeeklyHours;

/** API token roles: `staff` schedules and reads calls; `admin` also manages clinic settings and agents. */
export const Role = z.enum(['staff', 'admin']);
export type Role = z.infer<typeof Role>;

/**
 * `GET /clinic` answer: the clinic summary and the calling token's role, so a client shows only what that token may
 * use (the extension's options page hides the admin sections from a staff token).
 */
export const GetClinicResponse = z.extend(ClinicSummary, { role: Role });
export type GetClinicResponse = z.infer<typeof GetClinicResponse>;
