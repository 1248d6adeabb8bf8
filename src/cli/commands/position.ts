import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { applicationsOfChild } from '../../db/notices.js';
import { iinProblem } from '../../domain/iin.js';
import { UsageError } from '../../errors.js';
import { positionHistoryText } from '../../i18n/history-text.js';
import { LANGS, type Lang } from '../../i18n/messages.js';
import { childPositionsText, positionText } from '../../i18n/position-text.js';
import { positionHistory } from '../../online/position-history.js';
import { standingOf, type Standing } from '../../online/standing.js';
import { contextOf, print, withContext, type Common } from '../context.js';

interface Args extends Common {
  id?: string | undefined;
  date?: string | undefined;
  lang: Lang;
  history: boolean;
  childIin?: string | undefined;
  json: boolean;
}

/** The JSON of one application's position: the position as computed, with where the family stands and the deadlines' provisional years. */
const positionJson = (st: Standing) => ({ ...st.position, situation: st.situation, provisionalYears: st.provisionalYears });

export const positionCommand: CommandModule<Common, Args> = {
  command: 'position [id]',
  describe: 'the current queue number of an application and who is ahead; --history: the number after every night and why it changed',
  builder: (y) =>
    y
      .positional('id', { type: 'string', describe: 'the application id' })
      .option('date', { type: 'string', describe: 'date (default today in Kazakhstan)' })
      .option('lang', { choices: LANGS, default: 'en' as Lang, describe: 'language: kk (Kazakh), ru (Russian) or en (English)' })
      .option('history', { type: 'boolean', default: false, describe: 'the number after every stored night and, for each change, why' })
      .option('child-iin', { type: 'string', describe: "the child's IIN instead of an application id (office and operator use)" })
      .option('json', { type: 'boolean', default: false, describe: 'print JSON' })
      .example('$0 position APP-000017 --lang ru', 'the number, who is ahead, in Russian')
      .example('$0 position APP-000017 --history', 'why the number moved, night by night')
      .example('$0 position --child-iin 220315600123', "every application of a child, by the child's IIN")
      .check((a) => {
        if (!a.id && !a.childIin) throw new UsageError('name an application id or give --child-iin');
        if (a.id && a.childIin) throw new UsageError('give an application id or --child-iin, not both');
        if (a.history && !a.id) throw new UsageError('--history needs an application id');
        return true;
      }),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const ctx = contextOf(argv);
    const rules = ctx.rules.at(date);
    await withContext(argv, async ({ db, calendar }) => {
      if (argv.childIin !== undefined) {
        const problem = iinProblem(argv.childIin);
        if (problem) throw new UsageError(`--child-iin is not a valid IIN (${problem})`);
        const standings: Standing[] = [];
        for (const id of await applicationsOfChild(db, argv.childIin)) standings.push((await standingOf(db, rules, calendar, id, date, ctx.rules)).standing);
        print(argv.json ? JSON.stringify({ applications: standings.map(positionJson) }) : childPositionsText(standings, argv.lang, rules));
        return;
      }
      const id = argv.id!;
      if (argv.history) {
        const h = await positionHistory(db, id);
        if (argv.json) print(JSON.stringify(h));
        else print(positionHistoryText(h, (await standingOf(db, rules, calendar, id, date, ctx.rules)).standing.district.name, argv.lang, rules));
        return;
      }
      const { standing } = await standingOf(db, rules, calendar, id, date, ctx.rules);
      print(argv.json ? JSON.stringify(positionJson(standing)) : positionText(standing, argv.lang, rules));
    });
  },
};
