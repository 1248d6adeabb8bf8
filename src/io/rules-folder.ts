import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_FILE_LIMITS } from '../rules/guard.js';
import { RuleLibrary, type FileText, type RulesFolderTexts, type SetTexts } from '../rules/library.js';
import type { RuleSet } from '../rules/ruleset.js';
import { TESTS_DIR } from '../rules/rule-tests.js';
import { RULE_FILES } from '../rules/schema.js';
import { VERSIONS_DIR } from '../rules/versions.js';
import { VOCABULARY_FILE } from '../rules/vocabulary.js';

/**
 * The edge of the rules: a rules folder read once, as texts: each rule set
 * (the folder itself and versions/<name>/), its rule tests and the calendar
 * files. Everything after this is pure (src/rules/library.ts).
 */
export function readRulesFolder(dir: string): RulesFolderTexts {
  return { dir, sets: readSets(dir), calendar: readJsonFiles(join(dir, 'calendar')) ?? [] };
}

function readSets(dir: string): SetTexts[] | null {
  if (!isFolder(dir)) return null;
  const places = [{ dir, label: '' }];
  const versions = join(dir, VERSIONS_DIR);
  for (const n of listNames(versions).sort()) if (isFolder(join(versions, n))) places.push({ dir: join(versions, n), label: `${VERSIONS_DIR}/${n}/` });
  return places.map((p) => ({
    ...p,
    files: RULE_FILES.map((name) => readBounded(join(p.dir, name), name)),
    vocabulary: readBounded(join(p.dir, VOCABULARY_FILE), VOCABULARY_FILE),
    tests: readJsonFiles(join(p.dir, TESTS_DIR)),
  }));
}

/** The *.json files of a folder, by name; null when the folder is not there. */
function readJsonFiles(dir: string): FileText[] | null {
  if (!isFolder(dir)) return null;
  return listNames(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => readBounded(join(dir, name), name));
}

/** A file's text, or null and why (missing, or not a regular readable file small enough to be a rule file). */
function readBounded(path: string, name: string): FileText {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > RULE_FILE_LIMITS.maxBytes) return { name, text: null, problem: 'unreadable' };
    return { name, text: readFileSync(path, 'utf8') };
  } catch (e) {
    return { name, text: null, problem: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A rules folder's library (read now). */
export function ruleLibrary(dir: string): RuleLibrary {
  return new RuleLibrary(readRulesFolder(dir));
}

/** The set of a folder itself, whatever its effectiveFrom (a set being prepared can be previewed before its date). */
export function loadRuleSet(dir: string): RuleSet {
  return ruleLibrary(dir).current();
}

/** The rule set in force at `date` in a rules folder, fully checked. */
export function loadRuleSetAt(dir: string, date: string): RuleSet {
  return ruleLibrary(dir).at(date);
}
