import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of s3rver's API used here (the package ships no types). */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

/** A running local S3-compatible server. */
export interface LocalS3 {
  /** Endpoint for `new S3Client({ endpoint, forcePathStyle: true, credentials: S3RVER/S3RVER })`. */
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts `s3rver` (npm; a local S3 stand-in that checks SigV4 signatures, presigned URLs included) on 127.0.0.1 with
 * the given buckets, storing objects in a fresh temporary folder (removed on stop, or kept in `directory`).
 */
export async function startLocalS3(options: { buckets: string[]; port?: number; directory?: string }): Promise<LocalS3> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'vfc-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.close().catch(() => undefined);
      if (!options.directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}
