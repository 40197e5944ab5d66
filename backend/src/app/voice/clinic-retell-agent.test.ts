import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST_CALL_ANALYSIS_FIELD_NAMES } from '@vfc/shared';
import { RetellAgentDirectory } from '../../adapters/retell/retell-agent-directory.js';
import { retellClientFactory } from '../../adapters/retell/retell-client.js';
import { RetellWorkspace } from '../../adapters/retell/retell-workspace.js';
import { startRetellSimulator, type RetellSimulator, type RetellWorkspaceView } from '../../local/retell-simulator/index.js';
import { agentNameMarker, syncClinicRetellAgent, type OwnRetellWorkspace } from './clinic-retell-agent.js';

/** The sync against a second workspace of the Retell simulator, through the real retell-sdk adapters. */
const OWN_KEY = 'key_clinic_own_workspace_0001';
const HOOK = 'https://api.example/webhooks/retell';
const clinic = { clinicId: 'c-1', name: 'Happy Paws' };
let sim: RetellSimulator;
let counter = 0;
let view: RetellWorkspaceView;
let workspace: OwnRetellWorkspace;

beforeAll(async () => {
  sim = await startRetellSimulator({ apiKey: 'key_platform_0001' });
});
afterAll(() => sim.stop());
beforeEach(() => {
  // A fresh workspace per test: each test runs alone.
  const key = `${OWN_KEY}_${(counter += 1)}`;
  view = sim.addWorkspace({ apiKey: key, numbers: ['+14155557777'] });
  const client = retellClientFactory(async () => key, sim.url);
  workspace = { directory: new RetellAgentDirectory(client), setup: new RetellWorkspace(client) };
});

describe('syncClinicRetellAgent', () => {
  it('an empty workspace gets one published agent of ours: marked name, our webhook URL and analysis fields', async () => {
    const { agentId, report } = await syncClinicRetellAgent(workspace, clinic, HOOK);
    expect(report).toEqual({ created: [agentId], updated: [], unchanged: [], duplicates: [] });
    const agent = view.agents.get(agentId)!;
    expect(agent).toMatchObject({ agent_name: `Happy Paws follow-up ${agentNameMarker('c-1')}`, webhook_url: HOOK, is_published: true, voice_id: '11labs-Adrian' });
    expect((agent.post_call_analysis_data as { name: string }[]).map((f) => f.name)).toEqual(POST_CALL_ANALYSIS_FIELD_NAMES);
    expect(view.agents.greetingOf(agentId)).toContain('{{pet_name}}');
  });

  it('a second sync finds that agent and changes nothing', async () => {
    const first = await syncClinicRetellAgent(workspace, clinic, HOOK);
    const second = await syncClinicRetellAgent(workspace, clinic, HOOK);
    expect(second).toEqual({ agentId: first.agentId, report: { created: [], updated: [], unchanged: [first.agentId], duplicates: [] } });
  });

  it("the clinic's known agent is kept and only re-pointed at our webhook URL; its voice stays", async () => {
    view.agents.put({ agent_id: 'agent_theirs', agent_name: 'Front desk', voice_id: '11labs-Myra', webhook_url: 'https://elsewhere.example/hook' });
    const { agentId, report } = await syncClinicRetellAgent(workspace, clinic, HOOK, 'agent_theirs');
    expect([agentId, report.updated]).toEqual(['agent_theirs', ['agent_theirs']]);
    expect(view.agents.get('agent_theirs')).toMatchObject({ webhook_url: HOOK, voice_id: '11labs-Myra', is_published: true });
  });

  it('of two marked agents the most recently modified is used and the other is reported as a duplicate', async () => {
    const name = `Happy Paws follow-up ${agentNameMarker('c-1')}`;
    view.agents.put({ agent_id: 'agent_old', agent_name: name, webhook_url: HOOK, last_modification_timestamp: 1_000 });
    view.agents.put({ agent_id: 'agent_new', agent_name: name, webhook_url: HOOK, last_modification_timestamp: 2_000 });
    const { agentId, report } = await syncClinicRetellAgent(workspace, clinic, HOOK);
    expect([agentId, report.duplicates, report.unchanged]).toEqual(['agent_new', ['agent_old'], ['agent_new']]);
  });
});
