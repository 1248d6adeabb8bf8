/**
 * Writes a synthetic data folder (formats.md input files):
 *   node dist/scripts/generate-demo.js --out DIR [--seed N] [--date YYYY-MM-DD] [--districts N]
 *     [--kindergartens-per-district N] [--applications N] [--seats N] [--bad-lines | --no-bad-lines]
 */
import { parseArgs } from 'node:util';
import { DEMO_DEFAULTS, type GenerateOptions } from '../src/demo/generate.js';
import { writeDataset } from '../src/demo/write.js';
import { isKezekError } from '../src/errors.js';

const USAGE = `usage: generate-demo --out DIR [--seed N] [--date YYYY-MM-DD] [--districts N]
  [--kindergartens-per-district N] [--applications N] [--seats N] [--bad-lines | --no-bad-lines]
defaults: --out demo-data --seed ${DEMO_DEFAULTS.seed} --date ${DEMO_DEFAULTS.date} --districts ${DEMO_DEFAULTS.districts}
  --kindergartens-per-district ${DEMO_DEFAULTS.kindergartensPerDistrict} --applications ${DEMO_DEFAULTS.applications} --seats ${DEMO_DEFAULTS.seats} --bad-lines`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      allowNegative: true,
      options: {
        out: { type: 'string', default: 'demo-data' },
        seed: { type: 'string' },
        date: { type: 'string', default: DEMO_DEFAULTS.date },
        districts: { type: 'string' },
        'kindergartens-per-district': { type: 'string' },
        applications: { type: 'string' },
        seats: { type: 'string' },
        'bad-lines': { type: 'boolean', default: DEMO_DEFAULTS.badLines },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const number = (name: string, raw: string | undefined, fallback: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${raw}`);
    return n;
  };
  let options: GenerateOptions;
  try {
    options = {
      seed: number('seed', values.seed, DEMO_DEFAULTS.seed),
      date: values.date,
      districts: number('districts', values.districts, DEMO_DEFAULTS.districts),
      kindergartensPerDistrict: number('kindergartens-per-district', values['kindergartens-per-district'], DEMO_DEFAULTS.kindergartensPerDistrict),
      applications: number('applications', values.applications, DEMO_DEFAULTS.applications),
      seats: number('seats', values.seats, DEMO_DEFAULTS.seats),
      badLines: values['bad-lines'],
    };
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  try {
    const counts = await writeDataset(values.out, options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`wrote ${values.out} in ${seconds} s (seed ${options.seed}, date ${options.date})`);
    console.log(`  districts.ndjson      ${counts.districts}`);
    console.log(`  kindergartens.ndjson  ${counts.kindergartens}`);
    console.log(`  places.ndjson         ${counts.places}`);
    console.log(`  applications.ndjson   ${counts.applications}`);
    console.log(`  deliberately bad      ${counts.badLines}`);
    return 0;
  } catch (e) {
    if (isKezekError(e)) {
      console.error(e.message);
      return e.exitCode;
    }
    console.error(`cannot write ${values.out}: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
