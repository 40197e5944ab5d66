import Retell from 'retell-sdk';
import { PlaceCallError, type PlaceCallRequest, type ProviderCall, type VoiceProvider } from '../../ports/voice-provider.js';

/** {@link VoiceProvider} on Retell's create-phone-call / get-call (retell-sdk). */
export class RetellVoiceProvider implements VoiceProvider {
  constructor(private readonly client: () => Promise<Retell>) {}

  async placeCall(request: PlaceCallRequest): Promise<{ providerCallId: string }> {
    const client = await this.client();
    try {
      const call = await client.call.createPhoneCall({
        from_number: request.fromNumber,
        to_number: request.toNumber,
        override_agent_id: request.agentId,
        metadata: request.metadata,
        retell_llm_dynamic_variables: request.dynamicVariables,
      });
      return { providerCallId: call.call_id };
    } catch (error) {
      throw toPlaceCallError(error);
    }
  }

  async getCall(providerCallId: string): Promise<ProviderCall> {
    const client = await this.client();
    return toProviderCall(await client.call.retrieve(providerCallId));
  }

  /**
   * Retell `POST /v3/list-calls` (retell-sdk ≥ 5.23 `call.list`) filtered on our `metadata.call_id`; the attempt is
   * matched on the items (one call id has at most a few attempts, so one page holds them all).
   * Source: https://docs.retellai.com/api-references/list-calls
   */
  async findCallFor(callId: string, attempt: number): Promise<ProviderCall | undefined> {
    const client = await this.client();
    const page = await client.call.list({
      filter_criteria: { metadata: [{ key: 'call_id', type: 'string', op: 'eq', value: callId }] },
      limit: 50,
    });
    const match = page.items.find((item) => Number((item.metadata as { attempt?: unknown } | undefined)?.attempt) === attempt);
    return match ? toProviderCall(match) : undefined;
  }
}

type RetellCallFields = {
  call_id: string;
  call_status: ProviderCall['status'];
  disconnection_reason?: string | null;
  start_timestamp?: number | null;
  end_timestamp?: number | null;
  duration_ms?: number | null;
};

function toProviderCall(call: RetellCallFields): ProviderCall {
  return {
    providerCallId: call.call_id,
    status: call.call_status,
    disconnectionReason: call.disconnection_reason ?? undefined,
    startedAt: call.start_timestamp ? new Date(call.start_timestamp).toISOString() : undefined,
    endedAt: call.end_timestamp ? new Date(call.end_timestamp).toISOString() : undefined,
    durationMs: call.duration_ms ?? undefined,
  };
}

/** Maps retell-sdk errors to our retry vocabulary (429 → wait; 4xx → refused; 5xx/network/timeout → unavailable). */
export function toPlaceCallError(error: unknown): PlaceCallError {
  if (error instanceof Retell.RateLimitError) return new PlaceCallError('rate_limited', 'Retell is at its concurrency or rate limit', 429);
  if (error instanceof Retell.APIConnectionError) return new PlaceCallError('unavailable', 'Retell could not be reached');
  if (error instanceof Retell.APIError) {
    const status = error.status ?? 0;
    if (status >= 500 || status === 408) return new PlaceCallError('unavailable', `Retell answered ${status}`, status);
    return new PlaceCallError('rejected', `Retell refused the call (${status})`, status);
  }
  return new PlaceCallError('unavailable', error instanceof Error ? error.message : 'unknown error');
}
