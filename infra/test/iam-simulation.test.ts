import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsCallRecording, RecordedAwsCall } from '../../backend/src/local/aws-call-recorder/aws-call-recorder.js';
import { invokeLocalFunction, LOCAL_FUNCTIONS } from '../../backend/src/local/local-functions.js';
import { startLocalStack, type LocalStack } from '../../backend/src/local/stack.js';
import { HANDLER_PERMISSIONS } from '../src/functions/permissions.js';
import { checkRecordedCalls, describeDenials, synthesizeRoles, type SynthesizedRoles } from './support/iam-check.js';

/**
 * Deployed-only permission failures, caught locally: the local stack runs with admin-like credentials, so a grant
 * missing from a role would show only in AWS. Every AWS request a handler sends locally is recorded (SDK middleware +
 * the Retell key read) and simulated against that handler's synthesized role with @cloud-copilot/iam-simulate.
 * The test runs its own compact scenario (every route kind, a dial and its webhooks, reconcile, agent sync), so it
 * needs no other test first; the recordings the api / fault / e2e runs saved under test/artifacts/aws-calls are
 * checked too when present.
 */
const RECORDINGS_DIR = fileURLToPath(new URL('../../test/artifacts/aws-calls', import.meta.url));

let stack: LocalStack | undefined;
let scenario: RecordedAwsCall[] = [];
let roles: SynthesizedRoles;

async function runCompactScenario(s: LocalStack): Promise<void> {
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${s.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
  };
  const staff = (method: string, path: string, body?: unknown) => call(method, path, s.staffToken, body);
  const admin = (method: string, path: string, body?: unknown) => call(method, path, s.adminToken, body);
  const draft = (phoneNumber: string, leadMs: number) => ({
    consultationId: `80${phoneNumber.slice(-4)}`,
    petName: 'Iam',
    ownerName: 'Iam Owner',
    phoneNumber,
    vetName: 'Dr. Iam',
    dischargeSummary: 'Permission check.',
    scheduledFor: new Date(s.now().getTime() + leadMs).toISOString(),
  });

  // A call dialled soon: create-call, the dialer, the webhook and apply-provider-event (ending, freed slot).
  const dialled = await staff('POST', '/calls', draft('(415) 555-0181', 2_000));
  expect(dialled, JSON.stringify(dialled.json)).toMatchObject({ status: 201 });
  // A call far ahead: read, move, list, export, cancel.
  const later = await staff('POST', '/calls', draft('(415) 555-0182', 3_600_000));
  const laterId = later.json.callId as string;
  await staff('GET', `/calls/${laterId}`);
  await staff('PATCH', `/calls/${laterId}`, { scheduledFor: new Date(s.now().getTime() + 7_200_000).toISOString() });
  await staff('GET', '/calls');
  await staff('GET', '/calls/export.csv');
  await staff('GET', '/clinic');
  await staff('DELETE', `/calls/${laterId}`);
  // Admin routes: agents, voices, settings, opt-outs.
  await admin('POST', '/agents/sync');
  await admin('GET', '/agents');
  await admin('GET', '/agents/audit');
  await admin('POST', '/agents/cleanup-orphaned');
  await admin('GET', '/agents/voices');
  const agent = await admin('GET', '/clinic/agent');
  if (agent.status === 200) await admin('PUT', '/clinic/agent', agent.json);
  const settings = await admin('GET', '/clinic/settings');
  if (settings.status === 200) await admin('PUT', '/clinic/settings', settings.json);
  // An opt-out that cancels a scheduled call to the number.
  await staff('POST', '/calls', draft('(415) 555-0183', 3_600_000));
  await admin('POST', '/clinic/opt-outs', { phoneNumber: '(415) 555-0183' });
  await admin('GET', '/clinic/opt-outs');
  await admin('GET', '/clinic/staff');
  await admin('DELETE', `/clinic/opt-outs/${encodeURIComponent('+14155550183')}`);

  // The dialled call ends; then it is resolved and reopened.
  const callId = dialled.json.callId as string;
  for (const deadline = Date.now() + 30_000; ; ) {
    const got = await staff('GET', `/calls/${callId}`);
    if (got.json?.status === 'completed' && got.json?.outcome?.summary) break;
    if (Date.now() > deadline) throw new Error(`the dialled call stayed ${got.json?.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await s.simulator?.webhooksSettled();
  await s.lambda.settled();
  await staff('POST', `/calls/${callId}/resolve`, { note: 'checked' });
  await staff('DELETE', `/calls/${callId}/resolve`);
  // The recurring jobs, as their schedules would run them.
  await invokeLocalFunction(LOCAL_FUNCTIONS.reconcile.arn, '{}');
  await invokeLocalFunction(LOCAL_FUNCTIONS['agent-sync'].arn, '{}');
}

beforeAll(async () => {
  roles = synthesizeRoles();
  stack = await startLocalStack({ callDurationMs: 600, ringMs: 100, analysisDelayMs: 100, recordingName: 'iam-simulation' });
  await runCompactScenario(stack);
  scenario = stack.awsCalls();
}, 180_000);
afterAll(() => stack?.stop());

describe('every AWS request a handler sends is allowed by its deployed role', () => {
  it('the compact scenario reached the handlers that matter (webhook hand-over, dial after the answer, secret reads)', () => {
    const has = (handler: string, action: string) => scenario.some((c) => c.handler === handler && c.action === action);
    expect(has('retell-webhook', 'lambda:InvokeFunction')).toBe(true);
    expect(has('retell-webhook', 'secretsmanager:GetSecretValue')).toBe(true);
    expect(has('apply-provider-event', 'dynamodb:UpdateItem')).toBe(true);
    expect(has('dialer', 'secretsmanager:GetSecretValue')).toBe(true);
    expect(has('create-call', 'scheduler:CreateSchedule')).toBe(true);
    expect(has('create-call', 'iam:PassRole')).toBe(true);
    expect(has('authorizer', 'dynamodb:GetItem')).toBe(true);
    // Every API-key request's one write (last use; a revoked key refused), here on a read-only route.
    expect(has('get-clinic', 'dynamodb:UpdateItem')).toBe(true);
    console.info(`compact scenario: ${scenario.length} distinct requests by ${new Set(scenario.map((c) => c.handler)).size} handlers`);
  });

  it('the compact scenario: no request denied', async () => {
    expect(describeDenials(await checkRecordedCalls(roles, scenario))).toEqual([]);
  });

  it('the recordings of the api / fault / e2e runs (test/artifacts/aws-calls): no request denied', async () => {
    const files = existsSync(RECORDINGS_DIR) ? readdirSync(RECORDINGS_DIR).filter((f) => f.endsWith('.json')) : [];
    const denied: string[] = [];
    const distinct = new Map<string, RecordedAwsCall>();
    const sourceOf = new Map<string, string>();
    for (const file of files) {
      const recording = JSON.parse(readFileSync(join(RECORDINGS_DIR, file), 'utf8')) as AwsCallRecording;
      for (const c of recording.calls) {
        const key = JSON.stringify(c);
        if (!distinct.has(key)) (distinct.set(key, c), sourceOf.set(key, recording.source));
      }
    }
    for (const line of describeDenials(await checkRecordedCalls(roles, [...distinct.values()]))) denied.push(line);
    console.info(`${files.length} recordings, ${distinct.size} distinct requests checked`);
    expect(denied).toEqual([]);
  });

  it('fails, naming the handler and the action, when a grant is removed from the permission map', async () => {
    const withoutInvoke = { ...HANDLER_PERMISSIONS, 'retell-webhook': HANDLER_PERMISSIONS['retell-webhook']!.filter((p) => p !== 'provider-event:invoke') };
    const denials = describeDenials(await checkRecordedCalls(synthesizeRoles(withoutInvoke), scenario));
    expect(denials).toEqual([expect.stringMatching(/^retell-webhook: lambda:InvokeFunction on arn:aws:lambda:.*:function:vfc-dev-apply-provider-event \(ImplicitlyDenied\)$/)]);
  });
});
