import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleProblem } from '../../src/errors.js';
import { RulesError } from '../../src/errors.js';

export const RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

/** A copy of the shipped rules/ in a temp folder. */
export function copyRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kezek-rules-'));
  cpSync(RULES_DIR, dir, { recursive: true });
  return dir;
}

export const readJson = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
export const writeJson = (dir: string, file: string, v: unknown) => writeFileSync(join(dir, file), JSON.stringify(v, null, 2));

/** The problems a call throws as RulesError (fails the test when it does not throw one). */
export function problemsOf(fn: () => unknown): RuleProblem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof RulesError) return [...e.problems];
    throw e;
  }
  throw new Error('expected a RulesError');
}

/** rules/ plus versions/2026.2 (from `effectiveFrom`, maxAgeYears 5). */
export function withScheduledVersion(effectiveFrom = '2026-09-02'): string {
  const dir = copyRules();
  const v = join(dir, 'versions', '2026.2');
  mkdirSync(v, { recursive: true });
  for (const f of ['ruleset.json', 'parameters.json', 'eligibility.json', 'categories.json']) cpSync(join(dir, f), join(v, f));
  writeJson(v, 'ruleset.json', { ...readJson(v, 'ruleset.json'), $schema: '../../schema/ruleset.schema.json', version: '2026.2', effectiveFrom });
  writeJson(v, 'parameters.json', { ...readJson(v, 'parameters.json'), maxAgeYears: 5 });
  return dir;
}


/**
 * After a test edits the rules of a copied folder: vocabulary.json made to
 * match them (rights the category rules name, with their tiers; reasons and
 * rule names), keeping the shipped names and naming anything new by its code.
 * For tests of what rules decide, not of their words.
 */
export function syncVocabulary(dir: string): void {
  const voc = readJson(dir, 'vocabulary.json');
  const named = (code: string, old?: Record<string, string>) => old ?? { kk: code, ru: code, en: code };
  const rights: Record<string, unknown> = {};
  for (const r of readJson(dir, 'categories.json').rules) {
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n !== 'object') return;
      const c = n as Record<string, unknown>;
      if (c.fact === 'validRights' && c.operator === 'contains' && typeof c.value === 'string') {
        const { tier: _t, ...old } = (voc.rights[c.value] ?? {}) as Record<string, string>;
        rights[c.value] = { tier: r.event.params.category, ...named(c.value, Object.keys(old).length ? old : undefined) };
      }
      for (const k of ['all', 'any', 'not']) if (k in c) walk(c[k]);
    };
    walk(r.conditions);
  }
  const eligibility = readJson(dir, 'eligibility.json').rules as { name: string; event: { params: { reason: string } } }[];
  const categories = readJson(dir, 'categories.json').rules as { name: string }[];
  voc.rights = rights;
  voc.reasons = Object.fromEntries(eligibility.map((r) => [r.event.params.reason, named(r.event.params.reason, voc.reasons[r.event.params.reason])]));
  voc.rules = Object.fromEntries([...eligibility, ...categories].map((r) => [r.name, named(r.name, voc.rules[r.name])]));
  writeJson(dir, 'vocabulary.json', voc);
}
