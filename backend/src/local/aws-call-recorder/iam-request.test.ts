import { describe, expect, it } from 'vitest';
import { iamRequestsOf } from './iam-request.js';

describe('iamRequestsOf', () => {
  it('names a lib-dynamodb item command by its DynamoDB operation, with the key kind only (no key value)', () => {
    expect(iamRequestsOf({ client: 'DynamoDBClient', command: 'PutCommand', input: { TableName: 't', Item: { pk: 'OPTOUT#c1#+14155550123', sk: 'x' } } })).toEqual([
      { action: 'dynamodb:PutItem', resource: { type: 'table' }, keyKind: 'OPTOUT#*' },
    ]);
  });

  it('names a query on an index by the index, and reads the partition key from the key condition', () => {
    const input = { TableName: 't', IndexName: 'GSI1', KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :s)', ExpressionAttributeValues: { ':p': 'CLINIC#a', ':s': 'x' } };
    expect(iamRequestsOf({ client: 'DynamoDBClient', command: 'QueryCommand', input })).toEqual([
      { action: 'dynamodb:Query', resource: { type: 'table', index: 'GSI1' }, keyKind: 'CLINIC#*' },
    ]);
  });

  it('splits a transaction into the item actions IAM authorizes it by', () => {
    const input = {
      TransactItems: [{ Put: { TableName: 't', Item: { pk: 'CALL#1' } } }, { ConditionCheck: { TableName: 't', Key: { pk: { S: 'SLOTS' } } } }],
    };
    expect(iamRequestsOf({ client: 'DynamoDBClient', command: 'TransactWriteCommand', input })).toEqual([
      { action: 'dynamodb:PutItem', resource: { type: 'table' }, keyKind: 'CALL#*' },
      { action: 'dynamodb:ConditionCheckItem', resource: { type: 'table' }, keyKind: 'SLOTS' },
    ]);
  });

  it('adds iam:PassRole to scheduler.amazonaws.com beside CreateSchedule', () => {
    expect(iamRequestsOf({ client: 'SchedulerClient', command: 'CreateScheduleCommand', input: {} })).toEqual([
      { action: 'scheduler:CreateSchedule', resource: { type: 'call-schedule' } },
      { action: 'iam:PassRole', resource: { type: 'scheduler-role' }, context: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    ]);
  });

  it('names an invoked function by its handler and the secret read as the Retell key secret', () => {
    expect(iamRequestsOf({ client: 'LambdaClient', command: 'InvokeCommand', input: { FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:vfc-local-apply-provider-event' } })).toEqual([
      { action: 'lambda:InvokeFunction', resource: { type: 'function', handler: 'apply-provider-event' } },
    ]);
    expect(iamRequestsOf({ client: 'SecretsManagerClient', command: 'GetSecretValueCommand', input: {} })).toEqual([
      { action: 'secretsmanager:GetSecretValue', resource: { type: 'retell-key-secret' } },
    ]);
  });

  it('refuses a client it has no mapping for', () => {
    expect(() => iamRequestsOf({ client: 'SNSClient', command: 'PublishCommand', input: {} })).toThrow(/No IAM mapping for AWS client SNSClient/);
  });
});

describe('iamRequestsOf for the knowledge bucket', () => {
  it('maps HeadObject to s3:GetObject and CopyObject to GetObject of the source plus PutObject of the copy, by key prefix', () => {
    expect(iamRequestsOf({ client: 'S3Client', command: 'HeadObjectCommand', input: { Bucket: 'b', Key: 'uploads/c/u' } })).toEqual([
      { action: 's3:GetObject', resource: { type: 'knowledge-object', prefix: 'uploads/' } },
    ]);
    expect(iamRequestsOf({ client: 'S3Client', command: 'CopyObjectCommand', input: { Bucket: 'b', Key: 'sources/c/s/a.pdf', CopySource: 'b/uploads/c/u' } })).toEqual([
      { action: 's3:GetObject', resource: { type: 'knowledge-object', prefix: 'uploads/' } },
      { action: 's3:PutObject', resource: { type: 'knowledge-object', prefix: 'sources/' } },
    ]);
  });
});
