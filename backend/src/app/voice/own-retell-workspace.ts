import type { AgentSyncSummary, Clinic } from '@vfc/shared';
import { AgentDirectoryError } from '../../ports/agent-directory.js';
import type { AppLogger } from '../../ports/logger.js';
import { VoiceAccountError, type VoiceAccount } from '../../ports/voice-account.js';
import { AppError } from '../errors.js';
import { syncClinicRetellAgent, type OwnRetellWorkspace } from './clinic-retell-agent.js';

/** A clinic's own Retell workspace reached with its key: the numbers (key check) and the agent sync's ports. */
export type ClinicRetellWorkspace = OwnRetellWorkspace & { account: VoiceAccount };

/**
 * Tests a Retell key with a cheap authenticated read (the workspace's phone numbers) and checks `fromNumber` is one of
 * them. @returns `fromNumber`.
 * @throws AppError 400 `invalid_credentials` (Retell refused the key), 400 `unknown_number` (not a number of that
 * workspace), 503 `provider_unavailable` (Retell unreachable).
 */
export async function checkRetellNumber(workspace: ClinicRetellWorkspace, fromNumber: string): Promise<string> {
  let numbers;
  try {
    numbers = await workspace.account.listNumbers();
  } catch (error) {
    if (error instanceof VoiceAccountError && error.kind === 'invalid_credentials') {
      throw new AppError(400, 'invalid_credentials', 'Retell refused this API key: use an API key of your Retell workspace (Settings → API Keys).');
    }
    throw new AppError(503, 'provider_unavailable', 'Retell could not be reached to check the key; try again.');
  }
  if (!numbers.some((n) => n.number === fromNumber)) {
    throw new AppError(400, 'unknown_number', 'That calling number is not in this Retell workspace: pick one of its phone numbers.', [
      { path: 'fromNumber', message: 'is not a number of this workspace' },
    ]);
  }
  return fromNumber;
}

/**
 * Makes the clinic's follow-up agent exist in its own Retell workspace ({@link syncClinicRetellAgent}), its webhooks
 * pointed at `webhookUrl` (`RETELL_WEBHOOK_URL`). A failure is reported, not thrown: the settings are still saved and
 * the clinic's calls are held until a later save succeeds.
 * @returns the agent id (absent when the sync failed or the webhook URL is not configured) and the report.
 */
export async function syncOwnRetellAgent(
  deps: { logger: AppLogger; retellWebhookUrl: () => string | undefined },
  workspace: ClinicRetellWorkspace,
  clinic: Pick<Clinic, 'clinicId' | 'name'>,
  knownAgentId: string | undefined,
): Promise<{ agentId?: string; summary: AgentSyncSummary }> {
  const failed = (error: string) => ({ summary: { created: [], updated: [], unchanged: [], duplicates: [], errors: [error] } });
  const webhookUrl = deps.retellWebhookUrl();
  if (!webhookUrl) return failed('The webhook URL for Retell is not configured (RETELL_WEBHOOK_URL): the agent was not synced.');
  try {
    const { agentId, report } = await syncClinicRetellAgent(workspace, clinic, webhookUrl, knownAgentId);
    deps.logger.info('clinic Retell agent synced', { clinicId: clinic.clinicId, agentId, created: report.created.length, updated: report.updated.length });
    return { agentId, summary: { ...report, errors: [] } };
  } catch (error) {
    if (!(error instanceof AgentDirectoryError)) throw error;
    deps.logger.warn('clinic Retell agent sync failed', { clinicId: clinic.clinicId, kind: error.kind, status: error.status });
    return failed(`The follow-up agent could not be synced in Retell (${error.message}); save again to retry.`);
  }
}
