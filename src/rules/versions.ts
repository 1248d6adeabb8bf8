import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RulesError, type RuleProblem } from '../errors.js';
import { parseRuleText } from './guard.js';
import { loadRuleSet, readBounded } from './load.js';
import type { RuleSet } from './ruleset.js';
import { schemaProblems } from './validate.js';

/**
 * Several rule sets in one rules folder: the folder itself is one set (the
 * current one) and each `versions/<name>/` is another, complete set. A run at
 * date D uses the set with the latest `effectiveFrom` ≤ D, wherever it lives.
 */
export const VERSIONS_DIR = 'versions';

export interface RuleSetHeader {
  /** Folder of the set. */
  dir: string;
  /** How problems name its files: '' for the folder itself, `versions/<name>/` otherwise. */
  label: string;
  version: string;
  effectiveFrom: string;
}

/** The sets of a rules folder, by effectiveFrom (only ruleset.json of each is read and checked). */
export function ruleSetHeaders(dir: string): RuleSetHeader[] {
  const places = [{ dir, label: '' }];
  const versionsDir = join(dir, VERSIONS_DIR);
  let names: string[] = [];
  try {
    names = readdirSync(versionsDir).filter((n) => statSync(join(versionsDir, n)).isDirectory());
  } catch {
    names = [];
  }
  for (const n of names.sort()) places.push({ dir: join(versionsDir, n), label: `${VERSIONS_DIR}/${n}/` });

  const problems: RuleProblem[] = [];
  const headers: RuleSetHeader[] = [];
  for (const p of places) {
    const file = `${p.label}ruleset.json`;
    const text = readBounded(join(p.dir, 'ruleset.json'));
    if (text === null) {
      problems.push({ file, path: '', message: p.label ? 'file is missing' : 'file is missing (or the rules folder cannot be read)' });
      continue;
    }
    const parsed = parseRuleText(file, text);
    if ('problems' in parsed) {
      problems.push(...parsed.problems);
      continue;
    }
    const bad = schemaProblems('ruleset.json', file, parsed.value);
    if (bad.length) {
      problems.push(...bad);
      continue;
    }
    const h = parsed.value as { version: string; effectiveFrom: string };
    headers.push({ ...p, version: h.version, effectiveFrom: h.effectiveFrom });
  }
  problems.push(...scheduleProblems(headers));
  if (problems.length) throw new RulesError(problems);
  return headers.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}

/** Pure: two sets may not share a version or a start date (which one is in force would be ambiguous). */
export function scheduleProblems(headers: readonly RuleSetHeader[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const byVersion = new Map<string, RuleSetHeader>();
  const byDate = new Map<string, RuleSetHeader>();
  for (const h of headers) {
    const v = byVersion.get(h.version);
    if (v) problems.push({ file: `${h.label}ruleset.json`, path: '$.version', message: `version "${h.version}" is also the version of ${v.label || 'the current set'}` });
    else byVersion.set(h.version, h);
    const d = byDate.get(h.effectiveFrom);
    if (d) problems.push({ file: `${h.label}ruleset.json`, path: '$.effectiveFrom', message: `${h.effectiveFrom} is also the start of ${d.label || 'the current set'}; which applies would be ambiguous` });
    else byDate.set(h.effectiveFrom, h);
  }
  return problems;
}

/** Pure: the set in force at a date: the latest effectiveFrom on or before it. */
export function headerAt(headers: readonly RuleSetHeader[], date: string): RuleSetHeader | null {
  let found: RuleSetHeader | null = null;
  for (const h of headers) if (h.effectiveFrom <= date && (!found || h.effectiveFrom > found.effectiveFrom)) found = h;
  return found;
}

/** The rule set in force at `date` in a rules folder, fully checked. */
export function loadRuleSetAt(dir: string, date: string): RuleSet {
  const headers = ruleSetHeaders(dir);
  const h = headerAt(headers, date);
  if (!h) {
    const first = headers[0];
    throw new RulesError([{ file: 'ruleset.json', path: '$.effectiveFrom', message: `no rule set is in force at ${date}${first ? `; the earliest starts ${first.effectiveFrom}` : ''}` }]);
  }
  return loadRuleSet(h.dir, h.label);
}

/** Every set of the folder, each fully checked; all problems at once. */
export function loadAllRuleSets(dir: string): RuleSet[] {
  const headers = ruleSetHeaders(dir);
  const problems: RuleProblem[] = [];
  const sets: RuleSet[] = [];
  for (const h of headers) {
    try {
      sets.push(loadRuleSet(h.dir, h.label));
    } catch (e) {
      if (e instanceof RulesError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new RulesError(problems);
  return sets;
}
