import { loadCalendar } from '../../src/io/calendar.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../src/db/database.js';
import { importFolder, type ImportReport } from '../../src/importing/import-folder.js';
import { createLogger } from '../../src/log.js';
import type { EngineName } from '../../src/rules/engine.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import type { RuleSet } from '../../src/rules/ruleset.js';
import { runNightly, type RunSummary } from '../../src/nightly/run.js';

export const silent = createLogger({ level: 'silent' });
export const shippedRules = (): RuleSet => loadRuleSet('rules');

export function tempDir(prefix = 'kezek-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function importData(db: Database, dir: string, rules = shippedRules()): Promise<ImportReport> {
  return importFolder(db, dir, { rejectsPath: join(tempDir(), 'rejects.ndjson'), actor: 'test', rules, log: silent, date: '2026-09-01' });
}

export interface RunFiles {
  referrals: string;
  queue: string;
  refusals: string;
  summary: RunSummary;
  audit: unknown;
}

export function readRunFolder(dir: string): RunFiles {
  return {
    referrals: readFileSync(join(dir, 'referrals.ndjson'), 'utf8'),
    queue: readFileSync(join(dir, 'queue.ndjson'), 'utf8'),
    refusals: readFileSync(join(dir, 'refusals.ndjson'), 'utf8'),
    summary: JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary,
    audit: JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')) as unknown,
  };
}

/** A run folder without what differs between two runs of the same date (timings, whether a district was read back). */
export function comparableRun(dir: string) {
  const f = readRunFolder(dir);
  return {
    referrals: f.referrals,
    queue: f.queue,
    refusals: f.refusals,
    districts: f.summary.districts.map(({ resumed: _resumed, ...d }) => d),
    totals: f.summary.totals,
    inputHash: f.summary.inputHash,
  };
}

const shippedCalendar = loadCalendar('rules');

export async function allocate(
  db: Database,
  date: string,
  options: { workers?: number; dryRun?: boolean; districts?: string[]; rules?: RuleSet; engine?: EngineName; connection?: { url: string; schema?: string } } = {},
): Promise<RunFiles> {
  const outDir = tempDir('kezek-run-');
  await runNightly(
    db,
    {
      date,
      outDir,
      districts: options.districts ?? [],
      workers: options.workers ?? 1,
      dryRun: options.dryRun ?? false,
      rules: options.rules ?? shippedRules(),
      engine: options.engine ?? 'compiled',
      connection: options.connection,
      calendar: shippedCalendar,
    },
    silent,
  );
  return readRunFolder(outDir);
}

export const lines = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as unknown);
