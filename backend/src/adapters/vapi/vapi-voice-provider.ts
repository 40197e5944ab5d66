import { VapiError, VapiTimeoutError, type Vapi } from '@vapi-ai/server-sdk';
import type { VapiResources } from './vapi-client.js';
import { PlaceCallError, type PlaceCallRequest, type ProviderCall, type VoiceProvider } from '../../ports/voice-provider.js';
import { toDisconnectionReason } from './vapi-ended-reason.js';

/** Calls we scan in `GET /call` to find one placed for our call id (Vapi has no metadata filter). */
export const FIND_CALL_SCAN_LIMIT = 1000;

/**
 * {@link VoiceProvider} on Vapi (`@vapi-ai/server-sdk` 2.0.1): `calls.create` (`POST /call`), `calls.get`
 * (`GET /call/{id}`), `calls.list` (`GET /call`). Vapi has no top-level call metadata: our ids travel in
 * `assistantOverrides.metadata`, which the call object echoes back (docs/vapi.md).
 */
export class VapiVoiceProvider implements VoiceProvider {
  /**
   * @param numberIdOf - resolves an E.164 number to the account's `phoneNumberId` when the request has none
   *   (see {@link VapiAccountDirectory.phoneNumberIdOf}).
   */
  constructor(
    private readonly client: () => Promise<VapiResources>,
    private readonly numberIdOf: (e164: string) => Promise<string | undefined>,
  ) {}

  /** One `POST /call` with `maxRetries: 0`. @throws PlaceCallError */
  async placeCall(request: PlaceCallRequest): Promise<{ providerCallId: string }> {
    const client = await this.client();
    const phoneNumberId = request.phoneNumberId ?? (await this.numberIdOf(request.fromNumber));
    if (!phoneNumberId) throw new PlaceCallError('rejected', 'The calling number is not in the Vapi account');
    try {
      const created = await client.calls.create(
        {
          assistantId: request.agentId,
          phoneNumberId,
          customer: { number: request.toNumber },
          assistantOverrides: { variableValues: request.dynamicVariables, metadata: request.metadata },
        },
        { maxRetries: 0 },
      );
      if (!('id' in created)) throw new PlaceCallError('unavailable', 'Vapi answered a batch response to a single call');
      return { providerCallId: created.id };
    } catch (error) {
      throw toPlaceCallError(error);
    }
  }

  async getCall(providerCallId: string): Promise<ProviderCall> {
    const client = await this.client();
    return toProviderCall(await client.calls.get({ id: providerCallId }));
  }

  /** Scans the latest {@link FIND_CALL_SCAN_LIMIT} calls for our metadata (Vapi's list has no metadata filter). */
  async findCallFor(callId: string, attempt: number): Promise<ProviderCall | undefined> {
    const client = await this.client();
    const calls = await client.calls.list({ limit: FIND_CALL_SCAN_LIMIT });
    const match = calls.find((c) => {
      const meta = c.assistantOverrides?.metadata as { call_id?: unknown; attempt?: unknown } | undefined;
      return meta?.call_id === callId && Number(meta.attempt) === attempt;
    });
    return match ? toProviderCall(match) : undefined;
  }
}

/** Did the person say anything (a user turn in the call's messages)? Decides "answered" for a mid-call fault. */
export function ownerSpoke(messages: readonly unknown[] | undefined): boolean {
  return (messages ?? []).some((m) => (m as { role?: unknown }).role === 'user');
}

/** A Vapi call in our vocabulary; the status maps onto the port's (Retell-named) states. */
export function toProviderCall(call: Vapi.Call): ProviderCall {
  const ended = call.status === 'ended';
  const startedMs = call.startedAt ? Date.parse(call.startedAt) : undefined;
  const endedMs = call.endedAt ? Date.parse(call.endedAt) : undefined;
  return {
    providerCallId: call.id,
    status: ended ? 'ended' : call.status === 'in-progress' || call.status === 'forwarding' ? 'ongoing' : 'registered',
    ...(ended ? { disconnectionReason: toDisconnectionReason(call.endedReason, { ownerSpoke: ownerSpoke(call.messages) }) } : {}),
    ...(call.startedAt ? { startedAt: new Date(call.startedAt).toISOString() } : {}),
    ...(call.endedAt ? { endedAt: new Date(call.endedAt).toISOString() } : {}),
    ...(startedMs !== undefined && endedMs !== undefined ? { durationMs: Math.max(0, endedMs - startedMs) } : {}),
  };
}

/** Maps SDK errors to our retry vocabulary (429 → wait; other 4xx → refused; 5xx/408/network/timeout → unavailable). */
export function toPlaceCallError(error: unknown): PlaceCallError {
  if (error instanceof PlaceCallError) return error;
  if (error instanceof VapiTimeoutError) return new PlaceCallError('unavailable', 'Vapi did not answer in time');
  if (error instanceof VapiError) {
    const status = error.statusCode;
    if (status === undefined) return new PlaceCallError('unavailable', 'Vapi could not be reached');
    if (status === 429) return new PlaceCallError('rate_limited', 'Vapi is at its concurrency or rate limit', 429);
    if (status >= 500 || status === 408) return new PlaceCallError('unavailable', `Vapi answered ${status}`, status);
    return new PlaceCallError('rejected', `Vapi refused the call (${status})`, status);
  }
  return new PlaceCallError('unavailable', error instanceof Error ? error.message : 'unknown error');
}
