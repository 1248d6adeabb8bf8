import { cpus } from 'node:os';
import { benchAllocation } from './allocation.bench.js';
import { benchAudit } from './audit.bench.js';
import { benchEndToEnd } from './national.js';
import { benchRules } from './rules.bench.js';

/**
 * `npm run bench`: a quick pass (100k applications end to end).
 * `npm run bench:national`: 2 million applications, 200 districts, on PostgreSQL and embedded.
 *   --only postgres|embedded   one backend;  --applications N   another size.
 */
const args = process.argv.slice(2);
const national = args.includes('--national');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const size = args.includes('--applications') ? Number(args[args.indexOf('--applications') + 1]) : national ? 2_000_000 : 100_000;

console.log(`kezek benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
await benchRules(!national);
benchAllocation(100_000, 10);
// Ten thousand applications a district, as in the national run.
await benchAudit(100_000, 10);
if (national) benchAllocation(2_000_000, 200);
for (const backend of ['postgres', 'embedded'] as const) {
  if (only && only !== backend) continue;
  for (const workers of [1, 2]) await benchEndToEnd(backend, size, workers);
}
