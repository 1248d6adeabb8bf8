import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { applicationExists, insertComplaint, listComplaints, markAnswered, readComplaint } from '../../db/complaints.js';
import { KezekError, NotFoundError, UsageError } from '../../errors.js';
import { checkAnswer, COMPLAINT_LEVELS, complaintDueOn, isOverdue, type Complaint, type ComplaintLevel } from '../../lifecycle/complaints.js';
import { contextOf, print, withContext, type Common } from '../context.js';
import { provisionalNote } from '../format.js';
import { provisionalYears } from '../../domain/calendar.js';
import { paintFor } from '../colour.js';
import { needsAttention } from '../outcome.js';
import { table } from '../table.js';
import { actorOf } from './referral.js';

interface Args extends Common {
  action: 'file' | 'answer' | 'list';
  id?: string | undefined;
  date?: string | undefined;
  actor?: string | undefined;
  level?: ComplaintLevel | undefined;
  application?: string | undefined;
  subject?: string | undefined;
  overdue: boolean;
  json: boolean;
}

const stateOf = (c: Complaint, date: string): string => (c.answeredOn ? `answered ${c.answeredOn}` : isOverdue(c, date) ? 'OVERDUE' : 'open');

/** A subject cut to fit a table row (the whole is in --json). */
export const shortText = (s: string, max = 60): string => {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

export const complaintCommand: CommandModule<Common, Args> = {
  command: 'complaint <action> [id]',
  describe: 'complaints: file NUMBER | answer NUMBER | list [--overdue] (due in working days: 5 provider, 15 authority)',
  builder: (y) =>
    y
      .positional('action', { choices: ['file', 'answer', 'list'] as const, demandOption: true })
      .positional('id', { type: 'string', describe: 'the incoming (registration) number' })
      .option('date', { type: 'string', describe: 'filed / answered on, or the day to judge overdue (default today)' })
      .option('actor', { type: 'string', describe: 'operator name (default $KEZEK_ACTOR, else the OS user)' })
      .option('level', { choices: COMPLAINT_LEVELS, describe: 'file: provider (5 working days) or authority (15)' })
      .option('application', { type: 'string', describe: 'file: the application it is about' })
      .option('subject', { type: 'string', describe: 'file: what the complaint is about' })
      .option('overdue', { type: 'boolean', default: false, describe: 'list: only those unanswered after their due day' })
      .option('json', { type: 'boolean', default: false, describe: 'print JSON (list: one complaint per line)' })
      .example('$0 complaint file 01-12/345 --level provider --subject "no answer to the referral" --application APP-000017', 'registered today, due in 5 working days')
      .example('$0 complaint list --overdue', 'unanswered after their due day (exit 3 when there is one: for cron)'),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const rules = contextOf(argv).rules.at(date);
    const calendar = contextOf(argv).calendar;
    const id = argv.id === undefined ? undefined : String(argv.id).trim();
    if (argv.action !== 'list' && !id) throw new UsageError(`complaint ${argv.action} needs the incoming number`);
    if (id && (id.length > 64 || !/^[\p{L}\p{N}\-_/.№ ]+$/u.test(id))) throw new UsageError('the incoming number has letters, digits, - _ / . № only (at most 64)');
    if (argv.action === 'file') {
      if (!argv.level) throw new UsageError('complaint file needs --level provider|authority');
      const subject = String(argv.subject ?? '').trim();
      if (!subject || subject.length > 2000) throw new UsageError('complaint file needs --subject (at most 2000 characters)');
      const actor = actorOf(argv);
      const complaint: Complaint = {
        id: id!,
        application: argv.application === undefined ? null : String(argv.application),
        level: argv.level,
        filedOn: date,
        dueOn: complaintDueOn(date, argv.level, calendar, rules.parameters),
        subject,
        filedBy: actor,
        answeredOn: null,
        answeredBy: null,
      };
      await withContext(argv, async ({ db }) => {
        if (complaint.application && !(await applicationExists(db, complaint.application))) throw new NotFoundError('application', complaint.application);
        if (!(await insertComplaint(db, complaint))) throw new KezekError('INPUT_INVALID', `complaint ${complaint.id} is already registered`);
        const years = provisionalYears(calendar, date, complaint.dueOn);
        if (argv.json) return print(JSON.stringify({ ...complaint, provisionalDue: years.length > 0 }));
        print(`Complaint ${complaint.id} registered on ${date} at the ${complaint.level}; the answer is due by ${complaint.dueOn}.`);
        const note = provisionalNote(years);
        if (note) print(note);
      });
      return;
    }
    if (argv.action === 'answer') {
      const actor = actorOf(argv);
      await withContext(argv, async ({ db }) => {
        await db.transaction(async (tx) => {
          const c = await readComplaint(tx, id!, true);
          if (!c) throw new NotFoundError('complaint', id!);
          checkAnswer(c, date);
          await markAnswered(tx, c.id, date, actor);
          if (argv.json) return print(JSON.stringify({ ...c, answeredOn: date, answeredBy: actor, late: date > c.dueOn }));
          print(`Complaint ${c.id} answered on ${date}${date > c.dueOn ? ` (late: due by ${c.dueOn})` : ''}.`);
        });
      });
      return;
    }
    await withContext(argv, async ({ db }) => {
      const list = await listComplaints(db, argv.overdue ? date : undefined);
      const provisional = (c: Complaint) => provisionalYears(calendar, c.filedOn, c.dueOn);
      if (argv.json) for (const c of list) print(JSON.stringify({ ...c, overdue: isOverdue(c, date), provisionalDue: provisional(c).length > 0 }));
      else if (!list.length) print(argv.overdue ? `No complaint is overdue on ${date}.` : 'No complaints.');
      else {
        const paint = paintFor(process.stdout);
        print(
          table(
            ['number', 'level', 'filed', 'due', 'state', 'application', 'subject'],
            list.map((c) => {
              const state = stateOf(c, date);
              return [c.id, c.level, c.filedOn, `${c.dueOn}${provisional(c).length ? ' (provisional)' : ''}`, state === 'OVERDUE' ? paint.red(state) : state, c.application, shortText(c.subject)];
            }),
          ),
        );
        const years = [...new Set(list.flatMap(provisional))].sort();
        if (years.length) print(provisionalNote(years));
      }
      const overdue = list.filter((c) => isOverdue(c, date)).length;
      if (overdue) needsAttention(argv, `${overdue} complaint${overdue === 1 ? ' is' : 's are'} overdue on ${date}`);
    });
  },
};
