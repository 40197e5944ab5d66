import type { ClinicAgentSettings, FollowUpAgent, UpdateClinicAgentRequest } from '@vfc/shared';
import { AgentDirectoryError, type AgentDetails, type AgentEdit } from '../../ports/agent-directory.js';
import type { Dependencies } from '../dependencies.js';
import { AppError, conflict } from '../errors.js';
import { activeRecord, REASONS, unusableRecord } from './agent-records.js';
import { agentProblem } from './agent-guard.js';
import { requireClinic } from '../read-clinic.js';

export type ClinicAgentDeps = Pick<Dependencies, 'clinics' | 'agentDirectory' | 'agentRegistry' | 'clock' | 'logger'>;

/** A 422 naming the field at fault (the value is well-formed but Retell says no). */
const refused = (path: string, message: string) => new AppError(422, 'validation_error', `${path} ${message}`, [{ path, message }]);

/** Maps a Retell failure during an admin change to a clear answer (503 try later; 422 Retell refused it). */
function fromDirectory(error: unknown): never {
  if (error instanceof AgentDirectoryError) {
    if (error.kind === 'unavailable') throw new AppError(503, 'provider_unavailable', 'Retell could not be reached; nothing was changed. Try again in a minute.');
    throw new AppError(422, 'validation_error', `Retell refused the change: ${error.message}`);
  }
  throw error;
}

/**
 * The clinic's agent settings for the admin editor: wiring (agentId, fromNumber), whether it can dial, the registry's
 * record and the agent as Retell has it now (voice, greeting, language, maximum duration). Retell being unreachable
 * only leaves `agent` out.
 * @throws AppError 404 when the clinic does not exist.
 */
export async function getClinicAgentSettings(deps: ClinicAgentDeps, clinicId: string): Promise<ClinicAgentSettings> {
  const clinic = await requireClinic(deps, clinicId);
  const registry = await deps.agentRegistry.get(clinic.agentId);
  let agent: FollowUpAgent | undefined;
  try {
    const details = await deps.agentDirectory.getAgent(clinic.agentId);
    if (details) agent = await toFollowUpAgent(deps, details);
  } catch (error) {
    if (!(error instanceof AgentDirectoryError)) throw error;
    deps.logger.warn('Retell unreachable while reading the clinic agent', { clinicId, kind: error.kind });
  }
  const problem = agentProblem(clinic.agentId, registry);
  return {
    clinicId,
    agentId: clinic.agentId,
    fromNumber: clinic.fromNumber,
    usable: !problem,
    ...(problem ? { reason: problem } : {}),
    ...(registry ? { registry } : {}),
    ...(agent ? { agent } : {}),
  };
}

async function toFollowUpAgent(deps: ClinicAgentDeps, details: AgentDetails): Promise<FollowUpAgent> {
  const greeting = details.llmId ? await deps.agentDirectory.getGreeting(details.llmId) : undefined;
  return {
    agentId: details.agentId,
    agentName: details.agentName,
    ...(details.voiceId ? { voiceId: details.voiceId } : {}),
    ...(details.language ? { language: details.language } : {}),
    ...(details.maxCallDurationMs !== undefined ? { maxCallDurationMs: details.maxCallDurationMs } : {}),
    ...(greeting !== undefined ? { greeting } : {}),
    version: details.version,
    isPublished: details.isPublished,
  };
}

/**
 * Admin change of the clinic's follow-up agent (partial). Rewiring: `agentId` must exist in Retell and be
 * voice-enabled (or get a voice in the same request) and not be a flagged duplicate; `fromNumber` is E.164 (schema).
 * Editing: `voiceId` (must be in Retell's voice list), `greeting` (Retell LLM `begin_message`), `language`,
 * `maxCallDurationMs` are sent to Retell as a partial update of the agent's draft, which is then published. The clinic
 * keeps one follow-up agent, edited in place: no agent is ever created, and an agent another clinic also uses is not
 * edited (that would change the other clinic's calls). The registry record is refreshed from Retell afterwards, so a
 * clinic whose agent was orphaned can dial again (held calls go out at their next re-check).
 * @throws AppError 404 (clinic), 409 (agent shared with another clinic), 422 (Retell says no), 503 (Retell down).
 */
export async function updateClinicAgent(
  deps: ClinicAgentDeps,
  clinicId: string,
  request: UpdateClinicAgentRequest,
): Promise<ClinicAgentSettings> {
  const clinic = await requireClinic(deps, clinicId);
  for (const field of ['agentName', 'systemPrompt', 'analysisFields'] as const) {
    if (request[field] !== undefined) throw refused(field, 'can only be edited for a clinic on Vapi (its assistant)');
  }
  const agentId = request.agentId ?? clinic.agentId;
  const edit: AgentEdit = {
    ...(request.voiceId !== undefined ? { voiceId: request.voiceId } : {}),
    ...(request.language !== undefined ? { language: request.language } : {}),
    ...(request.maxCallDurationMs !== undefined ? { maxCallDurationMs: request.maxCallDurationMs } : {}),
  };
  const editsAgent = Object.keys(edit).length > 0 || request.greeting !== undefined;

  const details = await deps.agentDirectory.getAgent(agentId).catch(fromDirectory);
  if (!details) throw refused('agentId', `does not exist in Retell (agent_id ${agentId} was not found)`);
  if (!details.voiceId && request.voiceId === undefined) {
    throw refused('agentId', `is not voice-enabled: Retell agent ${agentId} has no voice_id (choose a voice, or another agent)`);
  }
  const known = await deps.agentRegistry.get(agentId);
  if (known?.duplicateOf && request.agentId !== undefined) {
    throw refused('agentId', `is a duplicate of agent ${known.duplicateOf} (same name, older): use that agent instead`);
  }

  let current = details;
  if (editsAgent) {
    const sharedWith = (await deps.clinics.listClinics()).filter((c) => c.clinicId !== clinicId && c.agentId === agentId).map((c) => c.clinicId);
    if (sharedWith.length) {
      throw conflict(`Agent ${agentId} is also used by clinic ${sharedWith.join(', ')}; editing it would change their calls too. Give this clinic its own agent first.`);
    }
    if (request.voiceId !== undefined) {
      const voices = await deps.agentDirectory.listVoices().catch(fromDirectory);
      if (!voices.some((v) => v.voiceId === request.voiceId)) throw refused('voiceId', `is not one of Retell's voices (${request.voiceId})`);
    }
    if (request.greeting !== undefined && !details.llmId) {
      throw refused('greeting', 'can only be edited for agents whose response engine is a Retell LLM');
    }
    const draft = await deps.agentDirectory.updateAgent(agentId, edit).catch(fromDirectory);
    if (request.greeting !== undefined && details.llmId) await deps.agentDirectory.updateGreeting(details.llmId, request.greeting).catch(fromDirectory);
    await deps.agentDirectory.publishAgent(agentId, draft.version).catch(fromDirectory);
    current = (await deps.agentDirectory.getAgent(agentId).catch(fromDirectory)) ?? draft;
    deps.logger.info('clinic agent edited in Retell', { clinicId, agentId, version: draft.version, fields: Object.keys(request) });
  }

  const now = deps.clock.now().toISOString();
  const record = current.voiceId
    ? { ...activeRecord(current, known?.tags ?? [], now), ...(known?.duplicateOf ? { duplicateOf: known.duplicateOf, statusReason: known.statusReason } : {}) }
    : unusableRecord('skipped', REASONS.noVoice, now, { details: current, previous: known });
  await deps.agentRegistry.putMany([record]);

  if (request.agentId !== undefined || request.fromNumber !== undefined) {
    await deps.clinics.putClinic({ ...clinic, agentId, fromNumber: request.fromNumber ?? clinic.fromNumber });
    deps.logger.info('clinic agent wiring changed', { clinicId, agentId, fromNumberChanged: request.fromNumber !== undefined });
  }
  return getClinicAgentSettings(deps, clinicId);
}
