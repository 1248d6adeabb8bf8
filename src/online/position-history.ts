import type { Queryable } from '../db/database.js';
import { applicationFacts, cohortNights, districtNights, firstNumberedNight, referralsBetween, refusalsBetween, statusChanges } from '../db/positions.js';
import { findApplication } from '../db/queue.js';
import type { Category } from '../domain/types.js';
import { NotFoundError } from '../errors.js';
import { diffNights, indexNight, joinedWhy, offWhy, type Happenings, type NightCohort, type PositionChange } from './position-diff.js';

/** The application's number after one stored night, and why it changed since the night before. */
export interface PositionNight {
  date: string;
  /** Null on a night that gave it no number (the first of a run of such nights; the rest are left out). */
  queueNumber: number | null;
  category: Category | null;
  changes: PositionChange[];
}

/** `kezek position APP --history` and `GET /v1/applications/{id}/positions`. */
export interface PositionHistory {
  application: string;
  district: string;
  birthYear: number;
  positions: PositionNight[];
}

/**
 * The number after every stored night from the first that numbered the
 * application, and for each change why: worked out from the stored cohorts of
 * the two nights (who was ahead, in which category) and the recorded status
 * changes of the children who moved, never guessed.
 */
export async function positionHistory(db: Queryable, id: string): Promise<PositionHistory> {
  const app = await findApplication(db, id);
  if (!app) throw new NotFoundError('application', id);
  const birthYear = Number(app.birthDate.slice(0, 4));
  const out: PositionHistory = { application: id, district: app.district, birthYear, positions: [] };
  const first = await firstNumberedNight(db, id, app.district, birthYear);
  if (!first) return out;
  const cohorts = new Map((await cohortNights(db, app.district, birthYear, first)).map((c) => [c.runDate, c]));
  const nights: NightCohort[] = (await districtNights(db, app.district, first)).map((date) => {
    const c = cohorts.get(date);
    return { date, ids: c?.ids ?? [], categories: c?.categories ?? '' };
  });

  // The children whose place relative to the application changed between numbered nights (and the application itself).
  const movers = new Set<string>([id]);
  let last: NightCohort | null = null;
  for (const night of nights) {
    const at = night.ids.indexOf(id);
    if (at < 0) continue;
    if (last) {
      const before = new Set(last.ids.slice(0, last.ids.indexOf(id)));
      const now = new Set(night.ids.slice(0, at));
      for (const y of before) if (!now.has(y)) movers.add(y);
      for (const y of now) if (!before.has(y)) movers.add(y);
    }
    last = night;
  }
  const ids = [...movers];
  const lastDate = nights.at(-1)!.date;
  const happenings: Happenings = {
    facts: await applicationFacts(db, ids),
    statusChanges: await statusChanges(db, ids, '0001-01-01', lastDate),
    referrals: await referralsBetween(db, ids, '0001-01-01', lastDate),
    refusals: await refusalsBetween(db, ids, '0001-01-01', lastDate),
  };

  let numbered: NightCohort | null = null;
  let off = false;
  for (const night of nights) {
    const own = indexNight(night).get(id);
    if (!own) {
      if (numbered && !off) out.positions.push({ date: night.date, queueNumber: null, category: null, changes: [{ kind: 'off', why: offWhy(happenings, id, numbered.date, night.date), delta: 0 }] });
      off = true;
      continue;
    }
    const changes: PositionChange[] = [];
    if (!numbered) changes.push({ kind: 'first', delta: 0 });
    else {
      if (off) changes.push({ kind: 'on', why: joinedWhy(happenings, id, previousNight(nights, night.date), night.date), delta: 0 });
      changes.push(...diffNights(id, numbered, night, happenings));
    }
    out.positions.push({ date: night.date, queueNumber: own.at + 1, category: own.category, changes });
    numbered = night;
    off = false;
  }
  return out;
}

function previousNight(nights: readonly NightCohort[], date: string): string {
  const i = nights.findIndex((n) => n.date === date);
  return i > 0 ? nights[i - 1]!.date : date;
}
