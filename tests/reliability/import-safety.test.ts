import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../src/domain/iin.js';
import { writeScenario } from '../lifecycle/scenario-data.js';
import { POSTGRES_URL } from '../support/databases.js';
import { lines, tempDir } from '../support/run-helpers.js';
import { isRoot, kezekHere, oneLine, serverEnv, tmpfs } from './support.js';

/** What kezek stored, read straight from the schema. */
async function count(env: Record<string, string>, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: POSTGRES_URL });
  await c.connect();
  try {
    await c.query(`set search_path to "${env.KEZEK_SCHEMA}"`);
    return Number((await c.query<{ n: number }>(sql)).rows[0]!.n);
  } finally {
    await c.end();
  }
}

function scenario(): string {
  const dir = tempDir('kezek-safe-');
  writeScenario(dir);
  return dir;
}

describe('an import cannot destroy its input or write where it must not', () => {
  it('refuses a rejects file that is one of the inputs (directly or through a symlink), before anything is imported', async () => {
    const env = serverEnv();
    const dir = scenario();
    const before = readFileSync(join(dir, 'applications.ndjson'));
    const r = await kezekHere(['import', dir, '--rejects', join(dir, 'applications.ndjson')], env);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/rejects file .*applications\.ndjson would overwrite the input/);
    expect(readFileSync(join(dir, 'applications.ndjson'))).toEqual(before);
    symlinkSync(join(dir, 'places.ndjson'), join(dir, 'link.ndjson'));
    const viaLink = await kezekHere(['import', dir, '--rejects', join(dir, 'link.ndjson')], env);
    expect(viaLink.code).toBe(2);
    expect(oneLine(viaLink)).toMatch(/would overwrite the input .*places\.ndjson/);
    expect(await count(env, 'select count(*) as n from districts')).toBe(0);
  });

  it('a rejects file that cannot be created stops the import before the first transaction, naming its path', async () => {
    const env = serverEnv();
    const dir = scenario();
    const missing = join(tempDir(), 'no', 'such', 'rejects.ndjson');
    const r1 = await kezekHere(['import', dir, '--rejects', missing], env);
    expect(r1.code).toBe(2);
    expect(oneLine(r1)).toContain(`cannot create the rejects file ${missing}: ENOENT`);
    const folder = tempDir();
    const r2 = await kezekHere(['import', dir, '--rejects', folder], env);
    expect(r2.code).toBe(2);
    expect(oneLine(r2)).toContain(`the rejects file ${folder} is a folder`);
    const underFile = join(dir, 'places.ndjson', 'rejects.ndjson');
    const r3 = await kezekHere(['import', dir, '--rejects', underFile], env);
    expect(r3.code).toBe(2);
    expect(oneLine(r3)).toMatch(/ENOTDIR/);
    expect(await count(env, 'select count(*) as n from districts')).toBe(0);
  });

  it.skipIf(!isRoot)('a rejects file on a read-only disk stops the import before anything is stored (root: a read-only tmpfs)', async () => {
    const fs = tmpfs('1m');
    if (!fs) return expect.fail('tmpfs could not be mounted although running as root');
    try {
      fs.readOnly();
      const env = serverEnv();
      const r = await kezekHere(['import', scenario(), '--rejects', join(fs.dir, 'rejects.ndjson')], env);
      expect(r.code).toBe(2);
      expect(oneLine(r)).toMatch(/cannot create the rejects file .*EROFS/);
      expect(await count(env, 'select count(*) as n from applications')).toBe(0);
    } finally {
      fs.unmount();
    }
  });

  it('an input that is a folder or cannot be read is named before anything is committed', async () => {
    const env = serverEnv();
    const dir = scenario();
    const places = join(dir, 'places.ndjson');
    const text = readFileSync(places);
    // A folder where places.ndjson should be.
    writeFileSync(join(dir, 'tmp'), text);
    const { renameSync, rmSync } = await import('node:fs');
    rmSync(places);
    mkdirSync(places);
    const r = await kezekHere(['import', dir], env);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/places\.ndjson is not a regular file|cannot read .*places\.ndjson: EISDIR/);
    expect(await count(env, 'select count(*) as n from districts')).toBe(0);
    rmSync(places, { recursive: true });
    renameSync(join(dir, 'tmp'), places);
    if (!isRoot) {
      chmodSync(places, 0o000);
      const r2 = await kezekHere(['import', dir], env);
      expect(r2.code).toBe(2);
      expect(oneLine(r2)).toMatch(/cannot read .*places\.ndjson: EACCES/);
      chmodSync(places, 0o644);
    }
  });

  it('writes the rejects file anew, private to its owner, replacing a symlink planted at its path instead of following it', async () => {
    const env = serverEnv();
    const dir = scenario();
    writeFileSync(join(dir, 'applications.ndjson'), readFileSync(join(dir, 'applications.ndjson'), 'utf8') + '{"id": "BROKEN"\n');
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'precious');
    const rejects = join(tempDir(), 'rejects.ndjson');
    symlinkSync(victim, rejects);
    const r = await kezekHere(['import', dir, '--rejects', rejects], env);
    expect(r.code, r.stderr).toBe(3);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(rejects).isSymbolicLink()).toBe(false);
    expect(statSync(rejects).mode & 0o777).toBe(0o600);
    expect(lines(readFileSync(rejects, 'utf8'))).toMatchObject([{ file: 'applications.ndjson', line: 8, reason: 'invalid_json' }]);
    // No temporary file is left behind.
    expect(readdirSync(join(rejects, '..')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('every bad line is a line\'s reject, whatever it holds, in every file', () => {
  it('districts, kindergartens and places: deep nesting, lone surrogates, ids that differ by one, seats past the column', async () => {
    const env = serverEnv();
    const dir = scenario();
    const deep = `${'['.repeat(6000)}${']'.repeat(6000)}`;
    writeFileSync(
      join(dir, 'districts.ndjson'),
      [
        '{"id": "D1", "name": "Test ауданы", "region": "Test"}',
        `{"id": "D2", "name": "deep", "extra": ${deep}}`,
        '{"id": "D3", "name": "a lone \\ud800 surrogate"}',
        '{"id": "D4\\ud800", "name": "an id that differs from D4 by a lone surrogate"}',
        '{"id": "D4\\udfff", "name": "the other one"}',
        '{"id": "D5", "name": "fine"}',
      ].join('\n') + '\n',
    );
    writeFileSync(
      join(dir, 'kindergartens.ndjson'),
      [
        '{"id": "KG-1", "district": "D1", "name": "№1 Балапан", "languages": ["kk"]}',
        `{"id": "KG-2", "district": "D1", "name": "deep", "languages": ["kk"], "x": {"y": ${deep}}}`,
        `{"id": "${'K'.repeat(5000)}", "district": "D1", "name": "a very long id", "languages": ["kk"]}`,
      ].join('\n') + '\n',
    );
    writeFileSync(
      join(dir, 'places.ndjson'),
      [
        '{"kindergarten": "KG-1", "group": "G2022-kk-1", "birthYear": 2022, "language": "kk", "groupType": "general", "seats": 4}',
        '{"kindergarten": "KG-1", "group": "G2022-kk-2", "birthYear": 2022, "language": "kk", "groupType": "general", "seats": 2147483000}',
        '{"kindergarten": "KG-1", "group": "G2022-kk-2", "birthYear": 2022, "language": "kk", "groupType": "general", "seats": 1000}',
      ].join('\n') + '\n',
    );
    const rejects = join(tempDir(), 'rejects.ndjson');
    const r = await kezekHere(['import', dir, '--rejects', rejects], env);
    expect(r.code, r.stderr).toBe(3);
    const got = (lines(readFileSync(rejects, 'utf8')) as { file: string; line: number; reason: string }[]).map((x) => `${x.file}:${x.line}:${x.reason}`);
    expect(got).toEqual([
      'districts.ndjson:2:too_deep',
      'districts.ndjson:3:invalid_unicode',
      'districts.ndjson:4:invalid_unicode',
      'districts.ndjson:5:invalid_unicode',
      'kindergartens.ndjson:2:too_deep',
      'kindergartens.ndjson:3:too_long',
      'places.ndjson:3:invalid_seats',
    ]);
    // Nothing valid is lost: the good lines of every file, and the later files, are in.
    expect(await count(env, `select count(*) as n from districts`)).toBe(2);
    expect(await count(env, `select count(*) as n from kindergartens`)).toBe(1);
    expect(await count(env, `select sum(seats) as n from places`)).toBe(4 + 2147483000);
    expect(await count(env, `select count(*) as n from applications`)).toBe(7);
  });
});

describe('re-importing cannot bypass the lifecycle', () => {
  it('after a night, a folder saying "queued" for offered children is rejected line by line (status_conflict), the rest goes on, nothing changes, and the next night runs', async () => {
    const env = serverEnv();
    const dir = scenario();
    expect((await kezekHere(['import', dir], env)).code).toBe(0);
    const night1 = await kezekHere(['allocate', '--date', '2026-09-01', '--out', join(tempDir(), 'n1')], env);
    expect(night1.code, night1.stderr).toBe(0);
    // The same folder again, every line saying "queued".
    const apps = readFileSync(join(dir, 'applications.ndjson'), 'utf8').trim().split('\n').map((l) => ({ ...JSON.parse(l), status: 'queued' }));
    writeFileSync(join(dir, 'applications.ndjson'), apps.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const statuses = () => count(env, `select count(*) filter (where status = 'offered') as n from applications`);
    expect(await statuses()).toBe(4);
    const rejects = join(tempDir(), 'rejects.ndjson');
    const again = await kezekHere(['import', dir, '--rejects', rejects], env);
    expect(again.code, again.stderr).toBe(3);
    const rows = lines(readFileSync(rejects, 'utf8')) as { id: string; reason: string; field: string; message: string }[];
    expect(rows.map((x) => [x.id, x.reason, x.field])).toEqual([
      ['A1', 'status_conflict', 'status'],
      ['A2', 'status_conflict', 'status'],
      ['A3', 'status_conflict', 'status'],
      ['A4', 'status_conflict', 'status'],
    ]);
    expect(rows[0]!.message).toMatch(/A1 is offered/);
    expect(await statuses()).toBe(4);
    // The places again too: no seat is offered twice, so the next night issues nothing new.
    const night2 = await kezekHere(['allocate', '--date', '2026-09-02', '--out', join(tempDir(), 'n2')], env);
    expect(night2.code, night2.stderr).toBe(0);
    expect(await count(env, `select count(*) as n from referrals where run_date = '2026-09-02'`)).toBe(0);
    expect(await count(env, `select count(*) as n from referrals where status in ('offered', 'confirmed')`)).toBe(4);
  });

  it('a second live application of a child is rejected (duplicate_child, naming the first), stored or on an earlier line', async () => {
    const env = serverEnv();
    const dir = scenario();
    const apps = readFileSync(join(dir, 'applications.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
    // In one file: B1 is A1's child again.
    writeFileSync(join(dir, 'applications.ndjson'), [...apps, { ...apps[0], id: 'B1' }].map((a) => JSON.stringify(a)).join('\n') + '\n');
    const rejects = join(tempDir(), 'rejects.ndjson');
    expect((await kezekHere(['import', dir, '--rejects', rejects], env)).code).toBe(3);
    expect(lines(readFileSync(rejects, 'utf8'))).toMatchObject([{ line: 8, id: 'B1', reason: 'duplicate_child', field: 'child.iin', message: expect.stringContaining('A1') }]);
    // In a later file: C2 is A2's child; C9 is a new child and goes in.
    const later = tempDir();
    writeFileSync(
      join(later, 'applications.ndjson'),
      [{ ...apps[1], id: 'C2' }, { ...apps[2], id: 'C9', child: { ...apps[2]!.child, iin: makeIin(apps[2]!.child.birthDate, 'female', 999) } }].map((a) => JSON.stringify(a)).join('\n') + '\n',
    );
    const rejects2 = join(tempDir(), 'rejects.ndjson');
    expect((await kezekHere(['import', later, '--rejects', rejects2], env)).code).toBe(3);
    expect(lines(readFileSync(rejects2, 'utf8'))).toMatchObject([{ line: 1, id: 'C2', reason: 'duplicate_child', message: expect.stringContaining('A2') }]);
    expect(await count(env, `select count(*) as n from applications`)).toBe(8);
    expect(existsSync(join(later, 'rejects.ndjson'))).toBe(false);
  });
});
