// `pnpm --filter @vfc/infra bundle:report`: bundles every handler as the stack does and prints its minified size,
// largest first, and the total. Exits 1 if any bundle contains the local stack, test code or dev-only packages, or
// would not find a data file at run time (see src/functions/runtime-data.ts).
import { formatReport, measureAllHandlers } from '../src/bundle-report/measure-bundles.js';

const measurements = await measureAllHandlers();
console.log(formatReport(measurements));
let failed = false;
const offenders = measurements.filter((m) => m.forbiddenInputs.length > 0);
if (offenders.length > 0) {
  console.error(`\n${offenders.length} bundle(s) include local-stack or test code: ${offenders.map((m) => m.name).join(', ')}`);
  failed = true;
}
const missingData = measurements.filter((m) => m.dataProblems.length > 0);
if (missingData.length > 0) {
  console.error(`\n${missingData.length} bundle(s) would not find a file at run time: ${missingData.map((m) => m.name).join(', ')}`);
  for (const m of missingData) for (const problem of m.dataProblems) console.error(`  ${m.name}: ${problem}`);
  failed = true;
}
if (failed) process.exit(1);
console.log(
  '\nNo bundle includes src/local/, test files or dev-only packages; every run-time data file is shipped. ' +
    'AWS SDK v3: bundled (see src/functions/bundling.ts).',
);
