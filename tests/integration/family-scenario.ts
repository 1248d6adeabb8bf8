import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { makeIin } from '../../src/domain/iin.js';
import { loadCalendar } from '../../src/io/calendar.js';
import { applicationAction, referralAction } from '../../src/online/operator.js';
import { allocate, importData, lines, shippedRules, tempDir } from '../support/run-helpers.js';

/**
 * Six nights of one cohort (children born in 2022, one kindergarten), made so
 * that the subject X's number moves for every kind of reason: children ahead
 * referred, a right that expires, a withdrawal, a new registration with an
 * extraordinary right, a restored application, a cancelled priority referral
 * and its stop list, and X's own referral.
 */
export const NIGHTS = ['2026-09-01', '2026-09-04', '2026-09-09', '2026-09-14', '2026-09-16', '2026-09-24'] as const;
export const NAMES: Record<string, string> = {
  G1: 'Айару Сапарова', G2: 'Ерлан Ғабитов', G3: 'Нұрлан Өмірзақ', X: 'Іңкәр Һашимова', G5: 'Ұлан Үсенов', P1: 'Әлия Қасымқызы', P2: 'Дана Сейітқызы', E1: 'Тимур Ахметов',
};

const calendar = loadCalendar('rules');
const params = shippedRules().parameters;
const nd = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

function application(id: string, serial: number, registeredAt: string, rights: unknown[] = []) {
  const birthDate = `2022-0${1 + (serial % 9)}-1${serial % 10}`;
  return {
    id,
    child: { iin: makeIin(birthDate, serial % 2 ? 'male' : 'female', 300 + serial), birthDate, name: NAMES[id] },
    applicant: { iin: makeIin('1990-05-05', 'female', 400 + serial), name: `Ата-ана ${id}`, relation: 'mother' },
    district: 'D1',
    registeredAt,
    channel: 'portal',
    preferences: ['KG-1'],
    acceptAnyInDistrict: false,
    language: serial === 7 ? 'ru' : 'kk',
    groupType: 'general',
    desiredFrom: '2026-01-01',
    rights,
  };
}

function folder(files: Record<string, unknown[]>): string {
  const dir = tempDir('kezek-family-');
  mkdirSync(dir, { recursive: true });
  for (const [name, rows] of Object.entries(files)) writeFileSync(join(dir, name), nd(rows));
  return dir;
}

const seats = (n: number) => folder({ 'places.ndjson': [{ kindergarten: 'KG-1', group: 'G2022-kk-1', birthYear: 2022, language: 'kk', groupType: 'general', seats: n }] });

async function live(db: Database, app: string): Promise<string> {
  const rows = await db.query<{ id: string }>(`select id from referrals where application_id = $1 and status in ('offered', 'confirmed')`, [app]);
  return rows[0]!.id;
}

/** Runs the six nights on an empty database; returns the applications each night referred. */
export async function runFamilyScenario(db: Database): Promise<string[][]> {
  const actor = { actor: 'operator:Айгүл', calendar, params };
  await importData(
    db,
    folder({
      'districts.ndjson': [{ id: 'D1', name: 'Медеу ауданы', region: 'Алматы' }],
      'kindergartens.ndjson': [{ id: 'KG-1', district: 'D1', name: '№12 «Балапан» балабақшасы', languages: ['kk'] }],
      'applications.ndjson': [
        application('G1', 1, '2023-01-01T09:00:00+05:00'),
        application('G2', 2, '2023-01-02T09:00:00+05:00'),
        application('G3', 3, '2023-01-03T09:00:00+05:00'),
        application('X', 4, '2023-01-04T09:00:00+05:00'),
        application('G5', 5, '2023-01-05T09:00:00+05:00'),
        application('P1', 6, '2023-01-06T09:00:00+05:00', [{ category: 'large_family', document: 'ANP-1', validUntil: '2027-12-31' }]),
        // The teacher's proof runs out on 3 September: general from night 2 on.
        application('P2', 7, '2023-01-07T09:00:00+05:00', [{ category: 'teacher', document: 'T-1', validUntil: '2026-09-03' }]),
      ],
    }),
  );
  const referred: string[][] = [];
  const night = async (i: number) => referred.push((lines((await allocate(db, NIGHTS[i]!)).referrals) as { application: string }[]).map((r) => r.application));

  await night(0); // no seats: every child numbered
  await importData(db, seats(2));
  await night(1); // P1 (primary first), G1
  await referralAction(db, await live(db, 'P1'), 'confirm', { date: '2026-09-07', ...actor });
  await applicationAction(db, 'G2', 'withdraw', { date: '2026-09-07', ...actor });
  await importData(db, folder({ 'applications.ndjson': [application('E1', 8, '2026-09-05T10:00:00+05:00', [{ category: 'military', document: 'M-1', validUntil: '2027-12-31' }])] }));
  await importData(db, seats(1)); // P1's seat: none free
  await night(2); // G1 lapses (no answer by 8 Sep)
  await applicationAction(db, 'G1', 'restore', { date: '2026-09-10', ...actor });
  await night(3); // P1's right not proven by 11 Sep: cancelled, stop list to 23 Sep; its seat goes to E1
  await importData(db, seats(4)); // E1 live: 3 free
  await night(4); // G1, G3, X
  await importData(db, seats(1));
  await night(5); // E1, G1, G3, X lapse; one seat: G5
  expect(referred).toEqual([[], ['P1', 'G1'], [], ['E1'], ['G1', 'G3', 'X'], ['G5']]);
  return referred;
}
