import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgentAuditReport,
  AgentSyncReport,
  Call,
  ClinicAgentSettings,
  CleanupOrphanedAgentsResponse,
  ListAgentsResponse,
  ListVoicesResponse,
  type RegistryAgent,
} from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { dynamoDbProvisioningStores } from '@vfc/backend/adapters/dynamodb/provisioning-stores';
import { provisionClinic } from '@vfc/backend/app/provision-clinic';
import { demoClinic } from '@vfc/backend/local/seed-demo';
import { createDocumentClient } from '@vfc/backend/adapters/dynamodb/document-client';
import { DynamoDbClinicStore } from '@vfc/backend/adapters/dynamodb/dynamodb-clinic-store';
import type { SimulatedAgents } from '@vfc/backend/local/retell-simulator/agents';
import { apiClient, pollUntil } from '../support/api.js';

/**
 * The agent registry's guarantees (docs/agent-registry.md) on the real local stack: DynamoDB Local, the scheduler emulator (which also runs the
 * recurring agent sync), the Retell simulator's agent endpoints through the real retell-sdk adapter, the real handlers.
 * Time runs 600× (one virtual minute per 100 real ms) so the dialer's 15-minute re-check of a held call happens in ~1.5 s.
 */
const TIME_SCALE = 600;
let stack: LocalStack;
let agents: SimulatedAgents;
let holdClinic: { staffToken: string; adminToken: string };

beforeAll(async () => {
  stack = await startLocalStack({ callDurationMs: 300, timeScale: TIME_SCALE });
  agents = stack.simulator!.agents;
  agents.pageSize = 2; // every list-agents answer is a page of 2: a sync must follow pagination_key
  const clinics = new DynamoDbClinicStore(createDocumentClient({ endpoint: stack.dynamoDbEndpoint }), stack.tableName);
  agents.put({ agent_id: 'agent_hold_clinic', agent_name: 'Hold clinic follow-up', voice_id: '11labs-Myra' });
  const { tokens } = await provisionClinic(
    dynamoDbProvisioningStores(createDocumentClient({ endpoint: stack.dynamoDbEndpoint }), stack.tableName),
    { ...demoClinic('America/New_York'), clinicId: 'hold-clinic', name: 'Hold clinic', agentId: 'agent_hold_clinic' },
    [
      { role: 'staff', label: 'hold staff' },
      { role: 'admin', label: 'hold admin' },
    ],
  );
  holdClinic = { staffToken: tokens[0]!.token, adminToken: tokens[1]!.token };
  // The start-up sync ran before the hold clinic's agent existed: sync once so every test starts from a synced registry.
  await sync();
});
afterAll(() => stack?.stop());

const api = apiClient(() => stack.apiUrl, () => stack.adminToken);

const sync = async () => {
  const res = await api('/agents/sync', { method: 'POST' });
  expect(res.status).toBe(200);
  return AgentSyncReport.parse(res.json);
};
const registry = async () => ListAgentsResponse.parse((await api('/agents')).json).items;
const inRegistry = async (agentId: string): Promise<RegistryAgent | undefined> => (await registry()).find((a) => a.agentId === agentId);
const ids = (changes: { agentId: string }[]) => changes.map((c) => c.agentId);


describe('agent registry on the local stack', () => {
  it('the stack synced at start-up (demo agent active) and created the recurring 6-hour schedule', async () => {
    expect(await inRegistry('agent_demo_followup')).toMatchObject({ syncStatus: 'active', voiceId: '11labs-Adrian' });
    const recurring = stack.scheduler.schedules().find((s) => s.name === 'vfc-local-agent-sync');
    expect(recurring).toMatchObject({ scheduleExpression: 'rate(6 hours)', state: 'ENABLED' });
  });

  it('admin only: a staff token gets 403 on every agent route', async () => {
    for (const [method, path] of [['POST', '/agents/sync'], ['GET', '/agents'], ['GET', '/agents/audit'], ['POST', '/agents/cleanup-orphaned'], ['GET', '/clinic/agent']]) {
      expect((await api(path!, { method, token: stack.staffToken })).status).toBe(403);
    }
  });

  it('new agents across more than one page are created; chat agents are skipped with the reason', async () => {
    const before = agents.requests().filter((r) => r === 'POST /v2/list-agents').length;
    agents.put({ agent_id: 'agent_new_1', agent_name: 'Clinic A follow-up' });
    agents.put({ agent_id: 'agent_new_2', agent_name: 'Clinic B follow-up' });
    agents.put({ agent_id: 'agent_new_3', agent_name: 'Clinic C follow-up' });
    agents.put({ agent_id: 'agent_chat', agent_name: 'Web chat', channel: 'chat' });
    const report = await sync();
    expect(report.ok).toBe(true);
    expect(ids(report.created)).toEqual(expect.arrayContaining(['agent_new_1', 'agent_new_2', 'agent_new_3']));
    expect(report.skipped).toContainEqual(expect.objectContaining({ agentId: 'agent_chat', reason: expect.stringContaining('chat') }));
    expect(report.totals.inRetell).toBe(6); // demo, hold clinic, 3 new, chat: none lost across 3 pages of 2
    const pages = agents.requests().filter((r) => r === 'POST /v2/list-agents').length - before;
    expect(pages).toBe(3);
    expect(await inRegistry('agent_new_3')).toMatchObject({ syncStatus: 'active', agentName: 'Clinic C follow-up', isPublished: true, language: 'en-US' });
  });

  it('an agent changed in Retell is updated; unchanged agents are not reported', async () => {
    agents.put({ agent_id: 'agent_changed', agent_name: 'Clinic D follow-up' });
    await sync();
    agents.change('agent_changed', { voice_id: 'openai-Alloy', version: 3 });
    const report = await sync();
    expect(ids(report.updated)).toEqual(['agent_changed']);
    expect(report.updated[0]!.reason).toMatch(/voiceId/);
    expect(report.created).toEqual([]);
    expect(await inRegistry('agent_changed')).toMatchObject({ voiceId: 'openai-Alloy', version: 3, syncStatus: 'active' });
  });

  it('an agent whose voice was removed and an agent deleted in Retell are orphaned, with the reason', async () => {
    agents.put({ agent_id: 'agent_new_2', agent_name: 'Clinic E follow-up' });
    agents.put({ agent_id: 'agent_new_3', agent_name: 'Clinic F follow-up' });
    await sync();
    agents.change('agent_new_2', { voice_id: '' });
    agents.remove('agent_new_3');
    const report = await sync();
    expect(report.orphaned).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agentId: 'agent_new_2', reason: expect.stringContaining('voice was removed') }),
        expect.objectContaining({ agentId: 'agent_new_3', reason: expect.stringContaining('deleted in Retell') }),
      ]),
    );
    const gone = await inRegistry('agent_new_3');
    expect(gone).toMatchObject({ syncStatus: 'orphaned' });
    expect(gone!.orphanedAt).toBeDefined();
    expect(await inRegistry('agent_new_2')).toMatchObject({ syncStatus: 'orphaned' });
    expect((await inRegistry('agent_new_2'))!.voiceId).toBeUndefined();
  });

  it('duplicates by name: the most recently modified is kept, the rest flagged', async () => {
    const t = stack.now().getTime();
    agents.put({ agent_id: 'agent_dup_old', agent_name: 'Reminder Bot', last_modification_timestamp: t - 60_000 });
    agents.put({ agent_id: 'agent_dup_new', agent_name: 'reminder bot ', last_modification_timestamp: t });
    const report = await sync();
    expect(ids(report.duplicates)).toEqual(['agent_dup_old']);
    expect(await inRegistry('agent_dup_old')).toMatchObject({ duplicateOf: 'agent_dup_new', syncStatus: 'active' });
    expect((await inRegistry('agent_dup_new'))!.duplicateOf).toBeUndefined();
  });

  it('Retell failing mid-sync (second page) leaves the registry exactly as it was and reports the error', async () => {
    agents.put({ agent_id: 'agent_to_remove', agent_name: 'Clinic G follow-up' });
    await sync();
    const before = await registry();
    agents.remove('agent_to_remove'); // a successful sync would orphan it
    agents.put({ agent_id: 'agent_late', agent_name: 'Late agent' }); // ...and create this one
    agents.failRequests({ after: 1, count: 1, status: 500 });
    const report = await sync();
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.reason).toMatch(/500.*left unchanged/);
    expect(report.created).toEqual([]);
    expect(await registry()).toEqual(before);
    // Retell is back: the next sync applies both changes.
    const next = await sync();
    expect(next.ok).toBe(true);
    expect(ids(next.created)).toContain('agent_late');
    expect(ids(next.orphaned)).toContain('agent_to_remove');
  });

  it('the audit is read-only and reports orphans, duplicates, a score below 100 and plain-words recommendations', async () => {
    const t = stack.now().getTime();
    agents.put({ agent_id: 'agent_audit_gone', agent_name: 'Audit gone' });
    agents.put({ agent_id: 'agent_audit_old', agent_name: 'Audit twin', last_modification_timestamp: t - 60_000 });
    agents.put({ agent_id: 'agent_audit_new', agent_name: 'Audit twin', last_modification_timestamp: t });
    await sync();
    agents.remove('agent_audit_gone');
    await sync();
    const before = await registry();
    const res = await api('/agents/audit');
    expect(res.status).toBe(200);
    const audit = AgentAuditReport.parse(res.json);
    expect(audit.discrepancies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'orphaned', agentId: 'agent_audit_gone' }),
        expect.objectContaining({ kind: 'duplicate', agentId: 'agent_audit_old' }),
      ]),
    );
    const kinds = new Set(audit.discrepancies.map((d) => d.kind));
    expect(kinds).toEqual(new Set(['orphaned', 'duplicate']));
    // The documented score: 100 − 10 per orphan − 5 per duplicate (docs/agent-registry.md), over what the audit found.
    const count = (kind: string) => audit.discrepancies.filter((d) => d.kind === kind).length;
    expect(audit.healthScore).toBe(100 - 10 * count('orphaned') - 5 * count('duplicate'));
    expect(audit.recommendations.join(' ')).toMatch(/Clean up orphaned agents/);
    expect(await registry()).toEqual(before);
  });

  it('cleanup keeps orphans younger than 7 days and says so', async () => {
    agents.put({ agent_id: 'agent_young_orphan', agent_name: 'Young orphan' });
    await sync();
    agents.remove('agent_young_orphan');
    await sync();
    const res = await api('/agents/cleanup-orphaned', { method: 'POST' });
    const cleanup = CleanupOrphanedAgentsResponse.parse(res.json);
    expect(cleanup.removed).toEqual([]);
    expect(ids(cleanup.kept)).toContain('agent_young_orphan');
    expect(cleanup.kept[0]!.reason).toMatch(/7 days/);
  });

  it('clinic agent settings: bad agent ids and numbers are refused with clear messages', async () => {
    const put = (body: unknown) => api('/clinic/agent', { method: 'PUT', body: JSON.stringify(body) });
    const unknown = await put({ agentId: 'agent_nope' });
    expect(unknown.status).toBe(422);
    expect(unknown.json.issues[0]).toMatchObject({ path: 'agentId', message: expect.stringContaining('does not exist in Retell') });
    agents.put({ agent_id: 'agent_voiceless', agent_name: 'No voice yet', voice_id: '' });
    await sync();
    const voiceless = await put({ agentId: 'agent_voiceless' });
    expect(voiceless.status).toBe(422);
    expect(voiceless.json.message).toMatch(/not voice-enabled/);
    const badNumber = await put({ fromNumber: '555-0199' });
    expect(badNumber.status).toBe(400);
    expect(badNumber.json.issues[0].path).toBe('fromNumber');
    const badVoice = await put({ voiceId: 'no-such-voice' });
    expect(badVoice.status).toBe(422);
    expect(badVoice.json.issues[0].path).toBe('voiceId');
  });

  it('an admin edits the follow-up agent: partial update then publish in Retell, in place (no new agent)', async () => {
    const voices = ListVoicesResponse.parse((await api('/agents/voices')).json).items;
    expect(voices.map((v) => v.voiceId)).toContain('11labs-Myra');
    const countBefore = (await registry()).length;
    const res = await api('/clinic/agent', {
      method: 'PUT',
      token: holdClinic.adminToken,
      body: JSON.stringify({ voiceId: '11labs-Myra', greeting: 'Hello from the hold clinic about {{pet_name}}', language: 'es-ES', maxCallDurationMs: 300_000 }),
    });
    expect(res.status).toBe(200);
    const settings = ClinicAgentSettings.parse(res.json);
    expect(settings.agent).toMatchObject({
      agentId: 'agent_hold_clinic',
      voiceId: '11labs-Myra',
      language: 'es-ES',
      maxCallDurationMs: 300_000,
      greeting: 'Hello from the hold clinic about {{pet_name}}',
      isPublished: true,
      version: 1,
    });
    expect(agents.get('agent_hold_clinic')).toMatchObject({ version: 1, is_published: true, language: 'es-ES' });
    expect(agents.greetingOf('agent_hold_clinic')).toBe('Hello from the hold clinic about {{pet_name}}');
    expect((await registry()).length).toBe(countBefore);
    // The demo agent is shared by the demo clinic and nobody else here; but an agent used by two clinics is never edited:
    expect(settings.usable).toBe(true);
  });

  it("an orphaned clinic agent: scheduling is refused, due calls are held (not dialled, not lost) until an admin fixes it", async () => {
    const phoneNumber = '(415) 555-0177';
    const due = new Date(stack.now().getTime() + 20 * 60_000).toISOString(); // ~2 s real
    const created = await api('/calls', {
      method: 'POST',
      token: holdClinic.staffToken,
      body: JSON.stringify({ consultationId: '4242', petName: 'Bo', ownerName: 'Kim Lee', phoneNumber, scheduledFor: due }),
    });
    expect(created.status).toBe(201);
    const callId = Call.parse(created.json).callId;

    agents.remove('agent_hold_clinic');
    await sync();
    const refused = await api('/calls', {
      method: 'POST',
      token: holdClinic.staffToken,
      body: JSON.stringify({ consultationId: '4243', petName: 'Bo', ownerName: 'Kim Lee', phoneNumber, scheduledFor: due }),
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ error: 'agent_unavailable', message: expect.stringContaining('orphaned') });

    const getCall = async () => Call.parse((await api(`/calls/${callId}`, { token: holdClinic.staffToken })).json);
    const held = await pollUntil(getCall, (c) => (c.statusReason ?? '').startsWith('Held'));
    expect(held.status).toBe('scheduled');
    expect(held.statusReason).toMatch(/agent_hold_clinic is orphaned/);
    expect(new Date(held.scheduledFor).getTime()).toBeGreaterThan(new Date(due).getTime());
    // A re-check 15 virtual minutes later holds it again: still never dialled.
    await pollUntil(getCall, (c) => new Date(c.scheduledFor).getTime() > new Date(held.scheduledFor).getTime());
    expect(stack.simulator!.stats().callsByToNumber['+14155550177'] ?? 0).toBe(0);

    // The admin points the clinic at a working agent: the held call goes out at its next re-check.
    agents.put({ agent_id: 'agent_replacement', agent_name: 'Hold clinic replacement' });
    await sync();
    const fixed = await api('/clinic/agent', { method: 'PUT', token: holdClinic.adminToken, body: JSON.stringify({ agentId: 'agent_replacement' }) });
    expect(fixed.status).toBe(200);
    expect(ClinicAgentSettings.parse(fixed.json)).toMatchObject({ agentId: 'agent_replacement', usable: true });
    const done = await pollUntil(getCall, (c) => c.status === 'completed', { timeoutMs: 30_000 });
    expect(done.attempt).toBe(1);
    expect(stack.simulator!.stats().callsByToNumber['+14155550177']).toBe(1);
  });
});
