import { AgentDirectoryError, type AgentDetails, type AgentDirectory, type AgentSummary } from '../../ports/agent-directory.js';

/** Safety stop for a pagination loop that never ends (a provider bug): pages of up to 100 → 100 000 agents. */
export const MAX_AGENT_PAGES = 1_000;
/** Parallel `get-agent` requests while reading details. */
export const DETAIL_CONCURRENCY = 4;

/** Everything one sync (or audit) knows about the provider's agents, read before anything is written. */
export interface RetellAgentsSnapshot {
  /** Every listed agent (all pages, first occurrence of an id kept). */
  summaries: AgentSummary[];
  /** Full agents of the voice agents that qualify (tag filter); `undefined` = deleted between list and get. */
  details: Map<string, AgentDetails | undefined>;
  /** Agents whose details Retell refused (4xx other than 404), with the reason. */
  refused: Map<string, string>;
}

/** Does this listed agent qualify for details (a voice agent, carrying `tag` when one is configured)? */
export function qualifies(summary: AgentSummary, tag: string | undefined): boolean {
  return summary.channel === 'voice' && (!tag || summary.tags.includes(tag));
}

/**
 * Lists every agent (following `nextPageKey` until Retell says there is no more) and fetches the full agent of each
 * qualifying one. Reads only.
 * @throws AgentDirectoryError (`unavailable`) when Retell fails at any point: callers must then write nothing.
 */
export async function readRetellAgents(directory: AgentDirectory, tag?: string): Promise<RetellAgentsSnapshot> {
  const summaries: AgentSummary[] = [];
  const seen = new Set<string>();
  let pageKey: string | undefined;
  let pages = 0;
  do {
    if (++pages > MAX_AGENT_PAGES) throw new AgentDirectoryError('unavailable', `Retell kept paginating after ${MAX_AGENT_PAGES} pages`);
    const page = await directory.listAgents(pageKey);
    for (const item of page.items) {
      if (seen.has(item.agentId)) continue;
      seen.add(item.agentId);
      summaries.push(item);
    }
    pageKey = page.nextPageKey;
  } while (pageKey);

  const details = new Map<string, AgentDetails | undefined>();
  const refused = new Map<string, string>();
  const queue = summaries.filter((s) => qualifies(s, tag));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        details.set(next.agentId, await directory.getAgent(next.agentId));
      } catch (error) {
        if (error instanceof AgentDirectoryError && error.kind === 'rejected') refused.set(next.agentId, error.message);
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: DETAIL_CONCURRENCY }, worker));
  return { summaries, details, refused };
}
