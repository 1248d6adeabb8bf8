import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeIin } from '../../src/domain/iin.js';

/**
 * A hand-made district for the multi-night scenario: one kindergarten, one
 * group of 4 seats for children born in 2022, seven applications.
 */
export interface ScenarioApp {
  id: string;
  birthDate: string;
  registeredAt: string;
  rights?: { category: string; document: string; validUntil: string }[];
}

export const SCENARIO_APPS: ScenarioApp[] = [
  { id: 'A1', birthDate: '2022-01-10', registeredAt: '2023-01-01T09:00:00+05:00' },
  { id: 'A2', birthDate: '2022-02-10', registeredAt: '2023-01-02T09:00:00+05:00' },
  { id: 'A3', birthDate: '2022-03-10', registeredAt: '2023-01-03T09:00:00+05:00' },
  { id: 'A4', birthDate: '2022-04-10', registeredAt: '2023-01-04T09:00:00+05:00', rights: [{ category: 'large_family', document: 'ANP-1', validUntil: '2027-12-31' }] },
  { id: 'A5', birthDate: '2022-05-10', registeredAt: '2023-01-05T09:00:00+05:00' },
  { id: 'A6', birthDate: '2022-06-10', registeredAt: '2023-01-06T09:00:00+05:00' },
  // 7 years old on 5 Sep 2026: leaves the queue as aged_out from that day on.
  { id: 'A7', birthDate: '2019-09-05', registeredAt: '2020-01-01T09:00:00+05:00' },
];

export function writeScenario(dir: string): string[] {
  const iins: string[] = [];
  const nd = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(join(dir, 'districts.ndjson'), nd([{ id: 'D1', name: 'Test ауданы', region: 'Test' }]));
  writeFileSync(join(dir, 'kindergartens.ndjson'), nd([{ id: 'KG-1', district: 'D1', name: '№1 Балапан', languages: ['kk'] }]));
  writeFileSync(
    join(dir, 'places.ndjson'),
    nd([{ kindergarten: 'KG-1', group: 'G2022-kk-1', birthYear: 2022, language: 'kk', groupType: 'general', seats: 4 }]),
  );
  const apps = SCENARIO_APPS.map((a, i) => {
    const child = makeIin(a.birthDate, i % 2 ? 'male' : 'female', 100 + i);
    const parent = makeIin('1990-05-05', 'female', 200 + i);
    iins.push(child, parent);
    return {
      id: a.id,
      child: { iin: child, birthDate: a.birthDate, name: `Бала ${a.id}` },
      applicant: { iin: parent, name: `Ата-ана ${a.id}`, relation: 'mother' },
      district: 'D1',
      registeredAt: a.registeredAt,
      channel: 'portal',
      preferences: ['KG-1'],
      acceptAnyInDistrict: false,
      language: 'kk',
      groupType: 'general',
      desiredFrom: '2026-01-01',
      rights: a.rights ?? [],
    };
  });
  writeFileSync(join(dir, 'applications.ndjson'), nd(apps));
  return iins;
}
