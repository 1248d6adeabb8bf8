import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { dueList, dueRows, RESTORE_WARNING_DAYS, type DueList } from '../../online/due.js';
import { paintFor } from '../colour.js';
import { contextOf, print, withContext, type Common } from '../context.js';
import { csvOf } from '../csv.js';
import { needsAttention } from '../outcome.js';
import { table } from '../table.js';
import { shortText } from './complaint.js';

interface Args extends Common {
  date?: string | undefined;
  district?: string[] | undefined;
  json: boolean;
  format: 'text' | 'json' | 'csv';
}

export const dueCommand: CommandModule<Common, Args> = {
  command: 'due',
  describe: "what needs a person: offers expiring today and the next working day, rights to prove, enrolment deadlines, restore windows closing within 7 days, complaints due or overdue (exit 3 when a complaint is overdue)",
  builder: (y) =>
    y
      .option('date', { type: 'string', describe: 'the day (default today in Kazakhstan)' })
      .option('district', { type: 'string', array: true, describe: 'only these districts' })
      .option('json', { type: 'boolean', default: false, describe: 'print JSON (as GET /v1/due): {"date", "until", "offers", "rights", "enrolments", "restores", "complaints"}' })
      .option('format', { choices: ['text', 'json', 'csv'] as const, default: 'text' as const, describe: 'csv: one row per item, UTF-8 with BOM for spreadsheets' })
      .example('$0 due', "today's list, every district")
      .example('$0 due --date 2026-09-04 --district ALA-MED --format csv > due.csv', 'for a spreadsheet'),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const params = contextOf(argv).rules.at(date).parameters;
    const calendar = contextOf(argv).calendar;
    await withContext(argv, async ({ db }) => {
      const due = await dueList(db, { date, districts: (argv.district ?? []).map(String), calendar, params });
      const format = argv.json ? 'json' : argv.format;
      if (format === 'json') print(JSON.stringify(due, null, 2));
      else if (format === 'csv') process.stdout.write(csvOf(['kind', 'deadline', 'overdue', 'district', 'application', 'referral', 'complaint', 'detail'], dueRows(due) as unknown as Record<string, unknown>[]));
      else print(formatDue(due));
      const overdue = due.complaints.filter((c) => c.overdue).length;
      if (overdue) needsAttention(argv, `${overdue} complaint${overdue === 1 ? ' is' : 's are'} overdue on ${date}`);
    });
  },
};

export function formatDue(d: DueList): string {
  const paint = paintFor(process.stdout);
  const when = (day: string) => (day === d.date ? 'today' : day === d.until ? 'next working day' : day);
  const section = (title: string, n: number, body: () => string) => [paint.bold(`${title} (${n})`), n ? body() : '  none', ''];
  return [
    `Due on ${d.date} and ${d.until} (the next working day), ${d.districts ? `districts ${d.districts.join(', ')}` : 'all districts'}`,
    '',
    ...section('Offers to be answered (the parent confirms or declines)', d.offers.length, () =>
      table(['confirm by', 'referral', 'application', 'district', 'kindergarten', 'group', 'category'], d.offers.map((o) => [when(o.confirmBy), o.referral, o.application, o.district, o.kindergarten, o.group, o.category])),
    ),
    ...section('Priority rights to prove in person', d.rights.length, () =>
      table(['prove by', 'referral', 'application', 'district', 'category', 'referral status'], d.rights.map((r) => [when(r.proveBy), r.referral, r.application, r.district, r.category, r.status])),
    ),
    ...section('Enrolments due (documents and contract)', d.enrolments.length, () =>
      table(['enrol by', 'referral', 'application', 'district', 'kindergarten', 'group', 'extended'], d.enrolments.map((e) => [when(e.enrollBy), e.referral, e.application, e.district, e.kindergarten, e.group, e.extended ? 'yes, once' : 'no'])),
    ),
    ...section(`Inactive applications whose restore window closes within ${RESTORE_WARNING_DAYS} days`, d.restores.length, () =>
      table(['restore by', 'application', 'district', 'inactive since'], d.restores.map((r) => [when(r.restoreBy), r.application, r.district, r.inactiveSince])),
    ),
    ...section('Complaints due or overdue', d.complaints.length, () =>
      table(
        ['due', 'number', 'level', 'filed', 'application', 'subject'],
        d.complaints.map((c) => [c.overdue ? paint.red(`OVERDUE (${c.dueOn})`) : when(c.dueOn), c.complaint, c.level, c.filedOn, c.application, shortText(c.subject)]),
      ),
    ),
  ]
    .join('\n')
    .trimEnd();
}
