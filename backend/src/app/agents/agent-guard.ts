import type { Clinic, RegistryAgent } from '@vfc/shared';
import { AgentDirectoryError } from '../../ports/agent-directory.js';
import type { Dependencies } from '../dependencies.js';
import { AppError } from '../errors.js';
import { activeRecord, REASONS, unusableRecord } from './agent-records.js';

/** Why a Vapi clinic cannot call: no assistant was synced into its Vapi account yet. */
export const NO_VAPI_ASSISTANT =
  "the clinic's Vapi assistant is not set up yet. An admin must save the clinic's voice settings (Voice provider), which creates it.";

/** How long a due call whose clinic agent is unusable waits before the dialer checks again, ms (15 minutes). */
export const AGENT_HOLD_RECHECK_MS = 15 * 60_000;

/**
 * Why a clinic cannot dial with this registry record, in plain words; `undefined` when it can.
 * An agent the registry does not know yet yields `undefined` too (it is checked live by the dialer, see below).
 */
export function agentProblem(agentId: string, record: RegistryAgent | undefined): string | undefined {
  if (!record || record.syncStatus === 'active') return undefined;
  const why = record.statusReason ?? record.syncStatus;
  return record.syncStatus === 'orphaned'
    ? `The clinic's Retell agent ${agentId} is orphaned (${why}). An admin must choose a working voice agent for the clinic.`
    : `The clinic's Retell agent ${agentId} cannot place calls (${why}). An admin must choose a voice agent for the clinic.`;
}

/** Why a clinic on its own Retell workspace cannot call: no follow-up agent was synced into that workspace yet. */
export const NO_OWN_RETELL_AGENT =
  "the clinic's agent in its own Retell workspace is not set up yet. An admin must save the clinic's voice settings (Voice provider), which creates it.";

/**
 * Scheduling guard (registry only, no Retell call): refuses with 409 `agent_unavailable` when the registry knows the
 * clinic's platform agent is orphaned or skipped, or when a clinic on Vapi or on its own Retell workspace has no
 * agent synced there yet. An agent not yet in the registry is allowed: the registry is filled by the
 * sync and lazily by the dialer, which checks Retell itself before the first dial.
 * @throws AppError 409 `agent_unavailable`.
 */
export async function assertClinicAgentUsable(deps: Pick<Dependencies, 'agentRegistry'>, clinic: Clinic): Promise<void> {
  if (clinic.voice?.provider === 'vapi') {
    // A Vapi clinic dials its own assistant (the Retell registry says nothing about it); it needs one to be synced.
    if (clinic.voice.agentId) return;
    throw new AppError(409, 'agent_unavailable', `Calls cannot be scheduled: ${NO_VAPI_ASSISTANT}`);
  }
  if (clinic.voice?.provider === 'retell' && clinic.voice.account === 'clinic') {
    // The platform registry says nothing about an agent in the clinic's own workspace; it needs one to be synced.
    if (clinic.voice.agentId) return;
    throw new AppError(409, 'agent_unavailable', `Calls cannot be scheduled: ${NO_OWN_RETELL_AGENT}`);
  }
  const problem = agentProblem(clinic.agentId, await deps.agentRegistry.get(clinic.agentId));
  if (problem) throw new AppError(409, 'agent_unavailable', `Calls cannot be scheduled: ${problem}`);
}

/**
 * Dialer guard: why the due call must be held (not dialled, not lost), or `undefined` to go ahead.
 * Uses the registry; an agent it does not know is looked up in Retell once and recorded (active / skipped / orphaned).
 * When Retell cannot be reached for that lookup the dial goes ahead (placing the call meets the same outage and the
 * dialer's own failure handling applies).
 */
export async function agentHoldReason(
  deps: Pick<Dependencies, 'agentRegistry' | 'agentDirectory' | 'clock' | 'logger'>,
  clinic: Clinic,
): Promise<string | undefined> {
  const record = await deps.agentRegistry.get(clinic.agentId);
  if (record) return agentProblem(clinic.agentId, record);
  let learned: RegistryAgent;
  const now = deps.clock.now().toISOString();
  try {
    const details = await deps.agentDirectory.getAgent(clinic.agentId);
    if (!details) learned = unusableRecord('orphaned', REASONS.notFound, now, { previous: { agentId: clinic.agentId, agentName: '' } as RegistryAgent });
    else if (!details.voiceId) learned = unusableRecord('skipped', REASONS.noVoice, now, { details });
    else learned = activeRecord(details, [], now);
  } catch (error) {
    if (!(error instanceof AgentDirectoryError)) throw error;
    deps.logger.warn('clinic agent could not be checked in Retell; dialling anyway', { clinicId: clinic.clinicId, agentId: clinic.agentId });
    return undefined;
  }
  await deps.agentRegistry.putMany([learned]);
  deps.logger.info('clinic agent recorded in the registry', { agentId: learned.agentId, syncStatus: learned.syncStatus });
  return agentProblem(clinic.agentId, learned);
}
