import type { Clinic } from '@vfc/shared';
import type { KnowledgeBaseRecord } from '../../ports/knowledge-store.js';
import { dialsOwnAgent, voiceAccountOf } from '../voice/voice-accounts.js';

/**
 * The agent the clinic's knowledge base belongs on: the agent its calls are placed with — its Vapi assistant or the
 * follow-up agent in its own Retell workspace (`voice.agentId`), else its platform Retell agent (`agentId`).
 * `undefined` when its own agent is not set up yet.
 */
export function knowledgeAgentOf(clinic: Pick<Clinic, 'agentId' | 'voice'>): string | undefined {
  return dialsOwnAgent(clinic) ? clinic.voice?.agentId : clinic.agentId;
}

/**
 * Was the base made in the clinic's current provider and account (`voiceAccountOf`)? A record from before accounts
 * were kept is the provider's platform account.
 */
export function isBaseOfClinicAccount(base: KnowledgeBaseRecord, clinic: Pick<Clinic, 'clinicId' | 'voice'>): boolean {
  const provider = clinic.voice?.provider ?? 'retell';
  return base.provider === provider && (base.account ?? `${base.provider}:platform`) === voiceAccountOf(clinic);
}
