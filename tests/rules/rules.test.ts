import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Right } from '../../src/domain/types.js';
import { factsAt } from '../../src/rules/facts.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import { referenceEvaluator } from '../../src/rules/reference-engine.js';
import { D, app, ev, place, referredIds, run } from '../support/builders.js';
import { syncVocabulary } from './helpers.js';

const rulesDir = fileURLToPath(new URL('../../rules', import.meta.url));
const rules = loadRuleSet(rulesDir);
const evaluator = referenceEvaluator(rules);
const DAY_BEFORE = '2025-08-14';

const right = (category: string, validUntil = '2030-01-01'): Right => ({ category, document: `DOC-${category}`, validUntil });
const judge = (rights: Right[], birthDate = '2022-03-15', date = D) => evaluator.evaluate(app({ id: 'X', birthDate, rights }), date);

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of rules/ in a temp dir, edited by `edit(dir)`. */
function editedRules(edit: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'kezek-rules-'));
  tmpDirs.push(dir);
  cpSync(rulesDir, dir, { recursive: true });
  edit(dir);
  return loadRuleSet(dir);
}
const readJson = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
const writeJson = (dir: string, file: string, v: unknown) => writeFileSync(join(dir, file), JSON.stringify(v, null, 2));

describe('loadRuleSet', () => {
  it('loads rules/ with the default parameters of allocation.md', () => {
    expect(rules.parameters).toEqual({
      maxAgeYears: 7,
      minAgeMonths: 12,
      primaryQuota: [1, 3],
      maxPreferences: 3,
      confirmWorkingDays: 2,
      enrollWorkingDays: 5,
      extensionCalendarDays: 30,
      proofWorkingDays: 5,
      stopListDays: 10,
      restoreCalendarDays: 28,
      complaintProviderWorkingDays: 5,
      complaintAuthorityWorkingDays: 15,
    });
    expect(rules.version).toBeTruthy();
    expect(rules.hash).toMatch(/^[0-9a-f]{64}$/);
    expect([...rules.knownRights].sort()).toEqual(
      ['disability', 'large_family', 'military', 'orphan', 'parent_disability', 'special_needs', 'special_state_body', 'teacher', 'without_parental_care'].sort(),
    );
  });

  it('loads by a relative path too (as `loadRuleSet(\'rules\')` from the project root)', () => {
    expect(loadRuleSet(relative(process.cwd(), rulesDir) || '.').hash).toBe(rules.hash);
  });

  it('the hash changes when a rule file changes', () => {
    const edited = editedRules((dir) => writeJson(dir, 'parameters.json', { ...readJson(dir, 'parameters.json'), maxAgeYears: 6 }));
    expect(edited.hash).not.toBe(rules.hash);
    expect(loadRuleSet(rulesDir).hash).toBe(rules.hash);
  });

  it('rejects a broken rules folder with RULES_INVALID', () => {
    const missing = mkdtempSync(join(tmpdir(), 'kezek-rules-'));
    tmpDirs.push(missing);
    expect(() => loadRuleSet(missing)).toThrow(expect.objectContaining({ code: 'RULES_INVALID' }));
    expect(() => editedRules((dir) => writeJson(dir, 'parameters.json', { ...readJson(dir, 'parameters.json'), primaryQuota: [0, 0] }))).toThrow(
      expect.objectContaining({ code: 'RULES_INVALID' }),
    );
  });
});

describe('reference evaluator: categories', () => {
  it.each(['military', 'special_state_body'])('%s → extraordinary', async (r) => {
    expect(await judge([right(r)])).toEqual({ eligible: true, reasons: [], category: 'extraordinary', rights: [r] });
  });

  it.each(['orphan', 'without_parental_care', 'disability', 'special_needs', 'parent_disability', 'large_family', 'teacher'])(
    '%s → primary',
    async (r) => {
      expect(await judge([right(r)])).toEqual({ eligible: true, reasons: [], category: 'primary', rights: [r] });
    },
  );

  it('no rights, or an unknown right → general with no rights', async () => {
    expect(await judge([])).toEqual({ eligible: true, reasons: [], category: 'general', rights: [] });
    expect(await judge([right('veteran')])).toMatchObject({ category: 'general', rights: [] });
  });

  it('the highest category wins; rights lists only the rights of that category, in the application order', async () => {
    expect(await judge([right('large_family'), right('military')])).toMatchObject({ category: 'extraordinary', rights: ['military'] });
    expect(await judge([right('teacher'), right('special_state_body'), right('orphan'), right('military')])).toMatchObject({
      category: 'extraordinary',
      rights: ['special_state_body', 'military'],
    });
    expect(await judge([right('teacher'), right('large_family')])).toMatchObject({ category: 'primary', rights: ['teacher', 'large_family'] });
  });

  it('a proof valid until D counts; one that expired the day before D is ignored', async () => {
    expect(await judge([right('teacher', D)])).toMatchObject({ category: 'primary', rights: ['teacher'] });
    expect(await judge([right('teacher', DAY_BEFORE)])).toMatchObject({ category: 'general', rights: [] });
    expect(await judge([right('military', DAY_BEFORE), right('large_family', D)])).toMatchObject({ category: 'primary', rights: ['large_family'] });
    // An expired extraordinary right with nothing else: general, and the expired right is not listed.
    expect(await judge([right('military', DAY_BEFORE)])).toMatchObject({ category: 'general', rights: [] });
  });

  it('the same right with one expired and one valid proof still counts', async () => {
    const e = await judge([right('orphan', DAY_BEFORE), right('orphan', D)]);
    expect(e.category).toBe('primary');
    expect(e.rights).toContain('orphan');
  });

  it('factsAt splits rights by validity at the date', () => {
    const f = factsAt(app({ id: 'X', rights: [right('teacher', D), right('military', DAY_BEFORE)] }), D, rules.parameters);
    expect(f.validRights).toEqual(['teacher']);
    expect(f.expiredRights).toEqual(['military']);
    expect(f.ageYears).toBe(3);
    expect(f.birthYear).toBe(2022);
  });
});

describe('reference evaluator: eligibility at the age boundaries', () => {
  it('age_limit: 7 or older at D (7th birthday on D is refused; the day after D is not)', async () => {
    expect(await judge([], '2018-08-15')).toEqual({ eligible: false, reasons: ['age_limit'], category: 'general', rights: [] });
    expect(await judge([], '2018-08-16')).toMatchObject({ eligible: true, reasons: [] });
    expect(await judge([], '2015-01-01')).toMatchObject({ eligible: false, reasons: ['age_limit'] });
  });

  it('too_young: under 12 full months at D (first birthday on D is eligible)', async () => {
    expect(await judge([], '2024-08-15')).toMatchObject({ eligible: true, reasons: [] });
    expect(await judge([], '2024-08-16')).toMatchObject({ eligible: false, reasons: ['too_young'] });
    expect(await judge([], '2025-08-01')).toMatchObject({ eligible: false, reasons: ['too_young'] });
  });

  it('an ineligible application still gets its category judged (for the explanation)', async () => {
    expect(await judge([right('military')], '2018-01-01')).toMatchObject({ eligible: false, reasons: ['age_limit'], category: 'extraordinary' });
  });

  it('judges at the given date, not today', async () => {
    expect(await judge([], '2018-08-15', '2025-08-14')).toMatchObject({ eligible: true });
    expect(await judge([], '2018-08-15', '2025-08-15')).toMatchObject({ eligible: false, reasons: ['age_limit'] });
  });
});

describe('changing a rule file changes the outcome with no code change', () => {
  it('parameters.json maxAgeYears 6: a 6-year-old becomes age_limit', async () => {
    const sixYearOld = app({ id: 'X', birthDate: '2019-03-01' });
    expect(await evaluator.evaluate(sixYearOld, D)).toMatchObject({ eligible: true });
    const edited = editedRules((dir) => writeJson(dir, 'parameters.json', { ...readJson(dir, 'parameters.json'), maxAgeYears: 6 }));
    expect(edited.parameters.maxAgeYears).toBe(6);
    expect(await referenceEvaluator(edited).evaluate(sixYearOld, D)).toMatchObject({ eligible: false, reasons: ['age_limit'] });
  });

  it('parameters.json minAgeMonths 18: a 14-month-old becomes too_young', async () => {
    const toddler = app({ id: 'X', birthDate: '2024-06-01' });
    expect(await evaluator.evaluate(toddler, D)).toMatchObject({ eligible: true });
    const edited = editedRules((dir) => writeJson(dir, 'parameters.json', { ...readJson(dir, 'parameters.json'), minAgeMonths: 18 }));
    expect(await referenceEvaluator(edited).evaluate(toddler, D)).toMatchObject({ eligible: false, reasons: ['too_young'] });
  });

  it('categories.json without teacher: a teacher’s child becomes general', async () => {
    const teacherChild = app({ id: 'X', rights: [right('teacher')] });
    expect(await evaluator.evaluate(teacherChild, D)).toMatchObject({ category: 'primary', rights: ['teacher'] });
    const edited = editedRules((dir) => {
      const doc = readJson(dir, 'categories.json') as { rules: { conditions: { any: { value: string }[] } }[] };
      for (const r of doc.rules) r.conditions.any = r.conditions.any.filter((c) => c.value !== 'teacher');
      writeJson(dir, 'categories.json', doc);
      syncVocabulary(dir);
    });
    expect(edited.knownRights.has('teacher')).toBe(false);
    expect(await referenceEvaluator(edited).evaluate(teacherChild, D)).toMatchObject({ category: 'general', rights: [] });
    // Other primary rights are untouched.
    expect(await referenceEvaluator(edited).evaluate(app({ id: 'Y', rights: [right('orphan')] }), D)).toMatchObject({ category: 'primary' });
  });

  it('parameters.json primaryQuota [1,1]: the referral sequence changes', () => {
    const edited = editedRules((dir) => writeJson(dir, 'parameters.json', { ...readJson(dir, 'parameters.json'), primaryQuota: [1, 1] }));
    const entries = [
      [app({ id: 'P1', registeredAt: '2023-01-01T09:00:00Z' }), ev('primary')],
      [app({ id: 'P2', registeredAt: '2023-01-02T09:00:00Z' }), ev('primary')],
      [app({ id: 'G1', registeredAt: '2022-01-01T09:00:00Z' }), ev('general')],
      [app({ id: 'G2', registeredAt: '2022-01-02T09:00:00Z' }), ev('general')],
    ] as const;
    const seats = [place('KG-1', 'A', { seats: 3 })];
    expect(referredIds(run(entries, seats, { quota: rules.parameters.primaryQuota }))).toEqual(['P1', 'G1', 'G2']);
    expect(referredIds(run(entries, seats, { quota: edited.parameters.primaryQuota }))).toEqual(['P1', 'G1', 'P2']);
  });

  it('categories.json: moving large_family to the extraordinary rule makes it extraordinary', async () => {
    const edited = editedRules((dir) => {
      const doc = readJson(dir, 'categories.json') as { rules: { event: { params: { category: string } }; conditions: { any: { value: string }[] } }[] };
      const ex = doc.rules.find((r) => r.event.params.category === 'extraordinary')!;
      const pr = doc.rules.find((r) => r.event.params.category === 'primary')!;
      const lf = pr.conditions.any.find((c) => c.value === 'large_family')!;
      pr.conditions.any = pr.conditions.any.filter((c) => c !== lf);
      ex.conditions.any.push(lf);
      writeJson(dir, 'categories.json', doc);
      syncVocabulary(dir);
    });
    const a = app({ id: 'X', rights: [right('teacher'), right('large_family')] });
    expect(await evaluator.evaluate(a, D)).toMatchObject({ category: 'primary', rights: ['teacher', 'large_family'] });
    expect(await referenceEvaluator(edited).evaluate(a, D)).toMatchObject({ category: 'extraordinary', rights: ['large_family'] });
  });
});
