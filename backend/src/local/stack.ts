import type { Context } from 'aws-lambda';
import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { createScaledClock, LOCAL_TIME_ENV } from '../adapters/clock/scaled-clock.js';
import { DynamoDbClinicStore } from '../adapters/dynamodb/dynamodb-clinic-store.js';
import { startDynamoDbLocal } from './dynamodb/dynamodb-local.js';
import { createTable } from './dynamodb/create-table.js';
import { startFakeNeo } from './fake-neo/index.js';
import { startApiServer } from './http/api-server.js';
import { localLambdaContext } from './http/lambda-context.js';
import { startRetellSimulator, type RetellSimulator } from './retell-simulator/index.js';
import { startSchedulerEmulator, type SchedulerEmulator } from './scheduler-emulator/index.js';
import { seedDemoClinic } from './seed-demo.js';
import { invokeAgentSync, LOCAL_AGENT_SYNC_ARN, startLocalAgentSync } from './agent-sync-schedule.js';

/** Options of {@link startLocalStack}; every port 0 = a free one. */
export interface LocalStackOptions {
  /** API port (default 0 here; `pnpm start` passes `PORT` or 4000). */
  port?: number;
  neoPort?: number;
  /** Fixed demo tokens (otherwise generated). */
  staffToken?: string;
  adminToken?: string;
  /** Key the Retell simulator accepts and signs webhooks with (otherwise generated). */
  simulatorApiKey?: string;
  /** With a real Retell key the stack talks to Retell itself instead of the simulator. */
  retellApiKey?: string;
  /** The demo clinic's IANA timezone (default America/Los_Angeles). */
  timezone?: string;
  /** Simulator timing, ms (the defaults make a call last about two seconds). */
  callDurationMs?: number;
  concurrencyLimit?: number;
  /**
   * Local time scale: virtual ms per real ms (default 1 = the wall clock). With e.g. 600, the backend's clock, the
   * scheduler emulator and the simulator's call timestamps all read `origin + realElapsed × 600`, so retries 5/10/20
   * minutes apart happen within seconds. Sets `LOCAL_TIME_SCALE` / `LOCAL_TIME_ORIGIN` for the in-process handlers.
   * The simulator's ring/call durations stay in real ms (a 1.5 s call lasts 15 virtual minutes at 600).
   */
  timeScale?: number;
}

/** A running local stack. */
export interface LocalStack {
  apiUrl: string;
  neoUrl: string;
  staffToken: string;
  adminToken: string;
  /** The key webhooks are signed with (the simulator's API key, or the real Retell key). */
  webhookSigningKey: string;
  tableName: string;
  dynamoDbEndpoint: string;
  simulator?: RetellSimulator;
  scheduler: SchedulerEmulator;
  /** The stack's clock (virtual time when `timeScale` > 1): what "now" means to the backend and the emulators. */
  now(): Date;
  stop(): Promise<void>;
}

/** ARN the local schedules target; the scheduler emulator maps it to the in-process dialer. */
export const LOCAL_DIALER_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:vfc-local-dialer';

/**
 * Starts everything `pnpm start` runs on one machine: DynamoDB Local (in memory) with the table from TABLE_DESIGN,
 * the EventBridge Scheduler emulator, the Retell simulator (unless `retellApiKey`), the API (same handlers and adapters
 * as in AWS, behind a local API Gateway stand-in), the fake IDEXX Neo origin, and the seeded demo clinic.
 * The handlers read their configuration from `process.env`, which this sets: one stack per process.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const stops: (() => Promise<void>)[] = [];
  const clock = createScaledClock({ scale: options.timeScale ?? 1, originMs: Date.now() });
  try {
    const dynamo = await startDynamoDbLocal();
    stops.push(() => dynamo.stop());
    const tableName = 'vfc-local';
    const db = createDocumentClient({ endpoint: dynamo.endpoint });
    await createTable(db as never, tableName);

    const simulatorKey = options.simulatorApiKey ?? `sim_${crypto.randomUUID().replaceAll('-', '')}`;
    const simulator = options.retellApiKey
      ? undefined
      : await startRetellSimulator({
          apiKey: simulatorKey,
          ...(options.callDurationMs ? { callDurationMs: options.callDurationMs } : {}),
          ...(options.concurrencyLimit ? { concurrencyLimit: options.concurrencyLimit } : {}),
          now: clock.nowMs,
        });
    if (simulator) stops.push(() => simulator.stop());

    const scheduler = await startSchedulerEmulator({
      now: clock.nowMs,
      invoke: async ({ arn, input }) => {
        if (arn === LOCAL_AGENT_SYNC_ARN) return void (await invokeAgentSync());
        if (arn !== LOCAL_DIALER_ARN) throw new Error(`No local function for ${arn}`);
        const { handler } = (await import('../handlers/dialer.js')) as { handler: (e: unknown, c: Context) => Promise<unknown> };
        await handler(JSON.parse(input), localLambdaContext('dialer'));
      },
    });
    stops.push(() => scheduler.stop());

    Object.assign(process.env, {
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SCHEDULER_ENDPOINT: scheduler.url,
      SCHEDULE_GROUP_NAME: 'default',
      DIALER_TARGET_ARN: LOCAL_DIALER_ARN,
      SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/vfc-local-scheduler',
      RETELL_API_KEY: options.retellApiKey ?? simulatorKey,
      [LOCAL_TIME_ENV.scale]: String(clock.scale),
      [LOCAL_TIME_ENV.origin]: String(clock.originMs),
      ...(simulator ? { RETELL_BASE_URL: simulator.url } : {}),
    });

    const api = await startApiServer(options.port ?? 0);
    stops.push(() => api.stop());
    simulator?.setWebhookUrl(`${api.url}/webhooks/retell`);

    const neo = await startFakeNeo({ port: options.neoPort ?? 0 });
    stops.push(() => neo.stop());

    const tokens = await seedDemoClinic(new DynamoDbClinicStore(db, tableName), {
      timezone: options.timezone ?? 'America/Los_Angeles',
      staffToken: options.staffToken,
      adminToken: options.adminToken,
    });

    // The recurring agent sync + audit (every 6 h, as in AWS), and one sync now so the registry knows the demo agent.
    await startLocalAgentSync(scheduler.url, 'arn:aws:iam::000000000000:role/vfc-local-scheduler');

    return {
      apiUrl: api.url,
      neoUrl: neo.url,
      ...tokens,
      webhookSigningKey: options.retellApiKey ?? simulatorKey,
      tableName,
      dynamoDbEndpoint: dynamo.endpoint,
      simulator,
      scheduler,
      now: clock.now,
      stop: async () => {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}
