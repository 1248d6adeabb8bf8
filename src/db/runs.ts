import type { DistrictCounts, QueueEntry, Refusal } from '../allocation/allocate.js';
import type { Application, Category, GroupType, Language, Place } from '../domain/types.js';
import type { ReferralRow } from '../run/referrals.js';
import { compareIds } from '../domain/ids.js';
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { copyText, forEachCopyRow, type CopyValue } from './copy.js';
import { quoteLiteral, type Queryable } from './database.js';

/** SQL of a nightly run: the run record, the district ledger, reading a district and storing its outcome. */

export interface RunRecord {
  id: string;
  date: string;
  rulesVersion: string;
  rulesHash: string;
  engine: string;
  options: Record<string, unknown>;
}

export async function createRun(db: Queryable, run: RunRecord): Promise<void> {
  await db.query(
    `insert into runs (id, run_date, rules_version, rules_hash, engine, options) values ($1, $2, $3, $4, $5, $6)`,
    [run.id, run.date, run.rulesVersion, run.rulesHash, run.engine, JSON.stringify(run.options)],
  );
}

export async function finishRun(db: Queryable, id: string, status: 'done' | 'failed'): Promise<void> {
  await db.query(`update runs set status = $2, finished_at = now() where id = $1`, [id, status]);
}

/** All district ids, in byte order. */
export async function allDistricts(db: Queryable): Promise<string[]> {
  return (await db.query<{ id: string }>(`select id from districts order by id collate "C"`)).map((r) => r.id);
}

export interface LedgerEntry {
  district: string;
  runId: string;
  inputHash: string;
  counts: DistrictCounts;
}

/** jsonb does not keep key order; rebuild counts in the order the run writes them. */
function canonicalCounts(c: DistrictCounts): DistrictCounts {
  const ranks = Object.keys(c.referralsByPreferenceRank).sort((a, b) => Number(a) - Number(b));
  return {
    queued: c.queued,
    refused: c.refused,
    notCandidates: c.notCandidates,
    candidates: c.candidates,
    referrals: c.referrals,
    referralsByCategory: {
      extraordinary: c.referralsByCategory.extraordinary,
      primary: c.referralsByCategory.primary,
      general: c.referralsByCategory.general,
    },
    referralsByPreferenceRank: Object.fromEntries(ranks.map((k) => [k, c.referralsByPreferenceRank[k]!])),
    queueLeft: c.queueLeft,
    seatsOffered: c.seatsOffered,
    seatsLeft: c.seatsLeft,
  };
}

export async function ledgerEntry(db: Queryable, date: string, district: string): Promise<LedgerEntry | null> {
  const rows = await db.query<{ run_id: string; input_hash: string; counts: DistrictCounts }>(
    `select run_id, input_hash, counts from run_districts where run_date = $1 and district_id = $2`,
    [date, district],
  );
  const r = rows[0];
  return r ? { district, runId: r.run_id, inputHash: r.input_hash, counts: canonicalCounts(r.counts) } : null;
}

/**
 * Claims the run slot for a date, on the session the run holds for its whole
 * duration. Runs exclude each other across dates: while any process runs a
 * date, a run of another date is refused (`{ inProgress: thatDate }`). Of the
 * same date, one process runs it, or several that share it (`--share`);
 * otherwise the second is refused too. A process that dies leaves nothing
 * held: the locks are its session's.
 */
export async function claimRun(session: Queryable, date: string, shared: boolean): Promise<{ ok: true } | { ok: false; inProgress: string }> {
  // 1803: a moment's mutex so two claims never interleave; 1804: held (shared) by every
  // live run, whatever its date; 1802: the date's own lock, shared by --share processes.
  await session.query(`select pg_advisory_lock(1803, hashtext(current_schema()))`);
  try {
    const [claim] = await session.query<{ run_date: string }>(`select run_date::text as run_date from run_claim`);
    if (claim && claim.run_date !== date) {
      const [free] = await session.query<{ free: boolean }>(`select pg_try_advisory_lock(1804, hashtext(current_schema())) as free`);
      if (!free?.free) return { ok: false, inProgress: claim.run_date };
      // No run lives: the claim was left by one that died. Let go of the probe.
      await session.query(`select pg_advisory_unlock(1804, hashtext(current_schema()))`);
    }
    const fn = shared ? 'pg_try_advisory_lock_shared' : 'pg_try_advisory_lock';
    const [own] = await session.query<{ locked: boolean }>(`select ${fn}(1802, hashtext(current_schema() || '/' || $1)) as locked`, [date]);
    if (!own?.locked) return { ok: false, inProgress: date };
    await session.query(`select pg_advisory_lock_shared(1804, hashtext(current_schema()))`);
    await session.query(
      `insert into run_claim (id, run_date) values (1, $1) on conflict (id) do update set run_date = excluded.run_date, claimed_at = now()`,
      [date],
    );
    return { ok: true };
  } finally {
    await session.query(`select pg_advisory_unlock(1803, hashtext(current_schema()))`);
  }
}

export async function releaseRun(session: Queryable, date: string, shared: boolean): Promise<void> {
  const fn = shared ? 'pg_advisory_unlock_shared' : 'pg_advisory_unlock';
  await session.query(`select ${fn}(1802, hashtext(current_schema() || '/' || $1)), pg_advisory_unlock_shared(1804, hashtext(current_schema()))`, [date]);
}

/**
 * Takes the (date, district) lock for this transaction, or returns false at
 * once when another process holds it.
 */
export async function tryLockDistrict(tx: Queryable, date: string, district: string): Promise<boolean> {
  const rows = await tx.query<{ locked: boolean }>(
    // The schema is part of the key: kezek instances in other schemas of one server never block each other.
    `select pg_try_advisory_xact_lock(1801, hashtext(current_schema() || '/' || $1 || '/' || $2)) as locked`,
    [date, district],
  );
  return rows[0]?.locked === true;
}

/** Preferences travel as one string joined by U+001F (ids never hold control characters: import rejects them). */
const UNIT_SEPARATOR = '\u001f';

export interface DistrictData {
  places: Place[];
  applications: Application[];
  /** What the allocation is computed from, as a hash: the places, then the queued applications as read. */
  inputHash: string;
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

/** The queued applications of readDistrictRaw's bytes, checked to be in byte order of ids. Pure. */
export function parseQueue(queue: Uint8Array, district: string): Application[] {
  const applications: Application[] = [];
  const bytes = Buffer.from(queue.buffer, queue.byteOffset, queue.byteLength);
  // Almost always plain ASCII (ids, dates, codes): then read byte for byte, the same text
  // as UTF-8 decoding gives, several times faster.
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  // Rights come as JSON text and are parsed only when there are any; most children have none.
  forEachCopyRow(text, 11, (f) => {
    const rights = f[10]!;
    applications.push({
      id: f[0]!,
      district,
      birthDate: f[1]!,
      registeredAtUs: Number(f[2]),
      channel: f[3] as Application['channel'],
      preferences: f[4]!.split(UNIT_SEPARATOR),
      acceptAnyInDistrict: f[5] === 't',
      language: f[6] as Language,
      groupType: f[7] as GroupType,
      desiredFrom: f[8]!,
      stopListUntil: f[9] ?? null,
      rights: rights === '[]' ? [] : (JSON.parse(rights) as Application['rights']),
      status: 'queued',
    });
  });
  // The database's "C" order is byte order of UTF-8, as compareIds; checked, not assumed.
  for (let i = 1; i < applications.length; i++) {
    if (compareIds(applications[i - 1]!.id, applications[i]!.id) >= 0) throw new Error(`district ${district}: applications not read in id order`);
  }
  return applications;
}

/** readDistrictRaw, parsed. */
export async function readDistrict(db: Queryable, district: string): Promise<DistrictData> {
  const read = await readDistrictRaw(db, district);
  return { places: read.places, applications: parseQueue(read.queue, district), inputHash: read.inputHash };
}

export interface StoreDistrict {
  runId: string;
  date: string;
  district: string;
  inputHash: string;
  counts: DistrictCounts;
  referrals: ReferralRow[];
  /** queue_cohorts rows as COPY text (queueCohortsCopy). */
  queueCopy: string;
  /** refusals rows as COPY text (refusalsCopy). */
  refusalsCopy: string;
}

/**
 * Writes one district's outcome; the caller holds the district lock and the
 * transaction. The referrals themselves take the seats (free seats are the
 * reported ones minus live referrals), and the district's places were locked
 * when read, so an import cannot lower them under the run; statuses are
 * compared as they change, so a district changed under the run fails the
 * transaction instead of issuing a referral twice.
 */
export async function storeDistrict(tx: Queryable, s: StoreDistrict): Promise<void> {
  const { district, date, runId } = s;
  await tx.query(
    `insert into run_districts (run_date, district_id, run_id, input_hash, counts) values ($1, $2, $3, $4, $5)`,
    [date, district, runId, s.inputHash, JSON.stringify(s.counts)],
  );
  if (s.referrals.length) {
    await tx.copyIn(
      'referrals',
      ['id', 'run_id', 'run_date', 'seq', 'application_id', 'district_id', 'birth_year', 'kindergarten_id', 'group_id', 'category', 'rights', 'preference_rank', 'issued_on', 'confirm_by'],
      copyText(
        s.referrals.map((r) => [
          r.referral, runId, date, r.seq, r.application, r.district, r.birthYear, r.kindergarten, r.group, r.category, r.rights, r.preferenceRank, r.issuedOn, r.confirmBy,
        ]),
      ),
    );
    const ids = s.referrals.map((r) => r.application);
    // Found through the district's index, whose entries for one district sit together,
    // rather than the primary key, where a district's ids are spread over the whole
    // index (2 M applications, statement log: 3.2 s -> 1.5 s a night).
    const [{ n }] = (await tx.query<{ n: number }>(
      `with up as (update applications set status = 'offered', updated_at = now()
                    where district_id = $2 and (id collate "C") = any($1::text[]) and status = 'queued' returning 1)
       select count(*)::int as n from up`,
      [ids, district],
    )) as [{ n: number }];
    if (n !== ids.length) throw new Error(`district ${district}: applications changed during the run`);
    // Application events in id order, then referral events in id (= service) order: the
    // entity index then takes them in key order, a leaf page at a time. Each application's
    // own events keep their order (offered, then its referral issued), all at one timestamp.
    const byApplication = [...s.referrals].sort((a, b) => compareIds(a.application, b.application));
    const events: CopyValue[][] = [];
    for (const r of byApplication) events.push(['application', r.application, 'queued', 'offered', runId, `referral ${r.referral}`]);
    for (const r of s.referrals) events.push(['referral', r.referral, null, 'offered', runId, 'issued by nightly allocation']);
    await tx.copyIn('events', ['entity', 'entity_id', 'from_status', 'to_status', 'actor', 'reason'], copyText(events));
  }
  await tx.copyIn('queue_cohorts', QUEUE_COHORT_COLUMNS, s.queueCopy);
  await tx.copyIn('refusals', REFUSAL_COLUMNS, s.refusalsCopy);
}

const QUEUE_COHORT_COLUMNS = ['district_id', 'run_date', 'birth_year', 'run_id', 'application_ids', 'categories'];
const REFUSAL_COLUMNS = ['run_date', 'application_id', 'district_id', 'reasons', 'run_id'];

const CATEGORY_OF_LETTER: Record<string, Category> = { e: 'extraordinary', p: 'primary', g: 'general' };

/**
 * The queue as stored, as COPY text: one row per cohort, the applications in
 * queue order (the number is the position) and their categories as one letter
 * each. `queue` comes sorted by birth year, then queue number 1, 2, 3...
 */
export function queueCohortsCopy(queue: readonly QueueEntry[], date: string, runId: string): string {
  const rows: CopyValue[][] = [];
  for (let i = 0; i < queue.length; ) {
    const { district, birthYear } = queue[i]!;
    const ids: string[] = [];
    let letters = '';
    for (; i < queue.length && queue[i]!.birthYear === birthYear; i++) {
      const q = queue[i]!;
      if (q.queueNumber !== ids.length + 1) throw new Error(`district ${district}: queue numbers of ${birthYear} are not 1, 2, 3...`);
      ids.push(q.application);
      letters += q.category[0];
    }
    rows.push([district, date, birthYear, runId, ids, letters]);
  }
  return copyText(rows);
}

/** The refusals as stored, as COPY text. */
export function refusalsCopy(refusals: readonly Refusal[], date: string, runId: string): string {
  return copyText(refusals.map((r) => [date, r.application, r.district, r.reasons, runId]));
}

/** A district finished earlier for this date, read back as the run stored it. */
export async function readStoredDistrict(db: Queryable, entry: LedgerEntry, date: string): Promise<{ referrals: ReferralRow[]; queue: QueueEntry[]; refusals: Refusal[] }> {
  const referrals = (
    await db.query<{
      id: string; seq: number; application_id: string; birth_year: number; kindergarten_id: string; group_id: string;
      category: Category; rights: string[]; preference_rank: number; issued_on: string; confirm_by: string;
    }>(
      `select id, seq, application_id, birth_year, kindergarten_id, group_id, category, rights, preference_rank,
              issued_on::text as issued_on, confirm_by::text as confirm_by
         from referrals where run_date = $1 and district_id = $2 order by seq`,
      [date, entry.district],
    )
  ).map((r) => ({
    referral: r.id,
    seq: r.seq,
    application: r.application_id,
    district: entry.district,
    birthYear: r.birth_year,
    kindergarten: r.kindergarten_id,
    group: r.group_id,
    category: r.category,
    rights: r.rights,
    preferenceRank: r.preference_rank,
    issuedOn: r.issued_on,
    confirmBy: r.confirm_by,
  }));
  const queue: QueueEntry[] = [];
  const cohorts = await db.query<{ birth_year: number; application_ids: string[]; categories: string }>(
    `select birth_year, application_ids, categories from queue_cohorts where run_date = $1 and district_id = $2 order by birth_year`,
    [date, entry.district],
  );
  for (const c of cohorts) {
    c.application_ids.forEach((application, i) => {
      queue.push({ application, district: entry.district, birthYear: c.birth_year, category: CATEGORY_OF_LETTER[c.categories[i]!]!, queueNumber: i + 1 });
    });
  }
  const refusals = (
    await db.query<{ application_id: string; reasons: string[] }>(
      `select application_id, reasons from refusals where run_date = $1 and district_id = $2 order by application_id collate "C"`,
      [date, entry.district],
    )
  ).map((r) => ({ application: r.application_id, district: entry.district, reasons: r.reasons }));
  return { referrals, queue, refusals };
}
