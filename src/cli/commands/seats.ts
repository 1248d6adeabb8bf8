import type { CommandModule } from 'yargs';
import { kindergartenExists, loweredWithoutReason, seatHistory, type SeatEvent } from '../../db/seats.js';
import { NotFoundError } from '../../errors.js';
import { print, withContext, type Common } from '../context.js';

interface Args extends Common {
  kindergarten: string;
  group?: string | undefined;
  json: boolean;
}

const CAUSE: Record<SeatEvent['cause'], string> = {
  report: 'reported by the kindergarten',
  referrals: 'taken by referrals',
  returned: 'given back',
  enrolment: 'filled by an enrolment',
};

const span = (a: number | null, b: number) => (a === null ? `${b}` : `${a} → ${b}`);

const history: CommandModule<Common, Args> = {
  command: 'history <kindergarten>',
  describe: "every change of a kindergarten's seats: reports, referrals, seats given back, enrolments; who, when, why, before and after",
  builder: (y) =>
    y
      .positional('kindergarten', { type: 'string', demandOption: true })
      .option('group', { type: 'string', describe: 'only this group' })
      .option('json', { type: 'boolean', default: false, describe: 'print NDJSON' })
      .example('$0 seats history KG-ALA-0001 --group G2022-kk-1', 'how one group\'s seats changed, and why'),
  handler: async (argv) => {
    await withContext(argv, async ({ db }) => {
      const kg = String(argv.kindergarten);
      if (!(await kindergartenExists(db, kg))) throw new NotFoundError('kindergarten', kg);
      const events = await seatHistory(db, kg, argv.group === undefined ? undefined : String(argv.group));
      if (argv.json) return events.forEach((e) => print(JSON.stringify({ ...e, loweredWithoutReason: loweredWithoutReason(e) })));
      if (!events.length) return print(`No change of seats recorded for ${kg}${argv.group ? ` group ${argv.group}` : ''}.`);
      for (const e of events) {
        const flag = loweredWithoutReason(e) ? '  ! lowered without a reason' : '';
        print(
          `${e.effectiveOn ?? e.at.slice(0, 10)}  ${e.group}  ${CAUSE[e.cause]}: reported ${span(e.reportedBefore, e.reportedAfter)}, free ${span(e.freeBefore, e.freeAfter)}  by ${e.actor}${e.reason ? `: ${e.reason}` : ''}${flag}`,
        );
      }
    });
  },
};

export const seatsCommand: CommandModule<Common, Common> = {
  command: 'seats <command>',
  describe: "the seats of kindergartens: history",
  builder: (y) => y.command([history] as unknown as CommandModule<Common, Common>[]).demandCommand(1, 'name a seats command: history'),
  handler: () => {},
};
