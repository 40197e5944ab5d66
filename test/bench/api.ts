import { randomUUID } from 'node:crypto';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '@vfc/backend/local/stack';
import { createDocumentClient } from '@vfc/backend/adapters/dynamodb/document-client';
import { percentile, round, runPool } from './stats.js';

/** The api scenario's figures (named as in bench/README.md). Latencies are real ms. */
export interface ApiResult {
  requests: number;
  clients: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The same DynamoDB transaction (call + created event + idempotency key) and CreateSchedule, issued directly. */
  bareP50Ms: number;
  bareP99Ms: number;
  /** p50Ms / bareP50Ms: what the API (HTTP stand-in, auth, validation, use case) costs on top of its own I/O. */
  overheadRatio: number;
}

/**
 * POST /calls at `clients` concurrent clients (calls scheduled 30 days ahead, so they never fire during the bench),
 * then the bare I/O of one create — the DynamoDB write and the CreateSchedule — at the same concurrency.
 */
export async function runApi(stack: LocalStack, options: { requests: number; clients: number; log?: (line: string) => void }): Promise<ApiResult> {
  const { requests, clients } = options;
  const later = new Date(stack.now().getTime() + 30 * 86_400_000).toISOString();
  const post = (i: number) =>
    fetch(`${stack.apiUrl}/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.staffToken}`, 'content-type': 'application/json', 'idempotency-key': `bench-${randomUUID()}` },
      body: JSON.stringify({
        consultationId: String(800_000 + i),
        petName: 'Bench',
        ownerName: 'Bench Owner',
        phoneNumber: `(628) 555-${1000 + (i % 8000)}`,
        dischargeSummary: 'Routine follow-up.',
        scheduledFor: later,
      }),
    });
  // Warm-up (JIT, connection pools), not measured.
  await runPool(32, clients, async (i) => void (await (await post(100_000 + i)).arrayBuffer()));

  const latencies: number[] = [];
  const start = performance.now();
  await runPool(requests, clients, async (i) => {
    const t = performance.now();
    const res = await post(i);
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`POST /calls answered ${res.status}`);
    latencies.push(performance.now() - t);
  });
  const elapsedMs = performance.now() - start;
  options.log?.(`api: ${requests} POST /calls in ${round(elapsedMs / 1000, 1)} s`);

  const db = createDocumentClient({ endpoint: stack.dynamoDbEndpoint });
  const scheduler = new SchedulerClient({ endpoint: stack.scheduler.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const at = `at(${later.slice(0, 19)})`;
  const bare = async () => {
    const callId = randomUUID();
    const t = performance.now();
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: stack.tableName, Item: { pk: `BENCH#${callId}`, sk: 'CALL', status: 'scheduled', scheduledFor: later, version: 0 }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: stack.tableName, Item: { pk: `BENCH#${callId}`, sk: 'EVENT#created', at: later, type: 'created' } } },
          { Put: { TableName: stack.tableName, Item: { pk: `BENCHKEY#${callId}`, sk: 'IDEMPOTENCY', callId }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    await scheduler.send(
      new CreateScheduleCommand({
        Name: `bench-${callId}`,
        GroupName: 'default',
        ScheduleExpression: at,
        ScheduleExpressionTimezone: 'UTC',
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        // A target no one serves: these schedules are 30 days ahead and the bench ends long before.
        Target: { Arn: 'arn:aws:lambda:us-east-1:000000000000:function:vfc-bench-none', RoleArn: 'arn:aws:iam::000000000000:role/none', Input: '{}' },
      }),
    );
    return performance.now() - t;
  };
  await runPool(32, clients, () => bare());
  const bareLatencies = await runPool(requests, clients, () => bare());
  scheduler.destroy();

  const p50 = percentile(latencies, 50);
  const bareP50 = percentile(bareLatencies, 50);
  return {
    requests,
    clients,
    requestsPerSecond: round(requests / (elapsedMs / 1000), 1),
    p50Ms: round(p50, 1),
    p99Ms: round(percentile(latencies, 99), 1),
    bareP50Ms: round(bareP50, 1),
    bareP99Ms: round(percentile(bareLatencies, 99), 1),
    overheadRatio: round(p50 / bareP50, 2),
  };
}
