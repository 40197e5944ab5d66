import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../dynamodb/local-credentials.js';
import { startLambdaEmulator, UnknownFunctionError, type LambdaEmulator } from './lambda-emulator.js';

let emulator: LambdaEmulator | undefined;
afterEach(() => emulator?.stop());

const client = (url: string) => new LambdaClient({ endpoint: url, ...LOCAL_AWS });
const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('the local Lambda Invoke stand-in', () => {
  it('answers an Event invocation 202 before the function finishes, then runs it with the payload', async () => {
    let finish!: () => void;
    const seen: string[] = [];
    emulator = await startLambdaEmulator({
      invoke: async (name, body) => {
        seen.push(`${name} ${body}`);
        await new Promise<void>((resolve) => (finish = resolve));
      },
    });
    const out = await client(emulator.url).send(new InvokeCommand({ FunctionName: 'fn-a', InvocationType: 'Event', Payload: payload({ a: 1 }) }));
    expect(out.StatusCode).toBe(202);
    expect(seen).toEqual(['fn-a {"a":1}']);
    finish();
    await emulator.settled();
    expect(emulator.stats()).toEqual({ accepted: 1, failedAttempts: 0, dropped: 0 });
  });

  it('retries a failing Event invocation twice, then drops it and says so', async () => {
    let attempts = 0;
    const dropped: string[] = [];
    emulator = await startLambdaEmulator({
      retryDelaysMs: [0, 0],
      invoke: async () => {
        attempts += 1;
        throw new Error('boom');
      },
      onDropped: (name) => dropped.push(name),
    });
    await client(emulator.url).send(new InvokeCommand({ FunctionName: 'fn-b', InvocationType: 'Event', Payload: payload({}) }));
    await emulator.settled();
    expect(attempts).toBe(3);
    expect(dropped).toEqual(['fn-b']);
    expect(emulator.stats()).toEqual({ accepted: 1, failedAttempts: 3, dropped: 1 });
  });

  it('succeeds on a retry without dropping', async () => {
    let attempts = 0;
    emulator = await startLambdaEmulator({
      retryDelaysMs: [0, 0],
      invoke: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('once');
      },
    });
    await client(emulator.url).send(new InvokeCommand({ FunctionName: 'fn-c', InvocationType: 'Event', Payload: payload({}) }));
    await emulator.settled();
    expect(emulator.stats()).toEqual({ accepted: 1, failedAttempts: 1, dropped: 0 });
  });

  it('answers a RequestResponse invocation with the result, and an unknown function with ResourceNotFoundException', async () => {
    emulator = await startLambdaEmulator({
      invoke: async (name) => {
        if (name !== 'known') throw new UnknownFunctionError(`No local function for ${name}`);
        return { ok: true };
      },
    });
    const out = await client(emulator.url).send(new InvokeCommand({ FunctionName: 'known', Payload: payload({}) }));
    expect(JSON.parse(new TextDecoder().decode(out.Payload))).toEqual({ ok: true });
    await expect(client(emulator.url).send(new InvokeCommand({ FunctionName: 'nope', Payload: payload({}) }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
