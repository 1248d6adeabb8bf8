import { CATEGORY_OF_LETTER, QUEUE_COHORT_COLUMNS, REFUSAL_COLUMNS } from '../codec/queue.js';
import { copyText, type CopyValue } from '../codec/copy.js';
import { compareIds } from '../domain/ids.js';
import type { DistrictCounts, IssuedReferral, QueueEntry, Refusal } from '../domain/outcomes.js';
import type { Category } from '../domain/types.js';
import { KezekError } from '../errors.js';
import type { Queryable } from './database.js';
import type { LedgerEntry } from './ledger.js';
import { LIVE_BY_GROUP } from './live-referrals.js';

/** SQL of storing one district's night, and of reading a finished one back. */

/**
 * The district's commit does not wait for its WAL to reach the disk: the run's
 * last commit (finishRun) does, and that flushes every district before it. A
 * crash in between loses districts not yet flushed; they are not in the ledger
 * either, so the re-run allocates them again, deterministically.
 */
export async function commitWithoutFlush(q: Queryable): Promise<void> {
  await q.query('set local synchronous_commit = off');
}

export interface StoreDistrict {
  runId: string;
  date: string;
  district: string;
  inputHash: string;
  counts: DistrictCounts;
  referrals: IssuedReferral[];
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
    if (n !== ids.length) throw new KezekError('CONCURRENT_CHANGE', `district ${district}: applications changed while it was being allocated (another process): the district was not stored; run the date again`, { district });
    // Application events in id order, then referral events in id (= service) order: the
    // entity index then takes them in key order, a leaf page at a time. Each application's
    // own events keep their order (offered, then its referral issued), all at one timestamp.
    const byApplication = [...s.referrals].sort((a, b) => compareIds(a.application, b.application));
    const events: CopyValue[][] = [];
    // Every event carries its business date: the night's date, like its lapses and aged-out children.
    for (const r of byApplication) events.push(['application', r.application, 'queued', 'offered', runId, `referral ${r.referral}`, date]);
    for (const r of s.referrals) events.push(['referral', r.referral, null, 'offered', runId, 'issued by nightly allocation', date]);
    await tx.copyIn('events', ['entity', 'entity_id', 'from_status', 'to_status', 'actor', 'reason', 'effective_on'], copyText(events));
  }
  if (s.referrals.length) await recordSeatsTaken(tx, s.referrals, date, runId);
  await tx.copyIn('queue_cohorts', QUEUE_COHORT_COLUMNS, s.queueCopy);
  await tx.copyIn('refusals', REFUSAL_COLUMNS, s.refusalsCopy);
}

/** The seat history of the groups the night's referrals took seats in: one row a group, free seats before and after. */
async function recordSeatsTaken(tx: Queryable, referrals: readonly IssuedReferral[], date: string, runId: string): Promise<void> {
  const taken = new Map<string, { kindergarten: string; group: string; n: number }>();
  for (const r of referrals) {
    const key = `${r.kindergarten}\u0000${r.group}`;
    const t = taken.get(key);
    if (t) t.n++;
    else taken.set(key, { kindergarten: r.kindergarten, group: r.group, n: 1 });
  }
  await tx.query(
    `with x as (select * from jsonb_to_recordset($1::jsonb) as x(kindergarten text, "group" text, n int)),
     g as (select p.kindergarten_id, p.group_id, p.seats, x.n from places p join x on p.kindergarten_id = x.kindergarten and p.group_id = x."group"),
     live as (${LIVE_BY_GROUP('g')})
     insert into seat_events (effective_on, kindergarten_id, group_id, actor, cause, reason, reported_before, reported_after, free_before, free_after)
     select $2::date, g.kindergarten_id, g.group_id, $3, 'referrals', g.n || ' referral(s) issued by the nightly allocation', g.seats, g.seats,
            g.seats - coalesce(live.n, 0) + g.n, g.seats - coalesce(live.n, 0)
       from g left join live on live.kindergarten_id = g.kindergarten_id and live.group_id = g.group_id`,
    [JSON.stringify([...taken.values()]), date, runId],
  );
}

/** A district finished earlier for this date, read back as the run stored it. */
export async function readStoredDistrict(db: Queryable, entry: LedgerEntry, date: string): Promise<{ referrals: IssuedReferral[]; queue: QueueEntry[]; refusals: Refusal[] }> {
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
