import type { AgentChange, Clinic, RegistryAgent, VapiAssistantsSyncReport } from '@vfc/shared';
import { Clinic as ClinicSchema } from '@vfc/shared';
import { VoiceAccountError, type AssistantSummary } from '../../ports/voice-account.js';
import { managedDrift } from '../voice/assistant-drift.js';
import { managedFields, newAssistantFields, type AssistantServer } from '../voice/clinic-assistant.js';
import { assistantRecord, FOLLOW_UP_ROLE, MissingClinicKeyError, onVapi, taggedFor, vapiAccountOf, type VapiAccountHandle, type VapiRegistryDeps } from './vapi-registry.js';

const change = (agentId: string, agentName: string | undefined, reason: string): AgentChange => ({ agentId, agentName: agentName ?? '', reason });

/**
 * Brings every Vapi clinic's follow-up assistant in line, one clinic at a time (a failure is reported for that clinic
 * only): the assistant the registry records is kept when Vapi still has it, else the newest of our tagged assistants,
 * else one is created; the fields we manage are patched back when they drifted (nothing else is sent); the record is
 * written with a conditional write, so two syncs never keep two assistants for one clinic and role — the loser
 * deletes the assistant it just created. The clinic's `voice.agentId` follows the kept assistant. Records of clinics
 * no longer on Vapi (or gone) become `orphaned` (the clean-up deletes their assistants). Every log line names the
 * clinic and assistant (the handler's logger adds the request id).
 */
export async function syncVapiAssistants(deps: VapiRegistryDeps): Promise<VapiAssistantsSyncReport> {
  const report: VapiAssistantsSyncReport = { created: [], updated: [], unchanged: [], duplicates: [], orphaned: [], errors: [] };
  const [clinics, records] = await Promise.all([deps.clinics.listClinics(), deps.assistants.list()]);
  const server = deps.vapiServer();
  const listed = new Map<string, Promise<AssistantSummary[]>>();
  for (const clinic of clinics.filter(onVapi)) {
    if (!server) {
      report.errors.push(change('', clinic.clinicId, 'the webhook URL for Vapi is not configured (VAPI_SERVER_URL): no assistant was synced'));
      deps.logger.warn('vapi assistant sync skipped: no server URL', { clinicId: clinic.clinicId });
      continue;
    }
    try {
      const handle = await vapiAccountOf(deps, clinic);
      let assistants = listed.get(handle.account);
      if (!assistants) listed.set(handle.account, (assistants = handle.port.listAssistants()));
      await syncClinic(deps, clinic, handle, await assistants, server, report);
    } catch (error) {
      if (!(error instanceof VoiceAccountError) && !(error instanceof MissingClinicKeyError)) throw error;
      const why = error instanceof VoiceAccountError ? `Vapi failed (${error.message})` : error.message;
      report.errors.push(change(clinic.voice?.agentId ?? '', clinic.clinicId, `${why}; the clinic's assistant was left as it was`));
      deps.logger.warn('vapi assistant sync failed for a clinic', { clinicId: clinic.clinicId, error: why });
    }
  }
  await markLeavers(deps, clinics, records, report);
  deps.logger.info('vapi assistant sync done', {
    created: report.created.length,
    updated: report.updated.length,
    unchanged: report.unchanged.length,
    duplicates: report.duplicates.length,
    orphaned: report.orphaned.length,
    errors: report.errors.length,
  });
  return report;
}

async function syncClinic(
  deps: VapiRegistryDeps,
  clinic: Clinic,
  { account, port }: VapiAccountHandle,
  assistants: AssistantSummary[],
  server: AssistantServer,
  report: VapiAssistantsSyncReport,
): Promise<void> {
  const clinicId = clinic.clinicId;
  const tagged = taggedFor(assistants, clinicId);
  const record = await deps.assistants.get(clinicId, FOLLOW_UP_ROLE);
  const recorded = record?.account === account ? tagged.find((a) => a.id === record.agentId) : undefined;
  let keeper = recorded ?? tagged[0];
  const now = () => deps.clock.now().toISOString();

  if (!keeper) {
    const created = await port.createAssistant(newAssistantFields(clinic, server));
    if (!(await deps.assistants.claim(assistantRecord(created, clinicId, account, now()), record?.agentId))) {
      // Another sync recorded an assistant for this clinic meanwhile: ours must not stay.
      await port.deleteAssistant(created.id);
      report.duplicates.push(change(created.id, created.name, 'created at the same moment as another sync’s assistant for this clinic; deleted'));
      deps.logger.warn('vapi assistant sync: lost the claim, created assistant deleted', { clinicId, assistantId: created.id, account });
      return;
    }
    report.created.push(change(created.id, created.name, `new follow-up assistant for clinic ${clinicId}`));
    deps.logger.info('vapi assistant sync: created', { clinicId, assistantId: created.id, account });
    keeper = created;
  } else {
    const { fields, patch } = managedDrift(keeper, managedFields(clinic, server));
    if (fields.length) keeper = await port.updateAssistant(keeper.id, patch);
    if (!(await deps.assistants.claim(assistantRecord(keeper, clinicId, account, now()), record?.agentId))) {
      report.errors.push(change(keeper.id, keeper.name, 'another sync recorded a different assistant for this clinic at the same moment; run the sync again'));
      deps.logger.warn('vapi assistant sync: claim refused', { clinicId, assistantId: keeper.id, account });
      return;
    }
    const newRecord = record?.agentId !== keeper.id || record.syncStatus !== 'active';
    if (fields.length) report.updated.push(change(keeper.id, keeper.name, `${fields.join(', ')} rewritten`));
    else if (newRecord) report.updated.push(change(keeper.id, keeper.name, 'recorded in the registry'));
    else report.unchanged.push(change(keeper.id, keeper.name, 'managed fields as expected'));
    deps.logger.info('vapi assistant sync: kept', { clinicId, assistantId: keeper.id, account, rewritten: fields });
  }
  for (const other of tagged.filter((a) => a.id !== keeper.id)) {
    report.duplicates.push(change(other.id, other.name, `another assistant tagged for clinic ${clinicId}; ${keeper.id} is used (left alone)`));
    deps.logger.info('vapi assistant sync: duplicate left alone', { clinicId, assistantId: other.id, keptAssistantId: keeper.id, account });
  }
  if (clinic.voice && clinic.voice.agentId !== keeper.id) {
    await deps.clinics.putClinic(ClinicSchema.parse({ ...clinic, voice: { ...clinic.voice, agentId: keeper.id } }));
    deps.logger.info('vapi assistant sync: clinic now dials the kept assistant', { clinicId, assistantId: keeper.id });
  }
}

/** Records whose clinic is gone or no longer on Vapi become `orphaned` (first `orphanedAt` kept). */
async function markLeavers(deps: VapiRegistryDeps, clinics: Clinic[], records: RegistryAgent[], report: VapiAssistantsSyncReport): Promise<void> {
  const vapiClinics = new Set(clinics.filter(onVapi).map((c) => c.clinicId));
  const now = deps.clock.now().toISOString();
  for (const record of records) {
    if (!record.clinicId || vapiClinics.has(record.clinicId) || record.syncStatus === 'orphaned') continue;
    const reason = clinics.some((c) => c.clinicId === record.clinicId) ? 'its clinic is no longer on Vapi' : 'its clinic no longer exists';
    await deps.assistants.claim({ ...record, syncStatus: 'orphaned', statusReason: reason, orphanedAt: now, lastSyncedAt: now }, record.agentId);
    report.orphaned.push(change(record.agentId, record.agentName, reason));
    deps.logger.info('vapi assistant sync: record orphaned', { clinicId: record.clinicId, assistantId: record.agentId, reason });
  }
}
