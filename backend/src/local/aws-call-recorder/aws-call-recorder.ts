import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addSdkCallObserver } from '../../adapters/aws/sdk-call-observers.js';
import { currentHandler } from './handler-scope.js';
import { iamRequestsOf, type IamRequest } from './iam-request.js';

/** One distinct IAM request a handler made while recording. */
export interface RecordedAwsCall extends IamRequest {
  handler: string;
}

/** The file a recording is saved as: which run made it, and its distinct calls. */
export interface AwsCallRecording {
  source: string;
  calls: RecordedAwsCall[];
}

/** Environment variable naming the folder each local stack saves its recording into when it stops (tests set it). */
export const AWS_CALLS_DIR_ENV = 'VFC_AWS_CALLS_DIR';

/** A running recorder of the AWS requests the local stack's handlers send. */
export interface AwsCallRecorder {
  /** The distinct requests so far (handler, action, resource, key kind, context), in first-seen order. */
  calls(): RecordedAwsCall[];
  /** Stops recording. */
  stop(): void;
  /** Writes `{source, calls}` as `<dir>/<source>-<pid>-<random>.json`. @returns the file path. */
  save(dir: string, source: string): string;
}

/**
 * Records every AWS SDK request a handler of the local stack sends (through the SDK observer middleware of our
 * clients, plus the Retell key read noted by `composition.ts`), attributed to the handler running it (`runAsHandler`).
 * Requests outside any handler (the stack's own set-up, a test reading the table) are not recorded. Each distinct
 * request is kept once.
 */
export function startAwsCallRecorder(): AwsCallRecorder {
  const seen = new Map<string, RecordedAwsCall>();
  const remove = addSdkCallObserver((call) => {
    const handler = currentHandler();
    if (!handler) return;
    for (const request of iamRequestsOf(call)) {
      const recorded = { handler, ...request };
      const key = JSON.stringify(recorded);
      if (!seen.has(key)) seen.set(key, recorded);
    }
  });
  return {
    calls: () => [...seen.values()],
    stop: remove,
    save: (dir, source) => {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${source.replace(/[^\w.-]+/g, '_')}-${process.pid}-${crypto.randomUUID().slice(0, 8)}.json`);
      writeFileSync(file, JSON.stringify({ source, calls: [...seen.values()] } satisfies AwsCallRecording, null, 1));
      return file;
    },
  };
}
