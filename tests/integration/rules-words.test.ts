import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../src/domain/iin.js';
import { copyRules, readJson, writeJson } from '../rules/helpers.js';
import { kezekHere } from '../support/cli.js';
import { dropSchema, newSchemaName, POSTGRES_URL } from '../support/databases.js';
import { tempDir } from '../support/run-helpers.js';

const DATE = '2026-09-01';
const nd = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** A rules folder with every parameter a family reads changed, and a right staff added with its names. */
function changedRules(): string {
  const dir = copyRules();
  writeJson(dir, 'parameters.json', {
    ...readJson(dir, 'parameters.json'),
    maxAgeYears: 6,
    primaryQuota: [1, 2],
    confirmWorkingDays: 3,
    enrollWorkingDays: 6,
    extensionCalendarDays: 20,
    proofWorkingDays: 4,
    stopListDays: 12,
    restoreCalendarDays: 21,
    complaintProviderWorkingDays: 7,
    complaintAuthorityWorkingDays: 14,
  });
  const categories = readJson(dir, 'categories.json');
  categories.rules[1].conditions.any.push({ fact: 'validRights', operator: 'contains', value: 'veteran_family' });
  writeJson(dir, 'categories.json', categories);
  const vocabulary = readJson(dir, 'vocabulary.json');
  vocabulary.rights.veteran_family = { tier: 'primary', kk: 'соғыс ардагерінің отбасы', ru: 'семья ветерана боевых действий', en: 'family of a combat veteran' };
  writeJson(dir, 'vocabulary.json', vocabulary);
  return dir;
}

function dataFolder(): string {
  const dir = tempDir('kezek-words-');
  mkdirSync(dir, { recursive: true });
  const app = (id: string, birthDate: string, serial: number, rights: unknown[] = []) => ({
    id,
    child: { iin: makeIin(birthDate, 'female', 700 + serial), birthDate, name: `Бала ${id}` },
    applicant: { iin: makeIin('1990-05-05', 'female', 800 + serial), name: `Ата-ана ${id}`, relation: 'mother' },
    district: 'D1',
    registeredAt: `2024-01-0${serial}T09:00:00+05:00`,
    channel: 'portal',
    preferences: ['KG-1'],
    acceptAnyInDistrict: false,
    language: 'ru',
    groupType: 'general',
    desiredFrom: '2026-01-01',
    rights,
  });
  writeFileSync(join(dir, 'districts.ndjson'), nd([{ id: 'D1', name: 'Алмалы ауданы', region: 'Алматы' }]));
  writeFileSync(join(dir, 'kindergartens.ndjson'), nd([{ id: 'KG-1', district: 'D1', name: '№3 «Күншуақ»', languages: ['ru'] }]));
  writeFileSync(join(dir, 'places.ndjson'), nd([{ kindergarten: 'KG-1', group: 'G2022-ru-1', birthYear: 2022, language: 'ru', groupType: 'general', seats: 1 }]));
  writeFileSync(
    join(dir, 'applications.ndjson'),
    nd([
      app('VET', '2022-02-01', 1, [{ category: 'veteran_family', document: 'V-1', validUntil: '2027-12-31' }]),
      app('G1', '2022-03-01', 2),
      app('P1', '2022-04-01', 3, [{ category: 'veteran_family', document: 'V-2', validUntil: '2027-12-31' }]),
      app('G2', '2022-05-01', 4),
      // Six on 1 September 2020 + 6: refused at the age limit of this rule set.
      app('SIX', '2020-05-01', 5),
    ]),
  );
  return dir;
}

describe('the words follow the rules folder (command line, PostgreSQL)', () => {
  it('every text quotes the changed age limit, quota and deadlines, and names a right staff added', async () => {
    const schema = newSchemaName();
    const env = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
    const rules = changedRules();
    const run = async (args: string[]) => {
      const r = await kezekHere([...args, '--rules', rules], env);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    try {
      await run(['import', dataFolder()]);
      await run(['allocate', '--date', DATE, '--out', tempDir()]);

      const six = await run(['explain', 'SIX', '--date', DATE, '--lang', 'ru', '--trace']);
      expect(six).toContain('Заявление снято с очереди 1 сентября 2026 г.: ребёнку на эту дату исполнилось 6 лет.');
      expect(six).toContain('✓ предельный возраст: 6 лет: выполняется');

      // VET took the seat (primary first); queue: G1, P1, G2 by the 1:2 quota → P1, G1, G2.
      const position = await run(['position', 'G1', '--date', DATE, '--lang', 'ru']);
      expect(position).toContain('номер в очереди 2 из 3');
      expect(position).toContain('«первоочередная» и «общая очередь» поочерёдно, 1 к 2;');
      expect(await run(['position', 'P1', '--date', DATE, '--lang', 'kk'])).toContain('(құқықтар: соғыс ардагерінің отбасы)');

      const referral = (await run(['notice', 'VET', '--date', DATE, '--lang', 'ru'])).replace(/\n! /g, '\n').replace(/\s+/g, ' ');
      expect(referral).toContain('Государственная услуга «Постановка на очередь детей дошкольного возраста (до 6 лет)');
      // Issued Tue 1 Sep: 3 working days → Fri 4 Sep; the proof in 4 → Mon 7 Sep.
      expect(referral).toContain('до 4 сентября 2026 г. включительно: в течение 3 рабочих дней после дня выдачи');
      expect(referral).toContain('до 7 сентября 2026 г. включительно: в течение 4 рабочих дней после дня выдачи');
      expect(referral).toContain('первоочередная (семья ветерана боевых действий)');
      expect(referral).toContain('В течение 6 рабочих дней после подтверждения');
      expect(referral).toContain('не более чем на 20 календарных дней');
      expect(referral).toContain('в течение 21 календарного дня');
      expect(referral).toContain('на 12 календарных дней попадает в стоп-лист');
      expect(referral).toContain('в течение 7 рабочих дней');
      expect(referral).toContain('(в течение 14 рабочих дней)');
      const kk = (await run(['notice', 'VET', '--date', DATE, '--lang', 'kk'])).replace(/\n! /g, '\n').replace(/\s+/g, ' ');
      expect(kk).toContain('(6 жасқа дейін)');
      expect(kk).toContain('берілген күннен кейін 3 жұмыс күні ішінде');
      expect(kk).toContain('соғыс ардагерінің отбасы');
      expect(kk).toContain('12 күнтізбелік күнге тоқтату тізіміне');
      const queue = (await run(['notice', 'G1', '--date', DATE, '--lang', 'kk'])).replace(/\n! /g, '\n').replace(/\s+/g, ' ');
      expect(queue).toContain('1:2 арақатынасында');
    } finally {
      await dropSchema(schema);
    }
  }, 120_000);
});
