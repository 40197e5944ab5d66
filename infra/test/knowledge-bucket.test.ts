import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ABANDONED_UPLOAD_DAYS, DELETED_DOCUMENT_DAYS } from '../src/stacks/stateful-stack.js';
import { synthesize, type CfnResource, type Synthesized } from './support/synth.js';

let s: Synthesized;
let stateful: Template;
beforeAll(() => {
  s = synthesize({ context: { stage: 'dev', extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' }, bundle: false });
  stateful = Template.fromStack(s.stateful);
}, 300_000);

const bucketProps = () => Object.values(stateful.findResources('AWS::S3::Bucket') as Record<string, CfnResource>)[0]!.Properties!;

/** Every IAM statement of the stateless stack that names an S3 action, with the handler whose role holds it. */
function s3Statements(): { handler: string; actions: string[]; resources: string[] }[] {
  const out: { handler: string; actions: string[]; resources: string[] }[] = [];
  for (const [handler, fn] of s.stateless.functions) {
    const roleId = s.stateless.getLogicalId(fn.role.node.defaultChild as never);
    const policies = Object.values(s.statelessTemplate.findResources('AWS::IAM::Policy') as Record<string, CfnResource>).filter((p) =>
      (p.Properties!.Roles as { Ref: string }[]).some((r) => r.Ref === roleId),
    );
    for (const policy of policies) {
      for (const st of policy.Properties!.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
        const actions = ([] as string[]).concat(st.Action);
        if (!actions.some((a) => a.startsWith('s3:'))) continue;
        const resources = ([] as unknown[]).concat(st.Resource).map((r) => JSON.stringify(r));
        out.push({ handler, actions, resources });
      }
    }
  }
  return out;
}

describe('knowledge bucket (stateful stack)', () => {
  it('is encrypted, blocks public access, is versioned and refuses plain HTTP', () => {
    const props = bucketProps();
    expect(props.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    expect(props.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(props.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('expires abandoned uploads, and old versions of deleted or replaced documents', () => {
    const rules = bucketProps().LifecycleConfiguration.Rules as Record<string, unknown>[];
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Id: 'abandoned-uploads', Prefix: 'uploads/', ExpirationInDays: ABANDONED_UPLOAD_DAYS, Status: 'Enabled' }),
        expect.objectContaining({
          Id: 'deleted-sources',
          NoncurrentVersionExpiration: { NoncurrentDays: DELETED_DOCUMENT_DAYS },
          ExpiredObjectDeleteMarker: true,
          Status: 'Enabled',
        }),
      ]),
    );
  });

  it('grants S3 to the knowledge handlers only, each on its own prefixes and actions', () => {
    const grants = s3Statements();
    expect([...new Set(grants.map((g) => g.handler))].sort()).toEqual(['add-knowledge-source', 'create-knowledge-upload', 'sync-knowledge']);
    const of = (handler: string) => grants.filter((g) => g.handler === handler);
    expect(of('create-knowledge-upload').map((g) => g.actions)).toEqual([['s3:PutObject']]);
    expect(of('create-knowledge-upload')[0]!.resources.every((r) => r.includes('/uploads/*'))).toBe(true);
    expect(of('sync-knowledge').map((g) => [...g.actions].sort())).toEqual([['s3:DeleteObject', 's3:GetObject']]);
    expect(of('sync-knowledge')[0]!.resources.every((r) => r.includes('/sources/*'))).toBe(true);
    expect(of('add-knowledge-source').map((g) => [...g.actions].sort())).toEqual([['s3:DeleteObject', 's3:GetObject', 's3:PutObject'], ['s3:ListBucket']]);
    expect(grants.flatMap((g) => g.actions).some((a) => a === 's3:*' || a.startsWith('s3:PutBucket'))).toBe(false);
  });

  it('lets only add-knowledge-source list the bucket, on the bucket itself (a HEAD of a missing upload then answers 404, not 403)', () => {
    const listing = s3Statements().filter((g) => g.actions.includes('s3:ListBucket'));
    expect(listing.map((g) => g.handler)).toEqual(['add-knowledge-source']);
    expect(listing[0]!.actions).toEqual(['s3:ListBucket']);
    expect(listing[0]!.resources).toHaveLength(1);
    expect(listing[0]!.resources[0]).not.toContain('/');
  });
});
