import { describe, expect, it } from 'vitest';
import { csvText } from '../../src/codec/csv.js';
import type { Database } from '../../src/db/database.js';
import { loadCalendar } from '../../src/io/calendar.js';
import { BULLETIN_CSV_COLUMNS, bulletinRows, bulletins, districtStats } from '../../src/online/bulletin.js';
import { referralAction, type ReferralAction } from '../../src/online/operator.js';
import { writeScenario } from '../lifecycle/scenario-data.js';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { allocate, importData, lines, shippedRules, tempDir } from '../support/run-helpers.js';

const calendar = loadCalendar('rules');
const params = shippedRules().parameters;

describe.each(BACKENDS)('the vacancy bulletin on %s', (backend) => {
  const db = useDatabase(backend);
  const free = async (d: Database) => (await bulletins(d, ['D1'], '2026-09-01'))[0]!.kindergartens.flatMap((k) => k.groups).reduce((n, g) => n + g.freeSeats, 0);
  const act = async (app: string, action: ReferralAction, date: string) => {
    const [r] = await db().query<{ id: string }>(`select id from referrals where application_id = $1 and status in ('offered', 'confirmed')`, [app]);
    return referralAction(db(), r!.id, action, { date, actor: 'operator:test', calendar, params });
  };

  it('after several nights, free seats = seats offered − referrals issued + seats returned, per group; by name, no personal data; CSV with a BOM', async () => {
    const dir = tempDir('kezek-bulletin-');
    writeScenario(dir);
    await importData(db(), dir);
    const offered = 4; // the one group's reported seats
    let issued = 0;
    let returned = 0;
    expect(await free(db())).toBe(offered);

    const n1 = await allocate(db(), '2026-09-01');
    issued += lines(n1.referrals).length;
    expect(await free(db())).toBe(offered - issued + returned);
    const stood = new Map<string, number>([['2026-09-01', offered - issued + returned]]);

    await act('A1', 'confirm', '2026-09-02');
    await act('A3', 'decline', '2026-09-02');
    returned += 1;
    stood.set('2026-09-02', offered - issued + returned);
    await act('A1', 'enroll', '2026-09-03'); // a seat filled is not returned
    expect(await free(db())).toBe(offered - issued + returned);

    const n2 = await allocate(db(), '2026-09-04');
    issued += lines(n2.referrals).length;
    returned += n2.summary.districts[0]!.lifecycle.seatsReturned;
    expect(await free(db())).toBe(offered - issued + returned);
    stood.set('2026-09-04', offered - issued + returned);

    const n3 = await allocate(db(), '2026-09-09');
    issued += lines(n3.referrals).length;
    returned += n3.summary.districts[0]!.lifecycle.seatsReturned;
    const [b] = await bulletins(db(), ['D1'], '2026-09-09');
    const groups = b!.kindergartens.flatMap((k) => k.groups);
    expect(groups.reduce((n, g) => n + g.freeSeats, 0)).toBe(offered - issued + returned);
    expect(b!.kindergartens.every((k) => k.name === '№1 Балапан')).toBe(true);

    // Nothing personal anywhere in it.
    const text = JSON.stringify(b);
    for (const word of ['iin', 'Бала A', 'Ата-ана', 'A1', 'A2']) expect(text).not.toContain(word);

    const csv = csvText(BULLETIN_CSV_COLUMNS, bulletinRows([b!]));
    expect(csv.startsWith('\ufeffdistrict,kindergarten,kindergarten_name,group,birth_year,language,group_type,free_seats\r\n')).toBe(true);
    for (const g of groups) expect(csv).toContain(`D1,KG-1,№1 Балапан,${g.group},${g.birthYear},${g.language},${g.groupType},${g.freeSeats}\r\n`);

    // A past day's bulletin: the seats as they stood at the end of that day, from the seat history.
    stood.set('2026-09-09', offered - issued + returned);
    stood.set('2026-09-05', stood.get('2026-09-04')!);
    for (const [day, seats] of stood) {
      const [past] = await bulletins(db(), ['D1'], day, { asOf: true });
      expect(past!.kindergartens.flatMap((k) => k.groups).reduce((n, g) => n + g.freeSeats, 0), day).toBe(seats);
    }

    await expect(bulletins(db(), ['NOPE'], '2026-09-09')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('district statistics: the latest night\'s queue per cohort and category, and its referrals by category and rank', async () => {
    const dir = tempDir('kezek-stats-');
    writeScenario(dir);
    await importData(db(), dir);
    expect(await districtStats(db(), 'D1')).toEqual({ district: 'D1', runDate: null, queue: [], referrals: { byCategory: { extraordinary: 0, primary: 0, general: 0 }, byPreferenceRank: {} } });
    const n1 = await allocate(db(), '2026-09-01');
    const queue = lines(n1.queue) as { birthYear: number; category: string }[];
    const s = await districtStats(db(), 'D1');
    expect(s.runDate).toBe('2026-09-01');
    const years = [...new Set(queue.map((q) => q.birthYear))].sort();
    const count = (y: number, c: string) => queue.filter((q) => q.birthYear === y && q.category === c).length;
    expect(s.queue).toEqual(years.map((y) => ({ birthYear: y, extraordinary: count(y, 'extraordinary'), primary: count(y, 'primary'), general: count(y, 'general') })));
    expect(s.queue.reduce((n, c) => n + c.extraordinary + c.primary + c.general, 0)).toBe(queue.length);
    expect(s.referrals).toEqual({ byCategory: { extraordinary: 0, primary: 1, general: 3 }, byPreferenceRank: { '1': 4 } });
  });
});

describe.each(BACKENDS)('seat history on %s', (backend) => {
  const db = useDatabase(backend);

  it('records each report (a lowered capacity without a reason stands out), each seat given back and each enrolment, with before and after', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { importFolder } = await import('../../src/importing/import-folder.js');
    const { seatHistory, loweredWithoutReason } = await import('../../src/db/seats.js');
    const { silent } = await import('../support/run-helpers.js');
    const dir = tempDir('kezek-seats-');
    writeScenario(dir);
    const imp = (date: string) => importFolder(db(), dir, { rejectsPath: join(tempDir(), 'r.ndjson'), actor: 'import', rules: shippedRules(), log: silent, date });
    await imp('2026-08-31');
    await allocate(db(), '2026-09-01'); // 4 offers on the 4 seats
    const row = JSON.parse(readFileSync(join(dir, 'places.ndjson'), 'utf8').trim());
    // The same report again: nothing changes, nothing recorded.
    await imp('2026-09-01');
    // Lowered to 3 with no reason; then back to 4 with one.
    writeFileSync(join(dir, 'places.ndjson'), JSON.stringify({ ...row, seats: 3 }) + '\n');
    await imp('2026-09-02');
    writeFileSync(join(dir, 'places.ndjson'), JSON.stringify({ ...row, seats: 4, reason: 'a teacher came back from leave' }) + '\n');
    await imp('2026-09-03');
    const [a3] = await db().query<{ id: string }>(`select id from referrals where application_id = 'A3'`);
    const [a1] = await db().query<{ id: string }>(`select id from referrals where application_id = 'A1'`);
    const calendar = loadCalendar('rules');
    const act = (id: string, action: ReferralAction, date: string) => referralAction(db(), id, action, { date, actor: 'operator:test', calendar, params });
    await act(a3!.id, 'decline', '2026-09-02');
    await act(a1!.id, 'confirm', '2026-09-02');
    await act(a1!.id, 'enroll', '2026-09-03');

    const h = await seatHistory(db(), 'KG-1');
    expect(h.map((e) => [e.effectiveOn, e.cause, e.actor, e.reportedBefore, e.reportedAfter, e.freeBefore, e.freeAfter, loweredWithoutReason(e)])).toEqual([
      ['2026-08-31', 'report', 'import', null, 4, null, 4, false],
      ['2026-09-01', 'referrals', expect.stringMatching(/^run-2026-09-01-/), 4, 4, 4, 0, false],
      ['2026-09-02', 'report', 'import', 4, 3, 0, -1, true],
      ['2026-09-03', 'report', 'import', 3, 4, -1, 0, false],
      ['2026-09-02', 'returned', 'operator:test', 4, 4, 0, 1, false],
      ['2026-09-03', 'enrolment', 'operator:test', 4, 3, 1, 1, false],
    ]);
    expect(h[1]!.reason).toBe('4 referral(s) issued by the nightly allocation');
    expect(h[3]!.reason).toBe('a teacher came back from leave');
    expect(h[4]!.reason).toMatch(/declined/);
  });
});
