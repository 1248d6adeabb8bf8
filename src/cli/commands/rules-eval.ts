import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { checkDate } from '../../config.js';
import type { Application } from '../../domain/types.js';
import { InputError } from '../../errors.js';
import { LANGS, t, type Lang } from '../../i18n/messages.js';
import { lineProblem } from '../../intake/line-guard.js';
import { checkApplication } from '../../intake/lines.js';
import { readTextBounded } from '../../io/read-bounded.js';
import { MAX_APPLICATION_BYTES } from '../../online/register.js';
import { jsonErrorWithPlace } from '../../rules/guard.js';
import { traceEvaluation } from '../../rules/rule-trace.js';
import type { RuleSet } from '../../rules/ruleset.js';
import { contextOf, print, type Common } from '../context.js';
import { formatTrace, formatVerdict, RuleWords } from '../rules-report.js';

interface Args extends Common {
  file: string;
  date: string;
  trace?: boolean | undefined;
  json?: boolean | undefined;
  lang: Lang;
}

/**
 * `kezek rules eval APPLICATION.json --date D`: what the rules in force at D
 * decide for a sample application, and with --trace each comparison (like
 * `opa eval --explain`). No database is opened and nothing is stored.
 */
export const rulesEvalCommand: CommandModule<Common, Args> = {
  command: 'eval <file>',
  describe: 'judge a sample application (formats.md JSON) with the rules in force at a date, storing nothing: eligibility, reasons, category, rights',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'an application as JSON (formats.md); its district and kindergarten ids need not exist' })
      .option('date', { type: 'string', demandOption: true, describe: 'the date to judge at, YYYY-MM-DD (ages and proofs at that date; the rule set in force then)' })
      .option('trace', { type: 'boolean', describe: 'show every rule and each comparison as evaluated' })
      .option('json', { type: 'boolean', describe: 'print the verdict (and the trace) as JSON' })
      .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'language: kk, ru or en' })
      .example('$0 rules eval sample.json --date 2026-09-01 --trace', 'the verdict with each comparison shown')
      .example('$0 rules eval sample.json --date 2027-01-01 --rules drafts/rules --json', 'a draft rules folder, for machines'),
  handler: async (argv) => {
    const date = checkDate(argv.date, '--date');
    const rules = contextOf(argv).rules.at(date);
    const file = resolve(argv.file);
    const app = sampleApplication(readTextBounded(file, MAX_APPLICATION_BYTES), file, rules, date);
    const trace = await traceEvaluation(rules, app, date);
    const e = trace.evaluation;
    const waitingFrom = e.eligible && app.desiredFrom > date ? app.desiredFrom : null;
    const stopListUntil = e.eligible && app.stopListUntil !== null && app.stopListUntil >= date ? app.stopListUntil : null;
    if (argv.json) {
      print(
        JSON.stringify({
          application: app.id,
          date,
          rules: { version: rules.version, hash: rules.hash },
          ...e,
          expiredRights: trace.facts.expiredRights,
          candidate: e.eligible && app.status === 'queued' && !waitingFrom && !stopListUntil,
          waitingFrom,
          stopListUntil,
          ...(argv.trace ? { trace: trace.rules } : {}),
        }),
      );
      return;
    }
    const words = new RuleWords(rules, argv.lang);
    const lines = [t(argv.lang, 'rules.eval.title', { application: app.id, date, version: rules.version }), ...formatVerdict(words, e, trace.facts.expiredRights)];
    if (waitingFrom) lines.push(t(argv.lang, 'rules.eval.waiting', { date: waitingFrom }));
    if (stopListUntil) lines.push(t(argv.lang, 'rules.eval.stopList', { date: stopListUntil }));
    if (argv.trace) lines.push('', t(argv.lang, 'rules.trace.header'), ...formatTrace(words, trace));
    print(lines.join('\n'));
  },
};

/**
 * A sample application checked as an imported line would be (formats.md),
 * except that its district and kindergartens need not exist: nothing is
 * looked up. A right the vocabulary does not declare is refused, as at import.
 * Without `registeredAt` it counts as registered at the start of the date.
 */
export function sampleApplication(text: string, source: string, rules: RuleSet, date: string): Application {
  let given: unknown;
  try {
    given = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not valid JSON: ${jsonErrorWithPlace(text, (e as Error).message)}`, { file: source });
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new InputError('not_object: an application is a JSON object', { file: source });
  const problem = lineProblem(given);
  if (problem) throw new InputError(`${problem.reason}: ${problem.message}`, { file: source, ...(problem.field ? { field: problem.field } : {}) });
  const value = { ...(given as Record<string, unknown>) };
  if (value.registeredAt === undefined) value.registeredAt = `${date}T00:00:00+05:00`;
  const district = typeof value.district === 'string' ? value.district : '';
  const preferences = Array.isArray(value.preferences) ? value.preferences.filter((p): p is string => typeof p === 'string') : [];
  const checked = checkApplication(value, {
    districts: new Set([district]),
    kindergartens: new Map(preferences.map((p) => [p, district])),
    maxPreferences: rules.parameters.maxPreferences,
    knownRights: rules.knownRights,
  });
  if (!checked.ok) throw new InputError(`${checked.reject.reason}: ${checked.reject.message}`, { file: source, ...(checked.reject.field ? { field: checked.reject.field } : {}) });
  const { id, district: d, birthDate, registeredAtUs, channel, preferences: prefs, acceptAnyInDistrict, language, groupType, desiredFrom, stopListUntil, rights, status } = checked.value;
  return { id, district: d, birthDate, registeredAtUs, channel, preferences: prefs, acceptAnyInDistrict, language, groupType, desiredFrom, stopListUntil, rights, status };
}
