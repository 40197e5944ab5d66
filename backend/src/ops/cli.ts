import { parseArgs } from 'node:util';
import { CallingRules, OPEN_ALWAYS, toE164, WeeklyHours } from '@vfc/shared';
import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { dynamoDbProvisioningStores } from '../adapters/dynamodb/provisioning-stores.js';
import { provisionClinic } from '../app/provision-clinic.js';
import { holdRestoredCalls } from '../app/restore/hold-restored-calls.js';
import { createStorageDependencies } from '../composition/storage.js';
import { API_KEY_COMMANDS, API_KEY_USAGE, apiKeyCommand, type ApiKeyCommand } from './api-key-commands.js';
import { redriveFailed } from './redrive-failed.js';
import { USER_USAGE, userCommand } from './user-commands.js';

const USAGE = `Usage: pnpm --filter @vfc/backend ops create-clinic \\
  --clinic-id <id> --name <clinic name> --phone <clinic phone> --timezone <IANA zone> \\
  --from-number <Retell number, E.164> --agent-id <Retell agent_id> [--hours '<weeklyHours JSON>'] [--demo]

Environment: TABLE_NAME (the stack output TableName), AWS_REGION (and your AWS credentials);
DYNAMODB_ENDPOINT only for a local DynamoDB. Prints a staff API key and an admin API key ONCE ("staff key", "admin key"
in list-api-keys): store them safely.
Default hours: Mon–Fri 09:00–17:00 in the clinic's timezone.

       pnpm --filter @vfc/backend ops redrive-failed --queue-url <url> [--max <n>] [--dry-run]

Runs again each failed event in a failure queue (stack outputs AsyncFailureQueueUrl and SchedulerDeadLetterQueueUrl):
invokes its function asynchronously with the original event, then deletes the message; --dry-run only lists them.
Environment: AWS_REGION and your AWS credentials.

       pnpm --filter @vfc/backend ops hold-restored-calls --restored-to <UTC instant of the restored data> [--dry-run]

After a restore (infra/README.md, "Restore the table"): holds every scheduled call already due — it may have been
dialled after the backup was taken — for staff review: never dialled until someone moves or cancels it. Run it after
the swap and before dialling resumes; running it twice holds nothing new. --dry-run only counts them.
Environment: TABLE_NAME (the restored table), AWS_REGION (and your AWS credentials).

${USER_USAGE}

${API_KEY_USAGE}`;

const WEEKDAY_9_TO_5 = { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }], wed: [{ start: '09:00', end: '17:00' }], thu: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '17:00' }], sat: [], sun: [] };

/** The ops command: creates a clinic and its staff and admin tokens in the table named by `TABLE_NAME`. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'redrive-failed') return redriveCommand(rest);
  if (command === 'hold-restored-calls') return holdRestoredCommand(rest);
  if (command === 'invite-user' || command === 'disable-user') return userCommand(command, rest);
  if ((API_KEY_COMMANDS as readonly string[]).includes(command ?? '')) return apiKeyCommand(command as ApiKeyCommand, rest);
  if (command !== 'create-clinic') {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      'clinic-id': { type: 'string' },
      name: { type: 'string' },
      phone: { type: 'string' },
      timezone: { type: 'string' },
      'from-number': { type: 'string' },
      'agent-id': { type: 'string' },
      hours: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
  });
  const missing = ['clinic-id', 'name', 'phone', 'timezone', 'from-number', 'agent-id'].filter((k) => !values[k as keyof typeof values]);
  const tableName = process.env.TABLE_NAME;
  if (missing.length || !tableName) {
    console.error(`Missing: ${[...missing.map((m) => `--${m}`), ...(tableName ? [] : ['TABLE_NAME'])].join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const phone = toE164(values.phone!);
  const fromNumber = toE164(values['from-number']!);
  if (!phone || !fromNumber) {
    console.error('--phone and --from-number must be valid phone numbers');
    return 2;
  }
  const weeklyHours = values.demo ? OPEN_ALWAYS : WeeklyHours.parse(values.hours ? JSON.parse(values.hours) : WEEKDAY_9_TO_5);
  const rules = CallingRules.parse({ timezone: values.timezone, weeklyHours, enforceRecipientWindow: !values.demo });
  const stores = dynamoDbProvisioningStores(createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: process.env.AWS_REGION }), tableName);
  const { clinic, tokens } = await provisionClinic(
    stores,
    { ...rules, clinicId: values['clinic-id']!, name: values.name!, phoneNumber: phone, fromNumber, agentId: values['agent-id']!, demoMode: values.demo ?? false },
    [
      { role: 'staff', label: 'staff key' },
      { role: 'admin', label: 'admin key' },
    ],
  );
  console.log(`Clinic ${clinic.clinicId} (${clinic.name}) saved in ${tableName}.`);
  for (const t of tokens) console.log(`${t.role.padEnd(5)} key (${t.keyId}): ${t.token}`);
  console.log('These keys are shown once; only their SHA-256 hashes are stored. ops list-api-keys shows them by id.');
  return 0;
}

/** `ops redrive-failed`: see {@link USAGE}. */
async function redriveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'queue-url': { type: 'string' }, max: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  const queueUrl = values['queue-url'];
  const max = values.max ? Number(values.max) : 100;
  if (!queueUrl || !Number.isInteger(max) || max < 1) {
    console.error(`--queue-url is required and --max must be a positive whole number\n\n${USAGE}`);
    return 2;
  }
  const report = await redriveFailed({ queueUrl, max, dryRun: values['dry-run'] ?? false, region: process.env.AWS_REGION, log: (line) => console.log(line) });
  console.log(`${report.redriven} redriven, ${report.skipped} left in the queue (not a failure record), ${report.listed} listed.`);
  return report.skipped ? 1 : 0;
}

/** `ops hold-restored-calls`: see {@link USAGE}. */
async function holdRestoredCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'restored-to': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  const restoredTo = values['restored-to'] ? new Date(values['restored-to']) : undefined;
  if (!restoredTo || Number.isNaN(restoredTo.getTime()) || !process.env.TABLE_NAME) {
    console.error(`--restored-to <UTC instant, e.g. 2026-11-26T16:30:00Z> and TABLE_NAME are required\n\n${USAGE}`);
    return 2;
  }
  const report = await holdRestoredCalls(createStorageDependencies(), { restoredTo, dryRun: values['dry-run'] ?? false });
  const verb = values['dry-run'] ? 'would be held' : 'held for review';
  console.log(`${report.held.length} due calls ${verb}, ${report.alreadyHeld.length} already held, ${report.changedMeanwhile.length} changed meanwhile (left as they are).`);
  for (const callId of report.held) console.log(`  ${callId}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
