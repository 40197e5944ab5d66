import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { createScaledClock, LOCAL_TIME_ENV } from '../adapters/clock/scaled-clock.js';
import { DynamoDbClinicStore } from '../adapters/dynamodb/dynamodb-clinic-store.js';
import { DynamoDbPeopleStore } from '../adapters/dynamodb/dynamodb-people-store.js';
import { LOCAL_TOKEN_CLOCK_AHEAD_ENV } from '../adapters/oidc/jose-access-token-verifier.js';
import { startDynamoDbLocal } from './dynamodb/dynamodb-local.js';
import { createTable } from './dynamodb/create-table.js';
import { startFakeNeo } from './fake-neo/index.js';
import { startApiServer } from './http/api-server.js';
import { startRetellSimulator, type RetellSimulator, type SimulatorFaults } from './retell-simulator/index.js';
import { startSchedulerEmulator, type SchedulerEmulator } from './scheduler-emulator/index.js';
import { startVapiSimulator, type VapiSimulator } from './vapi-simulator/index.js';
import { DEMO_CLINIC_ID, DEMO_FROM_NUMBER, seedDemoClinic } from './seed-demo.js';
import { join } from 'node:path';
import {
  createLocalRecurringSchedule,
  invokeLocalFunction,
  LOCAL_DIALER_ARN,
  LOCAL_FUNCTIONS,
  LOCAL_PROVIDER_EVENT_ARN,
  LOCAL_KNOWLEDGE_SYNC_ARN,
  LOCAL_SCHEDULER_ROLE_ARN,
} from './local-functions.js';
import { startLambdaEmulator, type LambdaEmulator } from './lambda-emulator/lambda-emulator.js';
import { AWS_CALLS_DIR_ENV, startAwsCallRecorder, type RecordedAwsCall } from './aws-call-recorder/aws-call-recorder.js';
import { startIdentityProvider, type IdentityProvider } from './identity-provider/identity-provider.js';
import { localRedirectUris } from './identity-provider/redirect-uris.js';
import { dynamoDbProvisioningStores } from '../adapters/dynamodb/provisioning-stores.js';
import { seedDemoPeople, type DemoPeople, type DemoPeopleOptions } from './identity-provider/demo-people.js';
import { startLocalS3 } from './s3/s3-server.js';

export { LOCAL_DIALER_ARN } from './local-functions.js';

/** The phone numbers of the simulator's second Retell workspace (a clinic's own): one of its own and the demo clinic's. */
export const OWN_RETELL_NUMBERS = ['+14155550177', DEMO_FROM_NUMBER] as const;

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
  /** Real epoch ms at which the scaled clock equals the wall clock (default now). A restart passes the first stack's. */
  timeOriginMs?: number;
  /** Simulator ring time (creation → call_started), real ms (default 300). */
  ringMs?: number;
  /** Simulator call_ended → call_analyzed, real ms (default 200). */
  analysisDelayMs?: number;
  /** Retell simulator fault modes (all off by default; see retell-simulator/README.md). */
  retellFaults?: SimulatorFaults;
  /** Scheduler emulator fault mode: share 0..1 of firings delivered twice (default 0). */
  schedulerDuplicateDeliveryRate?: number;
  /**
   * File-backed mode: DynamoDB Local keeps its data in `<dataDir>/dynamodb` and the scheduler emulator its schedules in
   * `<dataDir>/schedules.json`, so a stack started again on the same folder (and ports) continues where a killed one stopped.
   */
  dataDir?: string;
  /** Fixed ports for DynamoDB Local and the scheduler emulator (a restart reuses the first stack's). */
  dynamoDbPort?: number;
  schedulerPort?: number;
  /**
   * A Retell simulator that is already running (Retell outlives a crash of OUR stack): used instead of starting one,
   * and not stopped by `stop()`.
   */
  simulator?: RetellSimulator;
  /** Per-request timeout of the Retell client, real ms (`RETELL_TIMEOUT_MS`; default 15 000). */
  retellTimeoutMs?: number;
  /**
   * Key of a second workspace of the Retell simulator standing for a clinic's own Retell account (otherwise generated):
   * an admin saves it with `PUT /clinic/voice {"provider":"retell","apiKey":…}`. Its numbers: {@link OWN_RETELL_NUMBERS}.
   */
  retellClinicApiKey?: string;
  /** Key the Vapi simulator accepts (otherwise generated). */
  vapiSimulatorApiKey?: string;
  /** The platform's Vapi webhook secret (HMAC credential; otherwise generated). */
  vapiWebhookSecret?: string;
  /** With a real Vapi private key the stack talks to Vapi itself instead of the Vapi simulator. */
  vapiApiKey?: string;
  /** The Vapi simulator's org concurrency limit (Vapi's default: 10). */
  vapiConcurrencyLimit?: number;
  /** Reconciler thresholds, stack-clock ms (`RECONCILE_*_MS`); production defaults otherwise. */
  reconcile?: { dialingWithoutIdAfterMs?: number; unendedAfterMs?: number; overdueAfterMs?: number };
  /** Expression of the recurring reconcile schedule (default `RECONCILE_SCHEDULE_EXPRESSION`); false = none. */
  reconcileSchedule?: string | false;
  /**
   * Name of this run's AWS request recording: when `VFC_AWS_CALLS_DIR` is set, `stop()` saves the distinct AWS
   * requests each handler sent there (checked against the deployed roles by the IAM simulation test). Default `local-stack`.
   */
  recordingName?: string;
  /** Port of the local identity provider, the Cognito stand-in (0 = a free one; `pnpm start` passes `OIDC_PORT` or 4300). */
  oidcPort?: number;
  /** Extra redirect URIs of the extension's sign-in client (beside the loopback one and `https://<id>.chromiumapp.org/` for each id in `EXTENSION_IDS`). */
  oidcRedirectUris?: string[];
  /** Bearer key of the local identity provider's admin API (otherwise generated). */
  oidcAdminKey?: string;
  /** Access token lifetime of the local identity provider, seconds (default 3600). */
  oidcAccessTokenTtlSeconds?: number;
  /**
   * The authorizer checks token expiry on a clock this many ms ahead of the wall clock (default 0): a test's freshly
   * issued access token is then honestly expired, without waiting. Only token verification is affected.
   */
  tokenClockAheadMs?: number;
  /** The demo people's emails and password (otherwise the defaults; the password is generated). */
  demoPeople?: DemoPeopleOptions;
}

/** A running local stack. */
export interface LocalStack {
  apiUrl: string;
  neoUrl: string;
  staffToken: string;
  adminToken: string;
  /** The local identity provider (issuer, client id, people): how staff sign in locally. */
  identityProvider: IdentityProvider;
  /** The demo clinic's signed-in people (a staff member and an admin) and their password. */
  demoPeople: DemoPeople;
  /** The key webhooks are signed with (the simulator's API key, or the real Retell key). */
  webhookSigningKey: string;
  /** The key of the simulator's second Retell workspace (a clinic's own account); absent with a real Retell key. */
  retellClinicApiKey?: string;
  tableName: string;
  dynamoDbEndpoint: string;
  /** The local S3 stand-in holding knowledge documents (bucket {@link LOCAL_KNOWLEDGE_BUCKET}). */
  s3Endpoint: string;
  simulator?: RetellSimulator;
  /** The Vapi simulator (absent with a real `vapiApiKey`). */
  vapiSimulator?: VapiSimulator;
  /** The platform's Vapi webhook secret (what `/webhooks/vapi` verifies). */
  vapiWebhookSecret: string;
  scheduler: SchedulerEmulator;
  /** The Lambda Invoke stand-in the webhook hands its events to (asynchronous invocations of `apply-provider-event`). */
  lambda: LambdaEmulator;
  /** Real epoch ms origin of the scaled clock (pass it as `timeOriginMs` to a restarted stack). */
  timeOriginMs: number;
  apiPort: number;
  dynamoDbPort: number;
  schedulerPort: number;
  /** The distinct AWS requests each handler sent so far (handler, IAM action, resource, key kind). */
  awsCalls(): RecordedAwsCall[];
  /** The stack's clock (virtual time when `timeScale` > 1): what "now" means to the backend and the emulators. */
  now(): Date;
  /** Virtual ms per real ms of {@link now} (the `timeScale` option; 1 = the wall clock). */
  timeScale: number;
  stop(): Promise<void>;
  /**
   * Kills the stack mid-flight as a crash would: DynamoDB Local's process is killed, the API and the scheduler emulator
   * close at once (running deliveries are not waited for; the emulator saves them as in flight). Only meaningful with
   * `dataDir`. A given `simulator` keeps running.
   */
  kill(): Promise<void>;
}

/** The local knowledge documents' bucket. */
export const LOCAL_KNOWLEDGE_BUCKET = 'vfc-local-knowledge';

/**
 * Starts everything `pnpm start` runs on one machine: DynamoDB Local (in memory) with the table from TABLE_DESIGN,
 * the EventBridge Scheduler emulator, the Lambda Invoke stand-in (the webhook's asynchronous invocations), the Retell simulator (unless `retellApiKey`), the API (same handlers and adapters
 * as in AWS, behind a local API Gateway stand-in), the fake IDEXX Neo origin, and the seeded demo clinic.
 * The handlers read their configuration from `process.env`, which this sets: one stack per process.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const stops: (() => Promise<void>)[] = [];
  const recorder = startAwsCallRecorder();
  stops.push(async () => {
    recorder.stop();
    const dir = process.env[AWS_CALLS_DIR_ENV];
    if (dir) recorder.save(dir, options.recordingName ?? 'local-stack');
  });
  const clock = createScaledClock({ scale: options.timeScale ?? 1, originMs: options.timeOriginMs ?? Date.now() });
  try {
    const dynamo = await startDynamoDbLocal({
      ...(options.dataDir ? { dbPath: join(options.dataDir, 'dynamodb') } : {}),
      ...(options.dynamoDbPort ? { port: options.dynamoDbPort } : {}),
    });
    stops.push(() => dynamo.stop());
    const tableName = 'vfc-local';
    const db = createDocumentClient({ endpoint: dynamo.endpoint });
    await createTable(db as never, tableName);

    const simulatorKey = options.simulatorApiKey ?? `sim_${crypto.randomUUID().replaceAll('-', '')}`;
    const simulator = options.retellApiKey
      ? undefined
      : (options.simulator ??
        (await startRetellSimulator({
          apiKey: simulatorKey,
          ...(options.callDurationMs ? { callDurationMs: options.callDurationMs } : {}),
          ...(options.concurrencyLimit ? { concurrencyLimit: options.concurrencyLimit } : {}),
          ...(options.ringMs !== undefined ? { ringMs: options.ringMs } : {}),
          ...(options.analysisDelayMs !== undefined ? { analysisDelayMs: options.analysisDelayMs } : {}),
          ...(options.retellFaults ? { faults: options.retellFaults } : {}),
          now: clock.nowMs,
        })));
    if (simulator && !options.simulator) stops.push(() => simulator.stop());
    // A clinic's own Retell workspace: its own key, numbers, agents and concurrency; its webhooks signed with its key.
    const retellClinicApiKey = simulator ? (options.retellClinicApiKey ?? `sim_clinic_${crypto.randomUUID().replaceAll('-', '')}`) : undefined;
    if (simulator && retellClinicApiKey && !simulator.workspace(retellClinicApiKey)) {
      simulator.addWorkspace({ apiKey: retellClinicApiKey, numbers: [...OWN_RETELL_NUMBERS], ...(options.concurrencyLimit ? { concurrencyLimit: options.concurrencyLimit } : {}) });
    }

    const vapiKey = options.vapiApiKey ?? options.vapiSimulatorApiKey ?? `vapi_sim_${crypto.randomUUID().replaceAll('-', '')}`;
    const vapiWebhookSecret = options.vapiWebhookSecret ?? `vapi_whsec_${crypto.randomUUID().replaceAll('-', '')}`;
    const vapiSimulator = options.vapiApiKey
      ? undefined
      : await startVapiSimulator({
          apiKey: vapiKey,
          webhookSecret: vapiWebhookSecret,
          // The demo clinic's number is in the simulated account, so it switches with just {"provider": "vapi"}.
          numbers: ['+15550100000', DEMO_FROM_NUMBER],
          ...(options.vapiConcurrencyLimit ? { concurrencyLimit: options.vapiConcurrencyLimit } : {}),
          ...(options.callDurationMs ? { callDurationMs: options.callDurationMs } : {}),
          ...(options.ringMs !== undefined ? { ringMs: options.ringMs } : {}),
          now: clock.nowMs,
        });
    if (vapiSimulator) stops.push(() => vapiSimulator.stop());

    const scheduler = await startSchedulerEmulator({
      now: clock.nowMs,
      ...(options.schedulerPort ? { port: options.schedulerPort } : {}),
      ...(options.dataDir ? { stateFile: join(options.dataDir, 'schedules.json') } : {}),
      ...(options.schedulerDuplicateDeliveryRate ? { duplicateDeliveryRate: options.schedulerDuplicateDeliveryRate } : {}),
      invoke: async ({ arn, input }) => void (await invokeLocalFunction(arn, input)),
    });
    stops.push(() => scheduler.stop());

    // The webhook's asynchronous invocations: fire-and-forget, retried twice on error (shortened waits), like Lambda.
    const lambda = await startLambdaEmulator({
      invoke: (name, payload) => invokeLocalFunction(name, payload),
      onDropped: (name) => console.error(`local Lambda: asynchronous invocation of ${name} failed every attempt`),
    });
    stops.push(() => lambda.stop());

    const identityProvider = await startIdentityProvider({
      port: options.oidcPort ?? 0,
      redirectUris: [...localRedirectUris(), ...(options.oidcRedirectUris ?? [])],
      ...(options.oidcAccessTokenTtlSeconds ? { accessTokenTtlSeconds: options.oidcAccessTokenTtlSeconds } : {}),
      ...(options.oidcAdminKey ? { adminKey: options.oidcAdminKey } : {}),
    });
    stops.push(() => identityProvider.stop());
    const demoPeople = seedDemoPeople(identityProvider.people, DEMO_CLINIC_ID, options.demoPeople);
    // The S3 stand-in for knowledge documents (the production S3 adapter talks to it).
    const s3 = await startLocalS3({ buckets: [LOCAL_KNOWLEDGE_BUCKET], ...(options.dataDir ? { directory: join(options.dataDir, 's3') } : {}) });
    stops.push(() => s3.stop());

    Object.assign(process.env, {
      // The authorizer verifies sign-in tokens against the local identity provider, as it does against Cognito in AWS.
      OIDC_ISSUER: identityProvider.issuer,
      OIDC_CLIENT_ID: identityProvider.clientId,
      OIDC_JWKS_URI: identityProvider.jwksUri,
      [LOCAL_TOKEN_CLOCK_AHEAD_ENV]: String(options.tokenClockAheadMs ?? 0),
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SCHEDULER_ENDPOINT: scheduler.url,
      SCHEDULE_GROUP_NAME: 'default',
      DIALER_TARGET_ARN: LOCAL_DIALER_ARN,
      SCHEDULER_ROLE_ARN: LOCAL_SCHEDULER_ROLE_ARN,
      PROVIDER_EVENT_FUNCTION_ARN: LOCAL_PROVIDER_EVENT_ARN,
      LAMBDA_ENDPOINT: lambda.url,
      RETELL_API_KEY: options.retellApiKey ?? simulatorKey,
      RETELL_CONCURRENCY_LIMIT: String(options.concurrencyLimit ?? 20),
      ...(options.retellTimeoutMs ? { RETELL_TIMEOUT_MS: String(options.retellTimeoutMs) } : {}),
      ...(options.reconcile?.dialingWithoutIdAfterMs ? { RECONCILE_DIALING_WITHOUT_ID_AFTER_MS: String(options.reconcile.dialingWithoutIdAfterMs) } : {}),
      ...(options.reconcile?.unendedAfterMs ? { RECONCILE_UNENDED_AFTER_MS: String(options.reconcile.unendedAfterMs) } : {}),
      ...(options.reconcile?.overdueAfterMs ? { RECONCILE_OVERDUE_AFTER_MS: String(options.reconcile.overdueAfterMs) } : {}),
      [LOCAL_TIME_ENV.scale]: String(clock.scale),
      [LOCAL_TIME_ENV.origin]: String(clock.originMs),
      ...(simulator ? { RETELL_BASE_URL: simulator.url } : {}),
      VAPI_WEBHOOK_SECRET: vapiWebhookSecret,
      VAPI_API_KEY: vapiKey,
      VAPI_CONCURRENCY_LIMIT: String(options.vapiConcurrencyLimit ?? 10),
      ...(vapiSimulator ? { VAPI_BASE_URL: vapiSimulator.url } : {}),
      // Clinic-owned provider keys stay in this process's memory (the stand-in for Secrets Manager).
      LOCAL_SECRET_STORE: 'memory',
      KNOWLEDGE_BUCKET: LOCAL_KNOWLEDGE_BUCKET,
      S3_ENDPOINT: s3.endpoint,
      KNOWLEDGE_SYNC_FUNCTION_ARN: LOCAL_KNOWLEDGE_SYNC_ARN,
      // Read the simulated knowledge base's status every 20 ms (AWS: every 2 s).
      KNOWLEDGE_STATUS_READ_MS: process.env.KNOWLEDGE_STATUS_READ_MS ?? '20',
    });

    const api = await startApiServer(options.port ?? 0);
    stops.push(() => api.stop());
    simulator?.setWebhookUrl(`${api.url}/webhooks/retell`);
    vapiSimulator?.setServerUrl(`${api.url}/webhooks/vapi`);
    // What the clinic assistants' server.url is set to when a clinic saves Vapi settings (AWS: the API's webhook URL).
    process.env.VAPI_SERVER_URL = `${api.url}/webhooks/vapi`;
    // The webhook URL of the agent synced into a clinic's own Retell workspace.
    process.env.RETELL_WEBHOOK_URL = `${api.url}/webhooks/retell`;

    const neo = await startFakeNeo({ port: options.neoPort ?? 0 });
    stops.push(() => neo.stop());

    const clinicStore = new DynamoDbClinicStore(db, tableName);
    // A restart on a file-backed folder keeps the demo clinic and its tokens (pass the first stack's tokens again).
    const reuse = options.dataDir && options.staffToken && options.adminToken && (await clinicStore.getClinic(DEMO_CLINIC_ID));
    const tokens = reuse
      ? { staffToken: options.staffToken!, adminToken: options.adminToken! }
      : await seedDemoClinic(dynamoDbProvisioningStores(db, tableName), {
          timezone: options.timezone ?? 'America/Los_Angeles',
          staffToken: options.staffToken,
          adminToken: options.adminToken,
        });
    // The demo people's person records, as `ops invite-user` writes them (GET /clinic/staff lists them).
    const peopleStore = new DynamoDbPeopleStore(db, tableName);
    for (const person of [demoPeople.staff, demoPeople.admin]) {
      const role = person.groups.includes('admin') ? 'admin' : 'staff';
      await peopleStore.put({ clinicId: person.clinicId, userId: person.sub, name: person.name, email: person.email, role });
    }

    // The recurring agent sync + audit (every 6 h, as in AWS), and one sync now so the registry knows the demo agent.
    if (reuse) {
      // Restarted on a file-backed folder: the recurring schedules were restored with the rest.
    } else {
      await createLocalRecurringSchedule(scheduler.url, 'agent-sync');
      await invokeLocalFunction(LOCAL_FUNCTIONS['agent-sync'].arn, '{}');
    }
    if (options.reconcileSchedule !== false) {
      await createLocalRecurringSchedule(scheduler.url, 'reconcile', options.reconcileSchedule);
    }

    return {
      apiUrl: api.url,
      neoUrl: neo.url,
      ...tokens,
      identityProvider,
      demoPeople,
      webhookSigningKey: options.retellApiKey ?? simulatorKey,
      ...(retellClinicApiKey ? { retellClinicApiKey } : {}),
      tableName,
      dynamoDbEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      simulator,
      vapiSimulator,
      vapiWebhookSecret,
      scheduler,
      lambda,
      timeOriginMs: clock.originMs,
      apiPort: Number(new URL(api.url).port),
      dynamoDbPort: Number(new URL(dynamo.endpoint).port),
      schedulerPort: Number(new URL(scheduler.url).port),
      now: clock.now,
      timeScale: clock.scale,
      awsCalls: () => recorder.calls(),
      stop: async () => {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
      },
      kill: async () => {
        await Promise.all([dynamo.stop(), scheduler.crash(), lambda.crash(), api.stop(), neo.stop(), identityProvider.stop(), s3.stop()]);
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}
