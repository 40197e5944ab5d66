import { ClinicSummary, type Clinic } from '@vfc/shared';
import type { Dependencies } from './dependencies.js';
import { notFound } from './errors.js';

/** The token's clinic. @throws AppError 404 when it does not exist (e.g. deleted after the token was issued). */
export async function requireClinic(deps: Pick<Dependencies, 'clinics'>, clinicId: string): Promise<Clinic> {
  const clinic = await deps.clinics.getClinic(clinicId);
  if (!clinic) throw notFound('Clinic');
  return clinic;
}

/** What staff see of their clinic (`GET /clinic`): name, timezone, hours, demo mode — no Retell wiring. @throws AppError 404 */
export async function getClinicSummary(deps: Pick<Dependencies, 'clinics'>, clinicId: string): Promise<ClinicSummary> {
  return ClinicSummary.parse(await requireClinic(deps, clinicId));
}
