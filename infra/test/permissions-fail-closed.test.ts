import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readStageConfig } from '../src/config/stage-config.js';
import { HANDLER_PERMISSIONS } from '../src/functions/permissions.js';
import { StatefulStack } from '../src/stacks/stateful-stack.js';
import { StatelessStack } from '../src/stacks/stateless-stack.js';
import { cdkJsonContext } from './support/synth.js';

/** Builds and synthesizes both stacks (bundling skipped) with the given permission map. */
function synthWith(handlerPermissions: typeof HANDLER_PERMISSIONS): void {
  const app = new App({
    context: {
      ...cdkJsonContext(),
      'aws:cdk:bundling-stacks': [],
      stage: 'dev',
      extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    },
  });
  const config = readStageConfig((key) => app.node.tryGetContext(key));
  const stateful = new StatefulStack(app, 'Stateful', { config });
  new StatelessStack(app, 'Stateless', { config, table: stateful.table, retellApiKeySecret: stateful.retellApiKeySecret, vapiWebhookSecret: stateful.vapiWebhookSecret, vapiApiKeySecret: stateful.vapiApiKeySecret, knowledgeBucket: stateful.knowledgeBucket, handlerPermissions });
  app.synth();
}

describe('the permission map fails closed', () => {
  it('a handler missing from the permission map stops the synth, naming the handler', () => {
    const { 'get-call': _missing, ...withoutGetCall } = HANDLER_PERMISSIONS;
    expect(() => synthWith(withoutGetCall)).toThrow(/"get-call" has no entry in HANDLER_PERMISSIONS/);
  });

  it('the same synth with the full map succeeds', () => {
    expect(() => synthWith(HANDLER_PERMISSIONS)).not.toThrow();
  });
});
