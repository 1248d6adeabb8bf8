import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_APPS, writeScenario } from '../lifecycle/scenario-data.js';
import { kezekHere, type CliResult } from '../support/cli.js';
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

async function run(args: string[]): Promise<CliResult> {
  const r = await kezekHere([...args, '--log-level', 'trace'], env);
  logs.push(r.stderr);
  return r;
}

async function ok(args: string[]): Promise<string> {
  const r = await run(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Done, but a person must look (exit code 3): e.g. an overdue complaint listed. */
async function attention(args: string[]): Promise<string> {
  const r = await run(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(3);
  return r.stdout;
}

async function refused(args: string[], pattern: RegExp): Promise<void> {
  const r = await run(args);
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
  it('runs the lifecycle and complaints, prints the history, and logs no IIN or name', async () => {
    await ok(['import', dataDir]);
    const out1 = join(tempDir(), 'n1');
    await ok(['allocate', '--date', '2026-09-01', '--out', out1]);
    const refs = readFileSync(join(out1, 'referrals.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { referral: string; application: string });
    const ref = (app: string) => refs.find((r) => r.application === app)!.referral;

    expect(await ok(['referral', 'confirm', ref('A1'), '--date', '2026-09-02'])).toMatch(/offered → confirmed/);
    await ok(['referral', 'confirm', ref('A4'), '--date', '2026-09-02', '--actor', 'Ержан']);
    await ok(['referral', 'confirm-right', ref('A4'), '--date', '2026-09-03', '--actor', 'Ержан']);
    await ok(['referral', 'extend', ref('A4'), '--date', '2026-09-03', '--days', '10', '--reason', 'medical certificate pending']);
    await ok(['referral', 'decline', ref('A3'), '--date', '2026-09-02', '--reason', 'moved to another city']);
    await ok(['referral', 'enroll', ref('A1'), '--date', '2026-09-04']);
    await refused(['referral', 'enroll', ref('A3'), '--date', '2026-09-04'], /cannot enrol referral .*: it is declined/);
    await refused(['referral', 'confirm', ref('A2'), '--date', '2026-09-04'], /due by 2026-09-03/);
    await refused(['referral', 'confirm', 'R-NOPE', '--date', '2026-09-02'], /referral R-NOPE not found/);

    const out2 = join(tempDir(), 'n2');
    expect(await ok(['allocate', '--date', '2026-09-04', '--out', out2])).toBeTruthy();
    const summary = JSON.parse(readFileSync(join(out2, 'summary.json'), 'utf8')) as { districts: { lifecycle: { lapsed: number } }[] };
    expect(summary.districts[0]!.lifecycle.lapsed).toBe(1);
    await ok(['application', 'restore', 'A2', '--date', '2026-09-05']);
    await refused(['application', 'restore', 'A2', '--date', '2026-09-06'], /not inactive/);
    await ok(['application', 'withdraw', 'A7', '--date', '2026-09-02', '--reason', 'family moved']);
    await refused(['application', 'restore', 'A7', '--date', '2026-09-06'], /annulled, not inactive/);

    // Complaints: due in working days (5 at the provider, 15 at the authority, Nauryz 2026 skipped).
    expect(await ok(['complaint', 'file', 'ЖТ-001', '--date', '2026-09-01', '--level', 'provider', '--application', 'A2', '--subject', 'queue number'])).toContain('due by 2026-09-08');
    expect(await ok(['complaint', 'file', 'ЖТ-002', '--date', '2026-03-20', '--level', 'authority', '--subject', 'refusal'])).toContain('due by 2026-04-15');
    await refused(['complaint', 'file', 'ЖТ-001', '--date', '2026-09-01', '--level', 'provider', '--subject', 'again'], /already registered/);
    expect(await attention(['complaint', 'list', '--overdue', '--date', '2026-09-08'])).toMatch(/ЖТ-002.*OVERDUE/);
    expect(await attention(['complaint', 'list', '--overdue', '--date', '2026-09-08'])).not.toContain('ЖТ-001');
    expect(await attention(['complaint', 'list', '--overdue', '--date', '2026-09-09'])).toContain('ЖТ-001');
    await ok(['complaint', 'answer', 'ЖТ-001', '--date', '2026-09-09']);
    await refused(['complaint', 'answer', 'ЖТ-001', '--date', '2026-09-10'], /already answered/);
    expect(await attention(['complaint', 'list', '--overdue', '--date', '2026-09-10'])).not.toContain('ЖТ-001');

    const history = await ok(['history', 'A4']);
    expect(history).toMatch(/referral R-20260901-D1-\d+\s+offered → confirmed\s+operator:Ержан/);
    expect(history).toMatch(/enrolment extended by 10 days/);
    expect(history).toMatch(/application A4\s+queued → offered\s+run-2026-09-01-/);
    const json = (await ok(['history', 'A2', '--json'])).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { to: string; actor: string });
    expect(json.map((e) => e.to)).toEqual(expect.arrayContaining(['offered', 'lapsed', 'inactive', 'queued']));
    expect(json.find((e) => e.to === 'lapsed')!.actor).toMatch(/^run-2026-09-04-/);

    await ok(['allocate', '--date', '2026-09-21', '--out', join(tempDir(), 'n3')]);
    await ok(['position', 'A5', '--date', '2026-09-21']);

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
