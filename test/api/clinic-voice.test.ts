import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClinicVoice, UpdateClinicVoiceResponse } from '@vfc/shared';
import { OWN_RETELL_NUMBERS, startLocalStack, type LocalStack } from '@vfc/backend/local/stack';
import { createDocumentClient } from '@vfc/backend/adapters/dynamodb/document-client';
import { DynamoDbClinicStore } from '@vfc/backend/adapters/dynamodb/dynamodb-clinic-store';
import { localSecretStore } from '@vfc/backend/adapters/secrets/memory-secret-store';
import { DEMO_CLINIC_ID, demoClinic } from '@vfc/backend/local/seed-demo';
import { dynamoDbProvisioningStores } from '@vfc/backend/adapters/dynamodb/provisioning-stores';
import { provisionClinic } from '@vfc/backend/app/provision-clinic';
import { apiClient } from '../support/api.js';

/** `GET/PUT /clinic/voice` on the real local stack: the Vapi simulator is the provider; keys go to the local secret store. */
let stack: LocalStack;
const CLINIC_KEY = 'vapi-clinic-own-key-1234';
const RETELL_CLINIC_KEY = 'retell-clinic-own-key-5678';
beforeAll(async () => {
  stack = await startLocalStack({ vapiSimulatorApiKey: CLINIC_KEY, retellClinicApiKey: RETELL_CLINIC_KEY });
});
afterAll(() => stack?.stop());

const admin = apiClient(() => stack.apiUrl, () => stack.adminToken);
const staff = apiClient(() => stack.apiUrl, () => stack.staffToken);
const put = (body: unknown) => admin('/clinic/voice', { method: 'PUT', body: JSON.stringify(body) });
const storedClinic = () => new DynamoDbClinicStore(createDocumentClient({ endpoint: stack.dynamoDbEndpoint }), stack.tableName).getClinic(DEMO_CLINIC_ID);

describe('the clinic voice workspace on the local stack', () => {
  it('starts on the platform Retell account; staff tokens are refused', async () => {
    const got = await admin('/clinic/voice');
    expect(got.status).toBe(200);
    expect(ClinicVoice.parse(got.json)).toMatchObject({ provider: 'retell', account: 'platform', status: 'ok', concurrencyLimit: 20 });
    expect((await staff('/clinic/voice')).status).toBe(403);
  });

  it('a bad Vapi key → 400 invalid_credentials; settings and secret unchanged', async () => {
    const before = await storedClinic();
    const answer = await put({ provider: 'vapi', apiKey: 'wrong-key-0000', fromNumber: '+15550100000' });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe('invalid_credentials');
    expect(await storedClinic()).toEqual(before);
    expect(await localSecretStore.getClinicKey(DEMO_CLINIC_ID)).toBeUndefined();
  });

  it('a number outside the account → 400 unknown_number, nothing stored; a malformed body → 400 with field paths', async () => {
    const before = await storedClinic();
    const answer = await put({ provider: 'vapi', apiKey: CLINIC_KEY, fromNumber: '+15550199999' });
    expect([answer.status, answer.json.error]).toEqual([400, 'unknown_number']);
    expect(await storedClinic()).toEqual(before);
    expect(await localSecretStore.getClinicKey(DEMO_CLINIC_ID)).toBeUndefined();
    const bad = await put({ provider: 'bland', concurrencyLimit: 0 });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['concurrencyLimit', 'provider']);
  });

  it('a good key is stored in the secret store (never in the table or the answer); GET shows only its last four', async () => {
    const answer = await put({ provider: 'vapi', apiKey: CLINIC_KEY, fromNumber: '+15550100000', concurrencyLimit: 4 });
    expect(answer.status).toBe(200);
    const { voice } = UpdateClinicVoiceResponse.parse(answer.json);
    expect(voice).toMatchObject({ provider: 'vapi', account: 'clinic', keyLast4: '1234', fromNumber: '+15550100000', concurrencyLimit: 4, status: 'ok' });
    expect(voice.phoneNumberId).toBe(stack.vapiSimulator!.phoneNumbers()[0]!.id);
    expect(JSON.stringify(answer.json)).not.toContain(CLINIC_KEY);
    expect(await localSecretStore.getClinicKey(DEMO_CLINIC_ID)).toBe(CLINIC_KEY);
    expect(JSON.stringify(await storedClinic())).not.toContain(CLINIC_KEY);
    const got = await admin('/clinic/voice');
    expect(got.json).toEqual(answer.json.voice);
    // omitted apiKey = keep the stored key (it is tested again)
    const kept = await put({ provider: 'vapi', concurrencyLimit: 6 });
    expect(kept.json.voice).toMatchObject({ account: 'clinic', keyLast4: '1234', concurrencyLimit: 6 });
  });

  it('apiKey null goes back to the platform account and forgets the key; "retell" switches back', async () => {
    const platform = await put({ provider: 'vapi', apiKey: null });
    expect(platform.status).toBe(200);
    expect(platform.json.voice).toMatchObject({ provider: 'vapi', account: 'platform', concurrencyLimit: 10 });
    expect(platform.json.voice.keyLast4).toBeUndefined();
    expect(await localSecretStore.getClinicKey(DEMO_CLINIC_ID)).toBeUndefined();
    const retell = await put({ provider: 'retell' });
    expect(retell.json.voice).toMatchObject({ provider: 'retell', account: 'platform', status: 'ok' });
  });
});

describe("the clinic's own Retell key", () => {
  afterAll(async () => {
    await put({ provider: 'retell', apiKey: null });
  });

  it('a bad Retell key → 400 invalid_credentials; settings and secret unchanged', async () => {
    const before = await storedClinic();
    const secretBefore = await localSecretStore.getClinicKey(DEMO_CLINIC_ID);
    const answer = await put({ provider: 'retell', apiKey: 'retell-wrong-key-0000', fromNumber: OWN_RETELL_NUMBERS[0] });
    expect([answer.status, answer.json.error]).toEqual([400, 'invalid_credentials']);
    expect(await storedClinic()).toEqual(before);
    expect(await localSecretStore.getClinicKey(DEMO_CLINIC_ID)).toBe(secretBefore);
  });

  it('a good Retell key is stored in the secret store only (never the table or the answer); the agent is made in that workspace', async () => {
    const answer = await put({ provider: 'retell', apiKey: RETELL_CLINIC_KEY, fromNumber: OWN_RETELL_NUMBERS[0] });
    expect(answer.status).toBe(200);
    const { voice, sync } = UpdateClinicVoiceResponse.parse(answer.json);
    expect(voice).toMatchObject({ provider: 'retell', account: 'clinic', keyLast4: '5678', fromNumber: OWN_RETELL_NUMBERS[0], concurrencyLimit: 20, status: 'ok' });
    const workspace = stack.simulator!.workspace(RETELL_CLINIC_KEY)!;
    expect(workspace.agents.get(voice.agentId!)).toMatchObject({ webhook_url: `${stack.apiUrl}/webhooks/retell`, is_published: true });
    expect([...(sync?.created ?? []), ...(sync?.unchanged ?? [])]).toEqual([voice.agentId]);
    expect(JSON.stringify(answer.json)).not.toContain(RETELL_CLINIC_KEY);
    expect(await localSecretStore.getClinicKey(DEMO_CLINIC_ID)).toBe(RETELL_CLINIC_KEY);
    expect(JSON.stringify(await storedClinic())).not.toContain(RETELL_CLINIC_KEY);
    expect((await admin('/clinic/voice')).json).toEqual(answer.json.voice);
  });
});

describe('two admins saving Vapi settings at once', () => {
  it('create exactly one assistant: one save wins, the other is 409 save_in_progress or finds that assistant', async () => {
    const clinics = new DynamoDbClinicStore(createDocumentClient({ endpoint: stack.dynamoDbEndpoint }), stack.tableName);
    const { tokens } = await provisionClinic(dynamoDbProvisioningStores(createDocumentClient({ endpoint: stack.dynamoDbEndpoint }), stack.tableName), { ...demoClinic('America/New_York'), clinicId: 'race-clinic', name: 'Race' }, [
      { role: 'admin', label: 'race admin' },
    ]);
    const raceAdmin = apiClient(() => stack.apiUrl, () => tokens[0]!.token);
    const save = () => raceAdmin('/clinic/voice', { method: 'PUT', body: JSON.stringify({ provider: 'vapi' }) });
    const answers = await Promise.all([save(), save()]);
    expect(answers.filter((a) => a.status === 200)).not.toHaveLength(0);
    for (const a of answers.filter((a) => a.status !== 200)) expect([a.status, a.json.error]).toEqual([409, 'save_in_progress']);
    const ours = stack.vapiSimulator!.assistants().filter((a) => (a.metadata as { clinicId?: string } | undefined)?.clinicId === 'race-clinic');
    expect(ours).toHaveLength(1);
    expect((await clinics.getClinic('race-clinic'))?.voice?.agentId).toBe(ours[0]!.id);
  });
});
