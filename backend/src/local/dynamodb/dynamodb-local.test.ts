import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTable } from './create-table.js';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { LOCAL_AWS } from './local-credentials.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startDynamoDbLocal', () => {
  it('starts in memory on a free port, answers, and is gone after stop', async () => {
    const dynamo = await startDynamoDbLocal();
    try {
      expect(dynamo.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = new DynamoDBClient({ endpoint: dynamo.endpoint, ...LOCAL_AWS });
      await createTable(client, 'calls');
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual(['calls']);
    } finally {
      await dynamo.stop();
    }
    expect(isAlive(dynamo.pid)).toBe(false);
    await expect(fetch(dynamo.endpoint, { method: 'POST' })).rejects.toThrow();
    await dynamo.stop(); // idempotent
  });

  // Two JVM starts: on a loaded 2-core machine that alone can pass the default 30 s.
  it('with dbPath keeps the data across a restart', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vfc-ddb-'));
    try {
      const first = await startDynamoDbLocal({ dbPath: dir });
      const doc1 = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: first.endpoint, ...LOCAL_AWS }));
      await createTable(doc1, 'calls');
      await doc1.send(new PutCommand({ TableName: 'calls', Item: { pk: 'CALL#1', sk: 'CALL', status: 'scheduled' } }));
      await first.stop();

      const second = await startDynamoDbLocal({ dbPath: dir });
      try {
        const doc2 = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: second.endpoint, ...LOCAL_AWS }));
        const got = await doc2.send(new GetCommand({ TableName: 'calls', Key: { pk: 'CALL#1', sk: 'CALL' } }));
        expect(got.Item?.status).toBe('scheduled');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
