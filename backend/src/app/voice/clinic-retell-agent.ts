import { missingAnalysisFields, POST_CALL_ANALYSIS_FIELDS, type Clinic } from '@vfc/shared';
import { AgentDirectoryError, type AgentDetails, type AgentDirectory } from '../../ports/agent-directory.js';
import type { RetellAgentSetup } from '../../ports/retell-agent-setup.js';
import { readRetellAgents } from '../agents/read-retell-agents.js';
import type { AssistantSyncReport } from './clinic-assistant.js';

/** A clinic's own Retell workspace as the agent sync needs it: the agent directory and the agent setup, both on the clinic's key. */
export interface OwnRetellWorkspace {
  directory: AgentDirectory;
  setup: RetellAgentSetup;
}

/** The end of our agent's name in a clinic's workspace: how the sync finds it again (Retell agents carry no metadata). */
export const agentNameMarker = (clinicId: string) => `[vfc:${clinicId}]`;

/** The voice a new agent gets when the workspace offers it; otherwise the workspace's first voice. */
export const PREFERRED_VOICE_ID = '11labs-Adrian';

/** Maximum length of a created agent's calls, ms (10 minutes, as the Vapi assistant's `maxDurationSeconds`). */
export const NEW_AGENT_MAX_CALL_MS = 600_000;

const GREETING = "Hello, this is {{clinic_name}} calling about {{pet_name}}'s recent visit. Is now a good time?";
const FOLLOW_UP_PROMPT = [
  'You are calling on behalf of {{clinic_name}} (call-back number {{clinic_phone}}) to follow up with {{owner_name}}',
  "after {{pet_name}}'s visit with {{vet_name}}. Say at the start that you are an automated assistant of the clinic.",
  'Ask how {{pet_name}} is doing, whether the owner has questions about the discharge instructions ({{discharge_summary}}),',
  'and whether they would like someone from the clinic to call back. Never give medical advice: if the owner describes',
  'a worrying sign, tell them the clinic will call back and, for an emergency, to call the clinic or an emergency vet now.',
  'If the owner asks not to be called again, confirm politely and end the call.',
].join(' ');

/**
 * Makes sure the clinic's own Retell workspace has exactly one follow-up agent of ours that can place calls: the agent
 * the clinic already dials (`knownAgentId`) when the workspace still has it with a voice, else the most recently
 * modified voice agent whose name ends with {@link agentNameMarker}; when there is none, one is created (a Retell LLM
 * with our prompt and greeting, then the agent on it) and published. An existing agent gets only what we need: our
 * post-call analysis fields when any is missing, and its `webhook_url` pointed at `webhookUrl` when it differs — then the
 * new draft is published; a prompt, voice or greeting edited in Retell is kept. Other agents of ours for the clinic are
 * reported as duplicates and left alone. Reads every agent first (the agent sync's reader) and writes only then.
 * @returns the agent id to dial with and the report (ids only).
 * @throws AgentDirectoryError when Retell refuses or cannot be reached (the caller saves no agent id then).
 */
export async function syncClinicRetellAgent(
  workspace: OwnRetellWorkspace,
  clinic: Pick<Clinic, 'clinicId' | 'name'>,
  webhookUrl: string,
  knownAgentId?: string,
): Promise<{ agentId: string; report: AssistantSyncReport }> {
  const report: AssistantSyncReport = { created: [], updated: [], unchanged: [], duplicates: [] };
  const snapshot = await readRetellAgents(workspace.directory);
  const marker = agentNameMarker(clinic.clinicId);
  const usable = [...snapshot.details.values()].filter((d): d is AgentDetails => Boolean(d?.voiceId));
  const ours = usable
    .filter((d) => d.agentId === knownAgentId || d.agentName.endsWith(marker))
    .sort((a, b) => Number(b.agentId === knownAgentId) - Number(a.agentId === knownAgentId) || b.lastModificationTimestamp - a.lastModificationTimestamp);
  const [current, ...others] = ours;
  report.duplicates.push(...others.map((a) => a.agentId));

  if (!current) {
    const voices = await workspace.directory.listVoices();
    const voiceId = voices.find((v) => v.voiceId === PREFERRED_VOICE_ID)?.voiceId ?? voices[0]?.voiceId;
    if (!voiceId) throw new AgentDirectoryError('rejected', 'the workspace offers no voice for a new agent');
    const created = await workspace.setup.createAgent({
      agentName: `${clinic.name} follow-up ${marker}`,
      voiceId,
      greeting: GREETING,
      prompt: FOLLOW_UP_PROMPT,
      webhookUrl,
      analysisFields: POST_CALL_ANALYSIS_FIELDS,
      maxCallDurationMs: NEW_AGENT_MAX_CALL_MS,
    });
    await workspace.directory.publishAgent(created.agentId, created.version);
    report.created.push(created.agentId);
    return { agentId: created.agentId, report };
  }

  let draft: number | undefined;
  if (missingAnalysisFields(current.analysisFieldNames).length > 0) {
    draft = (await workspace.directory.setAnalysisFields(current.agentId, POST_CALL_ANALYSIS_FIELDS)).version;
  }
  if ((await workspace.setup.webhookUrlOf(current.agentId)) !== webhookUrl) {
    draft = (await workspace.setup.setWebhookUrl(current.agentId, webhookUrl)).version;
  }
  if (draft === undefined) {
    report.unchanged.push(current.agentId);
  } else {
    await workspace.directory.publishAgent(current.agentId, draft);
    report.updated.push(current.agentId);
  }
  return { agentId: current.agentId, report };
}
