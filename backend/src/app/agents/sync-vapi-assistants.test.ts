import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lambdaContextLogging } from '../../adapters/logging/lambda-context-logging.js';
import { appLogger } from '../../adapters/logging/powertools-logger.js';
import { startVapiRegistryWorld, TEST_SERVER, type VapiRegistryWorld } from '../../local/test-support/vapi-registry-world.js';
import { MANAGED_BY, SERVER_BACKOFF_PLAN } from '../voice/clinic-assistant.js';
import { syncVapiAssistants } from './sync-vapi-assistants.js';

/** The Vapi side of the agent sync on DynamoDB Local and the Vapi simulator (through the Vapi adapter). */
let world: VapiRegistryWorld | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await world?.stop();
  world = undefined;
});

describe('syncVapiAssistants', () => {
  it('creates exactly one tagged assistant for a Vapi clinic, records it, and points the clinic at it; a Retell clinic gets none', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    await world.putClinic('retell-1', 'retell');
    const report = await syncVapiAssistants(world.deps);
    const assistants = world.sim.assistants();
    expect(assistants).toHaveLength(1);
    const [assistant] = assistants;
    expect(assistant!.metadata).toEqual({ managedBy: MANAGED_BY, clinicId: 'vapi-1', role: 'follow_up' });
    expect(report.created.map((c) => c.agentId)).toEqual([assistant!.id]);
    expect(await world.deps.assistants.get('vapi-1', 'follow_up')).toMatchObject({ agentId: assistant!.id, provider: 'vapi', account: 'vapi:platform', syncStatus: 'active' });
    expect((await world.clinics.getClinic('vapi-1'))?.voice?.agentId).toBe(assistant!.id);
    expect(await world.retellRegistry.list()).toEqual([]);
  });

  it('a second sync with nothing drifted sends no update and reports the assistant unchanged', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    await syncVapiAssistants(world.deps);
    const before = world.sim.assistants();
    world.advance(1_000);
    const report = await syncVapiAssistants(world.deps);
    expect(report.unchanged.map((c) => c.agentId)).toEqual([before[0]!.id]);
    expect(world.sim.assistants()).toEqual(before);
  });

  it('a drifted server URL and a removed backoffPlan are rewritten; the first message edited in Vapi is kept', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    await syncVapiAssistants(world.deps);
    const id = world.sim.assistants()[0]!.id;
    await world.platform.updateAssistant(id, { server: { url: 'https://old.example.test/hook' }, firstMessage: 'Hi from the desk' });
    const report = await syncVapiAssistants(world.deps);
    expect(report.updated).toEqual([{ agentId: id, agentName: 'Clinic vapi-1 follow-up', reason: 'server.url, server.credentialId, server.backoffPlan rewritten' }]);
    const assistant = world.sim.assistants()[0]!;
    expect(assistant.server).toEqual({ ...TEST_SERVER, backoffPlan: SERVER_BACKOFF_PLAN });
    expect(assistant.firstMessage).toBe('Hi from the desk');
  });

  it('two syncs at once leave exactly one assistant for the clinic (the loser deletes the one it created)', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    await Promise.all([syncVapiAssistants(world.deps), syncVapiAssistants(world.deps)]);
    const assistants = world.sim.assistants();
    expect(assistants).toHaveLength(1);
    expect((await world.deps.assistants.get('vapi-1', 'follow_up'))?.agentId).toBe(assistants[0]!.id);
  });

  it('a clinic switched back to Retell: its record becomes orphaned, its assistant is not touched', async () => {
    world = await startVapiRegistryWorld();
    await world.putClinic('vapi-1');
    await syncVapiAssistants(world.deps);
    await world.putClinic('vapi-1', 'retell');
    const report = await syncVapiAssistants(world.deps);
    expect(report.orphaned.map((c) => c.reason)).toEqual(['its clinic is no longer on Vapi']);
    expect(await world.deps.assistants.get('vapi-1', 'follow_up')).toMatchObject({ syncStatus: 'orphaned', orphanedAt: '2026-12-01T15:00:00.000Z' });
    expect(world.sim.assistants()).toHaveLength(1);
  });

  it('every sync log line carries the request id of the invocation', async () => {
    world = await startVapiRegistryWorld(appLogger);
    await world.putClinic('vapi-1');
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const deps = world.deps;
    const handler = middy<unknown, void>()
      .use(lambdaContextLogging())
      .handler(async () => void (await syncVapiAssistants(deps)));
    await handler({}, { awsRequestId: 'req-vapi-1', functionName: 'sync-agents', invokedFunctionArn: 'arn:aws:lambda:us-east-1:1:function:sync-agents', memoryLimitInMB: '512', functionVersion: '$LATEST' } as unknown as Context);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => String(l.message).startsWith('vapi assistant sync'));
    expect(logged.map((l) => l.message)).toEqual(['vapi assistant sync: created', 'vapi assistant sync: clinic now dials the kept assistant', 'vapi assistant sync done']);
    expect(logged.every((l) => l.function_request_id === 'req-vapi-1')).toBe(true);
  });
});
