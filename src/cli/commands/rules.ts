import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { calendarFromTexts } from '../../io/calendar.js';
import { ruleLibrary } from '../../io/rules-folder.js';
import { todayInKazakhstan } from '../../config.js';
import { missingNextYear } from '../../domain/calendar.js';
import { KezekError, RulesError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CheckedSet, RuleLibrary } from '../../rules/library.js';
import { referenceEvaluator } from '../../rules/reference-engine.js';
import { runRuleTests } from '../../rules/rule-tests.js';
import { ruleSchemas, schemaFileOf } from '../../rules/schema.js';
import { formatFacts, formatProblems, formatTestTable, formatValidSets } from '../rules-report.js';
import { contextOf, print, type Common } from '../context.js';
import { rulesDiffCommand } from './rules-diff.js';

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
  builder: withDir,
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

const test: CommandModule<Common, DirArgs> = {
  command: 'test [dir]',
  describe: 'run the rule tests (tests/*.json) of every rule set; exit 1 when one fails, 2 when rules or tests are invalid',
  builder: withDir,
  handler: async (argv) => {
    const sets = reportProblems(() => libraryOf(argv).check());
    let failed = 0;
    let total = 0;
    for (const { header, rules, tests } of sets) {
      if (!tests.length) continue;
      const results = await runRuleTests(referenceEvaluator(rules), tests);
      print(formatTestTable(`${rules.version}${header.label ? ` (${header.label})` : ''}`, results));
      failed += results.filter((r) => !r.passed).length;
      total += results.length;
    }
    if (failed) throw new KezekError('RUN_FAILED', `${failed} of ${total} rule tests failed`);
  },
};

const facts: CommandModule<Common, Common> = {
  command: 'facts',
  describe: 'print the facts rules may use, with types and examples, and the operators',
  handler: () => print(formatFacts()),
};

const schema: CommandModule<Common, DirArgs> = {
  command: 'schema [dir]',
  describe: 'write the JSON Schemas of the rule files into DIR/schema/ (for editors)',
  builder: withDir,
  handler: (argv) => {
    const out = join(libraryOf(argv).dir, 'schema');
    mkdirSync(out, { recursive: true });
    for (const [file, s] of Object.entries(ruleSchemas())) writeFileSync(join(out, schemaFileOf(file === 'tests' ? 'tests.json' : file)), JSON.stringify(s, null, 2) + '\n');
    print(`Wrote the rule file schemas to ${out}`);
  },
};

export const rulesCommand: CommandModule<Common, Common> = {
  command: 'rules <command>',
  describe: 'policy rules: validate, test, facts, schema, diff',
  builder: (y) =>
    y
      .command([validate, test, facts, schema, rulesDiffCommand] as unknown as CommandModule<Common, Common>[])
      .demandCommand(1, 'name a rules command: validate, test, facts, schema or diff'),
  handler: () => {},
};
