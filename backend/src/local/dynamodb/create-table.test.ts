import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLE_DESIGN } from '@vfc/shared/storage/table-design';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDynamoDbEndpoint } from '../test-support/test-table.js';
import { createTable } from './create-table.js';
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

  it('is idempotent: a second call on the same table succeeds', async () => {
    const tableName = `ct-${randomUUID()}`;
    await createTable(client, tableName);
    await expect(createTable(client, tableName)).resolves.toBeUndefined();
  });
});
