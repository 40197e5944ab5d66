import { POST_CALL_ANALYSIS_FIELD_NAMES, type ClinicAgentSettings, type Clinic, type FollowUpAgent, type UpdateClinicAgentRequest } from '@vfc/shared';
import { VoiceAccountError, type AssistantSummary } from '../../ports/voice-account.js';
import { AppError } from '../errors.js';
import { analysisProperty } from '../voice/clinic-assistant.js';
import { NO_VAPI_ASSISTANT } from './agent-guard.js';
import { assistantRecord, FOLLOW_UP_ROLE, vapiAccountOf, type VapiRegistryDeps } from './vapi-registry.js';

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {});

/** A 422 naming the field at fault. */
const refused = (path: string, message: string) => new AppError(422, 'validation_error', `${path} ${message}`, [{ path, message }]);

/** Maps a Vapi failure during an admin change: 503 (try later) or 422 (Vapi refused it). */
function fromVapi(error: unknown): never {
  if (error instanceof VoiceAccountError) {
    if (error.kind === 'unavailable' && !(error.status && error.status >= 400 && error.status < 500)) {
      throw new AppError(503, 'provider_unavailable', 'Vapi could not be reached; nothing was changed. Try again in a minute.');
    }
    throw new AppError(422, 'validation_error', `Vapi refused the change: ${error.message}`);
  }
  throw error;
}

const systemPromptOf = (a: AssistantSummary): string | undefined => {
  const messages = obj(a.model).messages;
  const system = Array.isArray(messages) ? messages.find((m) => obj(m).role === 'system') : undefined;
  const content = obj(system).content;
  return typeof content === 'string' ? content : undefined;
};

/** The assistant in the editor's vocabulary (`maxCallDurationMs` = Vapi `maxDurationSeconds` × 1000). */
function toFollowUpAgent(a: AssistantSummary): FollowUpAgent {
  const voiceId = obj(a.voice).voiceId;
  const prompt = systemPromptOf(a);
  return {
    agentId: a.id,
    agentName: a.name ?? '',
    ...(typeof voiceId === 'string' ? { voiceId } : {}),
    ...(a.maxDurationSeconds !== undefined ? { maxCallDurationMs: a.maxDurationSeconds * 1000 } : {}),
    ...(a.firstMessage !== undefined ? { greeting: a.firstMessage } : {}),
    ...(prompt !== undefined ? { systemPrompt: prompt } : {}),
    analysisFieldNames: Object.keys(obj(obj(obj(obj(a.analysisPlan).structuredDataPlan).schema).properties)),
    version: 0,
    isPublished: true,
    provider: 'vapi',
  };
}

/**
 * The editor's view of a Vapi clinic's agent: its assistant (`voice.agentId`) as Vapi has it now and the registry's
 * record. Vapi being unreachable only leaves `agent` out.
 */
export async function getVapiClinicAgentSettings(deps: VapiRegistryDeps, clinic: Clinic): Promise<ClinicAgentSettings> {
  const assistantId = clinic.voice?.agentId;
  const record = await deps.assistants.get(clinic.clinicId, FOLLOW_UP_ROLE);
  let agent: FollowUpAgent | undefined;
  if (assistantId) {
    try {
      const found = await (await vapiAccountOf(deps, clinic)).port.getAssistant(assistantId);
      if (found) agent = toFollowUpAgent(found);
    } catch (error) {
      if (!(error instanceof VoiceAccountError)) throw error;
      deps.logger.warn('Vapi unreachable while reading the clinic assistant', { clinicId: clinic.clinicId, kind: error.kind });
    }
  }
  return {
    clinicId: clinic.clinicId,
    agentId: assistantId ?? '',
    fromNumber: clinic.voice?.fromNumber ?? clinic.fromNumber,
    usable: Boolean(assistantId),
    ...(assistantId ? {} : { reason: `The clinic cannot place calls: ${NO_VAPI_ASSISTANT}` }),
    ...(record ? { registry: record } : {}),
    ...(agent ? { agent } : {}),
  };
}

/**
 * Admin edit of a Vapi clinic's assistant: sends exactly the fields given and nothing else — `agentName` → `name`,
 * `voiceId` → `voice` (the current voice object with the new `voiceId`), `greeting` → `firstMessage`,
 * `systemPrompt` → `model` (the current model with its system message replaced; Vapi replaces `model` whole),
 * `maxCallDurationMs` → `maxDurationSeconds` (ms / 1000, rounded), `analysisFields` → `analysisPlan` (the current
 * plan with these properties added to the structured-data schema; our own four stay). The registry record is
 * refreshed afterwards.
 * @throws AppError 409 `agent_unavailable` (no assistant yet), 422 (a Retell-only field, one of our analysis field
 *   names, an assistant gone from Vapi, or Vapi says no), 503 (Vapi down).
 */
export async function updateVapiClinicAgent(deps: VapiRegistryDeps, clinic: Clinic, request: UpdateClinicAgentRequest): Promise<ClinicAgentSettings> {
  for (const field of ['agentId', 'fromNumber', 'language'] as const) {
    if (request[field] !== undefined) {
      throw refused(field, field === 'language' ? 'cannot be edited for a Vapi assistant (set the voice and prompt instead)' : 'is set by the clinic voice settings for a clinic on Vapi (PUT /clinic/voice)');
    }
  }
  const clash = request.analysisFields?.find((f) => POST_CALL_ANALYSIS_FIELD_NAMES.includes(f.name));
  if (clash) throw refused('analysisFields', `cannot redefine ${clash.name}: it is one of our own post-call analysis fields`);
  const assistantId = clinic.voice?.agentId;
  if (!assistantId) throw new AppError(409, 'agent_unavailable', `The assistant cannot be edited: ${NO_VAPI_ASSISTANT}`);
  const { account, port } = await vapiAccountOf(deps, clinic);
  const current = await port.getAssistant(assistantId).catch(fromVapi);
  if (!current) throw refused('agentId', `Vapi no longer has assistant ${assistantId}: run a sync, which creates it again`);

  const patch: Obj = {};
  if (request.agentName !== undefined) patch.name = request.agentName;
  if (request.voiceId !== undefined) patch.voice = { ...(current.voice ? obj(current.voice) : { provider: 'vapi' }), voiceId: request.voiceId };
  if (request.greeting !== undefined) patch.firstMessage = request.greeting;
  if (request.maxCallDurationMs !== undefined) patch.maxDurationSeconds = Math.round(request.maxCallDurationMs / 1000);
  if (request.systemPrompt !== undefined) {
    const model = obj(current.model);
    if (!model.provider) throw refused('systemPrompt', 'cannot be set: the assistant has no model in Vapi');
    const others = (Array.isArray(model.messages) ? model.messages : []).filter((m) => obj(m).role !== 'system');
    patch.model = { ...model, messages: [{ role: 'system', content: request.systemPrompt }, ...others] };
  }
  if (request.analysisFields !== undefined) {
    const plan = obj(current.analysisPlan);
    const dataPlan = obj(plan.structuredDataPlan);
    const schema = obj(dataPlan.schema);
    const extra = Object.fromEntries(request.analysisFields.map((f) => [f.name, analysisProperty(f)]));
    patch.analysisPlan = { ...plan, structuredDataPlan: { ...dataPlan, enabled: true, schema: { ...schema, type: 'object', properties: { ...obj(schema.properties), ...extra } } } };
  }
  const updated = await port.updateAssistant(assistantId, patch).catch(fromVapi);
  const previous = await deps.assistants.get(clinic.clinicId, FOLLOW_UP_ROLE);
  await deps.assistants.claim(assistantRecord(updated, clinic.clinicId, account, deps.clock.now().toISOString()), previous?.agentId);
  deps.logger.info('clinic assistant edited in Vapi', { clinicId: clinic.clinicId, assistantId, fields: Object.keys(patch) });
  return getVapiClinicAgentSettings(deps, clinic);
}
