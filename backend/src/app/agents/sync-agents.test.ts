import Retell from 'retell-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_ALWAYS, type Clinic } from '@vfc/shared';
import { DynamoDbAgentRegistry } from '../../adapters/dynamodb/dynamodb-agent-registry.js';
import { DynamoDbClinicStore } from '../../adapters/dynamodb/dynamodb-clinic-store.js';
import { RetellAgentDirectory } from '../../adapters/retell/retell-agent-directory.js';
import { startHttpServer, type RunningServer } from '../../local/emulator-kit/http-server.js';
import { createRouter } from '../../local/emulator-kit/router.js';
import { agentRoutes, SimulatedAgents } from '../../local/retell-simulator/agents.js';
import { createTestTable } from '../../local/test-support/test-table.js';
import type { AppLogger } from '../../ports/logger.js';
import { auditAgents } from './audit-agents.js';
import { agentHoldReason } from './agent-guard.js';
import { cleanupOrphanedAgents } from './cleanup-orphaned-agents.js';
import { runAgentMaintenance } from './run-agent-maintenance.js';
import { syncAgents } from './sync-agents.js';

/** Use cases on the real adapters: DynamoDB Local + the simulator's agent routes reached through retell-sdk. */
let server: RunningServer;
let agents: SimulatedAgents;
let nowMs = Date.parse('2026-11-23T12:00:00Z');
const quiet: AppLogger = { info() {}, warn() {}, error() {} };
let deps: Parameters<typeof auditAgents>[0];

const clinic = (clinicId: string, agentId: string): Clinic => ({
  clinicId,
  name: clinicId,
  phoneNumber: '+14155550100',
  fromNumber: '+14155550199',
  agentId,
  timezone: 'America/New_York',
  weeklyHours: OPEN_ALWAYS,
  closedDates: [],
  enforceRecipientWindow: true,
  voicemailPolicy: 'complete',
  maxCallsPer30Days: 3,
  demoMode: false,
});

beforeAll(async () => {
  agents = new SimulatedAgents(() => nowMs, []);
  server = await startHttpServer(createRouter(agentRoutes(agents), (ctx) => void ctx.res.writeHead(404).end()));
});
afterAll(() => server?.stop());

beforeEach(async () => {
  agents.clear();
  agents.pageSize = 2;
  const table = await createTestTable();
  const client = new Retell({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
  deps = {
    agentDirectory: new RetellAgentDirectory(async () => client),
    agentRegistry: new DynamoDbAgentRegistry(table.client, table.tableName),
    clinics: new DynamoDbClinicStore(table.client, table.tableName),
    clock: { now: () => new Date(nowMs) },
    logger: quiet,
  };
});

describe('syncAgents', () => {
  it('with a tag configured, only tagged voice agents become active; the others are skipped with the reason', async () => {
    agents.put({ agent_id: 'a1', agent_name: 'Tagged', tags: ['vet-followup'] });
    agents.put({ agent_id: 'a2', agent_name: 'Untagged' });
    agents.put({ agent_id: 'a3', agent_name: 'Tagged, no voice', tags: ['vet-followup'], voice_id: null });
    const { report } = await syncAgents(deps, { tag: 'vet-followup' });
    expect(report.created.map((c) => c.agentId)).toEqual(['a1']);
    expect(report.skipped).toEqual([
      { agentId: 'a2', agentName: 'Untagged', reason: 'not tagged "vet-followup" (only agents with that tag are used)' },
      { agentId: 'a3', agentName: 'Tagged, no voice', reason: 'no voice_id: not a voice agent' },
    ]);
    expect(agents.requests().filter((r) => r.startsWith('GET /get-agent'))).toEqual(['GET /get-agent/a1', 'GET /get-agent/a3']);
  });

  it('an outage on a get-agent call writes nothing', async () => {
    agents.put({ agent_id: 'a1', agent_name: 'One' });
    await syncAgents(deps);
    agents.put({ agent_id: 'a2', agent_name: 'Two' });
    agents.failRequests({ after: 1, status: 503 }); // list page OK, then the first get-agent fails
    const { report } = await syncAgents(deps);
    expect(report.ok).toBe(false);
    expect((await deps.agentRegistry.list()).map((a) => a.agentId)).toEqual(['a1']);
  });

  it('an agent that comes back with a voice is active again', async () => {
    agents.put({ agent_id: 'a1', agent_name: 'One' });
    await syncAgents(deps);
    agents.remove('a1');
    await syncAgents(deps);
    expect((await deps.agentRegistry.get('a1'))?.syncStatus).toBe('orphaned');
    agents.put({ agent_id: 'a1', agent_name: 'One' });
    const { report } = await syncAgents(deps);
    expect(report.updated.map((u) => u.agentId)).toEqual(['a1']);
    const back = await deps.agentRegistry.get('a1');
    expect(back).toMatchObject({ syncStatus: 'active' });
    expect(back?.orphanedAt).toBeUndefined();
  });
});

describe('cleanupOrphanedAgents', () => {
  it('removes orphans older than 7 days unless a clinic still uses them', async () => {
    for (const id of ['old', 'old_in_use', 'recent']) agents.put({ agent_id: id, agent_name: id });
    await deps.clinics.putClinic(clinic('c1', 'old_in_use'));
    await syncAgents(deps);
    agents.remove('old');
    agents.remove('old_in_use');
    await syncAgents(deps);
    nowMs += 6 * 86_400_000;
    agents.remove('recent');
    await syncAgents(deps);
    nowMs += 2 * 86_400_000; // old: 8 days orphaned; recent: 2 days
    const result = await cleanupOrphanedAgents(deps);
    expect(result.removed.map((r) => r.agentId)).toEqual(['old']);
    expect(result.kept).toEqual([
      expect.objectContaining({ agentId: 'old_in_use', reason: expect.stringContaining('still configured by clinic c1') }),
      expect.objectContaining({ agentId: 'recent', reason: expect.stringContaining('2 day(s) ago') }),
    ]);
    expect(await deps.agentRegistry.get('old')).toBeUndefined();
  });
});

describe('auditAgents', () => {
  it('finds a clinic whose agent is not active, agents missing in the registry and voice mismatches', async () => {
    agents.put({ agent_id: 'a1', agent_name: 'One' });
    agents.put({ agent_id: 'a2', agent_name: 'Two' });
    await syncAgents(deps);
    await deps.clinics.putClinic(clinic('c1', 'a_gone'));
    agents.put({ agent_id: 'a3', agent_name: 'Three' });
    agents.change('a1', { voice_id: 'openai-Alloy' });
    const audit = await auditAgents(deps);
    expect(audit.discrepancies.map((d) => `${d.kind}:${d.agentId}`).sort()).toEqual([
      'clinic_agent_not_active:a_gone',
      'missing_in_registry:a3',
      'voice_mismatch:a1',
    ]);
    expect(audit.healthScore).toBe(100 - 30 - 5 - 10);
    expect(audit.recommendations[0]).toMatch(/cannot place calls/);
  });

  it('scores 0 with no active agent and says Retell was unreachable when it was', async () => {
    agents.failRequests({ count: 1 });
    const audit = await auditAgents(deps);
    expect(audit.healthScore).toBe(0);
    expect(audit.discrepancies.map((d) => d.kind)).toEqual(['retell_unreachable']);
  });
});

describe('runAgentMaintenance', () => {
  it('hands the clinics it read to the knowledge-drift check and counts what that finds in the same score', async () => {
    agents.put({ agent_id: 'a1', agent_name: 'One' });
    await deps.clinics.putClinic(clinic('c1', 'a1'));
    const seen: string[][] = [];
    const { audit } = await runAgentMaintenance(deps, {
      knowledgeDrift: async (clinics) => {
        seen.push(clinics.map((c) => c.clinicId));
        return [{ kind: 'knowledge_base_detached', agentId: 'a1', clinicId: 'c1', detail: 'knowledge base kb_1 is not attached to the agent' }];
      },
    });
    expect(seen).toEqual([['c1']]);
    expect(audit.discrepancies.map((d) => `${d.kind}:${d.clinicId}`)).toEqual(['knowledge_base_detached:c1']);
    expect(audit.healthScore).toBe(100 - 10);
    expect(audit.recommendations).toEqual([expect.stringMatching(/not attached to their agent/)]);
  });
});

describe('post-call analysis fields', () => {
  it('an agent that lost them is flagged by the audit, then updated and published by the sync, then no longer flagged', async () => {
    agents.put({ agent_id: 'a1', agent_name: 'One' }); // the simulator's default agent already carries our fields
    await syncAgents(deps);
    await deps.clinics.putClinic(clinic('c1', 'a1'));
    expect((await auditAgents(deps)).discrepancies).toEqual([]);

    // Someone edits the agent in Retell's dashboard and leaves only a field of their own.
    const theirs = { type: 'number', name: 'pet_weight_kg', description: 'The weight the owner mentions, in kg.' };
    agents.change('a1', { post_call_analysis_data: [theirs] });
    const before = await auditAgents(deps);
    expect(before.discrepancies).toEqual([
      { kind: 'analysis_fields_missing', agentId: 'a1', agentName: 'One', detail: 'post-call analysis lacks concern_level, callback_requested, opt_out, owner_questions' },
    ]);
    expect(before.healthScore).toBe(90);
    expect(before.recommendations).toEqual([expect.stringMatching(/lack the post-call analysis fields.*Run a sync/)]);

    const { report } = await syncAgents(deps);
    expect(report.updated).toEqual([
      { agentId: 'a1', agentName: 'One', reason: 'post-call analysis fields added (concern_level, callback_requested, opt_out, owner_questions) and published' },
    ]);
    const live = agents.get('a1') as { post_call_analysis_data: { name: string; type: string; choices?: string[] }[]; is_published: boolean; version: number };
    expect(live.post_call_analysis_data.map((f) => f.name)).toEqual(['pet_weight_kg', 'concern_level', 'callback_requested', 'opt_out', 'owner_questions']);
    expect(live.post_call_analysis_data[1]).toMatchObject({ type: 'enum', choices: ['none', 'minor', 'urgent'] });
    expect(live).toMatchObject({ is_published: true, version: 1 });
    expect(agents.requests().filter((r) => r.startsWith('POST /publish-agent-version/a1'))).toHaveLength(1);

    const after = await auditAgents(deps);
    expect(after.discrepancies).toEqual([]);
    expect(after.healthScore).toBe(100);
    // A second sync finds nothing to add.
    expect((await syncAgents(deps)).report.updated).toEqual([]);
  });
});

describe('agentHoldReason (dialer guard)', () => {
  it('looks an unknown agent up in Retell once and records it', async () => {
    agents.put({ agent_id: 'live', agent_name: 'Live' });
    expect(await agentHoldReason(deps, clinic('c1', 'live'))).toBeUndefined();
    expect(await deps.agentRegistry.get('live')).toMatchObject({ syncStatus: 'active' });
    expect(await agentHoldReason(deps, clinic('c2', 'never_existed'))).toMatch(/never_existed is orphaned \(not found in Retell\)/);
    const lookups = agents.requests().filter((r) => r.startsWith('GET /get-agent'));
    expect(await agentHoldReason(deps, clinic('c2', 'never_existed'))).toBeDefined();
    expect(agents.requests().filter((r) => r.startsWith('GET /get-agent'))).toEqual(lookups); // answered by the registry
  });
});
