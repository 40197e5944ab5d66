import type { AnalysisFieldSpec, RetellVoice } from '@vfc/shared';

/** One agent as the provider lists it (Retell `POST /v2/list-agents` item), in our vocabulary. */
export interface AgentSummary {
  agentId: string;
  agentName: string;
  /** Retell `channel`: only `voice` agents can place phone calls. */
  channel: 'voice' | 'chat';
  /** Tag names (keys of Retell's `tags` map). */
  tags: string[];
  /** Retell `user_modified_timestamp`, ms since the Unix epoch. */
  userModifiedTimestamp: number;
}

/** One page of {@link AgentDirectory.listAgents}; `nextPageKey` is set while Retell says `has_more`. */
export interface AgentPage {
  items: AgentSummary[];
  nextPageKey?: string;
}

/** The full agent (Retell `GET /get-agent/{agent_id}`), in our vocabulary. */
export interface AgentDetails {
  agentId: string;
  agentName: string;
  /** Absent (or empty at the provider) when the agent has no voice. */
  voiceId?: string;
  version: number;
  isPublished: boolean;
  /** Locale such as `en-US`; several are joined with `,`. */
  language?: string;
  /** Retell `last_modification_timestamp`, ms since the Unix epoch. */
  lastModificationTimestamp: number;
  /** Retell `max_call_duration_ms`, ms. */
  maxCallDurationMs?: number;
  /** The Retell LLM behind the agent (where the greeting lives); absent for conversation-flow / custom LLM agents. */
  llmId?: string;
  /** Names of the agent's post-call analysis fields (Retell `post_call_analysis_data[].name`). */
  analysisFieldNames: string[];
}

/** The agent fields an admin may edit (partial; only what is given changes). */
export interface AgentEdit {
  voiceId?: string;
  language?: string;
  /** ms, 60 000–7 200 000. */
  maxCallDurationMs?: number;
}

/**
 * Why a directory call failed: `unavailable` (5xx, 429, timeout, network: try later), `rejected` (4xx other than 404:
 * the request itself is wrong). A missing agent is not an error: {@link AgentDirectory.getAgent} returns `undefined`.
 */
export class AgentDirectoryError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'rejected',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AgentDirectoryError';
  }
}

/**
 * The voice provider's agents and voices (Retell in production, the Retell simulator locally). There are no agent
 * webhooks at Retell: changes are found by listing (docs/retell.md). Every method throws
 * {@link AgentDirectoryError} on provider failure.
 */
export interface AgentDirectory {
  /** One page of agents; pass the previous page's `nextPageKey` to continue. */
  listAgents(pageKey?: string): Promise<AgentPage>;
  /** The agent, or `undefined` when the provider does not know it (deleted). */
  getAgent(agentId: string): Promise<AgentDetails | undefined>;
  /** The voices the account may use (Retell `GET /list-voices`). */
  listVoices(): Promise<RetellVoice[]>;
  /** Edits the agent's draft (Retell `PATCH /update-agent`). @returns the draft, with its version to publish. */
  updateAgent(agentId: string, edit: AgentEdit): Promise<AgentDetails>;
  /**
   * Adds `fields` to the agent's post-call analysis (Retell `post_call_analysis_data` on the draft), replacing fields of
   * the same name and keeping the agent's other fields. @returns the draft, with its version to publish.
   */
  setAnalysisFields(agentId: string, fields: readonly AnalysisFieldSpec[]): Promise<AgentDetails>;
  /** Publishes `version` of the agent (Retell `POST /publish-agent-version`). */
  publishAgent(agentId: string, version: number): Promise<void>;
  /** The Retell LLM's first sentence (`begin_message`), or `undefined` when unset. */
  getGreeting(llmId: string): Promise<string | undefined>;
  /** Sets the Retell LLM's `begin_message`. */
  updateGreeting(llmId: string, greeting: string): Promise<void>;
}
