import type { SdkCallObservation } from '../../adapters/aws/sdk-call-observers.js';

/**
 * A resource an AWS request touches, named by what it IS in the deployment (not by its local ARN), so the check can
 * build the deployed ARN from the synthesized stack: the table (or one of its indexes), a schedule of the call
 * schedule group, the scheduler's role, one of our functions, the Retell key secret.
 */
export type RecordedResource =
  | { type: 'table'; index?: string }
  | { type: 'call-schedule' }
  | { type: 'scheduler-role' }
  | { type: 'function'; handler: string }
  | { type: 'retell-key-secret' }
  /** An object of the knowledge bucket, by its key prefix (`uploads/`, `sources/`; anything else as `other/`). */
  | { type: 'knowledge-object'; prefix: 'uploads/' | 'sources/' | 'other/' };

/** One IAM-authorized action a handler's AWS request needs. */
export interface IamRequest {
  /** IAM action, e.g. `dynamodb:PutItem`. */
  action: string;
  resource: RecordedResource;
  /**
   * The partition key addressed, for `dynamodb:LeadingKeys`, as its kind only: `CALL#*`, `TOKEN#*` (everything after
   * the first `#` is replaced by `*`, since it may hold a phone number); a key without `#` is kept as it is.
   */
  keyKind?: string;
  /** Request condition keys AWS sets, e.g. `iam:PassedToService` for a schedule's role. */
  context?: Record<string, string>;
}

/** lib-dynamodb command names → DynamoDB API operations. */
const DOCUMENT_COMMANDS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
};

/** The operation of a command name: `PutItemCommand` → `PutItem`, lib-dynamodb's `PutCommand` → `PutItem`. */
function operationOf(command: string): string {
  const name = command.replace(/Command$/, '');
  return DOCUMENT_COMMANDS[name] ?? name;
}

type Input = Readonly<Record<string, any>>;

/** The string value of a key attribute, marshalled (`{S: …}`) or not. */
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : value && typeof (value as { S?: unknown }).S === 'string' ? (value as { S: string }).S : undefined;

const kindOf = (key: string | undefined) => (key === undefined ? undefined : key.includes('#') ? `${key.split('#')[0]}#*` : key);

/** The partition key kind an item operation or a query addresses (`pk` of a key/item, or a key condition `<x>pk = :v`). */
function keyKindOf(input: Input): string | undefined {
  const record = (input.Key ?? input.Item) as Input | undefined;
  if (record) return kindOf(stringOf(record.pk));
  const match = /(\w*pk)\s*=\s*(:\w+)/.exec(String(input.KeyConditionExpression ?? ''));
  return match ? kindOf(stringOf((input.ExpressionAttributeValues as Input | undefined)?.[match[2]!])) : undefined;
}

function dynamoRequests(operation: string, input: Input): IamRequest[] {
  switch (operation) {
    case 'TransactWriteItems':
    case 'TransactGetItems':
      // Authorized per contained item action (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html).
      return ((input.TransactItems ?? []) as Input[]).flatMap((item) =>
        Object.entries(item).map(([kind, inner]) => ({
          action: `dynamodb:${kind === 'ConditionCheck' ? 'ConditionCheckItem' : `${kind}Item`}`,
          resource: { type: 'table' as const },
          keyKind: keyKindOf(inner as Input),
        })),
      );
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys((input.RequestItems ?? {}) as Input).map(() => ({ action: `dynamodb:${operation}`, resource: { type: 'table' as const } }));
    default:
      return [
        {
          action: `dynamodb:${operation}`,
          resource: input.IndexName ? { type: 'table', index: String(input.IndexName) } : { type: 'table' },
          keyKind: keyKindOf(input),
        },
      ];
  }
}

function prefixOf(key: string): 'uploads/' | 'sources/' | 'other/' {
  return key.startsWith('uploads/') ? 'uploads/' : key.startsWith('sources/') ? 'sources/' : 'other/';
}

/**
 * The IAM requests one AWS SDK command needs, as AWS authorizes them: one per DynamoDB item action of a transaction,
 * `iam:PassRole` of the target's role (to `scheduler.amazonaws.com`) beside `CreateSchedule`.
 * @throws Error for a client this mapping does not know (add it here, and its resource to the check).
 */
export function iamRequestsOf(call: SdkCallObservation): IamRequest[] {
  const operation = operationOf(call.command);
  const input = call.input as Input;
  switch (call.client) {
    case 'DynamoDBClient':
      return dynamoRequests(operation, input).map(({ keyKind, ...rest }) => (keyKind ? { ...rest, keyKind } : rest));
    case 'SchedulerClient': {
      const requests: IamRequest[] = [{ action: `scheduler:${operation}`, resource: { type: 'call-schedule' } }];
      if (operation === 'CreateSchedule' || operation === 'UpdateSchedule') {
        requests.push({ action: 'iam:PassRole', resource: { type: 'scheduler-role' }, context: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });
      }
      return requests;
    }
    case 'LambdaClient': {
      const name = String(input.FunctionName ?? '').split(':').pop()!.replace(/^vfc-local-/, '');
      return [{ action: `lambda:${operation === 'Invoke' ? 'InvokeFunction' : operation}`, resource: { type: 'function', handler: name } }];
    }
    case 'S3Client': {
      const object = (key: unknown) => ({ type: 'knowledge-object' as const, prefix: prefixOf(String(key ?? '')) });
      // HeadObject is authorized as s3:GetObject; CopyObject as GetObject of the source and PutObject of the copy.
      if (operation === 'CopyObject') {
        const source = String(input.CopySource ?? '').split('/').slice(1).join('/');
        return [
          { action: 's3:GetObject', resource: object(decodeURIComponent(source)) },
          { action: 's3:PutObject', resource: object(input.Key) },
        ];
      }
      return [{ action: `s3:${operation === 'HeadObject' ? 'GetObject' : operation}`, resource: object(input.Key) }];
    }
    case 'SecretsManagerClient':
      return [{ action: `secretsmanager:${operation}`, resource: { type: 'retell-key-secret' } }];
    default:
      throw new Error(`No IAM mapping for AWS client ${call.client} (${call.command})`);
  }
}
