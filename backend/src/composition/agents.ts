import type { Dependencies } from '../app/dependencies.js';
import { RetellAgentDirectory } from '../adapters/retell/retell-agent-directory.js';
import { createRetellClient } from './retell.js';
import { storageDependencies, type StorageDependencies } from './storage.js';

/** The table and Retell's agent API: what the agent registry, the audit and the agent editor need. */
export type AgentDependencies = StorageDependencies & Pick<Dependencies, 'agentDirectory'>;

/** The agent directory on Retell from the environment (`RETELL_API_KEY` or its secret; `RETELL_BASE_URL` locally). */
export function createAgentDirectory(env: NodeJS.ProcessEnv = process.env): RetellAgentDirectory {
  return new RetellAgentDirectory(createRetellClient(env));
}

let cached: AgentDependencies | undefined;

/**
 * The process-wide agent dependencies, built on first use. The agent handlers import this module instead of
 * `composition.ts`: no Scheduler, no Vapi SDK, no phone-zone data in their bundles.
 */
export function agentDependencies(): AgentDependencies {
  cached ??= { ...storageDependencies(), agentDirectory: createAgentDirectory() };
  return cached;
}
