import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { allocateDistrict } from '../allocation/allocate.js';
import { parseQueue } from '../codec/queue.js';
import { inRolledBackTransaction } from '../db/changes.js';
import type { Database } from '../db/database.js';
import { readDistrictRaw } from '../db/district-read.js';
import { allDistricts } from '../db/ledger.js';
import { nightCounts, nightDistricts, nightPlaces, nightQueue, storedNights } from '../db/run-places.js';
import type { Calendar } from '../domain/calendar.js';
import type { Application, Place } from '../domain/types.js';
import { UsageError } from '../errors.js';
import { loadRuleSet } from '../io/rules-folder.js';
import { lapseDistrict } from '../nightly/lapse.js';
import { chooseEngine, RuleEngines } from '../rules/engine.js';
import { addBases, districtImpact, summarize, type DistrictImpact, type ImpactSummary, type Side } from '../rules/impact.js';
import type { RuleLibrary } from '../rules/library.js';
import { LIFECYCLE_PARAMETERS, type RuleSet } from '../rules/ruleset.js';

/**
 * `kezek rules diff` (and, later, a page): both rule sets judge the same
 * queue at one date and allocate it as a night would, nothing stored, and
 * the difference is told in people. On the live queue, each side does step 1
 * (lapses, with its own parameters) in a transaction that is rolled back, as
 * `allocate --dry-run` does, so the preview is exactly what the two nights
 * would give. With `placesOf`, both sides replay a stored night instead: the
 * places and the queue that night read, rebuilt from the referrals, the
 * events and the ledger.
 */
export interface RulesDiff {
  date: string;
  /** The stored night whose places and queue were replayed, or null for the live queue. */
  placesOf: string | null;
  from: { version: string; hash: string };
  to: { version: string; hash: string };
  districts: DistrictImpact[];
  total: ImpactSummary;
  /** Dates of the stored nights (what --places-of can take). */
  storedNights: string[];
  /** Where a replayed night's rebuilt input differs from what its ledger says it read. */
  notes: ReplayNote[];
}

export interface ReplayNote {
  district: string;
  night: string;
  /** `seats`: free seats offered; `queue`: queued applications judged. */
  what: 'seats' | 'queue';
  ledger: number;
  rebuilt: number;
}

export interface DiffOptions {
  date: string;
  /** Only these districts (all when empty). */
  districts?: readonly string[];
  /** Replay the places and queue of the night of this date. */
  placesOf?: string | null;
  calendar: Calendar;
}

/**
 * A `--from`/`--to` value: a rule set folder (its own set, whatever its
 * effectiveFrom, so a scheduled set can be previewed before its date) or the
 * version name of a set in the --rules folder. Absent: the set in force at the date.
 */
export function resolveRuleSetArg(library: RuleLibrary, arg: string | undefined, date: string): RuleSet {
  if (arg === undefined) return library.at(date);
  const asPath = isAbsolute(arg) ? arg : resolve(arg);
  if (existsSync(asPath) && statSync(asPath).isDirectory()) return loadRuleSet(asPath);
  const set = library.byVersion(arg);
  if (!set) throw new UsageError(`${arg} is neither a rules folder nor a version in ${library.dir}`);
  return set;
}

interface Read {
  places: Place[];
  applications: Application[];
}

export async function diffRuleSets(db: Database, from: RuleSet, to: RuleSet, options: DiffOptions): Promise<RulesDiff> {
  const { date, calendar } = options;
  const placesOf = options.placesOf ?? null;
  const only = options.districts ?? [];
  const nights = await storedNights(db);
  const known = placesOf ? await nightDistricts(db, placesOf) : await allDistricts(db);
  if (placesOf && !known.length) throw new UsageError(`no night is stored for ${placesOf}${nights.length ? ` (stored nights: ${nights.join(', ')})` : ''}`);
  const unknown = only.filter((d) => !known.includes(d));
  if (unknown.length) throw new UsageError(placesOf ? `the night of ${placesOf} did not allocate: ${unknown.join(', ')}` : `unknown district: ${unknown.join(', ')}`);
  const districts = only.length ? known.filter((d) => only.includes(d)) : known;

  const engines = new RuleEngines();
  const judge = (rules: RuleSet, read: Read) => engines.judgeAll(rules, chooseEngine(rules, 'compiled').engine, read.applications, date);
  const side = async (rules: RuleSet, district: string, read: Read): Promise<Side> => {
    const evaluations = await judge(rules, read);
    const outcome = allocateDistrict({ district, places: read.places, applications: read.applications, evaluations }, { date, quota: rules.parameters.primaryQuota });
    return { places: read.places, applications: read.applications, evaluations, outcome };
  };
  // Step 1 depends only on the lifecycle parameters: one read serves both sides when they agree.
  const sameLapses = LIFECYCLE_PARAMETERS.every((k) => from.parameters[k] === to.parameters[k]);

  const impacts: DistrictImpact[] = [];
  const notes: ReplayNote[] = [];
  for (const district of districts) {
    let before: Read;
    let after: Read;
    if (placesOf) {
      before = after = { places: await nightPlaces(db, district, placesOf), applications: await nightQueue(db, district, placesOf) };
      const ledger = await nightCounts(db, placesOf, district);
      if (ledger) {
        const seats = before.places.reduce((n, p) => n + p.seats, 0);
        if (seats !== ledger.seatsOffered) notes.push({ district, night: placesOf, what: 'seats', ledger: ledger.seatsOffered, rebuilt: seats });
        if (before.applications.length !== ledger.queued) notes.push({ district, night: placesOf, what: 'queue', ledger: ledger.queued, rebuilt: before.applications.length });
      }
    } else {
      before = await liveRead(db, district, date, calendar, from);
      after = sameLapses ? before : await liveRead(db, district, date, calendar, to);
    }
    impacts.push(districtImpact(district, await side(from, district, before), await side(to, district, after)));
  }
  return {
    date,
    placesOf,
    from: { version: from.version, hash: from.hash },
    to: { version: to.version, hash: to.hash },
    districts: impacts,
    total: summarize(addBases(impacts.map((d) => d.base)), impacts.flatMap((d) => d.people)),
    storedNights: nights,
    notes,
  };
}

/** The district as a night at `date` with these rules would read it: after step 1, in a transaction rolled back. */
function liveRead(db: Database, district: string, date: string, calendar: Calendar, rules: RuleSet): Promise<Read> {
  return inRolledBackTransaction(db, async (tx) => {
    await lapseDistrict(tx, district, date, calendar, rules.parameters, 'rules-diff');
    const read = await readDistrictRaw(tx, district);
    return { places: read.places, applications: parseQueue(read.queue, district) };
  });
}
