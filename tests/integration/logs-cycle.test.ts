import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_APPS, writeScenario } from '../lifecycle/scenario-data.js';
import { kezek, type CliResult } from '../support/cli.js';
import { POSTGRES_URL, dropSchema, newSchemaName } from '../support/databases.js';
import { tempDir } from '../support/run-helpers.js';

/**
 * A full cycle through the real command line with every log line on
 * (import, allocate, lifecycle commands, complaints, history, a second
 * night): no IIN and no name of the data set appears in any log line.
 */
let schema: string;
let env: Record<string, string>;
let dataDir: string;
let iins: string[];
const logs: string[] = [];

function run(args: string[]): CliResult {
  const r = kezek([...args, '--log-level', 'trace'], env);
  logs.push(r.stderr);
  return r;
}

function ok(args: string[]): string {
  const r = run(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Done, but a person must look (exit code 3): e.g. an overdue complaint listed. */
function attention(args: string[]): string {
  const r = run(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(3);
  return r.stdout;
}

function refused(args: string[], pattern: RegExp): void {
  const r = run(args);
  expect(r.code, r.stdout).toBe(2);
  const errorLines = r.stderr.split('\n').filter((l) => l.startsWith('kezek: '));
  expect(errorLines).toHaveLength(1);
  expect(errorLines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  schema = newSchemaName();
  env = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema, KEZEK_OPERATOR: 'Айгүл Серікқызы' };
  dataDir = tempDir('kezek-logs-');
  iins = writeScenario(dataDir);
});

afterAll(async () => {
  await dropSchema(schema);
});

describe('a full cycle on the command line', () => {
  it('runs the lifecycle and complaints, prints the history, and logs no IIN or name', () => {
    ok(['import', dataDir]);
    const out1 = join(tempDir(), 'n1');
    ok(['allocate', '--date', '2026-09-01', '--out', out1]);
    const refs = readFileSync(join(out1, 'referrals.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { referral: string; application: string });
    const ref = (app: string) => refs.find((r) => r.application === app)!.referral;

    expect(ok(['referral', 'confirm', ref('A1'), '--date', '2026-09-02'])).toMatch(/offered → confirmed/);
    ok(['referral', 'confirm', ref('A4'), '--date', '2026-09-02', '--actor', 'Ержан']);
    ok(['referral', 'confirm-right', ref('A4'), '--date', '2026-09-03', '--actor', 'Ержан']);
    ok(['referral', 'extend', ref('A4'), '--date', '2026-09-03', '--days', '10', '--reason', 'medical certificate pending']);
    ok(['referral', 'decline', ref('A3'), '--date', '2026-09-02', '--reason', 'moved to another city']);
    ok(['referral', 'enroll', ref('A1'), '--date', '2026-09-04']);
    refused(['referral', 'enroll', ref('A3'), '--date', '2026-09-04'], /cannot enrol referral .*: it is declined/);
    refused(['referral', 'confirm', ref('A2'), '--date', '2026-09-04'], /due by 2026-09-03/);
    refused(['referral', 'confirm', 'R-NOPE', '--date', '2026-09-02'], /referral R-NOPE not found/);

    const out2 = join(tempDir(), 'n2');
    expect(ok(['allocate', '--date', '2026-09-04', '--out', out2])).toBeTruthy();
    const summary = JSON.parse(readFileSync(join(out2, 'summary.json'), 'utf8')) as { districts: { lifecycle: { lapsed: number } }[] };
    expect(summary.districts[0]!.lifecycle.lapsed).toBe(1);
    ok(['application', 'restore', 'A2', '--date', '2026-09-05']);
    refused(['application', 'restore', 'A2', '--date', '2026-09-06'], /not inactive/);
    ok(['application', 'withdraw', 'A7', '--date', '2026-09-02', '--reason', 'family moved']);
    refused(['application', 'restore', 'A7', '--date', '2026-09-06'], /annulled, not inactive/);

    // Complaints: due in working days (5 at the provider, 15 at the authority, Nauryz 2026 skipped).
    expect(ok(['complaint', 'file', 'ЖТ-001', '--date', '2026-09-01', '--level', 'provider', '--application', 'A2', '--subject', 'queue number'])).toContain('due by 2026-09-08');
    expect(ok(['complaint', 'file', 'ЖТ-002', '--date', '2026-03-20', '--level', 'authority', '--subject', 'refusal'])).toContain('due by 2026-04-15');
    refused(['complaint', 'file', 'ЖТ-001', '--date', '2026-09-01', '--level', 'provider', '--subject', 'again'], /already registered/);
    expect(attention(['complaint', 'list', '--overdue', '--date', '2026-09-08'])).toMatch(/ЖТ-002.*OVERDUE/);
    expect(attention(['complaint', 'list', '--overdue', '--date', '2026-09-08'])).not.toContain('ЖТ-001');
    expect(attention(['complaint', 'list', '--overdue', '--date', '2026-09-09'])).toContain('ЖТ-001');
    ok(['complaint', 'answer', 'ЖТ-001', '--date', '2026-09-09']);
    refused(['complaint', 'answer', 'ЖТ-001', '--date', '2026-09-10'], /already answered/);
    expect(attention(['complaint', 'list', '--overdue', '--date', '2026-09-10'])).not.toContain('ЖТ-001');

    const history = ok(['history', 'A4']);
    expect(history).toMatch(/referral R-20260901-D1-\d+\s+offered → confirmed\s+operator:Ержан/);
    expect(history).toMatch(/enrolment extended by 10 days/);
    expect(history).toMatch(/application A4\s+queued → offered\s+run-2026-09-01-/);
    const json = ok(['history', 'A2', '--json']).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { to: string; actor: string });
    expect(json.map((e) => e.to)).toEqual(expect.arrayContaining(['offered', 'lapsed', 'inactive', 'queued']));
    expect(json.find((e) => e.to === 'lapsed')!.actor).toMatch(/^run-2026-09-04-/);

    ok(['allocate', '--date', '2026-09-21', '--out', join(tempDir(), 'n3')]);
    ok(['position', 'A5', '--date', '2026-09-21']);

    const all = logs.join('\n').split('\n').filter((l) => l.startsWith('{'));
    expect(all.length).toBeGreaterThan(20);
    expect(all.some((l) => /"level":(10|20|30)/.test(l))).toBe(true);
    const names = SCENARIO_APPS.flatMap((a) => [`Бала ${a.id}`, `Ата-ана ${a.id}`]);
    for (const line of all) {
      for (const iin of iins) expect(line.includes(iin), `IIN in a log line: ${line.slice(0, 200)}`).toBe(false);
      for (const name of names) expect(line.includes(name), `name in a log line: ${line.slice(0, 200)}`).toBe(false);
    }
  }, 300_000);
});
