import { createHash } from 'node:crypto';
import type { GroupType, Language, Place } from '../domain/types.js';
import { quoteLiteral, type Queryable } from './database.js';

/** SQL of reading one district for a night: its free seats and its queue, as bytes, with their hash. */

/**
 * For the rest of the transaction, every statement reads and writes a
 * district's rows through its indexes. The queue is read through the district
 * index, which gives it in the id order the run needs, and the writes after it
 * find their rows by index too. Where a district's rows are spread over the
 * table (a bulk load stores them a megabyte at a time), the planner would rather
 * sort a bitmap scan's rows, with parallel workers taking the cores the run's own
 * threads use: 20-29 ms against 12 ms for a district of 15,000.
 */
export async function readThroughIndexes(q: Queryable): Promise<void> {
  await q.query(
    `select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
  );
}

/** The columns readDistrict reads, in order (COPY text output, one line per application). */
const QUEUE_COLUMNS = `id, child_birth_date::text, registered_at_us, channel, array_to_string(preferences, E'\\x1f'), accept_any,
  language, group_type, desired_from::text, stop_list_until::text, rights::text`;

/** A district as read: its open groups, its queued applications as COPY text bytes, and the hash of both. */
export interface DistrictRead {
  places: Place[];
  /** readDistrict's columns, one line per queued application, in byte order of ids (parseQueue reads it). */
  queue: Uint8Array;
  /** What the allocation is computed from, as a hash: the places, then the queue bytes. */
  inputHash: string;
}

/**
 * The district's free seats and its queued applications in byte order of
 * ids, so the input (and its hash) never depends on the plan the database
 * chose. Applications are read with COPY … TO and hashed as read; the bytes
 * can go to a worker thread as they are (transferred, not copied).
 */
export async function readDistrictRaw(db: Queryable, district: string): Promise<DistrictRead> {
  const places = (await freePlaces(db, district, true)).filter((p) => p.seats > 0);
  const queue = await db.copyOut(
    `select ${QUEUE_COLUMNS} from applications where district_id = ${quoteLiteral(district)} and status = 'queued' order by id collate "C"`,
  );
  const hash = createHash('sha256');
  for (const p of places) hash.update(`P\t${p.kindergarten}\t${p.group}\t${p.birthYear}\t${p.language}\t${p.groupType}\t${p.seats}\n`);
  return { places, queue, inputHash: hash.update(queue).digest('hex') };
}

/**
 * The district's groups with the seats kezek can offer now: the seats the
 * kindergarten reported minus kezek's live referrals (offered or confirmed) to
 * the group; may be 0 or less when more are live than reported. `lock` holds the
 * places rows until the transaction ends, so an import waits for the district.
 */
export async function freePlaces(db: Queryable, district: string, lock = false): Promise<Place[]> {
  const rows = await db.query<{ kindergarten_id: string; group_id: string; birth_year: number; language: Language; group_type: GroupType; free: number }>(
    `select p.kindergarten_id, p.group_id, p.birth_year, p.language, p.group_type, p.seats - coalesce(l.n, 0) as free
       from places p join kindergartens k on k.id = p.kindergarten_id
            left join (select kindergarten_id, group_id, count(*)::int as n from referrals
                        where district_id = $1 and status in ('offered', 'confirmed') group by kindergarten_id, group_id) l
              on l.kindergarten_id = p.kindergarten_id and l.group_id = p.group_id
      where k.district_id = $1
      order by p.kindergarten_id collate "C", p.group_id collate "C"${lock ? '\n      for share of p' : ''}`,
    [district],
  );
  return rows.map((r) => ({ kindergarten: r.kindergarten_id, group: r.group_id, birthYear: r.birth_year, language: r.language, groupType: r.group_type, seats: r.free }));
}
