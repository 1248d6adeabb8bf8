import type { Database } from '../db/database.js';
import { copyText, type CopyValue } from '../db/copy.js';
import { settleAfterLoad, upsertDistricts, upsertKindergartens, upsertPlaces } from '../db/imports.js';
import { parseInstant } from '../domain/dates.js';
import type { PlaceRecord } from '../input/validate.js';
import { applicationLines, districtLines, kindergartenLines, placeLines, type GenerateOptions } from './generate.js';

export interface LoadCounts {
  districts: number;
  kindergartens: number;
  groups: number;
  seats: number;
  applications: number;
}

const APPLICATION_COLUMNS = [
  'id', 'district_id', 'child_birth_date', 'registered_at', 'registered_at_us', 'channel', 'preferences', 'accept_any',
  'language', 'group_type', 'desired_from', 'stop_list_until', 'rights', 'status',
];
const DETAIL_COLUMNS = ['id', 'child_iin', 'child_name', 'applicant_iin', 'applicant_name', 'applicant_relation', 'raw'];

/**
 * Generates a data set straight into an empty database with COPY (no NDJSON
 * files, no per-line checks: the generator makes valid lines only when
 * badLines is off). For national-scale benchmarks; `kezek import` is the
 * path for real data.
 */
export async function loadGenerated(db: Database, o: GenerateOptions, batch = 50_000): Promise<LoadCounts> {
  const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from applications')) as [{ n: number }];
  if (n > 0) throw new Error('the database already has applications: load generated data into an empty one');
  const options = { ...o, badLines: false };
  const counts: LoadCounts = { districts: 0, kindergartens: 0, groups: 0, seats: 0, applications: 0 };

  await db.transaction(async (tx) => {
    const districts = [...districtLines(options)].map((l) => ({ ...JSON.parse(l), raw: JSON.parse(l) }));
    await upsertDistricts(tx, districts);
    counts.districts = districts.length;
    const kgs = [...kindergartenLines(options)].map((l) => ({ ...JSON.parse(l), raw: JSON.parse(l) }));
    for (let i = 0; i < kgs.length; i += 5000) await upsertKindergartens(tx, kgs.slice(i, i + 5000));
    counts.kindergartens = kgs.length;
    const groups = new Map<string, PlaceRecord>();
    for (const line of placeLines(options)) {
      const p = JSON.parse(line) as PlaceRecord;
      const key = `${p.kindergarten}\u0000${p.group}`;
      const g = groups.get(key);
      if (g) g.seats += p.seats;
      else groups.set(key, { ...p });
      counts.seats += p.seats;
    }
    const list = [...groups.values()];
    for (let i = 0; i < list.length; i += 10_000) await upsertPlaces(tx, list.slice(i, i + 10_000));
    counts.groups = list.length;
  });

  let apps: CopyValue[][] = [];
  let details: CopyValue[][] = [];
  let events: CopyValue[][] = [];
  const flush = async () => {
    if (!apps.length) return;
    const [a, d, e] = [copyText(apps), copyText(details), copyText(events)];
    apps = [];
    details = [];
    events = [];
    await db.transaction(async (tx) => {
      await tx.copyIn('applications', APPLICATION_COLUMNS, a);
      await tx.copyIn('application_details', DETAIL_COLUMNS, d);
      await tx.copyIn('events', ['entity', 'entity_id', 'from_status', 'to_status', 'actor', 'reason'], e);
    });
  };
  for (const line of applicationLines(options)) {
    const x = JSON.parse(line);
    const status = x.status ?? 'queued';
    apps.push([
      x.id, x.district, x.child.birthDate, x.registeredAt, parseInstant(x.registeredAt), x.channel, x.preferences,
      x.acceptAnyInDistrict ?? false, x.language, x.groupType, x.desiredFrom, x.stopListUntil ?? null, JSON.stringify(x.rights ?? []), status,
    ]);
    details.push([x.id, x.child.iin, x.child.name ?? null, x.applicant.iin, x.applicant.name ?? null, x.applicant.relation ?? null, line]);
    events.push(['application', x.id, null, status, 'generator', 'registered']);
    counts.applications++;
    if (apps.length >= batch) await flush();
  }
  await flush();
  await settleAfterLoad(db, true);
  return counts;
}
