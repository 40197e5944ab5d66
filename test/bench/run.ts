import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startLocalStack } from '@vfc/backend/local/stack';
import { runApi, type ApiResult } from './api.js';
import { runBundles, runContentScript, type BundleResult, type ContentScriptResult } from './bundles.js';
import { runBurst, type BurstResult } from './burst.js';
import { runFairness, type FairnessResult } from './fairness.js';
import { round } from './stats.js';

/**
 * `pnpm bench [--calls 1000] [--concurrency 20] [--call-ms 10000] [--api-requests 400] [--fair-big-calls 1000]
 * [--fair-clinics 20] [--fair-clinic-calls 5] [--only bundles,api,burst,fairness]`:
 * runs the scenarios on this machine, prints the figures and writes them to bench/results/<date>.json and
 * bench/results/latest.json. How to read them: bench/README.md.
 */
const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '20' },
    'call-ms': { type: 'string', default: '10000' },
    'ring-ms': { type: 'string', default: '300' },
    'api-requests': { type: 'string', default: '400' },
    'api-clients': { type: 'string', default: '16' },
    'fair-big-calls': { type: 'string', default: '1000' },
    'fair-clinics': { type: 'string', default: '20' },
    'fair-clinic-calls': { type: 'string', default: '5' },
    only: { type: 'string', default: 'bundles,api,burst,fairness' },
  },
});
const scenarios = new Set((values.only ?? '').split(',').map((s) => s.trim()));
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const RESULTS_DIR = fileURLToPath(new URL('../../bench/results/', import.meta.url));

async function main() {
  const results: Results & { startedAt: string; machine: Record<string, unknown> } = {
    startedAt: new Date().toISOString(),
    machine: { node: process.version, platform: process.platform, arch: process.arch, cpus: (await import('node:os')).cpus().length },
  };

  if (scenarios.has('bundles')) {
    log('bundles: building every handler as the CDK stack does and importing each in fresh node processes');
    results.bundles = await runBundles({ log });
    results.contentScript = runContentScript({ log });
  }

  if (scenarios.has('api') || scenarios.has('burst') || scenarios.has('fairness')) {
    const callLengthMs = Number(values['call-ms']);
    const ringMs = Number(values['ring-ms']);
    const concurrencyLimit = Number(values.concurrency);
    const stack = await startLocalStack({
      concurrencyLimit,
      ringMs,
      callDurationMs: callLengthMs - ringMs,
      analysisDelayMs: 200,
    });
    try {
      if (scenarios.has('api')) {
        log(`api: ${values['api-requests']} POST /calls at ${values['api-clients']} concurrent clients, then the bare write + CreateSchedule`);
        results.api = await runApi(stack, { requests: Number(values['api-requests']), clients: Number(values['api-clients']), log });
      }
      if (scenarios.has('burst')) {
        results.burst = await runBurst(stack, {
          calls: Number(values.calls),
          concurrencyLimit,
          callLengthMs,
          expectedCreateRps: results.api?.requestsPerSecond,
          log,
        });
      }
      if (scenarios.has('fairness')) {
        results.fairness = await runFairness(stack, {
          bigClinicCalls: Number(values['fair-big-calls']),
          smallClinics: Number(values['fair-clinics']),
          smallClinicCalls: Number(values['fair-clinic-calls']),
          concurrencyLimit,
          callLengthMs,
          expectedCreateRps: results.api?.requestsPerSecond,
          log,
        });
      }
    } finally {
      await stack.stop();
    }
  }

  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const stamp = results.startedAt.replaceAll(':', '-').slice(0, 19);
  writeFileSync(`${RESULTS_DIR}${stamp}.json`, json);
  writeFileSync(`${RESULTS_DIR}latest.json`, `${JSON.stringify(mergedWithLatest(results, scenarios), null, 2)}\n`);
  print(results);
  console.log(`\nwritten: bench/results/${stamp}.json and bench/results/latest.json`);
}

/**
 * latest.json after a run of some scenarios (`--only`): the sections this run measured replace the previous ones; the
 * others are kept from the previous latest.json, each under `previous.<section>` with the `startedAt` of the run that
 * measured it, so a partial run never erases figures and never passes old ones off as new.
 */
function mergedWithLatest(results: Record<string, unknown>, ran: ReadonlySet<string>): Record<string, unknown> {
  const latestPath = `${RESULTS_DIR}latest.json`;
  if (!existsSync(latestPath)) return results;
  const before = JSON.parse(readFileSync(latestPath, 'utf8')) as Record<string, unknown>;
  const sectionsOf = (scenario: string) => (scenario === 'bundles' ? ['bundles', 'contentScript'] : [scenario]);
  const previous: Record<string, unknown> = { ...((before.previous as Record<string, unknown> | undefined) ?? {}) };
  for (const scenario of ['bundles', 'api', 'burst', 'fairness']) {
    if (ran.has(scenario)) {
      for (const section of sectionsOf(scenario)) delete previous[section];
      continue;
    }
    for (const section of sectionsOf(scenario)) {
      if (before[section] !== undefined) previous[section] = { startedAt: before.startedAt, result: before[section] };
    }
  }
  return Object.keys(previous).length ? { ...results, previous } : results;
}

/** The sections a run can measure. */
type Results = {
  burst?: BurstResult;
  fairness?: FairnessResult;
  api?: ApiResult;
  bundles?: BundleResult[];
  contentScript?: ContentScriptResult;
};

function print(results: Results) {
  const { burst, fairness, api, bundles, contentScript } = results;
  if (burst) {
    console.log(`
burst — ${burst.calls} calls due in the same second, C = ${burst.concurrencyLimit}, L = ${burst.callLengthMs} ms
  makespan            ${round(burst.makespanMs / 1000, 1)} s  (ideal ceil(N/C)·L = ${round(burst.idealMs / 1000, 1)} s)  ratio ${burst.makespanRatio}
  dial lag (free slot) p50 ${burst.dialLagP50Ms} ms   p99 ${burst.dialLagP99Ms} ms
  queue wait (all)     p50 ${round(burst.queueWaitP50Ms / 1000, 1)} s   p99 ${round(burst.queueWaitP99Ms / 1000, 1)} s
  slot hand-off        p50 ${burst.handoffP50Ms} ms   p99 ${burst.handoffP99Ms} ms  (call end → next dial on the freed slot)
  peak concurrency    ${burst.peakConcurrency}   429s ${burst.provider429s}   duplicate dials ${burst.duplicateDials}   lost calls ${burst.lostCalls}   completed ${burst.completed}/${burst.calls}`);
  }
  if (fairness) {
    const l = fairness.callLengthMs;
    console.log(`
fairness — ${fairness.calls} calls over ${fairness.clinics} clinics (one with most of them due at T, the others at T + L), C = ${fairness.concurrencyLimit}, L = ${l} ms
  small clinics' wait p99  ${round(fairness.smallClinicP99WaitMs / 1000, 1)} s (${round(fairness.smallClinicP99WaitMs / l, 2)} × L; target ≤ 6 × L)
  big clinic's wait p99    ${round(fairness.bigClinicP99WaitMs / 1000, 1)} s
  makespan                 ${round(fairness.makespanMs / 1000, 1)} s  (ideal ${round(fairness.idealMs / 1000, 1)} s)  ratio ${fairness.makespanRatio} (target ≤ 1.05)
  peak concurrency ${fairness.peakConcurrency}   duplicate dials ${fairness.duplicateDials}   lost calls ${fairness.lostCalls}`);
  }
  if (api) {
    console.log(`
api — POST /calls, ${api.clients} concurrent clients, ${api.requests} requests
  throughput          ${api.requestsPerSecond} req/s
  latency             p50 ${api.p50Ms} ms   p99 ${api.p99Ms} ms
  bare write+schedule p50 ${api.bareP50Ms} ms   p99 ${api.bareP99Ms} ms   handler overhead ratio ${api.overheadRatio}`);
  }
  if (bundles) {
    const width = Math.max(...bundles.map((b) => b.name.length));
    const floor = bundles[0];
    console.log(
      `\nbundles — minified size and cold import in a fresh node process (empty handler: ${floor?.emptyHandlerColdImportMs} ms; ` +
        `floor, DynamoDB document client only: ${round((floor?.floorMinifiedBytes ?? 0) / 1000, 1)} kB, ${floor?.floorColdImportMs} ms)`,
    );
    for (const b of bundles) {
      console.log(
        `  ${b.name.padEnd(width)}  ${`${round(b.minifiedBytes / 1000, 1)} kB`.padStart(9)}  ${`${b.coldImportMs} ms`.padStart(9)}` +
          `  floor +${round(b.overFloorBytes / 1000, 1)} kB, ×${b.coldImportRatio} import`,
      );
    }
  }
  if (contentScript) {
    console.log(`\ncontent script (production build) ${round(contentScript.minifiedBytes / 1000, 1)} kB minified`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
