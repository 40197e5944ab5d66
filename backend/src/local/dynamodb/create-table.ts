import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type AttributeDefinition,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { TABLE_DESIGN } from '@vfc/shared/storage/table-design';

/**
 * Creates the project's single table from `TABLE_DESIGN` (shared/src/storage/table-design.ts): string keys
 * `pk`/`sk`, every GSI with its projection, on-demand billing (PAY_PER_REQUEST), then TTL on the design's
 * TTL attribute. Idempotent: an existing table keeps its items and gains only the indexes of the design it lacks (TTL is
 * still ensured).
 * @param client - a DynamoDB client (DynamoDB Local here; the CDK stack builds the real table from the same design).
 * @param tableName - the table to create.
 */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const keyNames = new Set<string>([TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey]);
  for (const index of TABLE_DESIGN.indexes) {
    keyNames.add(index.partitionKey);
    keyNames.add(index.sortKey);
  }
  const attributeDefinitions: AttributeDefinition[] = [...keyNames].map((name) => ({
    AttributeName: name,
    AttributeType: 'S',
  }));
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions,
        KeySchema: [
          { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE_DESIGN.indexes.map(indexSpec),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await addMissingIndexes(client, tableName, attributeDefinitions);
  }
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName: tableName });

  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.ttlAttribute, Enabled: true },
    }),
  );
}

/** One index of `TABLE_DESIGN` as CreateTable / UpdateTable take it. */
function indexSpec(index: (typeof TABLE_DESIGN.indexes)[number]): GlobalSecondaryIndex {
  return {
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      { AttributeName: index.sortKey, KeyType: 'RANGE' },
    ],
    Projection:
      index.projection.type === 'ALL' ? { ProjectionType: 'ALL' } : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.attributes] },
  };
}

/**
 * Adds to an existing table (a file-backed local stack's, made by an older design) each index of `TABLE_DESIGN` it
 * lacks, one UpdateTable per index as DynamoDB requires; DynamoDB Local fills a new index from the existing items.
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, attributeDefinitions: AttributeDefinition[]): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName));
  for (const index of TABLE_DESIGN.indexes) {
    if (present.has(index.indexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions.filter((a) => a.AttributeName === index.partitionKey || a.AttributeName === index.sortKey),
        GlobalSecondaryIndexUpdates: [{ Create: indexSpec(index) }],
      }),
    );
    await waitUntilIndexActive(client, tableName, index.indexName);
  }
}

/** How long a new index may take to become ACTIVE, real ms (DynamoDB Local on a loaded machine is slow to backfill). */
const INDEX_BUILD_BUDGET_MS = 120_000;

/** Polls DescribeTable (every 100 ms, up to 2 minutes) until `indexName` is ACTIVE: DynamoDB builds one new index at a time. */
async function waitUntilIndexActive(client: DynamoDBClient, tableName: string, indexName: string): Promise<void> {
  const deadline = Date.now() + INDEX_BUILD_BUDGET_MS;
  while (Date.now() < deadline) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.GlobalSecondaryIndexes?.find((gsi) => gsi.IndexName === indexName)?.IndexStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Index ${indexName} of ${tableName} did not become ACTIVE within ${INDEX_BUILD_BUDGET_MS / 1000} s`);
}
