import { paginateQuery, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Every item a DynamoDB Query returns, following `LastEvaluatedKey` across pages (lib-dynamodb's paginator).
 * For access patterns whose result sets are small by design (a consultation's calls, a clinic's opt-outs, the agents).
 */
export async function queryAll(db: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: db }, input)) items.push(...(page.Items ?? []));
  return items;
}
