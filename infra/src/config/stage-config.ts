/**
 * Deployment stages (`dev`, `prod`) and the settings that differ between them, read from CDK context.
 *
 * Context keys (set in `infra/cdk.json`, overridable with `-c key=value` on the command line):
 * - `stage`: `dev` (default) or `prod`.
 * - `stages`: an object keyed by stage name holding {@link StageSettings} fields (see cdk.json).
 * - `alarmEmail`: overrides the stage's alarm e-mail address (optional).
 * - `alarmTopicArn`: an existing SNS topic (e.g. one a chat integration such as AWS Chatbot reads) that receives the
 *   alarms too (optional). Prod needs at least one of `alarmEmail` / `alarmTopicArn`: synth fails without.
 * - `extensionOrigin`: overrides the stage's allowed CORS origin, e.g. `chrome-extension://<32-letter id>`.
 * - `tableName`: the functions use this existing table instead of the stateful stack's (a restored table).
 * - `signInDomainPrefix`: overrides the managed-login domain prefix (it must be unique in the region).
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
  /**
   * Concurrent calls the platform's Vapi organisation allows (`VAPI_CONCURRENCY_LIMIT`). Vapi's default is 10
   * (docs.vapi.ai/calls/call-concurrency); more are bought as reserved lines. Default 10.
   */
  readonly vapiConcurrencyLimit?: number;
  /**
   * Id of the HMAC credential ops created in Vapi with the `VapiWebhookSecret` (`VAPI_SERVER_CREDENTIAL_ID`): written
   * into every clinic assistant's `server.credentialId` so Vapi signs its messages. Also `-c vapiServerCredentialId=…`.
   */
  readonly vapiServerCredentialId?: string;
  /** An existing SNS topic ARN that also receives every alarm (a chat integration or a pager); optional. */
  readonly alarmTopicArn?: string;
  /**
   * Reserved concurrency of the dialer: at most this many dialer runs at once, whatever the number of due schedules.
   * Sized from the provider slots (default = `retellConcurrencyLimit` + `vapiConcurrencyLimit`, the platform
   * accounts' slots): a run holds at most one slot, so more runs than slots would only race on the slot counters.
   * Clinics on their own Vapi accounts add slots of their own: raise it when they do. Throttled runs wait in Lambda's asynchronous queue (retried for up to
   * the dialer's maximum event age), they are not dropped.
   */
  readonly dialerConcurrency: number;
  /** Reserved concurrency of the provider webhook function (it also caps what forged requests can cost). Default 10. */
  readonly webhookConcurrency: number;
  /** Throttle of the webhook route(s) alone: steady requests per second and burst. Default 25 / 50. */
  readonly webhookThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * Source addresses (IPv4 CIDRs) the provider publishes for its webhooks; when set, the webhook refuses any other
   * source with 403 before it reads the signature. Empty = no address check (the signature is still required).
   */
  readonly webhookSourceCidrs: readonly string[];
  /**
   * The table the functions use when it is not the stateful stack's own: the name of a table restored from a backup
   * or point-in-time recovery (`-c tableName=vfc-prod-table-restored`). Unset = the stateful stack's table.
   */
  readonly tableName?: string;
  /** Region of the cross-region backup copy and the secret replica (prod: required; must differ from the stack's). */
  readonly backupRegion?: string;
  /**
   * Staff sign-in (Cognito user pool): MFA `off`, `optional` (default; TOTP apps) or `required`. See docs/sign-in.md.
   */
  readonly signInMfa?: 'off' | 'optional' | 'required';
  /**
   * Cognito feature plan: `essentials` (default; enough for the access-token claims our trigger adds) or `plus`
   * (adds threat protection, which is then switched on in full-function mode).
   */
  readonly signInFeaturePlan?: 'essentials' | 'plus';
  /** Prefix of the managed-login domain `https://<prefix>.auth.<region>.amazoncognito.com` (default `vfc-<stage>-staff`). */
  readonly signInDomainPrefix?: string;
}

/** Everything the stacks need to know about the stage being synthesized. */
export interface StageConfig extends StageSettings {
  readonly stage: StageName;
  /** Prefix of every physical name (functions, table, schedule group): `vfc-<stage>`. */
  readonly prefix: string;
  /** Production safety: DynamoDB deletion protection and RETAIN removal policy. */
  readonly isProduction: boolean;
  readonly signInMfa: 'off' | 'optional' | 'required';
  readonly signInFeaturePlan: 'essentials' | 'plus';
  readonly signInDomainPrefix: string;
  /**
   * Where the sign-in client may send the code: `https://<extension id>.chromiumapp.org/` for each
   * `chrome-extension://<id>` CORS origin (the extension id the manifest `key` pins).
   */
  readonly signInCallbackUrls: readonly string[];
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
  const topicOverride = tryGetContext('alarmTopicArn');
  const alarmTopicArn = typeof topicOverride === 'string' ? topicOverride : settings.alarmTopicArn;
  if (alarmTopicArn && !/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/.test(alarmTopicArn)) {
    throw new Error(`alarmTopicArn "${alarmTopicArn}" is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)`);
  }
  if (stage === 'prod' && !alarmEmail && !alarmTopicArn) {
    throw new Error(
      'No alarm target for stage prod: alarms would reach no one. Pass -c alarmEmail=ops@your-clinic.example ' +
        '(or -c alarmTopicArn=arn:aws:sns:<region>:<account>:<topic> of a chat/pager integration), or set ' +
        'stages.prod.alarmEmail / stages.prod.alarmTopicArn in cdk.json',
    );
  }
  const positiveInt = (name: string, value: unknown, fallback: number): number => {
    const n = value ?? fallback;
    if (!Number.isInteger(n) || (n as number) < 1) throw new Error(`stages.${stage}.${name} must be a positive integer`);
    return n as number;
  };
  const vapiConcurrencyLimit = positiveInt('vapiConcurrencyLimit', settings.vapiConcurrencyLimit, 10);
  const credentialOverride = tryGetContext('vapiServerCredentialId');
  const vapiServerCredentialId = typeof credentialOverride === 'string' && credentialOverride !== '' ? credentialOverride : settings.vapiServerCredentialId || undefined;
  const dialerConcurrency = positiveInt('dialerConcurrency', settings.dialerConcurrency, retellConcurrencyLimit + vapiConcurrencyLimit);
  const webhookConcurrency = positiveInt('webhookConcurrency', settings.webhookConcurrency, 10);
  const webhookThrottle = settings.webhookThrottle ?? { rateLimit: 25, burstLimit: 50 };
  if (!(webhookThrottle.rateLimit > 0) || !(webhookThrottle.burstLimit > 0)) {
    throw new Error(`stages.${stage}.webhookThrottle needs positive rateLimit and burstLimit`);
  }
  const webhookSourceCidrs = [...(settings.webhookSourceCidrs ?? [])];
  for (const cidr of webhookSourceCidrs) {
    if (!/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/.test(cidr)) throw new Error(`stages.${stage}.webhookSourceCidrs: "${cidr}" is not an IPv4 CIDR`);
  }
  const tableOverride = tryGetContext('tableName');
  const tableName = typeof tableOverride === 'string' && tableOverride !== '' ? tableOverride : settings.tableName || undefined;
  if (tableName && !/^[a-zA-Z0-9_.-]{3,255}$/.test(tableName)) throw new Error(`tableName "${tableName}" is not a DynamoDB table name`);
  const backupRegion = settings.backupRegion || undefined;
  if (stage === 'prod' && !backupRegion) {
    throw new Error('stages.prod.backupRegion is missing: the cross-region backup copy and the secret replica need a second region');
  }

  const signInMfa = settings.signInMfa ?? 'optional';
  if (!['off', 'optional', 'required'].includes(signInMfa)) throw new Error(`stages.${stage}.signInMfa must be off, optional or required`);
  const signInFeaturePlan = settings.signInFeaturePlan ?? 'essentials';
  if (signInFeaturePlan !== 'essentials' && signInFeaturePlan !== 'plus') throw new Error(`stages.${stage}.signInFeaturePlan must be essentials or plus`);
  const domainOverride = tryGetContext('signInDomainPrefix');
  const signInDomainPrefix = (typeof domainOverride === 'string' && domainOverride) || settings.signInDomainPrefix || `vfc-${stage}-staff`;
  // Cognito: lower-case letters, digits and hyphens, no leading/trailing hyphen, and never "aws", "amazon" or "cognito".
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(signInDomainPrefix) || /aws|amazon|cognito/.test(signInDomainPrefix)) {
    throw new Error(`signInDomainPrefix "${signInDomainPrefix}" is not a valid Cognito domain prefix`);
  }
  const signInCallbackUrls = extensionOrigins
    .map((origin) => /^chrome-extension:\/\/([a-p]{32})$/.exec(origin)?.[1])
    .filter((id): id is string => Boolean(id))
    .map((id) => `https://${id}.chromiumapp.org/`);

  return {
    stage: stage as StageName,
    signInMfa,
    signInFeaturePlan,
    signInDomainPrefix,
    signInCallbackUrls,
    prefix: `vfc-${stage}`,
    isProduction: stage === 'prod',
    logRetentionDays,
    logLevel,
    removal: settings.removal,
    ...(alarmEmail ? { alarmEmail } : {}),
    extensionOrigins,
    throttle: { rateLimit: throttle.rateLimit, burstLimit: throttle.burstLimit },
    retellConcurrencyLimit,
    vapiConcurrencyLimit,
    ...(vapiServerCredentialId ? { vapiServerCredentialId } : {}),
    ...(alarmTopicArn ? { alarmTopicArn } : {}),
    dialerConcurrency,
    webhookConcurrency,
    webhookThrottle: { rateLimit: webhookThrottle.rateLimit, burstLimit: webhookThrottle.burstLimit },
    webhookSourceCidrs,
    ...(backupRegion ? { backupRegion } : {}),
    ...(tableName ? { tableName } : {}),
  };
}
