import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeScenario } from '../lifecycle/scenario-data.js';
import { kezek, kezekHere } from '../support/cli.js';
import { POSTGRES_URL, dropSchema, newSchemaName } from '../support/databases.js';
import { tempDir } from '../support/run-helpers.js';

/**
 * Exit codes for cron (formats.md): 0 done, 1 a run error, 2 bad usage or
 * input, 3 done but a person must look, each with why on stderr. One
 * schema of the server (a process starts faster there than on a new embedded
 * folder; the mechanism is the same), the scenario district, the built CLI.
 */
let data: string;
const schema = newSchemaName();
const serverEnv = (env: Record<string, string | undefined>) => ({ DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema, KEZEK_ACTOR: 'aigul', ...env });
/** As a process of its own: what cron sees. */
const run = (args: string[], env: Record<string, string | undefined> = {}) => kezek(args, serverEnv(env));
/** The same command in this process (the exit code main returns), for the many that need no process of their own. */
const here = (args: string[], env: Record<string, string | undefined> = {}) => kezekHere(args, serverEnv(env));

beforeAll(() => {
  data = tempDir('kezek-exit-data-');
  writeScenario(data);
});

afterAll(async () => {
  await dropSchema(schema);
});

describe('exit codes for cron', () => {
  it('0 for a clean import, 3 when lines were rejected (the count and the rejects file on stderr)', () => {
    const clean = run(['import', data]);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stderr).toBe('');
    appendFileSync(join(data, 'applications.ndjson'), '{"id": "BROKEN"\n');
    const rejected = run(['import', data, '--json']);
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).toBe(`kezek: attention: 1 line was rejected: ${join(data, 'rejects.ndjson')}\n`);
    expect(JSON.parse(rejected.stdout)).toMatchObject({ rejected: 1 });
    expect(readFileSync(join(data, 'rejects.ndjson'), 'utf8')).toContain('BROKEN');
  });

  it('a night: 0; its lapses and aged-out children in the summary; 3 when the run warns (next year has no calendar file)', async () => {
    const out = join(tempDir(), 'n1');
    const n1 = await here(['allocate', '--date', '2026-09-01', '--out', out]);
    expect(n1.code, n1.stderr).toBe(0);
    expect(n1.stdout).toMatch(/lapsed: +0 /);
    expect(readFileSync(join(out, 'lapses.ndjson'), 'utf8')).toBe('');
    // 4 Sep: the four silent offers lapse. The terminal says so, and where the families are listed.
    const out2 = join(tempDir(), 'n2');
    const n2 = await here(['allocate', '--date', '2026-09-04', '--out', out2]);
    expect(n2.code, n2.stderr).toBe(0);
    expect(n2.stdout).toMatch(/lapsed: +4 /);
    expect(n2.stdout).toMatch(/seats returned: +4/);
    expect(n2.stdout).toContain(join(out2, 'lapses.ndjson'));
    expect(readFileSync(join(out2, 'lapses.ndjson'), 'utf8').trim().split('\n')).toHaveLength(4);
    // Every event has its business date: the import's day, the nights' dates.
    const events = (await here(['history', 'A2', '--json'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { to: string; effectiveOn: string | null });
    expect(events.map((e) => e.to)).toEqual(['queued', 'offered', 'offered', 'lapsed', 'inactive']);
    expect(events.slice(1).map((e) => e.effectiveOn)).toEqual(['2026-09-01', '2026-09-01', '2026-09-04', '2026-09-04']);
    expect(events[0]!.effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // From 1 November a run warns when next year has no calendar file (the shipped rules stop at 2027).
    const late = await here(['allocate', '--date', '2027-11-02', '--out', join(tempDir(), 'n3'), '--dry-run']);
    expect(late.code, late.stderr).toBe(3);
    expect(late.stderr).toMatch(/^kezek: attention: there is no working-day calendar file for 2028/m);
  });

  it('complaints: 0 while none is overdue, 3 once one is (complaint list and due alike)', async () => {
    expect((await here(['complaint', 'file', '01-12/7', '--level', 'provider', '--subject', 'queue number', '--application', 'A1', '--date', '2026-09-01'])).code).toBe(0);
    const inTime = await here(['complaint', 'list', '--overdue', '--date', '2026-09-08']);
    expect([inTime.code, inTime.stdout.trim()]).toEqual([0, 'No complaint is overdue on 2026-09-08.']);
    const late = await here(['complaint', 'list', '--overdue', '--date', '2026-09-09']);
    expect(late.code).toBe(3);
    expect(late.stdout).toMatch(/01-12\/7 +provider +2026-09-01 +2026-09-08 +OVERDUE +A1 +queue number/);
    expect(late.stderr).toBe('kezek: attention: 1 complaint is overdue on 2026-09-09\n');
    const due = await here(['due', '--date', '2026-09-09', '--json']);
    expect(due.code).toBe(3);
    expect((JSON.parse(due.stdout) as { complaints: { complaint: string; overdue: boolean }[] }).complaints).toEqual([
      expect.objectContaining({ complaint: '01-12/7', overdue: true, subject: 'queue number' }),
    ]);
    const csv = await here(['due', '--date', '2026-09-09', '--format', 'csv']);
    expect(csv.code).toBe(3);
    expect(csv.stdout.startsWith('\ufeffkind,deadline,overdue,district,application,referral,complaint,detail\r\n')).toBe(true);
    expect(csv.stdout).toContain('complaint,2026-09-08,true,D1,A1,,01-12/7,provider: queue number\r\n');
  });

  it('2 for bad usage and bad input; 1 for a run error; the help, the version and a suggestion exit as they should', async () => {
    const typo = run(['alocate']);
    expect([typo.code, typo.stderr]).toEqual([2, 'kezek: unknown command: did you mean allocate?\n']);
    expect((await here(['due', '--date', '2026-02-30'])).code).toBe(2);
    expect((await here(['referral', 'confirm', 'R-NONE'])).code).toBe(2);
    const refused = run(['runs', 'list'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(refused.code).toBe(1);
    const bare = kezek([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^kezek <command> \[options\]/);
    for (const v of ['DATABASE_URL', 'KEZEK_DATA_DIR', 'KEZEK_LOG_LEVEL', 'KEZEK_ACTOR', 'KEZEK_WAIT', 'Exit codes:']) expect(bare.stdout).toContain(v);
    const version = kezek(['--version']);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    const completion = kezek(['completion']);
    expect([completion.code, completion.stdout]).toEqual([0, expect.stringContaining('--get-yargs-completions')]);
    // Every command's help has an example and ends with the environment and the exit codes.
    for (const cmd of [['import'], ['allocate'], ['due'], ['runs', 'list'], ['runs', 'show'], ['db', 'status'], ['db', 'migrate'], ['referral'], ['application'], ['complaint'], ['history'], ['demo'], ['calendar', 'show'], ['position'], ['explain'], ['register'], ['rules']]) {
      const help = await kezekHere([...cmd, '--help']);
      expect(help.stdout, cmd.join(' ')).toMatch(/Examples:\n {2}kezek /);
      expect(help.stdout, cmd.join(' ')).toContain('KEZEK_ACTOR');
    }
  });
});
