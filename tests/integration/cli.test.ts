import { readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/demo/write.js';
import { makeIin } from '../../src/domain/iin.js';
import { kezek, kezekHere } from '../support/cli.js';
import { POSTGRES_URL, dropSchema, newSchemaName } from '../support/databases.js';
import { tempDir } from '../support/run-helpers.js';

const DATE = '2026-09-01';
let dataDir: string;
let schema: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = tempDir('kezek-cli-data-');
  await writeDataset(dataDir, { seed: 11, date: DATE, districts: 2, kindergartensPerDistrict: 5, applications: 600, seats: 120, badLines: true });
  schema = newSchemaName();
  env = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
});

afterAll(async () => {
  await dropSchema(schema);
});

/** No stack trace, one line, names the problem. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  const text = stderr.trim();
  expect(text.split('\n')).toHaveLength(1);
  expect(text).toMatch(/^kezek: /);
  expect(text).toMatch(pattern);
  expect(text).not.toMatch(/\n\s+at /);
}

function application(id: string, birthDate: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const districts = readFileSync(join(dataDir, 'kindergartens.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const kg = districts[0] as { id: string; district: string };
  return {
    id,
    child: { iin: makeIin(birthDate, 'male', 4321), birthDate, name: 'Test Child' },
    applicant: { iin: makeIin('1990-05-05', 'female', 1234), name: 'Test Parent', relation: 'mother' },
    district: kg.district,
    registeredAt: '2026-08-31T10:00:00+05:00',
    channel: 'office',
    preferences: [kg.id],
    acceptAnyInDistrict: false,
    language: 'kk',
    groupType: 'general',
    desiredFrom: '2026-01-01',
    rights: [],
    ...extra,
  };
}

describe('the command line on PostgreSQL', () => {
  it('imports, allocates and prints people-readable summaries', async () => {
    const imp = await kezekHere(['import', dataDir], env);
    // The data set has bad lines: done, but a person must look (exit 3).
    expect(imp.code).toBe(3);
    expect(imp.stdout).toMatch(/file\s+lines\s+imported\s+rejected\n.*\n(.*\n)*applications\.ndjson\s+[\d,]+\s+[\d,]+\s+[1-9][\d,]*\n/);
    const out = join(tempDir(), 'run');
    const run = await kezekHere(['allocate', '--date', DATE, '--out', out], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Run folder: ${out}`);
    const referrals = readFileSync(join(out, 'referrals.ndjson'), 'utf8').split('\n').filter(Boolean);
    expect(run.stdout).toContain(`referrals:        ${referrals.length} `);
  });

  it('registers an application and answers with its queue number, then position agrees', async () => {
    const file = join(tempDir(), 'app.json');
    writeFileSync(file, JSON.stringify(application('APP-CLI-1', '2023-02-10')));
    const reg = await kezekHere(['register', file, '--date', DATE], env);
    expect(reg.code).toBe(0);
    expect(reg.stdout).toContain('Notice of registration in the queue');
    const number = /queue number (\d+) of (\d+)/.exec(reg.stdout);
    expect(number).not.toBeNull();
    const pos = await kezekHere(['position', 'APP-CLI-1', '--date', DATE, '--json'], env);
    expect(pos.code).toBe(0);
    const p = JSON.parse(pos.stdout) as { state: string; queueNumber: number; cohortSize: number; ahead: Record<string, number> };
    expect(p.state).toBe('queued');
    expect(p.queueNumber).toBe(Number(number![1]));
    expect(p.ahead.extraordinary + p.ahead.primary + p.ahead.general).toBe(p.queueNumber - 1);

    // A retry with the same content is answered with the same notice; other content under the same id is refused.
    const again = await kezekHere(['register', file, '--date', DATE], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/registered before with the same content/);
    expect(again.stdout).toContain(`queue number ${number![1]} of`);
    const ru = await kezekHere(['register', file, '--date', DATE, '--lang', 'ru'], env);
    expect(ru.stdout).toContain('Уведомление о постановке в очередь: заявление APP-CLI-1.');
    expect(ru.stdout).toContain(`номер в очереди ${number![1]} из ${number![2]} на 1 сентября 2026 г.`);
    const json = JSON.parse((await kezekHere(['register', file, '--date', DATE, '--json'], env)).stdout) as { outcome: string; repeated: boolean; position: { queueNumber: number } };
    expect(json).toMatchObject({ outcome: 'registered', repeated: true, position: { queueNumber: Number(number![1]) } });
    writeFileSync(file, JSON.stringify(application('APP-CLI-1', '2023-02-10', { language: 'ru' })));
    const other = await kezekHere(['register', file, '--date', DATE], env);
    expect(other.code).toBe(2);
    expectOneLineError(other.stderr, /APP-CLI-1 is already registered with other content/);
  });

  it('refuses a child who is 7 at the date and stores the refusal', async () => {
    const file = join(tempDir(), 'old.json');
    writeFileSync(file, JSON.stringify(application('APP-CLI-OLD', '2019-09-01')));
    const reg = await kezekHere(['register', file, '--date', DATE], env);
    expect(reg.code).toBe(0);
    expect(reg.stdout).toMatch(/Notice of refusal: application APP-CLI-OLD is not registered in the queue\.\n\s+Reasons: the child is 7 or older at the date\./);
    expect(reg.stdout).not.toContain('age_limit');
    const kk = await kezekHere(['register', file, '--date', DATE, '--lang', 'kk'], env);
    expect(kk.stdout).toContain('Бас тарту туралы хабарлама: APP-CLI-OLD өтініші кезекке қойылмады.');
    expect(kk.stdout).toContain('Себептері: осы күні балаға 7 жас толды.');
    const pos = await kezekHere(['position', 'APP-CLI-OLD', '--date', DATE, '--json'], env);
    expect(JSON.parse(pos.stdout)).toMatchObject({ state: 'not_queued', status: 'refused' });
  });

  it('rejects a bad application file with its file and line, exit code 2', async () => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify(application('APP-CLI-BAD', '2023-02-10', { child: { iin: '230210500000', birthDate: '2023-02-10' } })));
    const reg = await kezekHere(['register', file, '--date', DATE], env);
    expect(reg.code).toBe(2);
    expectOneLineError(reg.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: iin_check_digit: .*\\(field child\\.iin\\)`));
    writeFileSync(file, '{"id": ');
    const broken = await kezekHere(['register', file], env);
    expect(broken.code).toBe(2);
    expectOneLineError(broken.stderr, /bad\.json: not valid JSON: .*\(line 1, column 8\)/);
  });

  it('bad usage gives one clear line and exit code 2', () => {
    const impossible = kezek(['allocate', '--date', '2026-02-30', '--out', tempDir()], env);
    expect(impossible.code).toBe(2);
    expectOneLineError(impossible.stderr, /--date must be a real date/);
    const missing = kezek(['import', join(tempDir(), 'nothing-here')], env);
    expect(missing.code).toBe(2);
    expectOneLineError(missing.stderr, /no input files/);
    const unknown = kezek(['allocate', '--date', DATE, '--out', tempDir(), '--district', 'NOPE', '--dry-run'], env);
    expect(unknown.code).toBe(2);
    expectOneLineError(unknown.stderr, /unknown district: NOPE/);
    const nothing = kezek(['position', 'NO-SUCH-APP'], env);
    expect(nothing.code).toBe(2);
    expectOneLineError(nothing.stderr, /application NO-SUCH-APP not found/);
  });

  it('refuses to run with broken rules, before touching the database', async () => {
    const rules = tempDir('kezek-rules-');
    cpSync('rules', rules, { recursive: true });
    const parameters = JSON.parse(readFileSync(join(rules, 'parameters.json'), 'utf8'));
    writeFileSync(join(rules, 'parameters.json'), JSON.stringify({ ...parameters, primaryQuota: [0, 0] }));
    const r = await kezekHere(['allocate', '--date', DATE, '--out', tempDir(), '--rules', rules], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /parameters\.json \$\.primaryQuota/);
  });

  it('never writes an IIN or a name into the logs', async () => {
    const s = newSchemaName();
    const e = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: s };
    try {
      const imp = await kezekHere(['import', dataDir, '--log-level', 'trace'], e);
      const run = await kezekHere(['allocate', '--date', DATE, '--out', tempDir(), '--log-level', 'trace'], e);
      expect(imp.code).toBe(3);
      expect(run.code).toBe(0);
      const logs = imp.stderr + run.stderr;
      expect(logs).toContain('"msg":"district allocated"');
      const iins = new Set<string>();
      const names = new Set<string>();
      for (const line of readFileSync(join(dataDir, 'applications.ndjson'), 'utf8').split('\n')) {
        for (const m of line.matchAll(/"iin":\s*"(\d{12})"/g)) iins.add(m[1]!);
        for (const m of line.matchAll(/"name":\s*"([^"]{4,})"/g)) names.add(m[1]!);
      }
      expect(iins.size).toBeGreaterThan(100);
      for (const iin of iins) expect(logs.includes(iin), iin).toBe(false);
      for (const name of names) expect(logs.includes(name), name).toBe(false);
    } finally {
      void dropSchema(s);
    }
  });
});

describe('the command line on the embedded database', () => {
  it('runs import and allocate with no server configured', () => {
    const home = tempDir('kezek-home-');
    const imp = kezek(['import', dataDir, '--data-dir', home]);
    expect(imp.code).toBe(3);
    const out = join(home, 'run');
    const run = kezek(['allocate', '--date', DATE, '--out', out, '--data-dir', home]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, 'referrals.ndjson'), 'utf8').length).toBeGreaterThan(0);
  });
});
