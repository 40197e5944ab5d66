import { CallingRules, UpdateCallingRulesRequest } from '../domain/clinic.js';

/**
 * `GET /clinic/settings` and `PUT /clinic/settings` (admin): the clinic's calling rules
 * `{timezone, weeklyHours, closedDates, enforceRecipientWindow, voicemailPolicy, maxCallsPer30Days}`.
 * Both answer with the whole rule set as stored.
 */
export const ClinicSettings = CallingRules;
export type ClinicSettings = CallingRules;

/** `PUT /clinic/settings` body: only the fields that change (strict: unknown fields are a 400). */
export const UpdateClinicSettingsRequest = UpdateCallingRulesRequest;
export type UpdateClinicSettingsRequest = UpdateCallingRulesRequest;
