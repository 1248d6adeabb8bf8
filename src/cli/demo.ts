import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from './context.js';
import { openDatabase } from '../db/open.js';
import { writeDataset } from '../demo/write.js';
import { importFolder } from '../importing/import-folder.js';
import { runNightly } from '../nightly/run.js';
import { formatImport, formatRun } from './format.js';

export interface DemoOptions {
  date: string;
  applications: number;
  districts: number;
  seed: number;
}

/**
 * `kezek demo`: a whole nightly cycle on synthetic data in its own embedded
 * database (`<data-dir>/demo`, made anew each time, never the real one).
 */
export async function runDemo(ctx: CommandContext, o: DemoOptions, print: (s: string) => void): Promise<void> {
  const { config, log } = ctx;
  const rules = ctx.rules.at(o.date);
  const calendar = ctx.calendar;
  const home = join(config.dataDir, 'demo');
  rmSync(home, { recursive: true, force: true });
  const dataDir = join(home, 'data');
  const counts = await writeDataset(dataDir, {
    seed: o.seed,
    date: o.date,
    districts: o.districts,
    kindergartensPerDistrict: 8,
    applications: o.applications,
    seats: Math.round(o.applications * 0.18),
    badLines: true,
  });
  print(
    `Generated ${counts.districts} districts, ${counts.kindergartens} kindergartens, ${counts.places} place rows and ${counts.applications} applications (with ${counts.badLines} deliberately bad lines) in ${dataDir}`,
  );
  print('Opening a fresh embedded database (first start takes a few seconds)…');
  const { lockWaitMs, owner } = config.database;
  const db = await openDatabase({ dataDir: join(home, 'pgdata'), lockWaitMs, owner });
  try {
    const report = await importFolder(db, dataDir, { rejectsPath: join(home, 'rejects.ndjson'), actor: 'demo', rules, log, date: o.date });
    print(formatImport(report));
    const outDir = join(home, 'runs', o.date);
    const summary = await runNightly(db, { date: o.date, outDir, districts: [], workers: 1, dryRun: false, rules, engine: 'compiled', calendar }, log);
    print(formatRun(summary, outDir));
  } finally {
    await db.close();
  }
}
