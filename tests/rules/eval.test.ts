import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../src/domain/iin.js';
import { main } from '../../src/cli/cli.js';
import { kezek } from '../support/cli.js';
import { tempDir } from '../support/run-helpers.js';
import { RULES_DIR } from './helpers.js';

interface Fixture {
  name: string;
  date: string;
  application: Record<string, unknown> & { birthDate: string; rights?: { category: string; document?: string; validUntil: string }[] };
  expect: Record<string, unknown>;
}

const fixtures: (Fixture & { file: string })[] = readdirSync(join(RULES_DIR, 'tests'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((file) => (JSON.parse(readFileSync(join(RULES_DIR, 'tests', file), 'utf8')) as { tests: Fixture[] }).tests.map((t) => ({ ...t, file })));

/** A fixture's application as formats.md's application JSON (the fixture's defaults, as rules/tests/*.json documents them). */
function asApplicationJson(f: Fixture, n: number): Record<string, unknown> {
  const a = f.application;
  return {
    id: `SAMPLE-${n}`,
    child: { iin: makeIin(a.birthDate, 'female', n + 1), birthDate: a.birthDate, name: 'Айару' },
    applicant: { iin: makeIin('1990-05-05', 'female', n + 1), name: 'Гүлнар', relation: 'mother' },
    district: a.district ?? 'NO-SUCH-DISTRICT',
    registeredAt: a.registeredAt ?? '2024-01-10T10:00:00+05:00',
    channel: a.channel ?? 'portal',
    preferences: a.preferences ?? ['NO-SUCH-KG'],
    acceptAnyInDistrict: a.acceptAnyInDistrict ?? false,
    language: a.language ?? 'kk',
    groupType: a.groupType ?? 'general',
    desiredFrom: a.desiredFrom ?? '2024-09-01',
    ...(a.stopListUntil ? { stopListUntil: a.stopListUntil } : {}),
    ...(a.status ? { status: a.status } : {}),
    rights: (a.rights ?? []).map((r) => ({ category: r.category, document: r.document ?? `DOC-${r.category}`, validUntil: r.validUntil })),
  };
}

/** Runs the command line in this process, with what it prints. */
async function inProcess(args: string[]): Promise<{ code: number; stdout: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    return { code: await main(args), stdout };
  } finally {
    process.stdout.write = write;
  }
}

function writeSample(value: unknown): string {
  const file = join(tempDir('kezek-eval-'), 'application.json');
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

/** A database that cannot be reached: eval must not need one. */
const NO_DATABASE = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };

describe('kezek rules eval', () => {
  it('gives every rule test fixture its expected verdict, with no database (ids need not exist)', async () => {
    expect(fixtures.length).toBeGreaterThan(20);
    const env = process.env.DATABASE_URL;
    process.env.DATABASE_URL = NO_DATABASE.DATABASE_URL;
    try {
      // In this process (a process each would take seconds); the built command below runs the same handler.
      for (const [i, f] of fixtures.entries()) {
        const r = await inProcess(['rules', 'eval', writeSample(asApplicationJson(f, i)), '--date', f.date, '--json']);
        expect(r.code, `${f.file}: ${f.name}: ${r.stdout}`).toBe(0);
        const verdict = JSON.parse(r.stdout) as Record<string, unknown>;
        for (const [k, v] of Object.entries(f.expect)) expect(verdict[k], `${f.file}: ${f.name}: ${k}`).toEqual(v);
      }
    } finally {
      if (env === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = env;
    }
    // The built command, on one of them.
    const f = fixtures.find((x) => x.name === 'a priority right does not lift the age limit')!;
    const r = kezek(['rules', 'eval', writeSample(asApplicationJson(f, 99)), '--date', f.date, '--json'], NO_DATABASE);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject(f.expect);
  });

  it('--trace shows each rule and comparison, in the language asked, naming the rights from the vocabulary', () => {
    const f = fixtures.find((x) => x.name === 'an expired extraordinary proof falls back to a valid primary one')!;
    const file = writeSample(asApplicationJson(f, 1));
    const en = kezek(['rules', 'eval', file, '--date', f.date, '--trace'], NO_DATABASE);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('Application SAMPLE-1 judged at September 1, 2026 by the rules 2026.1 (nothing is stored)');
    expect(en.stdout).toContain('Category: primary (first-priority).');
    expect(en.stdout).toContain('Not counted, the proof expired before the date: child of military personnel (military).');
    expect(en.stdout).toContain('✓ right to a first-priority place (primary) fired → category: primary (first-priority)');
    expect(en.stdout).toMatch(/✗ right to an extraordinary place \(extraordinary\) did not fire/);
    expect(en.stdout).toMatch(/conditions\.any\[0\]: rights with a valid proof \(validRights\) is \[[^\]]+\]; contains child of military personnel \(military\): false/);
    const ru = kezek(['rules', 'eval', file, '--date', f.date, '--trace', '--lang', 'ru'], NO_DATABASE);
    expect(ru.stdout).toContain('Категория: первоочередная.');
    expect(ru.stdout).toContain('ребёнок военнослужащего (military)');
    const json = JSON.parse(kezek(['rules', 'eval', file, '--date', f.date, '--trace', '--json'], NO_DATABASE).stdout) as { trace: { name: string; fired: boolean }[] };
    expect(json.trace.map((r) => [r.name, r.fired])).toEqual([
      ['age_limit', false],
      ['too_young', false],
      ['extraordinary', false],
      ['primary', true],
    ]);
  });

  it('refuses a right the vocabulary does not declare, a bad IIN and broken JSON, naming where (exit 2)', () => {
    const base = asApplicationJson(fixtures[0]!, 1);
    const misspelt = kezek(['rules', 'eval', writeSample({ ...base, rights: [{ category: 'larg_family', document: 'X', validUntil: '2030-01-01' }] }), '--date', '2026-09-01'], NO_DATABASE);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toMatch(/unknown_right: unknown right category larg_family \(field rights\[0\]\.category\)/);
    const child = base.child as { iin: string };
    const badIin = kezek(['rules', 'eval', writeSample({ ...base, child: { ...child, iin: child.iin.slice(0, 11) + String((Number(child.iin[11]) + 1) % 10) } }), '--date', '2026-09-01'], NO_DATABASE);
    expect(badIin.code).toBe(2);
    expect(badIin.stderr).toContain('iin_check_digit: child.iin has a wrong check digit (field child.iin)');
    const broken = kezek(['rules', 'eval', writeSample('{\n  "id": "X",\n  "child": }\n'), '--date', '2026-09-01'], NO_DATABASE);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/not valid JSON: Unexpected token '}' \(line 3, column 12\)/);
    const noDate = kezek(['rules', 'eval', writeSample(base)], NO_DATABASE);
    expect(noDate.code).toBe(2);
  });
});
