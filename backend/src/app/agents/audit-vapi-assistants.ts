import type { AgentDiscrepancy, Clinic } from '@vfc/shared';
import { VoiceAccountError, type AssistantSummary } from '../../ports/voice-account.js';
import { managedDrift } from '../voice/assistant-drift.js';
import { managedFields } from '../voice/clinic-assistant.js';
import { VAPI_PLATFORM, voiceAccountOf } from '../voice/voice-accounts.js';
import {
  FOLLOW_UP_ROLE,
  isOurs,
  MissingClinicKeyError,
  onVapi,
  platformVapiAccount,
  taggedFor,
  vapiAccountOf,
  type VapiAccountHandle,
  type VapiRegistryDeps,
} from './vapi-registry.js';

/** One of our tagged assistants that no clinic uses: found in the platform's Vapi account. */
export interface StrayAssistant {
  handle: VapiAccountHandle;
  assistant: AssistantSummary;
  /** Why it is a stray, in plain words. */
  reason: string;
}

/** What the audit found on the Vapi side: discrepancies of the shared kinds, usable assistants, and the strays. */
export interface VapiFindings {
  discrepancies: AgentDiscrepancy[];
  /** Vapi clinics that have a tagged assistant (counted with the Retell agents as active). */
  active: number;
  /** Our tagged duplicates (counted with the Retell duplicates). */
  duplicates: number;
  strays: StrayAssistant[];
}

/**
 * Read-only audit of the Vapi clinics' assistants, in the shared discrepancy kinds so they count in the same health
 * score: a Vapi clinic with no tagged assistant or dialling one Vapi no longer has (`clinic_agent_not_active`), an
 * assistant the registry does not record (`missing_in_registry`), other tagged assistants for the same clinic
 * (`duplicate`), managed fields that drifted — server URL / credential / backoffPlan, server messages, analysis schema,
 * tag (`managed_fields_drift`), a Vapi account that cannot be read (`vapi_unreachable`), and our tagged assistants
 * in the platform's account whose clinic is gone or no longer on that account (`orphaned`, listed in `strays` for the
 * clean-up). Nothing is read from Vapi when no clinic is on Vapi and the registry holds no Vapi record. Never writes.
 */
export async function auditVapiAssistants(deps: VapiRegistryDeps): Promise<VapiFindings> {
  const findings: VapiFindings = { discrepancies: [], active: 0, duplicates: 0, strays: [] };
  const [clinics, records] = await Promise.all([deps.clinics.listClinics(), deps.assistants.list()]);
  const vapiClinics = clinics.filter(onVapi);
  if (vapiClinics.length === 0 && records.length === 0) return findings;
  const server = deps.vapiServer();
  const lists = new Map<string, Promise<AssistantSummary[] | undefined>>();
  const read = (handle: VapiAccountHandle) => {
    let list = lists.get(handle.account);
    if (!list) {
      list = handle.port.listAssistants().catch((error: unknown) => {
        if (!(error instanceof VoiceAccountError)) throw error;
        findings.discrepancies.push({ kind: 'vapi_unreachable', agentId: '', detail: `Vapi account ${handle.account} could not be read: ${error.message}` });
        return undefined;
      });
      lists.set(handle.account, list);
    }
    return list;
  };

  for (const clinic of vapiClinics) {
    const clinicId = clinic.clinicId;
    let handle: VapiAccountHandle;
    try {
      handle = await vapiAccountOf(deps, clinic);
    } catch (error) {
      if (!(error instanceof MissingClinicKeyError)) throw error;
      findings.discrepancies.push({ kind: 'clinic_agent_not_active', agentId: clinic.voice?.agentId ?? '', clinicId, detail: error.message });
      continue;
    }
    const assistants = await read(handle);
    if (!assistants) continue;
    const tagged = taggedFor(assistants, clinicId);
    const record = records.find((r) => r.clinicId === clinicId && r.role === FOLLOW_UP_ROLE);
    const keeper = tagged.find((a) => a.id === record?.agentId) ?? tagged[0];
    if (!keeper) {
      findings.discrepancies.push({ kind: 'clinic_agent_not_active', agentId: clinic.voice?.agentId ?? '', clinicId, detail: 'no Vapi assistant is tagged for this clinic (run a sync)' });
      continue;
    }
    findings.active++;
    const named = { agentId: keeper.id, agentName: keeper.name ?? '' };
    if (clinic.voice?.agentId && !assistants.some((a) => a.id === clinic.voice?.agentId)) {
      findings.discrepancies.push({ kind: 'clinic_agent_not_active', ...named, clinicId, detail: `the clinic dials assistant ${clinic.voice.agentId}, which Vapi no longer has (run a sync)` });
    }
    if (!record || record.agentId !== keeper.id || record.account !== handle.account || record.syncStatus !== 'active') {
      findings.discrepancies.push({ kind: 'missing_in_registry', ...named, detail: `tagged for clinic ${clinicId} in Vapi, not recorded as its assistant (run a sync)` });
    }
    for (const other of tagged.filter((a) => a.id !== keeper.id)) {
      findings.duplicates++;
      findings.discrepancies.push({ kind: 'duplicate', agentId: other.id, agentName: other.name ?? '', detail: `another assistant tagged for clinic ${clinicId}; ${keeper.id} is used` });
    }
    if (server) {
      const { fields } = managedDrift(keeper, managedFields(clinic, server));
      if (fields.length) findings.discrepancies.push({ kind: 'managed_fields_drift', ...named, detail: `drifted: ${fields.join(', ')} (a sync rewrites them)` });
    }
  }

  const handle = await platformVapiAccount(deps);
  const platform = await read(handle);
  for (const assistant of platform ?? []) {
    const reason = strayReason(assistant, clinics);
    if (!reason) continue;
    findings.strays.push({ handle, assistant, reason });
    findings.discrepancies.push({ kind: 'orphaned', agentId: assistant.id, agentName: assistant.name ?? '', detail: `tagged assistant, ${reason}` });
  }
  return findings;
}

/** Why one of our assistants in the platform's account has no clinic, or `undefined` when a clinic uses that account. */
function strayReason(assistant: AssistantSummary, clinics: Clinic[]): string | undefined {
  if (!isOurs(assistant)) return undefined;
  const clinicId = assistant.metadata?.clinicId;
  const clinic = typeof clinicId === 'string' ? clinics.find((c) => c.clinicId === clinicId) : undefined;
  if (!clinic) return typeof clinicId === 'string' ? `its clinic ${clinicId} does not exist` : 'it names no clinic';
  if (!onVapi(clinic)) return `its clinic ${clinic.clinicId} is no longer on Vapi`;
  if (voiceAccountOf(clinic) !== VAPI_PLATFORM) return `its clinic ${clinic.clinicId} now uses its own Vapi account`;
  return undefined;
}
