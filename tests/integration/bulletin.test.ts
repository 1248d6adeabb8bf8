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

    await act('A1', 'confirm', '2026-09-02');
    await act('A3', 'decline', '2026-09-02');
    returned += 1;
    await act('A1', 'enroll', '2026-09-03'); // a seat filled is not returned
    expect(await free(db())).toBe(offered - issued + returned);

    const n2 = await allocate(db(), '2026-09-04');
    issued += lines(n2.referrals).length;
    returned += n2.summary.districts[0]!.lifecycle.seatsReturned;
    expect(await free(db())).toBe(offered - issued + returned);

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
