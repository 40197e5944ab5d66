import type { RetellVoice } from '@vfc/shared';
import { AgentDirectoryError } from '../../ports/agent-directory.js';
import type { Dependencies } from '../dependencies.js';
import { AppError } from '../errors.js';

/**
 * Retell's voices (for the admin's voice picker), sorted by name.
 * @throws AppError 503 when Retell cannot be reached.
 */
export async function listVoices(deps: Pick<Dependencies, 'agentDirectory'>): Promise<RetellVoice[]> {
  try {
    const voices = await deps.agentDirectory.listVoices();
    return voices.sort((a, b) => a.voiceName.localeCompare(b.voiceName) || a.voiceId.localeCompare(b.voiceId));
  } catch (error) {
    if (error instanceof AgentDirectoryError) throw new AppError(503, 'provider_unavailable', 'Retell could not be reached. Try again in a minute.');
    throw error;
  }
}
