import type { CallRecord, Clinic } from '@vfc/shared';

/**
 * The variables our Retell agent's prompt uses (`{{pet_name}}` etc.). Retell accepts string values only
 * (docs.retellai.com, create-phone-call `retell_llm_dynamic_variables`); empty fields are sent as "".
 * FCC 24-17: an artificial-voice call must identify the business and give a call-back number — hence
 * `clinic_name` and `clinic_phone`.
 */
export function dynamicVariablesFor(call: CallRecord, clinic: Clinic): Record<string, string> {
  return {
    pet_name: call.petName,
    owner_name: call.ownerName,
    vet_name: call.vetName ?? '',
    clinic_name: clinic.name,
    clinic_phone: clinic.phoneNumber,
    discharge_summary: call.dischargeSummary ?? '',
    notes: call.notes ?? '',
  };
}
