import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/io/calendar.js';
import type { Database } from '../../src/db/database.js';
import { applicationHistory } from '../../src/db/history.js';
import { TransitionError } from '../../src/errors.js';
import { applicationAction, referralAction, type ReferralAction } from '../../src/online/operator.js';
import { writeScenario } from '../lifecycle/scenario-data.js';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { allocate, importData, lines, shippedRules, tempDir } from '../support/run-helpers.js';

const calendar = loadCalendar('rules');
const params = shippedRules().parameters;

describe.each(BACKENDS)('a multi-night lifecycle on %s', (backend) => {
  const db = useDatabase(backend);

  const liveReferral = async (d: Database, app: string): Promise<string> => {
    const rows = await d.query<{ id: string }>(`select id from referrals where application_id = $1 and status in ('offered', 'confirmed')`, [app]);
    expect(rows).toHaveLength(1);
    return rows[0]!.id;
  };
  const onReferral = async (app: string, action: ReferralAction, date: string, extra: { days?: number; reason?: string } = {}) =>
    referralAction(db(), await liveReferral(db(), app), action, { date, actor: 'operator:Айгүл', calendar, params, ...extra });
  const statuses = async () =>
    Object.fromEntries((await db().query<{ id: string; status: string }>(`select id, status from applications order by id`)).map((r) => [r.id, r.status]));
  const seatsLeft = async () => (await db().query<{ n: number }>(`select sum(free_seats)::int as n from places_free`))[0]!.n;

  it('allocates, confirms, declines, lapses the silent, cancels an unproven right, ages out, and re-allocates returned seats', async () => {
    const dir = tempDir('kezek-scenario-');
    writeScenario(dir);
    await importData(db(), dir);

    // Night 1, Tue 1 Sep: 4 seats → A4 (primary first), A1, A2, A3. A5, A6 wait.
    const n1 = await allocate(db(), '2026-09-01');
    const r1 = lines(n1.referrals) as { application: string; category: string; confirmBy: string }[];
    expect(r1.map((r) => r.application)).toEqual(['A4', 'A1', 'A2', 'A3']);
    expect(r1[0]).toMatchObject({ category: 'primary', confirmBy: '2026-09-03' });

    await onReferral('A1', 'confirm', '2026-09-02');
    await onReferral('A4', 'confirm', '2026-09-02');
    await onReferral('A3', 'decline', '2026-09-02', { reason: 'another kindergarten' });
    await onReferral('A1', 'enroll', '2026-09-03');
    expect(await seatsLeft()).toBe(1);

    // Night 2, Fri 4 Sep: A2 silent past 3 Sep → lapsed, inactive; 2 seats → A5, A6.
    const n2 = await allocate(db(), '2026-09-04');
    expect(n2.summary.districts[0]!.lifecycle).toEqual({ lapsed: 1, cancelled: 0, agedOut: 0, seatsReturned: 1 });
    expect((lines(n2.referrals) as { application: string }[]).map((r) => r.application)).toEqual(['A5', 'A6']);
    expect((await statuses()).A2).toBe('inactive');

    await applicationAction(db(), 'A2', 'restore', { date: '2026-09-07', actor: 'operator:Айгүл', calendar, params });
    await expect(applicationAction(db(), 'A2', 'restore', { date: '2026-09-08', actor: 'operator:Айгүл', calendar, params })).rejects.toThrow(/not inactive/);
    await onReferral('A6', 'confirm', '2026-09-07');
    const declined = (await db().query<{ id: string }>(`select id from referrals where application_id = 'A3'`))[0]!.id;
    await expect(referralAction(db(), declined, 'enroll', { date: '2026-09-04', actor: 'operator:x', calendar, params })).rejects.toBeInstanceOf(TransitionError);

    // Night 3, Wed 9 Sep: A4's right not proven by 8 Sep → cancelled, queued as general, stop list;
    // A5 silent past 8 Sep → lapsed; A7 is 7 → aged_out; 3 seats back → only A2 (restored) is a candidate.
    const n3 = await allocate(db(), '2026-09-09');
    expect(n3.summary.districts[0]!.lifecycle).toEqual({ lapsed: 1, cancelled: 1, agedOut: 1, seatsReturned: 2 });
    expect((lines(n3.referrals) as { application: string }[]).map((r) => r.application)).toEqual(['A2']);
    const a4 = (await db().query<{ rights: unknown[]; unproven_rights: unknown[]; stop: string; reg: string }>(
      `select rights, unproven_rights, stop_list_until::text as stop, registered_at_us::text as reg from applications where id = 'A4'`,
    ))[0]!;
    expect(a4.rights).toEqual([]);
    expect(a4.unproven_rights).toHaveLength(1);
    expect(a4.stop).toBe('2026-09-18');
    await onReferral('A6', 'extend', '2026-09-10', { days: 30 });

    // Night 4, Mon 21 Sep: A2's second offer lapsed (due 11 Sep); A6 extended to 14 Oct stays;
    // A4 is off the stop list and served as general.
    const n4 = await allocate(db(), '2026-09-21');
    const r4 = lines(n4.referrals) as { application: string; category: string; rights: string[] }[];
    expect(r4).toEqual([expect.objectContaining({ application: 'A4', category: 'general', rights: [] })]);
    await expect(applicationAction(db(), 'A2', 'restore', { date: '2026-09-22', actor: 'operator:Айгүл', calendar, params })).rejects.toThrow(/already restored/);

    expect(await statuses()).toEqual({ A1: 'enrolled', A2: 'inactive', A3: 'annulled', A4: 'offered', A5: 'inactive', A6: 'confirmed', A7: 'aged_out' });
    expect(await seatsLeft()).toBe(1);
    const live = await db().query<{ n: number }>(`select count(*)::int as n from referrals where status in ('offered','confirmed') group by application_id having count(*) > 1`);
    expect(live).toEqual([]);
    const refStatuses = await db().query<{ application_id: string; status: string }>(`select application_id, status from referrals order by run_date, seq`);
    expect(refStatuses.map((r) => `${r.application_id}:${r.status}`)).toEqual([
      'A4:cancelled', 'A1:enrolled', 'A2:lapsed', 'A3:declined', 'A5:lapsed', 'A6:confirmed', 'A2:lapsed', 'A4:offered',
    ]);

    // The audit trail of A4: every change with its actor and reason.
    const history = await applicationHistory(db(), 'A4');
    const trail = history.filter((e) => e.entity === 'application').map((e) => `${e.from ?? '-'}>${e.to}`);
    expect(trail).toEqual(expect.arrayContaining(['queued>offered', 'offered>confirmed', 'confirmed>queued', 'queued>offered']));
    const cancel = history.find((e) => e.to === 'cancelled')!;
    expect(cancel.actor).toMatch(/^run-2026-09-09-/);
    expect(cancel.effectiveOn).toBe('2026-09-09');
    expect(cancel.reason).toMatch(/not proven by 2026-09-08/);
    expect(history.find((e) => e.to === 'confirmed' && e.entity === 'referral')!.actor).toBe('operator:Айгүл');
    // Every status change has its event: applications' current status is the last event's.
    const last = await db().query<{ id: string; status: string; to_status: string }>(
      `select a.id, a.status, (select to_status from events e where e.entity = 'application' and e.entity_id = a.id order by e.id desc limit 1) as to_status
         from applications a`,
    );
    for (const r of last) expect(r.to_status, r.id).toBe(r.status);
    await expect(db().query(`delete from events`)).rejects.toThrow(/append-only/);
  });

  it('step 1 lapses nothing on the deadline day and every silent offer the day after; a dry run does not store it', async () => {
    const dir = tempDir('kezek-scenario-');
    writeScenario(dir);
    await importData(db(), dir);
    await allocate(db(), '2026-09-01');
    const before = await db().query(`select id, status, free_seats from applications, places_free order by id`);
    // On the deadline day (Thu 3 Sep) nothing lapses; the day after, all four silent offers do.
    expect((await allocate(db(), '2026-09-03', { dryRun: true })).summary.districts[0]!.lifecycle.lapsed).toBe(0);
    const dry = await allocate(db(), '2026-09-04', { dryRun: true });
    expect(dry.summary.districts[0]!.lifecycle.lapsed).toBe(4);
    expect(lines(dry.referrals)).toHaveLength(2);
    expect(await db().query(`select id, status, free_seats from applications, places_free order by id`)).toEqual(before);
    expect((await db().query<{ n: number }>(`select count(*)::int as n from district_lapses where run_date = '2026-09-04'`))[0]!.n).toBe(0);
  });
});
