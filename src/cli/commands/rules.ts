import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { calendarFromTexts } from '../../io/calendar.js';
import { ruleLibrary } from '../../io/rules-folder.js';
import { todayInKazakhstan } from '../../config.js';
import { missingNextYear } from '../../domain/calendar.js';
import { KezekError, RulesError } from '../../errors.js';
import { LANGS, t, type Lang } from '../../i18n/messages.js';
import type { CheckedSet, RuleLibrary } from '../../rules/library.js';
import { coverageOf, type Coverage } from '../../rules/coverage.js';
import { runTracedRuleTests, TESTS_DIR, type TracedTestResult } from '../../rules/rule-tests.js';
import { ruleSchemas, schemaFileOf } from '../../rules/schema.js';
import { formatCoverage, formatFacts, formatProblems, formatTestTable, formatValidSets, RuleWords } from '../rules-report.js';
import { contextOf, print, type Common } from '../context.js';
import { rulesDiffCommand } from './rules-diff.js';
import { rulesEvalCommand } from './rules-eval.js';

interface DirArgs extends Common {
  dir?: string | undefined;
}

/** The rules folder a rules command looks at: DIR, else --rules, else the shipped one. */
const libraryOf = (argv: DirArgs): RuleLibrary => (argv.dir === undefined ? contextOf(argv).rules : ruleLibrary(resolve(argv.dir)));
const withDir = <T>(y: Argv<T>) => y.positional('dir', { type: 'string', describe: 'rules folder (default --rules, or the shipped rules/)' });

/** Prints every problem (stdout), then fails with exit code 2. */
function reportProblems<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RulesError) print(formatProblems(e.problems));
    throw e;
  }
}

const validate: CommandModule<Common, DirArgs> = {
  command: 'validate [dir]',
  describe: 'check every rule set, rule test file and calendar file of a rules folder; lists every problem with file and JSON path (exit 2)',
  builder: (y) => withDir(y).example('$0 rules validate rules/', 'every problem of the rules folder at once, with file and JSON path'),
  handler: (argv) => {
    const library = libraryOf(argv);
    const { calendar, problems: calendarProblems } = calendarFromTexts(library.texts.calendar);
    const sets = reportProblems(() => {
      // Every problem at once: the rule sets' and the calendar files'.
      let checked: CheckedSet[];
      try {
        checked = library.check();
      } catch (e) {
        throw e instanceof RulesError ? new RulesError([...e.problems, ...calendarProblems]) : e;
      }
      if (calendarProblems.length) throw new RulesError(calendarProblems);
      return checked;
    });
    print(formatValidSets(library.dir, sets.map((s) => s.rules), sets.reduce((n, s) => n + s.tests.length, 0)));
    const missing = missingNextYear(calendar, todayInKazakhstan());
    if (missing) print(t('en', 'calendar.missingNextYear', { year: missing }));
  },
};

interface TestArgs extends DirArgs {
  lang: Lang;
  json?: boolean | undefined;
}

/** What `kezek rules test` found in one rule set. */
interface SetReport {
  version: string;
  /** '' for the folder itself, `versions/<name>/` otherwise. */
  label: string;
  results: TracedTestResult[];
  coverage: Coverage | null;
}

const test: CommandModule<Common, TestArgs> = {
  command: 'test [dir]',
  describe:
    'run the rule tests (tests/*.json) of every rule set and report coverage; exit 1 when a test fails or a set has none, 2 when rules or tests are invalid, 3 when a rule or comparison is not covered',
  builder: (y) =>
    withDir(y)
      .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'language of the report: kk, ru or en' })
      .option('json', { type: 'boolean', describe: 'print the results, the traces of failures and the coverage as JSON' })
      .example('$0 rules test', 'run the tests of the shipped rules')
      .example('$0 rules test rules/ --lang ru', 'a rules folder being edited, reported in Russian'),
  handler: async (argv) => {
    const { lang } = argv;
    const sets = reportProblems(() => libraryOf(argv).check());
    const reports: SetReport[] = [];
    for (const { header, rules, tests } of sets) {
      const version = `${rules.version}${header.label ? ` (${header.label})` : ''}`;
      const results = await runTracedRuleTests(rules, tests);
      const coverage = tests.length ? coverageOf(rules, results.map((r) => r.trace)) : null;
      reports.push({ version: rules.version, label: header.label, results, coverage });
      if (argv.json) continue;
      if (!tests.length) {
        print(t(lang, 'rules.test.noTests', { version, folder: `${header.label}${TESTS_DIR}/*.json` }));
        continue;
      }
      print(formatTestTable(new RuleWords(rules, lang), version, results));
      print(formatCoverage(lang, version, coverage!));
    }
    if (argv.json) print(JSON.stringify({ sets: reports.map(testReportJson) }));
    const failed = reports.reduce((n, r) => n + r.results.filter((x) => !x.passed).length, 0);
    const total = reports.reduce((n, r) => n + r.results.length, 0);
    const untested = reports.filter((r) => !r.results.length).map((r) => `${r.version}${r.label ? ` (${r.label})` : ''}`);
    const problems = [
      ...(failed ? [t(lang, 'rules.test.failedError', { failed, total })] : []),
      ...(untested.length ? [t(lang, 'rules.test.noTestsError', { count: untested.length, versions: untested.join(', ') })] : []),
    ];
    if (problems.length) throw new KezekError('RUN_FAILED', problems.join('; '), { failed, untested });
    const gaps = reports.reduce((n, r) => n + (r.coverage?.gaps.length ?? 0), 0);
    if (gaps) throw new KezekError('NEEDS_ATTENTION', t(lang, 'rules.test.uncoveredError', { count: gaps }), { gaps });
  },
};

/** A set's report for machines: no traces of passing tests (they are long and say nothing). */
function testReportJson(r: SetReport) {
  return {
    version: r.version,
    label: r.label,
    tests: r.results.map((x) => ({
      file: x.case.file,
      name: x.case.name,
      date: x.case.date,
      passed: x.passed,
      expected: x.case.expect,
      actual: x.actual,
      mismatches: x.mismatches,
      ...(x.passed ? {} : { disagreeing: x.trace.rules.filter((rule) => x.disagreeing.includes(rule.name)) }),
    })),
    coverage: r.coverage,
  };
}

const facts: CommandModule<Common, Common> = {
  command: 'facts',
  describe: 'print the facts rules may use, with types and examples, and the operators',
  builder: (y) => y.example('$0 rules facts', 'what a rule may compare, and how'),
  handler: () => print(formatFacts()),
};

const schema: CommandModule<Common, DirArgs> = {
  command: 'schema [dir]',
  describe: 'write the JSON Schemas of the rule files into DIR/schema/ (for editors)',
  builder: (y) => withDir(y).example('$0 rules schema rules/', 'rewrite rules/schema/*.schema.json'),
  handler: (argv) => {
    const out = join(libraryOf(argv).dir, 'schema');
    mkdirSync(out, { recursive: true });
    for (const [file, s] of Object.entries(ruleSchemas())) writeFileSync(join(out, schemaFileOf(file === 'tests' ? 'tests.json' : file)), JSON.stringify(s, null, 2) + '\n');
    print(`Wrote the rule file schemas to ${out}`);
  },
};

export const rulesCommand: CommandModule<Common, Common> = {
  command: 'rules <command>',
  describe: 'policy rules: validate, test, eval, facts, schema, diff',
  builder: (y) =>
    y
      .command([validate, test, rulesEvalCommand, facts, schema, rulesDiffCommand] as unknown as CommandModule<Common, Common>[])
      .demandCommand(1, 'name a rules command: validate, test, eval, facts, schema or diff'),
  handler: () => {},
};
