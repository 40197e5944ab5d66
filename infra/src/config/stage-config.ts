/**
 * Deployment stages (`dev`, `prod`) and the settings that differ between them, read from CDK context.
 *
 * Context keys (set in `infra/cdk.json`, overridable with `-c key=value` on the command line):
 * - `stage`: `dev` (default) or `prod`.
 * - `stages`: an object keyed by stage name holding {@link StageSettings} fields (see cdk.json).
 * - `alarmEmail`: overrides the stage's alarm e-mail address (optional).
 * - `extensionOrigin`: overrides the stage's allowed CORS origin, e.g. `chrome-extension://<32-letter id>`.
 */
export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

/** The settings of one stage as written in `cdk.json` context (`stages.<name>`). */
export interface StageSettings {
  /** Log group retention, in days (must be one of CloudWatch's allowed values, e.g. 30, 90, 365). */
  readonly logRetentionDays: number;
  /** Powertools Logger level (`POWERTOOLS_LOG_LEVEL`) of every function. */
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** `retain` keeps the table, secret and logs when the stack is deleted; `destroy` removes them. */
  readonly removal: 'retain' | 'destroy';
  /** E-mail address subscribed to the alarm topic; empty or absent: the topic has no subscription. */
  readonly alarmEmail?: string;
  /** Origins allowed by the HTTP API's CORS policy, e.g. `chrome-extension://abcdefghijklmnopabcdefghijklmnop`. */
  readonly extensionOrigins: readonly string[];
  /** HTTP API stage throttling: steady requests per second and burst size. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * Concurrent calls the Retell workspace allows (`RETELL_CONCURRENCY_LIMIT` of the dialer's slot control). Retell's
   * pay-as-you-go default is 20 (docs.retellai.com, "Concurrency"); raise it only after Retell raised the workspace's.
   */
  readonly retellConcurrencyLimit: number;
}

/** Everything the stacks need to know about the stage being synthesized. */
export interface StageConfig extends StageSettings {
  readonly stage: StageName;
  /** Prefix of every physical name (functions, table, schedule group): `vfc-<stage>`. */
  readonly prefix: string;
  /** Production safety: DynamoDB deletion protection and RETAIN removal policy. */
  readonly isProduction: boolean;
}

/** Minimal view of a construct node's context lookup, so this module stays free of CDK imports. */
export type ContextReader = (key: string) => unknown;

/** CloudWatch Logs' allowed retention values, in days. */
const ALLOWED_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * Reads and validates the stage configuration from CDK context.
 * Throws with a readable message on an unknown stage or a malformed `stages` entry, so `cdk synth` fails early.
 */
export function readStageConfig(tryGetContext: ContextReader): StageConfig {
  const stage = (tryGetContext('stage') ?? 'dev') as string;
  if (!(STAGES as readonly string[]).includes(stage)) {
    throw new Error(`Unknown stage "${stage}": use -c stage=${STAGES.join('|')}`);
  }
  const stages = tryGetContext('stages') as Record<string, Partial<StageSettings>> | undefined;
  const settings = stages?.[stage];
  if (!settings) throw new Error(`cdk.json context "stages.${stage}" is missing`);

  const logRetentionDays = settings.logRetentionDays;
  if (typeof logRetentionDays !== 'number' || !(ALLOWED_RETENTION_DAYS as readonly number[]).includes(logRetentionDays)) {
    throw new Error(`stages.${stage}.logRetentionDays must be one of ${ALLOWED_RETENTION_DAYS.join(', ')}`);
  }
  if (settings.removal !== 'retain' && settings.removal !== 'destroy') {
    throw new Error(`stages.${stage}.removal must be "retain" or "destroy"`);
  }
  if (stage === 'prod' && settings.removal !== 'retain') {
    throw new Error('stages.prod.removal must be "retain": production data is never deleted with the stack');
  }
  const logLevel = settings.logLevel;
  if (logLevel !== 'DEBUG' && logLevel !== 'INFO' && logLevel !== 'WARN' && logLevel !== 'ERROR') {
    throw new Error(`stages.${stage}.logLevel must be DEBUG, INFO, WARN or ERROR`);
  }
  const originOverride = tryGetContext('extensionOrigin');
  const extensionOrigins =
    typeof originOverride === 'string' && originOverride !== '' ? [originOverride] : [...(settings.extensionOrigins ?? [])];
  if (extensionOrigins.length === 0) {
    throw new Error(
      `No CORS origin for stage ${stage}: pass -c extensionOrigin=chrome-extension://<extension id> ` +
        `(see chrome://extensions) or list it in cdk.json stages.${stage}.extensionOrigins`,
    );
  }
  for (const origin of extensionOrigins) {
    if (!/^(chrome-extension:\/\/[a-p]{32}|https?:\/\/[^/*]+)$/.test(origin)) {
      throw new Error(`CORS origin "${origin}" must be chrome-extension://<32-letter id> or an http(s) origin`);
    }
  }
  const throttle = settings.throttle;
  if (!throttle || !(throttle.rateLimit > 0) || !(throttle.burstLimit > 0)) {
    throw new Error(`stages.${stage}.throttle needs positive rateLimit and burstLimit`);
  }
  const retellConcurrencyLimit = settings.retellConcurrencyLimit ?? 20;
  if (!Number.isInteger(retellConcurrencyLimit) || retellConcurrencyLimit < 1) {
    throw new Error(`stages.${stage}.retellConcurrencyLimit must be a positive integer (Retell's default is 20)`);
  }
  const emailOverride = tryGetContext('alarmEmail');
  const alarmEmail = typeof emailOverride === 'string' ? emailOverride : settings.alarmEmail;

  return {
    stage: stage as StageName,
    prefix: `vfc-${stage}`,
    isProduction: stage === 'prod',
    logRetentionDays,
    logLevel,
    removal: settings.removal,
    ...(alarmEmail ? { alarmEmail } : {}),
    extensionOrigins,
    throttle: { rateLimit: throttle.rateLimit, burstLimit: throttle.burstLimit },
    retellConcurrencyLimit,
  };
}
