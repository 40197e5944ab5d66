import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentAuditReport, AgentSyncReport, ClinicAgentSettings, CleanupOrphanedAgentsResponse, ListAgentsResponse } from '@vfc/shared';
import { startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { DEMO_CLINIC_ID } from '@vfc/backend/local/seed-demo';
import { VapiAccount } from '@vfc/backend/adapters/vapi/vapi-assistants';
import { vapiClientFactory } from '@vfc/backend/adapters/vapi/vapi-client';
import { MANAGED_BY } from '@vfc/backend/app/voice/clinic-assistant';
import { apiClient } from '../support/api.js';

/**
 * The agent registry on Vapi, on the real local stack (DynamoDB Local, the Vapi simulator through the real Vapi
 * adapter, the real handlers): the demo clinic switched to Vapi → sync → a healthy audit → an edit of the first message
 * only → a stray tagged assistant found as an orphan and deleted by the clean-up.
 */
const VAPI_KEY = 'vapi-sim-agents-key';
let stack: LocalStack;
let vapi: VapiAccount;
beforeAll(async () => {
  stack = await startLocalStack({ vapiSimulatorApiKey: VAPI_KEY });
  vapi = new VapiAccount(vapiClientFactory(async () => VAPI_KEY, stack.vapiSimulator!.url, 5_000));
});
afterAll(() => stack?.stop());

const admin = apiClient(() => stack.apiUrl, () => stack.adminToken);
const ours = () => stack.vapiSimulator!.assistants().filter((a) => (a.metadata as { clinicId?: string } | undefined)?.clinicId === DEMO_CLINIC_ID);
const without = (a: object, ...keys: string[]) => Object.fromEntries(Object.entries(a).filter(([k]) => !keys.includes(k)));

describe('the agent registry for a clinic on Vapi (local stack)', () => {
  it('switching the demo clinic to Vapi records its one tagged assistant; a sync then keeps exactly that one, unchanged', async () => {
    expect((await admin('/clinic/voice', { method: 'PUT', body: JSON.stringify({ provider: 'vapi' }) })).status).toBe(200);
    expect(ours()).toHaveLength(1);
    const vapiRecords = async () => ListAgentsResponse.parse((await admin('/agents')).json).items.filter((a) => a.provider === 'vapi');
    expect((await vapiRecords()).map((r) => [r.agentId, r.clinicId, r.syncStatus])).toEqual([[ours()[0]!.id, DEMO_CLINIC_ID, 'active']]);
    const res = await admin('/agents/sync', { method: 'POST' });
    expect(res.status).toBe(200);
    const report = AgentSyncReport.parse(res.json);
    expect(report.vapi?.unchanged.map((c) => c.agentId)).toEqual([ours()[0]!.id]);
    expect(report.vapi?.errors).toEqual([]);
    expect(ours()).toHaveLength(1);
    expect((await vapiRecords()).map((r) => r.agentId)).toEqual([ours()[0]!.id]);
  });

  it('the audit then reports a healthy registry: score 100, no discrepancy', async () => {
    const audit = AgentAuditReport.parse((await admin('/agents/audit')).json);
    expect([audit.healthScore, audit.discrepancies]).toEqual([100, []]);
  });

  it('an edit of the first message changes only the first message of the assistant', async () => {
    const before = ours()[0]!;
    const res = await admin('/clinic/agent', { method: 'PUT', body: JSON.stringify({ greeting: 'Hi, this is Happy Paws checking in on {{pet_name}}.' }) });
    expect(res.status).toBe(200);
    expect(ClinicAgentSettings.parse(res.json).agent).toMatchObject({ agentId: before.id, greeting: 'Hi, this is Happy Paws checking in on {{pet_name}}.' });
    const after = ours()[0]!;
    expect(after.firstMessage).toBe('Hi, this is Happy Paws checking in on {{pet_name}}.');
    expect(without(after, 'firstMessage', 'updatedAt')).toEqual(without(before, 'firstMessage', 'updatedAt'));
  });

  it('a stray tagged assistant shows as an orphan in the audit, and the clean-up deletes exactly it', async () => {
    const stray = await vapi.createAssistant({ name: 'Stray', metadata: { managedBy: MANAGED_BY, clinicId: 'closed-clinic', role: 'follow_up' } });
    const others = stack.vapiSimulator!.assistants().filter((a) => a.id !== stray.id);
    const audit = AgentAuditReport.parse((await admin('/agents/audit')).json);
    expect(audit.discrepancies.map((d) => [d.kind, d.agentId])).toEqual([['orphaned', stray.id]]);
    const cleanup = CleanupOrphanedAgentsResponse.parse((await admin('/agents/cleanup-orphaned', { method: 'POST' })).json);
    expect(cleanup.removed.map((r) => r.agentId)).toEqual([stray.id]);
    expect(stack.vapiSimulator!.assistants()).toEqual(others);
  });
});
