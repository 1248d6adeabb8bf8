import { RulesError, type RuleProblem } from '../errors.js';
import { parseRuleText, RULE_FILE_LIMITS } from './guard.js';
import { ruleSetFromTexts } from './load.js';
import { fixtureCases, TESTS_DIR, type RuleTestCase } from './rule-tests.js';
import type { RuleSet } from './ruleset.js';
import { RULE_FILES } from './schema.js';
import { VOCABULARY_FILE } from './vocabulary.js';
import { schemaProblems } from './schema-check.js';
import { headerAt, scheduleProblems, VERSIONS_DIR, type RuleSetHeader } from './versions.js';

/** A file's text as read, or null with why: missing, or not a readable file small enough to be a rule file. */
export interface FileText {
  name: string;
  text: string | null;
  /** Why `text` is null. */
  problem?: 'missing' | 'unreadable';
}

const fileProblem = (f: FileText | undefined): string =>
  !f || f.problem === 'missing' ? 'file is missing' : `not a readable file of at most ${RULE_FILE_LIMITS.maxBytes / 1024} KiB`;

/** One rule set's files as read: the folder itself (label '') or `versions/<name>/`. */
export interface SetTexts {
  dir: string;
  /** How problems name its files: '' for the folder itself, `versions/<name>/` otherwise. */
  label: string;
  /** The four rule files by name. */
  files: FileText[];
  /** vocabulary.json (a version without its own uses the folder's). */
  vocabulary: FileText;
  /** tests/*.json, or null when the set has no tests folder. */
  tests: FileText[] | null;
}

/** A whole rules folder as read (src/io/rules-folder.ts): every rule set, and the calendar files. */
export interface RulesFolderTexts {
  dir: string;
  /** Null when the folder itself cannot be read. */
  sets: SetTexts[] | null;
  calendar: FileText[];
}

/** A rule set with its rule tests. */
export interface CheckedSet {
  header: RuleSetHeader;
  rules: RuleSet;
  tests: RuleTestCase[];
}

/**
 * The rule sets of one rules folder, read once (by the CLI per command, by the
 * server at start), checked and built when first asked for. Pure: it works on
 * the texts the edge read. A run at D uses the set with the latest
 * `effectiveFrom` on or before D, wherever it lives.
 */
export class RuleLibrary {
  private readonly built = new Map<string, RuleSet>();
  private headerList: RuleSetHeader[] | null = null;

  constructor(readonly texts: RulesFolderTexts) {}

  get dir(): string {
    return this.texts.dir;
  }

  /** The sets, by effectiveFrom (only ruleset.json of each is checked); RulesError when one is broken. */
  headers(): RuleSetHeader[] {
    if (this.headerList) return this.headerList;
    const sets = this.sets();
    const problems: RuleProblem[] = [];
    const headers: RuleSetHeader[] = [];
    for (const s of sets) {
      const file = `${s.label}ruleset.json`;
      const f = s.files.find((x) => x.name === 'ruleset.json');
      const text = f?.text ?? null;
      if (text === null) {
        problems.push({ file, path: '', message: s.label ? fileProblem(f) : `${fileProblem(f)} (or the rules folder cannot be read)` });
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
      headers.push({ dir: s.dir, label: s.label, version: h.version, effectiveFrom: h.effectiveFrom });
    }
    problems.push(...scheduleProblems(headers));
    if (problems.length) throw new RulesError(problems);
    return (this.headerList = headers.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0)));
  }

  /** The set in force at `date`, fully checked. */
  at(date: string): RuleSet {
    const headers = this.headers();
    const h = headerAt(headers, date);
    if (!h) {
      const first = headers[0];
      throw new RulesError([{ file: 'ruleset.json', path: '$.effectiveFrom', message: `no rule set is in force at ${date}${first ? `; the earliest starts ${first.effectiveFrom}` : ''}` }]);
    }
    return this.set(h);
  }

  /** The set of the folder itself (the current one), whatever its date; the other sets are not looked at. */
  current(): RuleSet {
    return this.build('');
  }

  /** The set with this version name, or null. */
  byVersion(version: string): RuleSet | null {
    const h = this.headers().find((x) => x.version === version);
    return h ? this.set(h) : null;
  }

  set(h: RuleSetHeader): RuleSet {
    return this.build(h.label);
  }

  /** Checks and builds the set of a label once; every problem of its four files at once. */
  private build(label: string): RuleSet {
    let rules = this.built.get(label);
    if (!rules) {
      const texts = this.setTexts(label);
      const problems: RuleProblem[] = [];
      const map = new Map<string, string>();
      for (const name of RULE_FILES) {
        const f = texts.files.find((x) => x.name === name);
        if (f?.text == null) problems.push({ file: label + name, path: '', message: fileProblem(f) });
        else map.set(name, f.text);
      }
      // A version without its own vocabulary uses the folder's (the current set's).
      const own = texts.vocabulary.text !== null || label === '';
      const words = own ? texts.vocabulary : this.setTexts('').vocabulary;
      if (words.text === null && words.problem !== 'missing') problems.push({ file: (own ? label : '') + VOCABULARY_FILE, path: '', message: fileProblem(words) });
      if (problems.length) throw new RulesError(problems);
      this.built.set(label, (rules = ruleSetFromTexts(map, label, words.text === null ? undefined : { text: words.text, label: own ? label : '' })));
    }
    return rules;
  }

  /** The content hashes of every set of the folder that is valid (a broken scheduled set is left out). */
  hashes(): Set<string> {
    const out = new Set<string>();
    for (const h of this.headers()) {
      try {
        out.add(this.set(h).hash);
      } catch (e) {
        // A broken set has no hash to compare with; `kezek rules validate` reports it.
        if (!(e instanceof RulesError)) throw e;
      }
    }
    return out;
  }

  /** A set's rule tests; RulesError when a fixture is broken or (`required`) there is no tests folder. */
  tests(h: RuleSetHeader, required: boolean): RuleTestCase[] {
    const files = this.setTexts(h.label).tests;
    if (files === null) {
      if (required) throw new RulesError([{ file: `${h.label}${TESTS_DIR}/`, path: '', message: 'no rule tests folder' }]);
      return [];
    }
    const problems: RuleProblem[] = [];
    const cases: RuleTestCase[] = [];
    for (const f of files) {
      const label = `${h.label}${TESTS_DIR}/${f.name}`;
      if (f.text === null) {
        problems.push({ file: label, path: '', message: fileProblem(f) });
        continue;
      }
      const parsed = parseRuleText(label, f.text);
      if ('problems' in parsed) {
        problems.push(...parsed.problems);
        continue;
      }
      const got = fixtureCases(label, parsed.value);
      problems.push(...got.problems);
      cases.push(...got.cases);
    }
    if (problems.length) throw new RulesError(problems);
    return cases;
  }

  /**
   * Every set and its rule tests, each fully checked; all problems of all of
   * them in one RulesError. A scheduled or past version may come without
   * tests; the set of the folder itself must have them.
   */
  check(): CheckedSet[] {
    const headers = this.headers();
    const problems: RuleProblem[] = [];
    const out: CheckedSet[] = [];
    for (const header of headers) {
      let rules: RuleSet | null = null;
      let tests: RuleTestCase[] = [];
      try {
        rules = this.set(header);
      } catch (e) {
        if (!(e instanceof RulesError)) throw e;
        problems.push(...e.problems);
      }
      try {
        tests = this.tests(header, header.label === '');
      } catch (e) {
        if (!(e instanceof RulesError)) throw e;
        problems.push(...e.problems);
      }
      if (rules) out.push({ header, rules, tests });
    }
    if (problems.length) throw new RulesError(problems);
    return out;
  }

  /** Every set, fully checked; all problems at once. */
  all(): RuleSet[] {
    const problems: RuleProblem[] = [];
    const sets: RuleSet[] = [];
    for (const h of this.headers()) {
      try {
        sets.push(this.set(h));
      } catch (e) {
        if (e instanceof RulesError) problems.push(...e.problems);
        else throw e;
      }
    }
    if (problems.length) throw new RulesError(problems);
    return sets;
  }

  private sets(): SetTexts[] {
    if (!this.texts.sets) throw new RulesError([{ file: this.texts.dir, path: '', message: 'rules folder cannot be read' }]);
    return this.texts.sets;
  }

  private setTexts(label: string): SetTexts {
    const s = this.sets().find((x) => x.label === label);
    if (!s) throw new RulesError([{ file: label || 'ruleset.json', path: '', message: 'no such rule set' }]);
    return s;
  }
}

export { VERSIONS_DIR };
