import { CreateTableCommand, DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { TABLE_DESIGN } from '@vfc/shared/storage/table-design';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testDynamoDbEndpoint } from '../test-support/test-table.js';
import { createTable } from './create-table.js';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { LOCAL_AWS } from './local-credentials.js';

describe('createTable (against the run-wide DynamoDB Local)', () => {
  const client = new DynamoDBClient({ endpoint: testDynamoDbEndpoint(), ...LOCAL_AWS });

  it('builds keys, every GSI with its projection, on-demand billing and TTL from TABLE_DESIGN', async () => {
    const tableName = `ct-${randomUUID()}`;
    await createTable(client, tableName);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const indexes = (Table?.GlobalSecondaryIndexes ?? [])
      .map((gsi) => ({ name: gsi.IndexName, keys: gsi.KeySchema?.map((k) => k.AttributeName), projection: gsi.Projection }))
      .sort((x, y) => String(x.name).localeCompare(String(y.name)));
    expect(indexes).toEqual(
      TABLE_DESIGN.indexes.map((i) => ({
        name: i.indexName,
        keys: [i.partitionKey, i.sortKey],
        projection: i.projection.type === 'ALL' ? { ProjectionType: 'ALL' } : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...i.projection.attributes] },
      })),
    );

    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(TABLE_DESIGN.ttlAttribute);
    expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
  });

  it('adds to a table made by an older design the index it lacks, filled from the items already there', async () => {
    // A DynamoDB Local of its own: in the run-wide one, holding every other test's tables, building the index stalls.
    const own = await startDynamoDbLocal();
    onTestFinished(() => own.stop());
    const client = new DynamoDBClient({ endpoint: own.endpoint, ...LOCAL_AWS });
    const tableName = `ct-${randomUUID()}`;
    // The older design: every index but the last.
    const older = TABLE_DESIGN.indexes.slice(0, -1);
    const [last] = TABLE_DESIGN.indexes.slice(-1);
    const keyNames = new Set([TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey, ...older.flatMap((i) => [i.partitionKey, i.sortKey])]);
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...keyNames].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: older.map((i) => ({
          IndexName: i.indexName,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    await client.send(
      new PutItemCommand({ TableName: tableName, Item: { pk: { S: 'X#1' }, sk: { S: 'X' }, [last!.partitionKey]: { S: 'p' }, [last!.sortKey]: { S: 's' } } }),
    );
    await createTable(client, tableName);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect((Table?.GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName).sort()).toEqual(TABLE_DESIGN.indexes.map((i) => i.indexName).sort());
    const found = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: last!.indexName,
        KeyConditionExpression: '#pk = :p',
        ExpressionAttributeNames: { '#pk': last!.partitionKey },
        ExpressionAttributeValues: { ':p': { S: 'p' } },
      }),
    );
    expect(found.Items?.map((item) => item.pk?.S)).toEqual(['X#1']);
  }, 150_000); // building an index in the run-wide DynamoDB Local takes long on a loaded machine

  it('is idempotent: a second call on the same table succeeds', async () => {
    const tableName = `ct-${randomUUID()}`;
    await createTable(client, tableName);
    await expect(createTable(client, tableName)).resolves.toBeUndefined();
  });
});
