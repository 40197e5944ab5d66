// `pnpm --filter @vfc/infra bundle:report`: bundles every handler as the stack does and prints its minified size.
// Exits 1 if any bundle contains the local stack, test code or dev-only packages.
import { formatReport, measureAllHandlers } from '../src/bundle-report/measure-bundles.js';

const measurements = await measureAllHandlers();
console.log(formatReport(measurements));
const offenders = measurements.filter((m) => m.forbiddenInputs.length > 0);
if (offenders.length > 0) {
  console.error(`\n${offenders.length} bundle(s) include local-stack or test code: ${offenders.map((m) => m.name).join(', ')}`);
  process.exit(1);
}
console.log('\nNo bundle includes src/local/, test files or dev-only packages. AWS SDK v3: bundled (see src/functions/bundling.ts).');
