import { randomUUID } from 'node:crypto';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { Dependencies } from './app/dependencies.js';
import { clockFromEnv } from './adapters/clock/scaled-clock.js';
import { createDocumentClient } from './adapters/dynamodb/document-client.js';
import { DynamoDbAgentRegistry } from './adapters/dynamodb/dynamodb-agent-registry.js';
import { DynamoDbCallStore } from './adapters/dynamodb/dynamodb-call-store.js';
import { DynamoDbClinicStore } from './adapters/dynamodb/dynamodb-clinic-store.js';
import { DynamoDbDialSlots } from './adapters/dynamodb/dynamodb-dial-slots.js';
import { ACCOUNT_SCOPE, DEFAULT_CONCURRENCY_LIMIT } from './app/concurrency/slot-policy.js';
import { DynamoDbNumberUsageStore } from './adapters/dynamodb/dynamodb-number-usage-store.js';
import { DynamoDbOptOutStore } from './adapters/dynamodb/dynamodb-opt-out-store.js';
import { appLogger } from './adapters/logging/powertools-logger.js';
import { lookupRecipientZones } from './adapters/phone-zones/lookup-recipient-zones.js';
import { RetellAgentDirectory } from './adapters/retell/retell-agent-directory.js';
import { retellClientFactory, type ApiKeySource } from './adapters/retell/retell-client.js';
import { RetellVoiceProvider } from './adapters/retell/retell-voice-provider.js';
import { RetellWebhookVerifier } from './adapters/retell/retell-webhook-verifier.js';
import { EventBridgeCallScheduler } from './adapters/scheduler/eventbridge-call-scheduler.js';

/** Reads a required environment variable. @throws Error naming the variable when it is missing. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/**
 * The Retell API key: `RETELL_API_KEY` (local stack) or the Secrets Manager secret `RETELL_API_KEY_SECRET_ARN`
 * (AWS; cached 5 minutes by Powertools Parameters, so a rotated key is picked up without a deploy).
 */
export function retellApiKeySource(env: NodeJS.ProcessEnv = process.env): ApiKeySource {
  if (env.RETELL_API_KEY) {
    const key = env.RETELL_API_KEY;
    return async () => key;
  }
  const secretArn = requireEnv('RETELL_API_KEY_SECRET_ARN', env);
  return async () => {
    const value = await getSecret<string>(secretArn, { maxAge: 300 });
    if (!value) throw new Error('The Retell API key secret is empty: set it with aws secretsmanager put-secret-value');
    return value;
  };
}

/** The Retell webhook verifier, keyed like the voice provider. */
export function createWebhookVerifier(env: NodeJS.ProcessEnv = process.env): RetellWebhookVerifier {
  return new RetellWebhookVerifier(retellApiKeySource(env));
}

/** Builds the production wiring from the environment (the same wiring runs on the local stack, with endpoints set). */
export function createDependencies(env: NodeJS.ProcessEnv = process.env): Dependencies {
  const tableName = requireEnv('TABLE_NAME', env);
  const db = createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION });
  const retell = retellClientFactory(retellApiKeySource(env), env.RETELL_BASE_URL, env.RETELL_TIMEOUT_MS ? Number(env.RETELL_TIMEOUT_MS) : undefined);
  return {
    calls: new DynamoDbCallStore(db, tableName),
    clinics: new DynamoDbClinicStore(db, tableName),
    scheduler: new EventBridgeCallScheduler({
      groupName: requireEnv('SCHEDULE_GROUP_NAME', env),
      dialerArn: requireEnv('DIALER_TARGET_ARN', env),
      roleArn: requireEnv('SCHEDULER_ROLE_ARN', env),
      deadLetterArn: env.SCHEDULER_DLQ_ARN,
      endpoint: env.SCHEDULER_ENDPOINT,
      region: env.AWS_REGION,
    }),
    voice: new RetellVoiceProvider(retell),
    agentDirectory: new RetellAgentDirectory(retell),
    agentRegistry: new DynamoDbAgentRegistry(db, tableName),
    // The wall clock in AWS; locally `LOCAL_TIME_SCALE` + `LOCAL_TIME_ORIGIN` (set by the local stack) speed it up.
    clock: clockFromEnv(env),
    recipientZones: lookupRecipientZones,
    optOuts: new DynamoDbOptOutStore(db, tableName),
    numberUsage: new DynamoDbNumberUsageStore(db, tableName),
    // One line for the Retell workspace; RETELL_CONCURRENCY_LIMIT = the workspace's limit (default 20).
    slots: new DynamoDbDialSlots(db, tableName, { scope: ACCOUNT_SCOPE, limit: concurrencyLimitFromEnv(env) }),
    logger: appLogger,
    newId: randomUUID,
  };
}

/** `RETELL_CONCURRENCY_LIMIT` (positive integer), else {@link DEFAULT_CONCURRENCY_LIMIT}. @throws Error when malformed. */
export function concurrencyLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RETELL_CONCURRENCY_LIMIT;
  if (raw === undefined || raw === '') return DEFAULT_CONCURRENCY_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`RETELL_CONCURRENCY_LIMIT must be a positive integer, got "${raw}"`);
  return limit;
}

let cached: Dependencies | undefined;

/** The process-wide dependencies, built on first use (outside the handler's hot path after a cold start). */
export function dependencies(): Dependencies {
  cached ??= createDependencies();
  return cached;
}
