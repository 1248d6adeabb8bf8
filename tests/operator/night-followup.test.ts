import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { insertComplaint } from '../../src/db/complaints.js';
import { loadCalendar } from '../../src/io/calendar.js';
import { dueList } from '../../src/online/due.js';
import { applicationAction, referralAction, type ReferralAction } from '../../src/online/operator.js';
import { runNightly } from '../../src/nightly/run.js';
import { writeScenario } from '../lifecycle/scenario-data.js';
import { BACKENDS, POSTGRES_URL, useDatabase } from '../support/databases.js';
import { importData, shippedRules, silent, tempDir } from '../support/run-helpers.js';

const calendar = loadCalendar('rules');
const rules = shippedRules();
const params = rules.parameters;
const actor = 'operator:Айгүл';

/** A night through runNightly; returns its run folder. */
async function night(db: Database, date: string, o: { dryRun?: boolean; workers?: number; connection?: { url: string; schema?: string } } = {}): Promise<string> {
  const outDir = tempDir('kezek-night-');
  await runNightly(
    db,
    { date, outDir, districts: [], workers: o.workers ?? 1, dryRun: o.dryRun ?? false, rules, engine: 'compiled', calendar, connection: o.connection },
    silent,
  );
  return outDir;
}

const lapses = (dir: string) => readFileSync(join(dir, 'lapses.ndjson'), 'utf8');
const rows = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe.each(BACKENDS)("the night's follow-up on %s: lapses.ndjson and the due list", (backend) => {
  const db = useDatabase(backend);
  const live = async (app: string) =>
    (await db().query<{ id: string }>(`select id from referrals where application_id = $1 and status in ('offered', 'confirmed')`, [app]))[0]!.id;
  const on = async (app: string, action: ReferralAction, date: string) => referralAction(db(), await live(app), action, { date, actor, calendar, params });

  it('lists every lapse, cancellation and aged-out child with its deadlines, reads them back on a re-run, and the due list names what is due', async () => {
    const dir = tempDir('kezek-followup-');
    writeScenario(dir);
    await importData(db(), dir);

    // Night 1, Tue 1 Sep: A4 (primary), A1, A2, A3 offered, to confirm by Thu 3 Sep. Nothing lapses yet.
    const n1 = await night(db(), '2026-09-01');
    expect(lapses(n1)).toBe('');
    // The night's new referrals carry their business date in the audit trail, like its lapses.
    const undated = await db().query(`select entity, entity_id from events where actor like 'run-%' and effective_on is null`);
    expect(undated).toEqual([]);
    expect((await db().query<{ n: number }>(`select count(*)::int as n from events where actor like 'run-%' and effective_on = '2026-09-01'`))[0]!.n).toBe(8);

    await on('A1', 'confirm', '2026-09-02');
    await on('A4', 'confirm', '2026-09-02');
    await on('A3', 'decline', '2026-09-02');
    await on('A1', 'enroll', '2026-09-03');

    // Night 2, Fri 4 Sep: A2 did not answer by 3 Sep: inactive, restorable for 28 calendar days (to 2 Oct).
    const n2 = await night(db(), '2026-09-04');
    expect(rows(lapses(n2))).toEqual([
      { application: 'A2', district: 'D1', referral: 'R-20260901-D1-000003', event: 'lapsed', reason: 'no_answer', deadline: '2026-09-03', restoreBy: '2026-10-02', stopListUntil: null },
    ]);
    const summary2 = JSON.parse(readFileSync(join(n2, 'summary.json'), 'utf8')) as { lifecycle: unknown };
    expect(summary2.lifecycle).toEqual({ lapsed: 1, cancelled: 0, agedOut: 0, seatsReturned: 1 });

    await applicationAction(db(), 'A2', 'restore', { date: '2026-09-07', actor, calendar, params });
    await on('A6', 'confirm', '2026-09-07');
    await insertComplaint(db(), { id: 'C-OLD', application: 'A3', level: 'provider', filedOn: '2026-08-20', dueOn: '2026-08-27', subject: 'no answer, "urgent"', filedBy: actor, answeredOn: null, answeredBy: null });
    await insertComplaint(db(), { id: 'C-NEW', application: null, level: 'provider', filedOn: '2026-09-01', dueOn: '2026-09-08', subject: 'queue number', filedBy: actor, answeredOn: null, answeredBy: null });
    await insertComplaint(db(), { id: 'C-LATER', application: null, level: 'authority', filedOn: '2026-09-01', dueOn: '2026-09-22', subject: 'later', filedBy: actor, answeredOn: null, answeredBy: null });

    // Tue 8 Sep and the next working day, Wed 9 Sep.
    const due = await dueList(db(), { date: '2026-09-08', calendar, params });
    expect(due.until).toBe('2026-09-09');
    expect(due.offers).toEqual([
      { referral: 'R-20260904-D1-000001', application: 'A5', district: 'D1', category: 'general', kindergarten: 'KG-1', group: 'G2022-kk-1', issuedOn: '2026-09-04', confirmBy: '2026-09-08' },
    ]);
    expect(due.rights).toEqual([
      { referral: 'R-20260901-D1-000001', application: 'A4', district: 'D1', category: 'primary', status: 'confirmed', issuedOn: '2026-09-01', proveBy: '2026-09-08' },
    ]);
    expect(due.enrolments).toEqual([
      { referral: 'R-20260901-D1-000001', application: 'A4', district: 'D1', kindergarten: 'KG-1', group: 'G2022-kk-1', confirmedOn: '2026-09-02', enrollBy: '2026-09-09', extended: false },
    ]);
    expect(due.restores).toEqual([]);
    expect(due.complaints).toEqual([
      { complaint: 'C-OLD', application: 'A3', district: 'D1', level: 'provider', filedOn: '2026-08-20', dueOn: '2026-08-27', subject: 'no answer, "urgent"', overdue: true },
      { complaint: 'C-NEW', application: null, district: null, level: 'provider', filedOn: '2026-09-01', dueOn: '2026-09-08', subject: 'queue number', overdue: false },
    ]);
    // A district filter keeps that district's items; a complaint about no application has no district.
    const other = await dueList(db(), { date: '2026-09-08', districts: ['D9'], calendar, params });
    expect([other.offers, other.rights, other.enrolments, other.restores, other.complaints]).toEqual([[], [], [], [], []]);
    expect((await dueList(db(), { date: '2026-09-08', districts: ['D1'], calendar, params })).complaints.map((c) => c.complaint)).toEqual(['C-OLD']);

    // Night 3, Wed 9 Sep: A4's right was due by 8 Sep (cancelled, on the stop list to 18 Sep), A5 did not
    // answer (restorable to 7 Oct), A7 is 7 (aged out); the restored A2 gets a seat again.
    const n3 = await night(db(), '2026-09-09');
    const expected3 = [
      { application: 'A4', district: 'D1', referral: 'R-20260901-D1-000001', event: 'cancelled', reason: 'right_not_proven', deadline: '2026-09-08', restoreBy: null, stopListUntil: '2026-09-18' },
      { application: 'A5', district: 'D1', referral: 'R-20260904-D1-000001', event: 'lapsed', reason: 'no_answer', deadline: '2026-09-08', restoreBy: '2026-10-07', stopListUntil: null },
      { application: 'A7', district: 'D1', referral: null, event: 'aged_out', reason: 'age_limit', deadline: null, restoreBy: null, stopListUntil: null },
    ];
    expect(rows(lapses(n3))).toEqual(expected3);
    // Keys in a fixed order: the same night gives the same bytes.
    expect(lapses(n3).split('\n')[0]).toBe(JSON.stringify(expected3[0]));
    // A re-run of the date reads the finished district back, lapses.ndjson included, byte for byte.
    expect(lapses(await night(db(), '2026-09-09'))).toBe(lapses(n3));

    // Night 4, Mon 21 Sep: A6 was not enrolled by 14 Sep; A2's second offer (due 11 Sep) lapses for good.
    const dry4 = await night(db(), '2026-09-21', { dryRun: true, ...(backend === 'postgres' ? { workers: 2, connection: { url: POSTGRES_URL, schema: db.schema() } } : { workers: 2 }) });
    const n4 = await night(db(), '2026-09-21');
    expect(rows(lapses(n4))).toEqual([
      { application: 'A6', district: 'D1', referral: 'R-20260904-D1-000002', event: 'lapsed', reason: 'not_enrolled', deadline: '2026-09-14', restoreBy: '2026-10-19', stopListUntil: null },
      { application: 'A2', district: 'D1', referral: 'R-20260909-D1-000001', event: 'lapsed', reason: 'no_answer', deadline: '2026-09-11', restoreBy: null, stopListUntil: null },
    ]);
    // Worker threads (whole districts on their own connections on a server) write the same lines.
    expect(lapses(dry4)).toBe(lapses(n4));

    // Thu 1 Oct: A5's restore window closes on 7 Oct (within 7 days); A6's (19 Oct) not yet; A2 was restored once already.
    const october = await dueList(db(), { date: '2026-10-01', calendar, params });
    expect(october.restores).toEqual([{ application: 'A5', district: 'D1', inactiveSince: '2026-09-09', restoreBy: '2026-10-07' }]);
    expect(october.complaints.map((c) => [c.complaint, c.overdue])).toEqual([
      ['C-OLD', true],
      ['C-NEW', true],
      ['C-LATER', true],
    ]);
  });
});
