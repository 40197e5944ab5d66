import Retell from 'retell-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { readBody, startHttpServer, type RunningServer } from '../emulator-kit/http-server.js';
import { startRetellSimulator, type RetellSimulator, type RetellSimulatorOptions } from './retell-simulator.js';

const API_KEY = 'key_test_simulator';
const FROM = '+14155550000';

interface Received {
  event: string;
  call: Record<string, any>;
  verified: boolean;
}

/** A webhook receiver that verifies every signature over the raw body with the SDK, as our handler must. */
async function startReceiver(answer: (n: number) => number = () => 204) {
  const received: Received[] = [];
  let hits = 0;
  const server = await startHttpServer(async (req, res) => {
    const raw = await readBody(req);
    const verified = await Retell.verify(raw, API_KEY, String(req.headers['x-retell-signature'] ?? ''));
    const status = answer(hits++);
    if (status < 300) received.push({ ...(JSON.parse(raw) as { event: string; call: Record<string, any> }), verified });
    res.writeHead(status);
    res.end();
  });
  return { server, received, hits: () => hits };
}

describe('Retell simulator driven by the real retell-sdk', () => {
  let simulator: RetellSimulator | undefined;
  let receiver: RunningServer | undefined;
  afterEach(async () => {
    await simulator?.stop();
    await receiver?.stop();
  });

  async function start(options: Partial<RetellSimulatorOptions> = {}, answer?: (n: number) => number) {
    const r = await startReceiver(answer);
    receiver = r.server;
    simulator = await startRetellSimulator({
      apiKey: API_KEY,
      ringMs: 20,
      callDurationMs: 40,
      analysisDelayMs: 20,
      webhookRetryDelayMs: 5,
      ...options,
    });
    simulator.setWebhookUrl(`${r.server.url}/webhooks/retell`);
    const client = new Retell({ apiKey: API_KEY, baseURL: simulator.url, maxRetries: 0 });
    return { client, received: r.received, hits: r.hits, sim: simulator };
  }

  it('creates a realistic registered outbound call and serves it by get-call', async () => {
    const { client, sim } = await start();
    const call = await client.call.createPhoneCall({
      from_number: FROM,
      to_number: '+14155550123',
      override_agent_id: 'agent_abc',
      metadata: { call_id: 'our-call-1' },
      retell_llm_dynamic_variables: { pet_name: 'Biscuit', clinic_name: 'Happy Paws' },
    });
    expect(call).toMatchObject({
      agent_id: 'agent_abc',
      agent_version: 1,
      call_status: 'registered',
      call_type: 'phone_call',
      direction: 'outbound',
      from_number: FROM,
      to_number: '+14155550123',
      metadata: { call_id: 'our-call-1' },
      retell_llm_dynamic_variables: { pet_name: 'Biscuit', clinic_name: 'Happy Paws' },
    });
    expect(call.call_id).toMatch(/^call_[0-9a-f]{28}$/);

    await sim.webhooksSettled();
    await expect.poll(async () => (await client.call.retrieve(call.call_id)).call_analysis, { timeout: 2000 }).toBeDefined();
    const done = await client.call.retrieve(call.call_id);
    expect(done).toMatchObject({ call_status: 'ended', disconnection_reason: 'user_hangup' });
    expect(done.end_timestamp! - done.start_timestamp!).toBe(done.duration_ms);
    expect(done.duration_ms).toBeGreaterThanOrEqual(30);
  });

  it('answers 401 without the right bearer key', async () => {
    const { sim } = await start();
    const wrong = new Retell({ apiKey: 'wrong', baseURL: sim.url, maxRetries: 0 });
    await expect(wrong.concurrency.retrieve()).rejects.toMatchObject({ status: 401 });
    const none = await fetch(`${sim.url}/get-concurrency`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ status: 'error', message: 'Unauthorized' });
  });

  it.each([
    [{ from_number: FROM, to_number: '4155550123' }, 'to_number'],
    [{ from_number: '555', to_number: '+14155550123' }, 'from_number'],
    [{ from_number: FROM, to_number: '+14155550123', retell_llm_dynamic_variables: { age: 7 } }, 'retell_llm_dynamic_variables'],
  ])('refuses %j with 400', async (body, field) => {
    const { client } = await start();
    const error = await client.call.createPhoneCall(body as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Retell.BadRequestError);
    expect((error as InstanceType<typeof Retell.BadRequestError>).error).toMatchObject({ status: 'error', message: expect.stringContaining(field) });
  });

  it('enforces the concurrency limit with 429 and frees slots when calls end', async () => {
    const { client, sim } = await start({ concurrencyLimit: 2, callDurationMs: 200 });
    await client.call.createPhoneCall({ from_number: FROM, to_number: '+14155550001' });
    await client.call.createPhoneCall({ from_number: FROM, to_number: '+14155550002' });
    expect(await client.concurrency.retrieve()).toEqual({ current_concurrency: 2, concurrency_limit: 2 });

    const error = await client.call.createPhoneCall({ from_number: FROM, to_number: '+14155550003' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Retell.RateLimitError);
    expect((error as InstanceType<typeof Retell.RateLimitError>).error).toEqual({ status: 'error', message: 'Account rate limited' });

    await expect.poll(() => sim.stats().currentConcurrency, { timeout: 3000 }).toBe(0);
    await client.call.createPhoneCall({ from_number: FROM, to_number: '+14155550003' });
    expect(sim.stats()).toMatchObject({
      created: 3,
      peakConcurrency: 2,
      rejected429: 1,
      callsByToNumber: { '+14155550001': 1, '+14155550002': 1, '+14155550003': 1 },
    });
  });

  async function runCall(to: string, options: Partial<RetellSimulatorOptions> = {}) {
    const ctx = await start(options);
    const call = await ctx.client.call.createPhoneCall({
      from_number: FROM,
      to_number: to,
      retell_llm_dynamic_variables: { pet_name: 'Biscuit' },
    });
    await expect.poll(() => ctx.received.filter((r) => r.event === 'call_analyzed').length, { timeout: 3000 }).toBe(1);
    await ctx.sim.webhooksSettled();
    return { ...ctx, call, events: ctx.received.filter((r) => r.call.call_id === call.call_id) };
  }

  it('default number: signed call_started → call_ended (user_hangup) → call_analyzed with the pet in the summary', async () => {
    const { events } = await runCall('+14155550123');
    expect(events.map((e) => e.event)).toEqual(['call_started', 'call_ended', 'call_analyzed']);
    expect(events.every((e) => e.verified)).toBe(true);
    expect(events[0]?.call.call_status).toBe('ongoing');
    expect(events[1]?.call).toMatchObject({ call_status: 'ended', disconnection_reason: 'user_hangup' });
    expect(events[1]?.call.call_analysis).toBeUndefined();
    expect(events[2]?.call.call_analysis).toEqual({
      call_summary: 'Spoke with the owner; Biscuit is eating well and recovering. No concerns.',
      user_sentiment: 'Positive',
      call_successful: true,
      in_voicemail: false,
      custom_analysis_data: { concern_level: 'none', callback_requested: false, opt_out: false },
    });
    // The ending carries the conversation (≥ 4 turns, agent and user) and a recording the simulator serves.
    const ended = events[1]!.call;
    expect(ended.transcript_object?.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ended.transcript_object?.map((turn: { role: string }) => turn.role))).toEqual(new Set(['agent', 'user']));
    const recording = await fetch(ended.recording_url!);
    expect(recording.status).toBe(200);
    expect(recording.headers.get('content-type')).toBe('audio/wav');
  });

  it.each([
    ['+14155550101', 'dial_no_answer'],
    ['+14155550102', 'dial_busy'],
    ['+14155550104', 'invalid_destination'],
    ['+14155550107', 'dial_failed'],
  ])('%s never connects: no call_started, call_ended with %s, then call_analyzed', async (to, reason) => {
    const { events } = await runCall(to);
    expect(events.map((e) => e.event)).toEqual(['call_ended', 'call_analyzed']);
    expect(events[0]?.call).toMatchObject({ call_status: 'not_connected', disconnection_reason: reason, duration_ms: 0 });
    expect(events[1]?.call.call_analysis).toMatchObject({ call_successful: false, in_voicemail: false });
  });

  it('0103 reaches voicemail', async () => {
    const { events } = await runCall('+14155550103');
    expect(events.map((e) => e.event)).toEqual(['call_started', 'call_ended', 'call_analyzed']);
    expect(events[1]?.call.disconnection_reason).toBe('voicemail_reached');
    expect(events[2]?.call.call_analysis).toMatchObject({ in_voicemail: true, call_successful: false });
  });

  it('0105 answers and asks not to be called again', async () => {
    const { events } = await runCall('+14155550105');
    expect(events[2]?.call.call_analysis).toMatchObject({ custom_analysis_data: { opt_out: true }, user_sentiment: 'Negative' });
  });

  it('0106 does not answer twice, then answers (counted per number across calls)', async () => {
    const { client, received, sim } = await start();
    const reasons: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const call = await client.call.createPhoneCall({ from_number: FROM, to_number: '+14155550106' });
      await expect.poll(() => received.some((r) => r.event === 'call_ended' && r.call.call_id === call.call_id), { timeout: 3000 }).toBe(true);
      reasons.push(received.find((r) => r.event === 'call_ended' && r.call.call_id === call.call_id)?.call.disconnection_reason);
    }
    expect(reasons).toEqual(['dial_no_answer', 'dial_no_answer', 'user_hangup']);
    expect(sim.stats().callsByToNumber['+14155550106']).toBe(3);
  });

  it('script() overrides the outcomes of a number', async () => {
    const { client, received, sim } = await start();
    sim.script('+14155550123', ['busy', 'voicemail']);
    const reasons: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const call = await client.call.createPhoneCall({ from_number: FROM, to_number: '+14155550123' });
      await expect.poll(() => received.some((r) => r.event === 'call_ended' && r.call.call_id === call.call_id), { timeout: 3000 }).toBe(true);
      reasons.push(received.find((r) => r.event === 'call_ended' && r.call.call_id === call.call_id)?.call.disconnection_reason);
    }
    expect(reasons).toEqual(['dial_busy', 'voicemail_reached', 'voicemail_reached']);
  });

  it('retries a webhook on non-2xx (signing each attempt afresh) until it is accepted', async () => {
    const { client, received, hits, sim } = await start({}, (n) => (n < 2 ? 500 : 204));
    await client.call.createPhoneCall({ from_number: FROM, to_number: '+14155550101' });
    await expect.poll(() => received.length, { timeout: 3000 }).toBe(2);
    await sim.webhooksSettled();
    expect(hits()).toBe(4); // call_ended: 500, 500, 204; call_analyzed: 204
    expect(received.map((r) => [r.event, r.verified])).toEqual([['call_ended', true], ['call_analyzed', true]]);
    expect(sim.webhookDeliveries().map((d) => [d.event, d.attempts, d.delivered])).toEqual([
      ['call_ended', 3, true],
      ['call_analyzed', 1, true],
    ]);
  });

  it('gives up on a webhook after 3 retries (4 attempts) and still sends the next event', async () => {
    const { client, hits, sim } = await start({}, () => 503);
    await client.call.createPhoneCall({ from_number: FROM, to_number: '+14155550102' });
    await expect.poll(() => sim.webhookDeliveries().length, { timeout: 3000 }).toBe(2);
    expect(sim.webhookDeliveries().map((d) => [d.event, d.attempts, d.status, d.delivered])).toEqual([
      ['call_ended', 4, 503, false],
      ['call_analyzed', 4, 503, false],
    ]);
    expect(hits()).toBe(8);
  });
});

describe("a second workspace (a clinic's own Retell key)", () => {
  const OWN_KEY = 'key_test_clinic_workspace';
  const OWN_NUMBER = '+14155557777';
  let simulator: RetellSimulator | undefined;
  let receiver: RunningServer | undefined;
  afterEach(async () => {
    await simulator?.stop();
    await receiver?.stop();
  });

  async function startWithWorkspace() {
    const received: { raw: string; signature: string }[] = [];
    receiver = await startHttpServer(async (req, res) => {
      received.push({ raw: await readBody(req), signature: String(req.headers['x-retell-signature'] ?? '') });
      res.writeHead(204);
      res.end();
    });
    simulator = await startRetellSimulator({ apiKey: API_KEY, ringMs: 20, callDurationMs: 40, analysisDelayMs: 20, webhookRetryDelayMs: 5 });
    simulator.setWebhookUrl(`${receiver.url}/platform`);
    const workspace = simulator.addWorkspace({ apiKey: OWN_KEY, numbers: [OWN_NUMBER] });
    const own = new Retell({ apiKey: OWN_KEY, baseURL: simulator.url, maxRetries: 0 });
    return { sim: simulator, workspace, own, received, receiverUrl: receiver.url };
  }

  it('lists only its own numbers and agents (none at first); the first key sees its own', async () => {
    const { sim, own } = await startWithWorkspace();
    expect((await own.phoneNumber.list()).items.map((n) => n.phone_number)).toEqual([OWN_NUMBER]);
    expect((await own.agent.list()).items).toEqual([]);
    const platform = new Retell({ apiKey: API_KEY, baseURL: sim.url, maxRetries: 0 });
    expect((await platform.agent.list()).items.map((a) => a.agent_id)).toEqual(['agent_demo_followup']);
  });

  it('refuses a from_number that is not one of its numbers', async () => {
    const { own, workspace } = await startWithWorkspace();
    await expect(own.call.createPhoneCall({ from_number: FROM, to_number: '+14155550123' })).rejects.toBeInstanceOf(Retell.NotFoundError);
    expect(workspace.stats().created).toBe(0);
  });

  it("creates an agent on a new LLM; its calls' webhooks go to the agent's webhook_url, signed with the workspace's key only", async () => {
    const { sim, workspace, own, received, receiverUrl } = await startWithWorkspace();
    const llm = await own.llm.create({ begin_message: 'Hello' });
    const agent = await own.agent.create({ response_engine: { type: 'retell-llm', llm_id: llm.llm_id }, voice_id: '11labs-Adrian', webhook_url: `${receiverUrl}/own` });
    await own.call.createPhoneCall({ from_number: OWN_NUMBER, to_number: '+14155550123', override_agent_id: agent.agent_id });
    await expect.poll(() => received.length, { timeout: 3000 }).toBe(3);
    await sim.webhooksSettled();
    const checks = await Promise.all(received.map(async (r) => [await Retell.verify(r.raw, OWN_KEY, r.signature), await Retell.verify(r.raw, API_KEY, r.signature)]));
    expect(checks).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
    expect([workspace.stats().created, sim.stats().created]).toEqual([1, 0]);
  });
});
