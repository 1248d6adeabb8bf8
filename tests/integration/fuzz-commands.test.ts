import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { writeScenario } from '../lifecycle/scenario-data.js';
import { kezek } from '../support/cli.js';
import { POSTGRES_URL, dropSchema, openTestDatabase } from '../support/databases.js';
import { allocate, importData, tempDir } from '../support/run-helpers.js';

/**
 * Fuzzed command lines: every one ends with exit code 0, 1 or 2 and, when it
 * fails, one line `kezek: …` and no stack trace; a refused command changes
 * nothing in the database.
 */
let schema: string;
const saved = { url: process.env.DATABASE_URL, schema: process.env.KEZEK_SCHEMA };

beforeAll(async () => {
  const t = await openTestDatabase('postgres');
  schema = t.schema;
  const dir = tempDir('kezek-fuzzcmd-');
  writeScenario(dir);
  await importData(t.db, dir);
  await allocate(t.db, '2026-09-01');
  await t.db.close();
  process.env.DATABASE_URL = POSTGRES_URL;
  process.env.KEZEK_SCHEMA = schema;
});

afterAll(async () => {
  process.env.DATABASE_URL = saved.url;
  process.env.KEZEK_SCHEMA = saved.schema;
  await dropSchema(schema);
});

const word = fc.oneof(
  fc.constantFrom('R-20260901-D1-000001', 'R-20260901-D1-000002', 'A1', 'A2', 'A7', 'NOPE', '', ' ', '--', '-1', '0', '1e9', 'null'),
  fc.constantFrom('2026-09-02', '2026-02-30', '2026-13-01', '20260901', 'tomorrow', '2031-06-02', '1900-01-01'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const option = fc.tuple(fc.constantFrom('--date', '--actor', '--reason', '--days', '--level', '--subject', '--application', '--json', '--overdue', '--bogus', '--workers', '--out'), word);
const commandLine = fc
  .tuple(
    fc.constantFrom(['referral', 'confirm'], ['referral', 'decline'], ['referral', 'enroll'], ['referral', 'extend'], ['referral', 'confirm-right'], ['referral', 'explode'],
      ['application', 'restore'], ['application', 'withdraw'], ['complaint', 'file'], ['complaint', 'answer'], ['complaint', 'list'], ['history'], ['position'],
      ['allocate'], ['import'], ['frobnicate']),
    fc.array(word, { maxLength: 2 }),
    fc.array(option, { maxLength: 4 }),
  )
  .map(([cmd, args, opts]) => [...cmd, ...args, ...opts.flat()]);

async function runInProcess(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const write = process.stderr.write.bind(process.stderr);
  const out = process.stdout.write.bind(process.stdout);
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    const code = await main(args);
    return { code, stderr };
  } finally {
    process.stderr.write = write;
    process.stdout.write = out;
  }
}

const snapshot = async () => {
  const t = await openTestDatabase('postgres', schema);
  try {
    return await t.db.query(
      `select (select json_agg(a order by a.id) from (select id, status, stop_list_until, rights from applications) a) as apps,
              (select json_agg(r order by r.id) from (select id, status, confirmed_on, enroll_by, extended_days, right_proven_on from referrals) r) as refs,
              (select count(*) from events) as events, (select sum(free_seats) from places_free) as seats, (select count(*) from complaints) as complaints`,
    );
  } finally {
    await t.db.close();
  }
};

describe('fuzzed commands', () => {
  it('exit 0, 1 or 2; a failure is one line without a stack trace and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, async (args) => {
        const before = await snapshot();
        const { code, stderr } = await runInProcess(args);
        expect([0, 1, 2], `${JSON.stringify(args)} → ${code} ${stderr}`).toContain(code);
        expect(stderr).not.toMatch(/unexpected error|\n\s+at /);
        if (code !== 0) {
          expect(stderr.trim().split('\n'), JSON.stringify(args)).toHaveLength(1);
          expect(stderr).toMatch(/^kezek: /);
          if (!args.includes('allocate')) expect(await snapshot()).toEqual(before);
        }
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it('null bytes and huge arguments are refused cleanly', async () => {
    for (const args of [['history', 'A\u0000'], ['referral', 'confirm', 'R\u0000', '--actor', 'x'], ['position', 'x'.repeat(100_000)], ['complaint', 'list', '--date', '2026-09-0\u0000']]) {
      const { code, stderr } = await runInProcess(args);
      expect([1, 2], stderr).toContain(code);
      expect(stderr).not.toMatch(/unexpected error|\n\s+at /);
    }
  });

  it('as a real process too: garbage arguments give one line and exit 2', () => {
    const env = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
    for (const args of [
      ['referral', 'enroll', 'R-20260901-D1-000004', '--date', '2026-09-02', '--actor', 'x'],
      ['application', 'restore', 'A5', '--date', '2026-02-30', '--actor', 'x'],
      ['complaint', 'file', '#\u00ff<>', '--level', 'provider', '--subject', 's', '--actor', 'x'],
    ]) {
      const r = kezek(args, env);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
