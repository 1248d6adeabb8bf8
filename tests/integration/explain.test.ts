import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/io/calendar.js';
import { makeIin } from '../../src/domain/iin.js';
import { explanationText } from '../../src/i18n/explain-text.js';
import { explainApplication } from '../../src/online/explain.js';
import { kezekHere } from '../support/cli.js';
import { BACKENDS, dropSchema, openTestDatabase, POSTGRES_URL, useDatabase } from '../support/databases.js';
import { allocate, importData, shippedRules, tempDir } from '../support/run-helpers.js';

const calendar = loadCalendar('rules');

const DATE = '2026-09-01';
let dataDir: string;
const iins: string[] = [];
const NAMES = ['Айару Тестова', 'Гүлнар Тестова'];

function application(id: string, birthDate: string, extra: Record<string, unknown>, serial: number) {
  const child = makeIin(birthDate, 'female', serial);
  const parent = makeIin('1990-05-05', 'female', 9000 + serial);
  iins.push(child, parent);
  return {
    id,
    child: { iin: child, birthDate, name: NAMES[0] },
    applicant: { iin: parent, name: NAMES[1], relation: 'mother' },
    district: 'EXP',
    registeredAt: `2024-0${serial}-01T10:00:00+05:00`,
    channel: 'portal',
    preferences: ['KG-1'],
    acceptAnyInDistrict: false,
    language: 'kk',
    groupType: 'general',
    desiredFrom: '2026-01-01',
    rights: [],
    ...extra,
  };
}

beforeAll(() => {
  dataDir = tempDir('kezek-explain-');
  const nd = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(join(dataDir, 'districts.ndjson'), nd([{ id: 'EXP', name: 'Test district', region: 'Test' }]));
  writeFileSync(join(dataDir, 'kindergartens.ndjson'), nd([
    { id: 'KG-1', district: 'EXP', name: 'One', languages: ['kk'] },
    { id: 'KG-2', district: 'EXP', name: 'Two', languages: ['ru'] },
  ]));
  writeFileSync(join(dataDir, 'places.ndjson'), nd([
    { kindergarten: 'KG-1', group: 'G2022-kk-1', birthYear: 2022, language: 'kk', groupType: 'general', seats: 1 },
    { kindergarten: 'KG-2', group: 'G2021-ru-1', birthYear: 2021, language: 'ru', groupType: 'general', seats: 1 },
    { kindergarten: 'KG-2', group: 'G2022-ru-s', birthYear: 2022, language: 'ru', groupType: 'special', seats: 1 },
  ]));
  writeFileSync(join(dataDir, 'applications.ndjson'), nd([
    // Primary: takes the only kk 2022 seat.
    application('A-PRIMARY', '2022-03-01', { rights: [{ category: 'large_family', document: 'LF-1', validUntil: '2027-01-01' }] }, 2),
    // General, registered earlier: KG-1's seat went to A-PRIMARY; KG-2 has no kk 2022 group.
    application('A-GENERAL', '2022-04-01', { preferences: ['KG-1', 'KG-2'] }, 1),
    application('A-RU', '2022-05-01', { preferences: ['KG-2'], language: 'ru' }, 3),
    application('A-2020', '2020-05-01', {}, 4),
    application('A-SEVEN', '2019-09-01', {}, 5),
    application('A-EXPIRED', '2022-06-01', { rights: [{ category: 'military', document: 'M-1', validUntil: '2026-08-31' }], acceptAnyInDistrict: true }, 6),
  ]));
});

describe.each(BACKENDS)('kezek explain on %s', (backend) => {
  const db = useDatabase(backend);

  it('explains rules, category, queue number and why each choice has no seat', async () => {
    await importData(db(), dataDir);
    await allocate(db(), DATE);
    const rules = shippedRules();

    const general = await explainApplication(db(), rules, calendar, 'A-GENERAL', DATE);
    expect(general.referral).toBeNull();
    expect(general.evaluation).toEqual({ eligible: true, reasons: [], category: 'general', rights: [] });
    expect(general.position).toMatchObject({ state: 'queued', queueNumber: 1, ahead: { extraordinary: 0, primary: 0, general: 0 } });
    expect(general.storedNumber).toMatchObject({ runDate: DATE, queueNumber: 1, rulesVersion: rules.version, rulesHash: rules.hash });
    expect(general.preferenceVerdicts).toEqual([
      { rank: 1, kindergarten: 'KG-1', name: 'One', verdict: 'seats_taken', groups: ['G2022-kk-1'] },
      { rank: 2, kindergarten: 'KG-2', name: 'Two', verdict: 'no_group_in_language', groups: [] },
    ]);
    expect(general.situation).toEqual({ kind: 'queued' });
    expect(general.missingRules).toEqual([]);
    // The run's rules are found by hash in the rules folder; when they are gone, the explanation says so.
    expect((await explainApplication(db(), rules, calendar, 'A-GENERAL', DATE, new Set([rules.hash]))).missingRules).toEqual([]);
    const gone = await explainApplication(db(), rules, calendar, 'A-GENERAL', DATE, new Set(['another-hash']));
    expect(gone.missingRules).toEqual([rules.hash]);
    // Hashes are for staff: only the trace names them.
    expect(explanationText(gone, 'en', rules)).not.toContain(rules.hash.slice(0, 12));
    expect(explanationText(gone, 'en', rules, { trace: true })).toContain(`The rules that run used (hash ${rules.hash.slice(0, 12)}) are no longer in the rules folder`);
    const primary = await explainApplication(db(), rules, calendar, 'A-PRIMARY', DATE);
    expect(primary.referral).toMatchObject({ kindergarten: 'KG-1', group: 'G2022-kk-1', category: 'primary', preferenceRank: 1, rulesHash: rules.hash });
    expect(primary.ruleTraces.find((r) => r.name === 'primary')).toMatchObject({ fired: true, kind: 'category' });
    expect((await explainApplication(db(), rules, calendar, 'A-RU', DATE)).preferenceVerdicts).toEqual([{ rank: 1, kindergarten: 'KG-2', name: 'Two', verdict: 'no_group_of_type', groups: [] }]);
    expect((await explainApplication(db(), rules, calendar, 'A-2020', DATE)).preferenceVerdicts[0]!.verdict).toBe('no_group_for_birth_year');

    const seven = await explainApplication(db(), rules, calendar, 'A-SEVEN', DATE);
    expect(seven.evaluation).toMatchObject({ eligible: false, reasons: ['age_limit'] });
    expect(seven.ruleTraces[0]).toEqual({
      name: 'age_limit',
      kind: 'eligibility',
      fired: true,
      gives: 'age_limit',
      conditions: [{ path: 'conditions.all[0]', fact: 'ageYears', operator: 'greaterThanInclusive', value: { fact: 'parameters', path: '$.maxAgeYears' }, compared: 7, factResult: 7, result: true, negated: false }],
    });
    expect(seven.ruleTraces[1]).toMatchObject({ name: 'too_young', fired: false, conditions: [{ factResult: 84, compared: 12, result: false }] });
    expect(seven.preferenceVerdicts).toEqual([]);
    // Refused by the run and aged out: said as such, never as an open queue place.
    expect(seven.situation).toEqual({ kind: 'aged_out', on: DATE, reasons: ['age_limit'] });

    const expired = await explainApplication(db(), rules, calendar, 'A-EXPIRED', DATE);
    expect(expired.evaluation.category).toBe('general');
    expect(expired.expiredRights).toEqual(['military']);
    // Behind A-GENERAL and A-RU (earlier registrations) in the same cohort: the expired right gives no priority.
    expect(expired.position).toMatchObject({ state: 'queued', queueNumber: 3, ahead: { general: 2 } });
    expect(expired.preferenceVerdicts.at(-1)).toEqual({ rank: 0, kindergarten: null, name: null, verdict: 'seats_taken', groups: ['KG-1/G2022-kk-1'] });

    // In three languages, with the names of places and nothing personal.
    const texts = {
      en: explanationText(general, 'en', rules),
      ru: explanationText(general, 'ru', rules),
      kk: explanationText(general, 'kk', rules),
    };
    expect(texts.en).toContain('In the queue: number 1 of 3 among the children born in 2022 in Test district, at September 1, 2026.');
    expect(texts.en).toContain('1. One: fitting groups exist, but all their seats went to children ahead in the queue');
    expect(texts.en).toContain('2. Two: no group for children born in 2022 in the Kazakh language');
    expect(texts.ru).toContain('В очереди: номер 1 из 3 среди детей 2022 года рождения, Test district, на 1 сентября 2026 г.');
    expect(texts.ru).toContain('все места получили дети, стоящие в очереди впереди');
    expect(texts.ru).toContain('нет группы для детей 2022 года рождения с казахским языком обучения');
    expect(texts.kk).toContain('Кезекте: Test district, 2022 жылы туған балалар арасында кезек нөмірі 1 (барлығы 3)');
    expect(texts.kk).toContain('кезекте алда тұрған балалар алды');
    // The rule trace only on request.
    for (const text of Object.values(texts)) expect(text).not.toMatch(/age_limit|✓|✗/);
    expect(explanationText(seven, 'kk', rules)).toContain('кезектен шығарылды: осы күні балаға 7 жас толды.');
    expect(explanationText(expired, 'ru', rules)).toContain('Не учтены, срок подтверждающего документа истёк: ребёнок военнослужащего');
    for (const text of [...Object.values(texts), explanationText(seven, 'ru', rules, { trace: true }), JSON.stringify(general), JSON.stringify(seven)]) {
      for (const iin of iins) expect(text).not.toContain(iin);
      for (const name of NAMES) expect(text).not.toContain(name);
    }
  });
});

describe('kezek explain (command line)', () => {
  it('prints the explanation in the asked language; an unknown id is a one-line error', async () => {
    const { db, schema } = await openTestDatabase('postgres');
    try {
      await importData(db, dataDir);
      await allocate(db, DATE);
      await db.close();
      const env = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
      const ru = await kezekHere(['explain', 'A-GENERAL', '--date', DATE, '--lang', 'ru'], env);
      expect(ru.code, ru.stderr).toBe(0);
      expect(ru.stdout).toContain('Заявление A-GENERAL на 1 сентября 2026 г.');
      expect(ru.stdout).not.toContain('✗');
      const traced = await kezekHere(['explain', 'A-GENERAL', '--date', DATE, '--lang', 'ru', '--trace'], env);
      expect(traced.stdout).toMatch(/✗ предельный возраст: 7 лет: не выполняется \(даёт: отказ: ребёнку на эту дату исполнилось 7 лет\)/);
      expect(traced.stdout).toMatch(/возраст \(полных лет\): 4; условие ≥ 7: нет/);
      const missing = await kezekHere(['explain', 'NOPE', '--date', DATE], env);
      expect(missing.code).toBe(2);
      expect(missing.stderr.trim()).toBe('kezek: application NOPE not found');
    } finally {
      await dropSchema(schema);
    }
  });
});
