import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../src/domain/iin.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import { labelText } from '../../src/rules/vocabulary.js';
import { kezekHere } from '../support/cli.js';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { importData, lines, shippedRules, tempDir } from '../support/run-helpers.js';
import { copyRules, problemsOf, readJson, RULES_DIR, writeJson } from './helpers.js';

/** A copy of rules/ with one file edited. */
function edited(file: string, edit: (doc: any) => void): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const dir = copyRules();
  const doc = readJson(dir, file);
  edit(doc);
  writeJson(dir, file, doc);
  return dir;
}

/** rules/ with a new primary right, `combat_veteran`, declared and named by the primary rule. */
function withNewRight(): string {
  const dir = edited('categories.json', (doc) => doc.rules[1].conditions.any.push({ fact: 'validRights', operator: 'contains', value: 'combat_veteran' }));
  const words = readJson(dir, 'vocabulary.json');
  words.rights.combat_veteran = { tier: 'primary', kk: 'соғыс ардагерінің отбасы', ru: 'семья ветерана боевых действий', en: 'family of a combat veteran' };
  writeJson(dir, 'vocabulary.json', words);
  return dir;
}

describe('the vocabulary of rights (vocabulary.json)', () => {
  it('a misspelt right in categories.json is refused by `kezek rules validate`, with file and JSON path, and the unused declared one too', async () => {
    const dir = edited('categories.json', (doc) => {
      doc.rules[1].conditions.any[5].value = 'larg_family';
    });
    const r = await kezekHere(['rules', 'validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('2 problems in the rules:');
    expect(r.stdout).toContain(
      '  categories.json $.rules[1].conditions.any[5].value: rule "primary" names the right "larg_family", which vocabulary.json does not declare (a misspelt code?): declare it with its tier and names',
    );
    expect(r.stdout).toContain('  vocabulary.json $.rights.large_family: no category rule names this right: a misspelt code, or a right to remove');
  });

  it('any comparison with a right counts, in either rule file, by any operator, and its path is the file’s even when ranks reorder the rules', () => {
    const dir = edited('eligibility.json', (doc) => {
      doc.rules.push({
        name: 'veteran_only',
        conditions: { all: [{ fact: 'expiredRights', operator: 'contains', value: 'veteran' }] },
        event: { type: 'refuse', params: { reason: 'veteran_only' } },
      });
    });
    const cats = readJson(dir, 'categories.json');
    // extraordinary ranked after primary: the list is sorted by rank, the paths stay the file's.
    cats.rules[0].event.params.rank = 3;
    cats.rules[0].conditions.any.push({ fact: 'validRights', operator: 'doesNotContain', value: 'milt' });
    writeJson(dir, 'categories.json', cats);
    const words = readJson(dir, 'vocabulary.json');
    words.reasons.veteran_only = { kk: 'x', ru: 'x', en: 'x' };
    words.rules.veteran_only = { kk: 'x', ru: 'x', en: 'x' };
    writeJson(dir, 'vocabulary.json', words);
    const problems = problemsOf(() => loadRuleSet(dir)).map((p) => `${p.file} ${p.path}`);
    expect(problems).toEqual(['eligibility.json $.rules[2].conditions.all[0].value', 'categories.json $.rules[0].conditions.any[2].value']);
  });

  it('a declared right names its tier: the rule that gives another category is a problem; a missing language too', () => {
    const tier = edited('vocabulary.json', (doc) => {
      doc.rights.teacher.tier = 'extraordinary';
    });
    expect(problemsOf(() => loadRuleSet(tier))).toEqual([{ file: 'vocabulary.json', path: '$.rights.teacher.tier', message: 'is extraordinary, but rule "primary" gives primary for it' }]);
    const kk = edited('vocabulary.json', (doc) => {
      delete doc.rights.orphan.kk;
    });
    // Only the missing name: the right is declared, the rule naming it is not blamed.
    expect(problemsOf(() => loadRuleSet(kk))).toEqual([{ file: 'vocabulary.json', path: '$.rights.orphan.kk', message: 'the Kazakh name is missing: every word is given in kk, ru and en' }]);
  });

  it('a new right is named in every language from the vocabulary, with the set’s parameters filled in', () => {
    const set = loadRuleSet(withNewRight());
    const entry = set.vocabulary.rights.find((r) => r.code === 'combat_veteran')!;
    expect(entry.tier).toBe('primary');
    expect(set.knownRights.has('combat_veteran')).toBe(true);
    expect(labelText(entry.labels, 'ru', set.parameters, 'combat_veteran')).toBe('семья ветерана боевых действий');
    expect(labelText(set.vocabulary.reasons.get('age_limit'), 'ru', { ...set.parameters, maxAgeYears: 6 }, 'age_limit')).toBe('ребёнку на эту дату исполнилось 6 лет');
  });

  it('a JSON syntax error in the vocabulary, a rule test file or a calendar file names the line and column', async () => {
    const dir = copyRules();
    const where: Record<string, string> = {};
    for (const file of ['vocabulary.json', 'tests/proofs.json', 'calendar/2026.json']) {
      // A stray brace where the description's value should be: Node's own message names no position for it.
      const text = readFileSync(join(dir, file), 'utf8').replace('"description": ', '"description": }');
      const at = text.indexOf('}');
      const before = text.slice(0, at);
      where[file] = `line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}`;
      writeFileSync(join(dir, file), text);
    }
    const r = await kezekHere(['rules', 'validate', dir]);
    expect(r.code).toBe(2);
    for (const [file, place] of Object.entries(where)) expect(r.stdout).toContain(`  ${file}: not valid JSON: Unexpected token '}' (${place})`);
  });
});

describe.each(BACKENDS)('import and the vocabulary on %s', (backend) => {
  const db = useDatabase(backend);

  it('refuses a right the vocabulary does not declare, and takes one it declares', async () => {
    const dir = tempDir('kezek-vocab-');
    const line = (id: string, serial: number, category: string) =>
      JSON.stringify({
        id,
        child: { iin: makeIin('2022-03-15', 'male', serial), birthDate: '2022-03-15' },
        applicant: { iin: makeIin('1990-01-01', 'female', serial), relation: 'mother' },
        district: 'D-1', registeredAt: '2023-04-01T09:15:00+05:00', channel: 'portal', preferences: ['KG-1'], acceptAnyInDistrict: false,
        language: 'kk', groupType: 'general', desiredFrom: '2025-09-01', rights: [{ category, document: 'DOC', validUntil: '2030-01-01' }],
      });
    writeFileSync(join(dir, 'districts.ndjson'), JSON.stringify({ id: 'D-1', name: 'Аудан' }) + '\n');
    writeFileSync(join(dir, 'kindergartens.ndjson'), JSON.stringify({ id: 'KG-1', district: 'D-1', name: '№1', languages: ['kk'] }) + '\n');
    writeFileSync(join(dir, 'places.ndjson'), '');
    writeFileSync(join(dir, 'applications.ndjson'), [line('A-1', 1, 'larg_family'), line('A-2', 2, 'combat_veteran'), line('A-3', 3, 'large_family')].join('\n') + '\n');

    const shipped = await importData(db(), dir, shippedRules());
    const rejects = lines(readFileSync(shipped.rejectsPath, 'utf8')) as { id: string; reason: string; field: string }[];
    expect(rejects.map((x) => [x.id, x.reason, x.field])).toEqual([
      ['A-1', 'unknown_right', 'rights[0].category'],
      ['A-2', 'unknown_right', 'rights[0].category'],
    ]);
    const next = await importData(db(), dir, loadRuleSet(withNewRight()));
    expect((lines(readFileSync(next.rejectsPath, 'utf8')) as { id: string }[]).map((x) => x.id)).toEqual(['A-1']);
    expect(await db().query(`select id from applications order by id`)).toEqual([{ id: 'A-2' }, { id: 'A-3' }]);
  });
});

it('the shipped vocabulary declares every right a shipped rule names, once', () => {
  const set = loadRuleSet(RULES_DIR);
  const codes = set.vocabulary.rights.map((r) => r.code);
  expect(new Set(codes).size).toBe(codes.length);
  expect(codes.sort()).toEqual([...new Set(set.categories.flatMap((c) => c.rights))].sort());
});
