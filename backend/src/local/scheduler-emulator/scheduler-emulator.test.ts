import {
  ConflictException,
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../dynamodb/local-credentials.js';
import { startSchedulerEmulator, type SchedulerEmulator, type TargetInvocation } from './scheduler-emulator.js';

const DIALER_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:dialer';
const T0 = Date.parse('2026-11-23T13:00:00Z');

function oneTime(name: string, at: string, extra: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput {
  return {
    Name: name,
    ScheduleExpression: `at(${at})`,
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: {
      Arn: DIALER_ARN,
      RoleArn: 'arn:aws:iam::000000000000:role/scheduler',
      Input: JSON.stringify({ callId: name, attempt: 1 }),
      RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
      DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:dialer-dlq' },
    },
    ActionAfterCompletion: 'DELETE',
    ...extra,
  };
}

describe('scheduler emulator driven by the real SchedulerClient', () => {
  let emulator: SchedulerEmulator | undefined;
  afterEach(async () => emulator?.stop());

  async function start(behaviour: (t: TargetInvocation) => Promise<void> = async () => {}, extra: { duplicateDeliveryRate?: number } = {}) {
    let clock = T0;
    const received: TargetInvocation[] = [];
    emulator = await startSchedulerEmulator({
      port: 0,
      now: () => clock,
      tickMs: 0,
      retryBackoffMs: 1,
      invoke: async (target) => {
        received.push(target);
        await behaviour(target);
      },
      ...extra,
    });
    const client = new SchedulerClient({ endpoint: emulator.url, ...LOCAL_AWS, maxAttempts: 1 });
    return { client, received, setClock: (iso: string) => (clock = Date.parse(iso)), emulator };
  }

  it('creates, reads, updates and deletes a schedule; conflicts and not-found as AWS', async () => {
    const { client } = await start();
    const created = await client.send(new CreateScheduleCommand(oneTime('call-1', '2026-11-23T14:00:00')));
    expect(created.ScheduleArn).toBe('arn:aws:scheduler:us-east-1:000000000000:schedule/default/call-1');

    const got = await client.send(new GetScheduleCommand({ Name: 'call-1' }));
    expect(got).toMatchObject({
      Name: 'call-1',
      GroupName: 'default',
      State: 'ENABLED',
      ScheduleExpression: 'at(2026-11-23T14:00:00)',
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: DIALER_ARN, Input: '{"callId":"call-1","attempt":1}', RetryPolicy: { MaximumRetryAttempts: 2 } },
    });
    expect(got.CreationDate).toEqual(new Date(T0));

    await expect(client.send(new CreateScheduleCommand(oneTime('call-1', '2026-11-23T15:00:00')))).rejects.toBeInstanceOf(ConflictException);

    await client.send(new UpdateScheduleCommand({ ...oneTime('call-1', '2026-11-23T16:30:00'), ScheduleExpressionTimezone: 'America/New_York' }));
    const updated = await client.send(new GetScheduleCommand({ Name: 'call-1', GroupName: 'default' }));
    expect(updated.ScheduleExpression).toBe('at(2026-11-23T16:30:00)');
    expect(updated.ScheduleExpressionTimezone).toBe('America/New_York');

    await client.send(new DeleteScheduleCommand({ Name: 'call-1' }));
    await expect(client.send(new GetScheduleCommand({ Name: 'call-1' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new DeleteScheduleCommand({ Name: 'call-1' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new UpdateScheduleCommand(oneTime('nope', '2026-11-23T16:30:00')))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('answers a bad expression or unknown group with ValidationException / ResourceNotFoundException', async () => {
    const { client } = await start();
    await expect(
      client.send(new CreateScheduleCommand({ ...oneTime('bad', '2026-11-23T14:00:00'), ScheduleExpression: 'every tuesday' })),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      client.send(new CreateScheduleCommand({ ...oneTime('x', '2026-11-23T14:00:00'), ScheduleExpressionTimezone: 'Nowhere/Land' })),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      client.send(new CreateScheduleCommand({ ...oneTime('x', '2026-11-23T14:00:00'), GroupName: 'missing' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('supports schedule groups and lists schedules by group and prefix, paginated', async () => {
    const { client } = await start();
    const group = await client.send(new CreateScheduleGroupCommand({ Name: 'vfc-calls' }));
    expect(group.ScheduleGroupArn).toBe('arn:aws:scheduler:us-east-1:000000000000:schedule-group/vfc-calls');
    await expect(client.send(new CreateScheduleGroupCommand({ Name: 'vfc-calls' }))).rejects.toBeInstanceOf(ConflictException);
    expect((await client.send(new GetScheduleGroupCommand({ Name: 'vfc-calls' }))).State).toBe('ACTIVE');

    for (const name of ['call-a', 'call-b', 'call-c', 'sync']) {
      await client.send(new CreateScheduleCommand(oneTime(name, '2026-11-23T14:00:00', { GroupName: 'vfc-calls' })));
    }
    await client.send(new CreateScheduleCommand(oneTime('call-z', '2026-11-23T14:00:00')));

    const page1 = await client.send(new ListSchedulesCommand({ GroupName: 'vfc-calls', NamePrefix: 'call-', MaxResults: 2 }));
    expect(page1.Schedules?.map((s) => s.Name)).toEqual(['call-a', 'call-b']);
    expect(page1.NextToken).toBeDefined();
    const page2 = await client.send(new ListSchedulesCommand({ GroupName: 'vfc-calls', NamePrefix: 'call-', NextToken: page1.NextToken }));
    expect(page2.Schedules?.map((s) => s.Name)).toEqual(['call-c']);
    expect(page2.NextToken).toBeUndefined();
    expect(page2.Schedules?.[0]?.Target?.Arn).toBe(DIALER_ARN);

    const got = await client.send(new GetScheduleCommand({ Name: 'sync', GroupName: 'vfc-calls' }));
    expect(got.Arn).toBe('arn:aws:scheduler:us-east-1:000000000000:schedule/vfc-calls/sync');
    await expect(client.send(new GetScheduleCommand({ Name: 'sync' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('fires a due at() schedule once with its Input, honouring the timezone, then deletes it (ActionAfterCompletion DELETE)', async () => {
    const { client, received, setClock, emulator: em } = await start();
    // 09:00 in New York = 14:00 UTC in November.
    await client.send(new CreateScheduleCommand({ ...oneTime('call-ny', '2026-11-23T09:00:00'), ScheduleExpressionTimezone: 'America/New_York' }));

    setClock('2026-11-23T13:59:59Z');
    expect(await em.fireDue()).toBe(0);
    expect(received).toEqual([]);

    setClock('2026-11-23T14:00:00Z');
    expect(await em.fireDue()).toBe(1);
    expect(received).toEqual([{ arn: DIALER_ARN, input: '{"callId":"call-ny","attempt":1}' }]);
    await expect(client.send(new GetScheduleCommand({ Name: 'call-ny' }))).rejects.toBeInstanceOf(ResourceNotFoundException);

    setClock('2026-11-23T15:00:00Z');
    expect(await em.fireDue()).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('keeps a fired one-time schedule without ActionAfterCompletion DELETE, and does not fire it again', async () => {
    const { client, received, setClock, emulator: em } = await start();
    await client.send(new CreateScheduleCommand(oneTime('keep', '2026-11-23T14:00:00', { ActionAfterCompletion: 'NONE' })));
    setClock('2026-11-23T14:00:01Z');
    await em.fireDue();
    setClock('2026-11-23T14:10:00Z');
    await em.fireDue();
    expect(received).toHaveLength(1);
    const got = await client.send(new GetScheduleCommand({ Name: 'keep' }));
    expect(got.State).toBe('ENABLED');
    expect(em.schedules()[0]).toMatchObject({ name: 'keep', firedCount: 1, nextFireMs: undefined });
  });

  it('keeps a DELETE schedule that its target rescheduled with UpdateSchedule while running', async () => {
    let client: SchedulerClient | undefined;
    let firstRun = true;
    const ctx = await start(async () => {
      if (!firstRun) return;
      firstRun = false;
      await client?.send(new UpdateScheduleCommand(oneTime('moved', '2026-11-24T14:00:00')));
    });
    client = ctx.client;
    await client.send(new CreateScheduleCommand(oneTime('moved', '2026-11-23T14:00:00')));
    ctx.setClock('2026-11-23T14:00:00Z');
    await ctx.emulator.fireDue();
    expect((await client.send(new GetScheduleCommand({ Name: 'moved' }))).ScheduleExpression).toBe('at(2026-11-24T14:00:00)');
    ctx.setClock('2026-11-24T14:00:00Z');
    expect(await ctx.emulator.fireDue()).toBe(1);
    expect(ctx.received).toHaveLength(2);
    expect(ctx.emulator.schedules()).toEqual([]);
  });

  it('sends errors on the wire as AWS does: status, x-amzn-errortype header, {__type, Message}', async () => {
    const { emulator: em } = await start();
    const res = await fetch(`${em.url}/schedules/missing?groupName=default`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await res.json()).toEqual({ __type: 'ResourceNotFoundException', Message: 'Schedule missing does not exist.' });
  });

  it('does not fire a DISABLED schedule', async () => {
    const { client, received, setClock, emulator: em } = await start();
    await client.send(new CreateScheduleCommand(oneTime('off', '2026-11-23T14:00:00', { State: 'DISABLED' })));
    setClock('2026-11-23T15:00:00Z');
    expect(await em.fireDue()).toBe(0);
    expect(received).toEqual([]);
  });

  it('retries a failing target per RetryPolicy, then dead-letters it', async () => {
    const { client, received, setClock, emulator: em } = await start(async () => {
      throw new Error('dialer crashed');
    });
    await client.send(new CreateScheduleCommand(oneTime('doomed', '2026-11-23T14:00:00')));
    setClock('2026-11-23T14:00:00Z');
    await em.fireDue();
    expect(received).toHaveLength(3); // first try + MaximumRetryAttempts 2
    expect(em.invocations().map((i) => [i.attempt, i.ok])).toEqual([[0, false], [1, false], [2, false]]);
    expect(em.deadLetters()).toEqual([
      expect.objectContaining({
        scheduleName: 'doomed',
        targetArn: DIALER_ARN,
        deadLetterArn: 'arn:aws:sqs:us-east-1:000000000000:dialer-dlq',
        input: '{"callId":"doomed","attempt":1}',
        errorMessage: 'dialer crashed',
        retryAttempts: 2,
      }),
    ]);
  });

  it('stops retrying once the target succeeds', async () => {
    let failures = 1;
    const { client, received, setClock, emulator: em } = await start(async () => {
      if (failures-- > 0) throw new Error('cold start');
    });
    await client.send(new CreateScheduleCommand(oneTime('flaky', '2026-11-23T14:00:00')));
    setClock('2026-11-23T14:00:00Z');
    await em.fireDue();
    expect(received).toHaveLength(2);
    expect(em.deadLetters()).toEqual([]);
  });

  it('fires rate() schedules every period from creation, skipping missed periods', async () => {
    const { client, received, setClock, emulator: em } = await start();
    await client.send(
      new CreateScheduleCommand({
        ...oneTime('sync', ''),
        ScheduleExpression: 'rate(15 minutes)',
        ActionAfterCompletion: undefined,
        Target: { Arn: 'arn:aws:lambda:us-east-1:000000000000:function:agent-sync', RoleArn: 'arn:aws:iam::000000000000:role/s' },
      }),
    );
    setClock('2026-11-23T13:14:59Z');
    expect(await em.fireDue()).toBe(0);
    setClock('2026-11-23T13:15:00Z');
    expect(await em.fireDue()).toBe(1);
    setClock('2026-11-23T14:01:00Z'); // 13:30 and 13:45 missed: fires once, next at 14:15
    expect(await em.fireDue()).toBe(1);
    expect(em.schedules()[0]?.nextFireMs).toBe(Date.parse('2026-11-23T14:15:00Z'));
    expect(received).toEqual([
      { arn: 'arn:aws:lambda:us-east-1:000000000000:function:agent-sync', input: '{}' },
      { arn: 'arn:aws:lambda:us-east-1:000000000000:function:agent-sync', input: '{}' },
    ]);
  });

  it('fires cron() schedules at their wall-clock times', async () => {
    const { client, setClock, emulator: em } = await start();
    await client.send(
      new CreateScheduleCommand({ ...oneTime('nightly', ''), ScheduleExpression: 'cron(30 3 * * ? *)', ActionAfterCompletion: undefined }),
    );
    expect(em.schedules()[0]?.nextFireMs).toBe(Date.parse('2026-11-24T03:30:00Z'));
    setClock('2026-11-24T03:30:00Z');
    expect(await em.fireDue()).toBe(1);
    expect(em.schedules()[0]?.nextFireMs).toBe(Date.parse('2026-11-25T03:30:00Z'));
  });

  it('fault mode: duplicateDeliveryRate 1 delivers each firing twice', async () => {
    const { client, received, setClock, emulator: em } = await start(async () => {}, { duplicateDeliveryRate: 1 });
    await client.send(new CreateScheduleCommand(oneTime('dup', '2026-11-23T14:00:00')));
    setClock('2026-11-23T14:00:00Z');
    await em.fireDue();
    expect(received).toHaveLength(2);
    const executions = new Set(em.invocations().map((i) => i.executionId));
    expect(executions.size).toBe(2);
  });
});

describe('scheduler emulator background loop', () => {
  it('fires a due schedule on its own with the default ticking loop', async () => {
    const received: string[] = [];
    const emulator = await startSchedulerEmulator({ tickMs: 20, invoke: async (t) => void received.push(t.input) });
    try {
      const client = new SchedulerClient({ endpoint: emulator.url, ...LOCAL_AWS });
      const past = new Date(emulator.now() - 1000).toISOString().slice(0, 19);
      await client.send(new CreateScheduleCommand(oneTime('now', past)));
      await expect.poll(() => received, { timeout: 2000, interval: 20 }).toEqual(['{"callId":"now","attempt":1}']);
    } finally {
      await emulator.stop();
    }
  });
});
