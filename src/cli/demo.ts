import { readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { addWorkingDays } from '../domain/calendar.js';
import type { CommandContext } from './context.js';
import { openDatabase } from '../db/open.js';
import { writeDataset } from '../demo/write.js';
import { importFolder } from '../importing/import-folder.js';
import { runNightly } from '../nightly/run.js';
import { runReportFiles } from './run-report.js';
import type { ImportReport } from '../importing/import-folder.js';
import type { RunSummary } from '../nightly/run.js';
import { formatImport, formatRun } from './format.js';

export interface DemoOptions {
  date: string;
  applications: number;
  districts: number;
  seed: number;
}

/** What the demo made, for --json. */
export interface DemoResult {
  /** The demo's own kezek folder (its --data-dir). */
  dataDir: string;
  /** The generated data folder. */
  data: string;
  runFolder: string;
  import: ImportReport;
  summary: RunSummary;
  /** The commands to try next, as typed. */
  next: string[];
}

/**
 * `kezek demo`: a whole nightly cycle on synthetic data in its own embedded
 * database (`<data-dir>/demo`, made anew each time, never the real one).
 */
export async function runDemo(ctx: CommandContext, o: DemoOptions, print: (s: string) => void): Promise<DemoResult> {
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
    const summary = await runNightly(db, { date: o.date, outDir, districts: [], workers: 1, dryRun: false, rules, engine: 'compiled', calendar, report: runReportFiles(db) }, log);
    print(formatRun(summary, outDir));
    const next = nextSteps(home, outDir, o.date, addWorkingDays(calendar, o.date, 1));
    print(
      [
        '',
        `Try next: the demo has a database of its own, in ${next.dataDir}, so each command names it with --data-dir (or: export KEZEK_DATA_DIR=${next.dataDir}):`,
        ...next.commands.map((c) => `  ${c}`),
        `  (serve answers at http://127.0.0.1:8080/: the public pages, and /console signed in with the key; stop it with Ctrl-C)`,
        `The night's report opens from the file: ${join(outDir, 'report.html')} (report.ru.html, report.en.html)`,
      ].join('\n'),
    );
    return { dataDir: home, data: dataDir, runFolder: outDir, import: report, summary, next: next.commands };
  } finally {
    await db.close();
  }
}

/**
 * The commands to try next, exactly as they are typed: the demo's database is
 * its own folder (never the real one), so each names it with --data-dir.
 */
export function nextSteps(home: string, outDir: string, date: string, nextDay: string): { dataDir: string; commands: string[] } {
  const rel = relative(process.cwd(), home);
  const dir = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : home;
  const arg = /^[\w@%+=:,./-]+$/.test(dir) ? dir : JSON.stringify(dir);
  const first = (file: string): string | undefined => {
    const line = readFileSync(join(outDir, file), 'utf8').split('\n', 1)[0];
    return line ? (JSON.parse(line) as { application: string }).application : undefined;
  };
  const queued = first('queue.ndjson');
  const referred = first('referrals.ndjson');
  return {
    dataDir: arg,
    commands: [
      ...(queued ? [`npx kezek position ${queued} --date ${date} --data-dir ${arg}`, `npx kezek explain ${queued} --date ${date} --data-dir ${arg}`] : []),
      ...(referred ? [`npx kezek history ${referred} --data-dir ${arg}`] : []),
      `npx kezek due --date ${nextDay} --data-dir ${arg}`,
      `npx kezek runs list --data-dir ${arg}`,
      // The pages: a key for the staff console, then the server (public pages at /, the console at /console).
      `npx kezek keys create me --role operator --data-dir ${arg}`,
      `npx kezek serve --date ${nextDay} --data-dir ${arg}`,
    ],
  };
}
