import { randomUUID } from 'node:crypto';
import type { Vapi } from '@vapi-ai/server-sdk';
import { signVapiMessage, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../adapters/vapi/vapi-signature.js';
import { pickOutcome, type OutcomeName, type SimulatedOutcome } from '../retell-simulator/scripted-outcomes.js';
import { vapiAnalysis, vapiArtifact, vapiEndedReason } from './vapi-outcomes.js';

/** Thrown by {@link VapiCalls.create} when the org's concurrency limit is reached. */
export class VapiConcurrencyLimitError extends Error {}

/** One server-message delivery as tests see it. */
export interface VapiDelivery {
  type: string;
  callId: string;
  status: number;
  attempts: number;
  delivered: boolean;
}

/** Counters tests read. */
export interface VapiSimulatorStats {
  created: number;
  peakConcurrency: number;
  currentConcurrency: number;
  rejectedAtLimit: number;
  callsByToNumber: Record<string, number>;
}

/** Settings of the simulated org (durations in real ms). */
export interface VapiCallsOptions {
  concurrencyLimit: number;
  ringMs: number;
  callDurationMs: number;
  /** Signs server messages (HMAC credential); undefined = unsigned. */
  webhookSecret: () => string | undefined;
  /** Where the call's messages go (its assistant's `server.url`, else the org's). */
  serverUrl: (assistantId: string | undefined) => string | undefined;
  recordingBaseUrl: () => string;
  now: () => number;
  /** Retries of a failed delivery (as the assistant's `backoffPlan.maxRetries`). */
  webhookRetries: number;
  webhookRetryDelayMs: number;
}

/**
 * The simulated Vapi org's calls: scripted lifecycle (queued → in-progress → ended), concurrency accounting and
 * signed server messages (`status-update`, `end-of-call-report`), sent in order per call.
 */
export class VapiCalls {
  private readonly calls = new Map<string, Vapi.Call>();
  private readonly live = new Set<string>();
  private readonly perNumber = new Map<string, number>();
  private readonly overrides = new Map<string, (OutcomeName | SimulatedOutcome)[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly deliveryLog: VapiDelivery[] = [];
  private created = 0;
  private peak = 0;
  private rejected = 0;

  constructor(private readonly options: VapiCallsOptions) {}

  /** Accepts a call (status `queued`) and schedules its scripted course. @throws VapiConcurrencyLimitError */
  create(body: { assistantId: string; phoneNumberId: string; customerNumber: string; assistantOverrides?: Vapi.AssistantOverrides }): Vapi.Call {
    if (this.live.size >= this.options.concurrencyLimit) {
      this.rejected += 1;
      throw new VapiConcurrencyLimitError('Concurrency limit reached');
    }
    const index = this.perNumber.get(body.customerNumber) ?? 0;
    this.perNumber.set(body.customerNumber, index + 1);
    const outcome = pickOutcome(body.customerNumber, index, this.overrides.get(body.customerNumber));
    const at = new Date(this.options.now()).toISOString();
    const call: Vapi.Call = {
      id: randomUUID(),
      orgId: 'org_simulated',
      type: 'outboundPhoneCall',
      status: 'queued',
      createdAt: at,
      updatedAt: at,
      assistantId: body.assistantId,
      phoneNumberId: body.phoneNumberId,
      customer: { number: body.customerNumber },
      ...(body.assistantOverrides ? { assistantOverrides: body.assistantOverrides } : {}),
    };
    this.calls.set(call.id, call);
    this.live.add(call.id);
    this.created += 1;
    this.peak = Math.max(this.peak, this.live.size);
    const pet = String(body.assistantOverrides?.variableValues?.pet_name ?? 'your pet');
    this.after(this.options.ringMs, () => {
      if (outcome.connected) {
        this.update(call.id, { status: 'in-progress', startedAt: new Date(this.options.now()).toISOString() });
        this.send(call.id, 'status-update', { status: 'in-progress' });
        this.after(this.options.callDurationMs, () => this.end(call.id, outcome, pet));
      } else {
        this.end(call.id, outcome, pet);
      }
    });
    return structuredClone(call);
  }

  get(id: string): Vapi.Call | undefined {
    const call = this.calls.get(id);
    return call && structuredClone(call);
  }

  /** Newest first, at most `limit`. */
  list(limit: number): Vapi.Call[] {
    return [...this.calls.values()].reverse().slice(0, limit).map((c) => structuredClone(c));
  }

  script(toNumber: string, outcomes: (OutcomeName | SimulatedOutcome)[]): void {
    this.overrides.set(toNumber, outcomes);
  }

  stats(): VapiSimulatorStats {
    return {
      created: this.created,
      peakConcurrency: this.peak,
      currentConcurrency: this.live.size,
      rejectedAtLimit: this.rejected,
      callsByToNumber: Object.fromEntries(this.perNumber),
    };
  }

  deliveries(): VapiDelivery[] {
    return this.deliveryLog.map((d) => ({ ...d }));
  }

  async settled(): Promise<void> {
    while (this.timers.size > 0 || this.chains.size > 0) {
      await Promise.all([...this.chains.values()]);
      if (this.timers.size > 0) await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.chains.values()]);
  }

  private end(id: string, outcome: SimulatedOutcome, pet: string): void {
    const call = this.calls.get(id);
    if (!call) return;
    const endedAt = new Date(this.options.now()).toISOString();
    const recordingUrl = outcome.connected ? `${this.options.recordingBaseUrl()}/recordings/${id}.wav` : undefined;
    const endedReason = vapiEndedReason(outcome);
    const artifact = vapiArtifact(outcome, pet, recordingUrl);
    const analysis = vapiAnalysis(outcome, pet);
    this.update(id, { status: 'ended', endedReason, endedAt, artifact: artifact as Vapi.Artifact, analysis, messages: artifact.messages as Vapi.Call['messages'] });
    this.live.delete(id);
    this.send(id, 'status-update', { status: 'ended', endedReason });
    this.send(id, 'end-of-call-report', { endedReason, artifact, analysis, startedAt: call.startedAt, endedAt });
  }

  private update(id: string, fields: Partial<Vapi.Call>): void {
    const call = this.calls.get(id);
    if (call) this.calls.set(id, { ...call, ...fields, updatedAt: new Date(this.options.now()).toISOString() });
  }

  private after(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** Queues one server message for the call (in order per call), signed afresh on each attempt. */
  private send(id: string, type: string, fields: Record<string, unknown>): void {
    const previous = this.chains.get(id) ?? Promise.resolve();
    const next = previous.then(async () => {
      const call = this.calls.get(id);
      const body = JSON.stringify({ message: { type, timestamp: this.options.now(), call, ...fields } });
      this.deliveryLog.push(await this.deliver(type, id, body));
    });
    this.chains.set(id, next);
    void next.finally(() => {
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
  }

  private async deliver(type: string, callId: string, body: string): Promise<VapiDelivery> {
    const url = this.options.serverUrl(this.calls.get(callId)?.assistantId);
    let status = 0;
    let attempts = 0;
    for (let attempt = 0; attempt <= this.options.webhookRetries && url; attempt += 1) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, this.options.webhookRetryDelayMs * 2 ** (attempt - 1)));
      attempts += 1;
      const secret = this.options.webhookSecret();
      const timestamp = String(Date.now());
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret) {
        headers[SIGNATURE_HEADER] = signVapiMessage(secret, timestamp, body);
        headers[TIMESTAMP_HEADER] = timestamp;
      }
      try {
        const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(20_000) });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return { type, callId, status, attempts, delivered: true };
      } catch {
        status = 0;
      }
    }
    return { type, callId, status, attempts, delivered: false };
  }
}
