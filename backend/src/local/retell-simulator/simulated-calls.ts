import { randomBytes } from 'node:crypto';
import type { PhoneCallResponse } from 'retell-sdk/resources/call';
import type { CreatePhoneCallBody } from './create-call-request.js';
import { pickOutcome, type OutcomeName, type SimulatedOutcome } from './scripted-outcomes.js';
import type { FaultPlan } from './faults.js';
import { sendWebhook, type WebhookDelivery, type WebhookEvent } from './webhook-sender.js';
import { recordingPath } from './recording.js';

/** One accepted call as the simulator saw it (for benches and fault tests). Times are REAL epoch ms (Date.now). */
export interface SimulatedCallRecord {
  call_id: string;
  to_number: string;
  metadata: Record<string, unknown>;
  createdAtMs: number;
  /** When call_ended happened (the slot was free again at the provider). */
  endedAtMs?: number;
}

/** Counters tests read through `stats()`. */
export interface SimulatorStats {
  /** Calls accepted by create-phone-call. */
  created: number;
  /** Most calls live at once (from creation until call_ended). */
  peakConcurrency: number;
  /** create-phone-call requests refused with 429 because of the concurrency limit. */
  rejected429: number;
  currentConcurrency: number;
  /** Accepted calls per destination (E.164). */
  callsByToNumber: Record<string, number>;
}

/** Timing and delivery settings (real milliseconds). */
export interface CallTiming {
  ringMs: number;
  callDurationMs: number;
  analysisDelayMs: number;
  webhookRetries: number;
  webhookRetryDelayMs: number;
  webhookTimeoutMs: number;
}

/** Thrown by {@link SimulatedCalls.create} when the concurrency limit is reached. */
export class ConcurrencyLimitError extends Error {}

/**
 * The simulated Retell account: calls, their scripted lifecycle (timers), concurrency accounting and webhooks.
 * Webhooks for one call are sent in order; different calls do not wait for each other.
 */
export class SimulatedCalls {
  private readonly calls = new Map<string, PhoneCallResponse>();
  private readonly live = new Set<string>();
  private readonly perNumber = new Map<string, number>();
  private readonly overrides = new Map<string, (OutcomeName | SimulatedOutcome)[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly webhookChains = new Map<string, Promise<void>>();
  private readonly deliveries: WebhookDelivery[] = [];
  private readonly log: SimulatedCallRecord[] = [];
  private readonly logById = new Map<string, SimulatedCallRecord>();
  private sideChains = 0;
  private created = 0;
  private peak = 0;
  private rejected = 0;
  private stopped = false;

  constructor(
    private readonly config: {
      apiKey: string;
      concurrencyLimit: number;
      defaultAgentId: string;
      timing: CallTiming;
      now: () => number;
      /** Where the call's webhooks go: its agent's `webhook_url`, else the workspace's (Retell's precedence). */
      webhookUrl: (agentId: string) => string | undefined;
      /** The simulator's own URL: recordings are served under it. */
      recordingBaseUrl: () => string;
      faults: FaultPlan;
    },
  ) {}

  /** Places a call: registers it, counts it against concurrency and starts its scripted lifecycle. */
  create(body: CreatePhoneCallBody): PhoneCallResponse {
    if (this.live.size >= this.config.concurrencyLimit) {
      this.rejected += 1;
      throw new ConcurrencyLimitError('Account rate limited');
    }
    const callIndex = this.perNumber.get(body.to_number) ?? 0;
    this.perNumber.set(body.to_number, callIndex + 1);
    const outcome = pickOutcome(body.to_number, callIndex, this.overrides.get(body.to_number));
    const call: PhoneCallResponse = {
      call_id: `call_${randomBytes(14).toString('hex')}`,
      agent_id: body.override_agent_id ?? this.config.defaultAgentId,
      agent_version: body.override_agent_version ?? 1,
      call_status: 'registered',
      call_type: 'phone_call',
      direction: 'outbound',
      from_number: body.from_number,
      to_number: body.to_number,
      metadata: body.metadata ?? {},
      retell_llm_dynamic_variables: body.retell_llm_dynamic_variables ?? {},
    };
    this.calls.set(call.call_id, call);
    const record: SimulatedCallRecord = {
      call_id: call.call_id,
      to_number: call.to_number,
      metadata: structuredClone(call.metadata ?? {}) as Record<string, unknown>,
      createdAtMs: Date.now(),
    };
    this.log.push(record);
    this.logById.set(call.call_id, record);
    this.created += 1;
    this.live.add(call.call_id);
    this.peak = Math.max(this.peak, this.live.size);
    this.runLifecycle(call, outcome);
    return structuredClone(call);
  }

  /** The call's current state, or undefined. */
  get(callId: string): PhoneCallResponse | undefined {
    const call = this.calls.get(callId);
    return call && structuredClone(call);
  }

  /**
   * Calls whose `metadata[key]` equals `value` (Retell v3 list-calls with a `metadata` string `eq` filter), newest
   * first as Retell's default `sort_order` (by start time, descending; here by creation order).
   */
  listByMetadata(key: string, value: string): PhoneCallResponse[] {
    return [...this.calls.values()]
      .filter((call) => String((call.metadata as Record<string, unknown> | undefined)?.[key]) === value)
      .reverse()
      .map((call) => structuredClone(call));
  }

  /** Sets the outcomes of the next calls to `toNumber` (replaces SCRIPTED_OUTCOMES for it; restarts its count). */
  script(toNumber: string, outcomes: (OutcomeName | SimulatedOutcome)[]): void {
    this.overrides.set(toNumber, outcomes);
    this.perNumber.set(toNumber, 0);
  }

  concurrency(): { current_concurrency: number; concurrency_limit: number } {
    return { current_concurrency: this.live.size, concurrency_limit: this.config.concurrencyLimit };
  }

  stats(): SimulatorStats {
    return {
      created: this.created,
      peakConcurrency: this.peak,
      rejected429: this.rejected,
      currentConcurrency: this.live.size,
      callsByToNumber: Object.fromEntries([...this.calls.values()].reduce((m, c) => m.set(c.to_number, (m.get(c.to_number) ?? 0) + 1), new Map<string, number>())),
    };
  }

  /** Every accepted call so far, in creation order (real-time stamps). */
  callLog(): SimulatedCallRecord[] {
    return this.log.map((r) => ({ ...r }));
  }

  /** Every webhook delivery so far, in the order they finished. */
  webhookDeliveries(): WebhookDelivery[] {
    return [...this.deliveries];
  }

  /** Resolves once every started webhook delivery has finished. */
  async webhooksSettled(): Promise<void> {
    while (this.webhookChains.size > 0) await Promise.all([...this.webhookChains.values()]);
  }

  /** Cancels pending lifecycle timers and waits for webhooks already being sent. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.webhooksSettled();
  }

  /** Each step is timed from the previous one, so a late timer never shortens the call. */
  private runLifecycle(call: PhoneCallResponse, outcome: SimulatedOutcome): void {
    const { ringMs, callDurationMs, analysisDelayMs } = this.config.timing;
    const pet = call.retell_llm_dynamic_variables?.pet_name ?? 'your pet';
    const analyse = () => {
      call.call_analysis = {
        call_summary: outcome.summary(pet),
        user_sentiment: outcome.user_sentiment,
        call_successful: outcome.call_successful,
        in_voicemail: outcome.in_voicemail,
        custom_analysis_data: structuredClone(outcome.custom_analysis_data),
      };
      this.emit('call_analyzed', call);
    };
    const end = () => {
      const endMs = this.config.now();
      call.call_status = outcome.connected ? 'ended' : 'not_connected';
      call.end_timestamp = endMs;
      call.duration_ms = call.start_timestamp === undefined ? 0 : endMs - call.start_timestamp;
      call.disconnection_reason = outcome.disconnection_reason;
      if (outcome.transcript) {
        const turns = outcome.transcript(pet);
        call.transcript_object = turns.map((turn) => ({ ...turn, words: [] }));
        call.transcript = turns.map((turn) => `${turn.role === 'agent' ? 'Agent' : 'User'}: ${turn.content}`).join('\n');
        call.recording_url = `${this.config.recordingBaseUrl()}${recordingPath(call.call_id)}`;
      }
      this.live.delete(call.call_id);
      const record = this.logById.get(call.call_id);
      if (record) record.endedAtMs = Date.now();
      this.emit('call_ended', call);
      this.at(analysisDelayMs, analyse);
    };
    if (!outcome.connected) return this.at(ringMs, end);
    this.at(ringMs, () => {
      call.call_status = 'ongoing';
      call.start_timestamp = this.config.now();
      this.emit('call_started', call);
      this.at(callDurationMs, end);
    });
  }

  private at(delayMs: number, step: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) step();
    }, delayMs);
    this.timers.add(timer);
  }

  /**
   * Queues a webhook behind the call's earlier ones, with a snapshot of the call as it is now — unless a fault mode
   * drops it, duplicates it, delays it (late, still in order) or sends it out of the chain (overtaken by the next one).
   */
  private emit(event: WebhookEvent, call: PhoneCallResponse): void {
    const snapshot = structuredClone(call);
    const fault = this.config.faults.webhook();
    if (fault.drop) return;
    const send = async () => {
      const { timing, apiKey } = this.config;
      const options = {
        url: this.config.webhookUrl(snapshot.agent_id),
        apiKey,
        maxRetries: timing.webhookRetries,
        retryDelayMs: timing.webhookRetryDelayMs,
        timeoutMs: timing.webhookTimeoutMs,
      };
      this.deliveries.push(await sendWebhook(event, snapshot, options));
      if (fault.duplicate) this.deliveries.push(await sendWebhook(event, snapshot, options));
    };
    if (fault.outOfOrderMs > 0) {
      const key = `${call.call_id}#side${(this.sideChains += 1)}`;
      const side = new Promise<void>((resolve) => setTimeout(resolve, fault.outOfOrderMs)).then(send);
      this.webhookChains.set(key, side);
      void side.finally(() => this.webhookChains.delete(key));
      return;
    }
    const previous = this.webhookChains.get(call.call_id) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (fault.lateMs > 0) await new Promise((r) => setTimeout(r, fault.lateMs));
      await send();
    });
    this.webhookChains.set(call.call_id, next);
    void next.finally(() => {
      if (this.webhookChains.get(call.call_id) === next) this.webhookChains.delete(call.call_id);
    });
  }
}
