import { CallingRules, Clinic, type UpdateCallingRulesRequest } from '@vfc/shared';
import type { Dependencies } from '../dependencies.js';
import { requireClinic } from '../read-clinic.js';

/** The calling-rules fields of a clinic (the `GET/PUT /clinic/settings` shape; zod drops the clinic's other fields). */
function rulesOf(clinic: Clinic): CallingRules {
  return CallingRules.parse(clinic);
}

/** The clinic's calling rules. @throws AppError 404 when the clinic does not exist. */
export async function getClinicSettings(deps: Pick<Dependencies, 'clinics'>, clinicId: string): Promise<CallingRules> {
  const clinic = await requireClinic(deps, clinicId);
  return rulesOf(clinic);
}

/**
 * Changes only the fields given (already validated by `UpdateCallingRulesRequest`) and stores the clinic.
 * Calls already scheduled keep their time; the dialer re-checks the window with the new rules when they come due and
 * moves them if needed, and each retry is placed with the rules of its moment.
 * Last write wins against a concurrent change of the same clinic item (ClinicStore has no conditional put).
 * @throws AppError 404 (clinic); ZodError when the merged rules are invalid.
 */
export async function updateClinicSettings(
  deps: Pick<Dependencies, 'clinics' | 'logger'>,
  clinicId: string,
  patch: UpdateCallingRulesRequest,
): Promise<CallingRules> {
  const clinic = await requireClinic(deps, clinicId);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next = Clinic.parse({ ...clinic, ...defined });
  await deps.clinics.putClinic(next);
  deps.logger.info('calling rules changed', { clinicId, fields: Object.keys(defined) });
  return rulesOf(next);
}
