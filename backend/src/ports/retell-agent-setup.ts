import type { AnalysisFieldSpec } from '@vfc/shared';

/** The follow-up agent created in a clinic's own Retell workspace (a Retell LLM with our prompt, then the agent on it). */
export interface NewRetellAgent {
  agentName: string;
  /** A voice of that workspace (`GET /list-voices`). */
  voiceId: string;
  /** The Retell LLM's `begin_message`; `{{…}}` are our dynamic variables. */
  greeting: string;
  /** The Retell LLM's `general_prompt`. */
  prompt: string;
  /** Where the agent's webhooks go (our `/webhooks/retell`): a clinic's workspace has no account-level URL of ours. */
  webhookUrl: string;
  /** Our post-call analysis fields (`post_call_analysis_data`). */
  analysisFields: readonly AnalysisFieldSpec[];
  /** Retell `max_call_duration_ms`, ms. */
  maxCallDurationMs: number;
}

/**
 * What the agent directory (`AgentDirectory`) cannot do and a clinic's own Retell workspace needs: create our
 * follow-up agent there, and read / point its `webhook_url` at us. Methods throw `AgentDirectoryError`.
 */
export interface RetellAgentSetup {
  /** Creates the agent (draft version 0, unpublished). @returns its id and the version to publish. */
  createAgent(agent: NewRetellAgent): Promise<{ agentId: string; version: number }>;
  /** The agent's own webhook URL, or `undefined` when it has none. */
  webhookUrlOf(agentId: string): Promise<string | undefined>;
  /** Sets the agent's webhook URL on its draft. @returns the draft version to publish. */
  setWebhookUrl(agentId: string, url: string): Promise<{ version: number }>;
}
