import { addSdkCallObserver, type SdkCallObservation } from '../../adapters/aws/sdk-call-observers.js';

/**
 * Test support (not a test): the DynamoDB requests a piece of work sends, as `"<Operation> <pk>/<sk>"` lines
 * (`GetItem CALL#<call>/CALL`, `GetItem CLINIC#<clinic>/SETTINGS`), counted. Ids in `names` are replaced by their name
 * (`{ [callId]: '<call>' }`) so a test can assert the counts without knowing generated ids. Requests without one item
 * key (queries, batches, transactions) are counted by operation and table/index only (`Query GSI2`, `TransactWriteItems`).
 */
export async function tallyDynamoDbRequests(
  work: () => Promise<unknown>,
  names: Record<string, string> = {},
): Promise<Record<string, number>> {
  const tally: Record<string, number> = {};
  const stop = addSdkCallObserver((call) => {
    if (call.client !== 'DynamoDBClient') return;
    const label = labelOf(call, names);
    tally[label] = (tally[label] ?? 0) + 1;
  });
  try {
    await work();
  } finally {
    stop();
  }
  return tally;
}

function labelOf(call: SdkCallObservation, names: Record<string, string>): string {
  const operation = call.command.replace(/Command$/, '');
  const key = call.input.Key as { pk?: unknown; sk?: unknown } | undefined;
  if (key?.pk !== undefined) return `${operation} ${rename(text(key.pk), names)}/${rename(text(key.sk), names)}`;
  if (operation === 'Query') return `Query ${typeof call.input.IndexName === 'string' ? call.input.IndexName : 'table'}`;
  return operation;
}

/** A key attribute as plain text, whether the observer saw it before (`"x"`) or after (`{ S: "x" }`) marshalling. */
function text(value: unknown): string {
  return typeof value === 'object' && value !== null && 'S' in value ? String((value as { S: unknown }).S) : String(value);
}

function rename(value: string, names: Record<string, string>): string {
  let out = value;
  for (const [id, name] of Object.entries(names)) out = out.split(id).join(name);
  return out;
}
