import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { RunFolderWriter } from '../../src/io/run-folder.js';
import { referralsByKindergarten } from '../../src/nightly/in-order.js';
import type { RunAudit, RunSummary } from '../../src/nightly/summary.js';
import { kindergartenRows, reportFiles, reportHtml, runReportBody } from '../../src/pages/run-report.js';
import { openTestDatabase } from '../support/databases.js';
import { tempDir } from '../support/run-helpers.js';
import { siteFixture } from './site.js';

let db: Database;
let summary: RunSummary;
let audit: RunAudit;

beforeAll(async () => {
  db = (await openTestDatabase('embedded')).db;
  const { night2 } = await siteFixture(db);
  summary = night2.summary;
  audit = night2.audit as RunAudit;
});

afterAll(async () => {
  await db?.close();
});

const names = new Map([
  ['KG-1', '№1 «Балапан» балабақшасы'],
  ['KG-3', 'Детский сад № 3 «Солнышко»'],
  ['KG-2', '№2 «Айгөлек»'],
]);

describe("a night's report from summary.json and audit.json", () => {
  it('per kindergarten: the referrals of referrals.ndjson and the places left with why, in district and kindergarten order', () => {
    const lines = [
      { application: 'S2', district: 'D1', kindergarten: 'KG-1' },
      { application: 'S7', district: 'D1', kindergarten: 'KG-1' },
      { application: 'S8', district: 'D1', kindergarten: 'KG-3' },
    ];
    const tally = referralsByKindergarten(new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'));
    expect(tally).toEqual([
      { district: 'D1', kindergarten: 'KG-1', referrals: 2 },
      { district: 'D1', kindergarten: 'KG-3', referrals: 1 },
    ]);
    // Night 2: S2 took KG-1's third seat; KG-3's two groups (4 + 1) and KG-2's seat (S6 holds the other) stayed free.
    const rows = kindergartenRows(summary, { kindergartens: [{ district: 'D1', kindergarten: 'KG-1', referrals: 1 }], kindergartenNames: names });
    expect(rows.map((r) => [r.district, r.name, r.given, r.left, [...r.why.keys()]])).toEqual([
      ['D1', '№1 «Балапан» балабақшасы', 1, 0, []],
      ['D1', 'Детский сад № 3 «Солнышко»', 0, 5, ['no_candidate_of_birth_year']],
      ['D2', '№2 «Айгөлек»', 0, 1, ['no_candidate_of_birth_year']],
    ]);
  });

  it('says the night in each language: totals, referrals, the queue, places per kindergarten, lapses, waiting and every check of the audit', async () => {
    const extra = { kindergartens: [{ district: 'D1', kindergarten: 'KG-1', referrals: 1 }], kindergartenNames: names };
    const kk = (await runReportBody('kk', summary, audit, extra)).text;
    const ru = (await runReportBody('ru', summary, audit, extra)).text;
    const en = (await runReportBody('en', summary, audit, extra)).text;
    expect(en).toContain('<tr><th scope="row">Referrals</th><td class="n">1</td></tr>');
    expect(en).toContain(`<tr><th scope="row">Free places</th><td class="n">${summary.totals.seatsOffered}</td></tr>`);
    expect(en).toContain('Every check held.');
    expect(en.match(/✔ held/g)).toHaveLength(6);
    expect(ru).toContain('Все проверки пройдены.');
    expect(ru.match(/✔ пройдена/g)).toHaveLength(6);
    expect(kk).toContain('Барлық тексерістен өтті.');
    expect(kk).toContain('<th scope="row">Детский сад № 3 «Солнышко»</th><td class="n">0</td><td class="n">5</td><td>осы жылы туған күтіп тұрған бала жоқ (5)</td>');
    for (const body of [kk, ru, en]) {
      expect(body.match(/<svg[^>]*role="img"/g)).toHaveLength(4);
      expect(body).not.toMatch(/<script|\b\d{12}\b/);
    }
    // Without referrals per kindergarten (the console with summary and audit only), no column of them.
    const bare = (await runReportBody('en', summary, audit)).text;
    expect(bare).not.toContain('<th scope="col" class="n">Referrals</th><th scope="col" class="n">Left free</th>');
    expect(bare).toContain('<th scope="row">KG-3</th><td class="n">5</td>');
  });

  it('a failed check is said first and shown with its first case, escaped', async () => {
    const broken: RunAudit = JSON.parse(JSON.stringify(audit)) as RunAudit;
    broken.held = false;
    broken.invariants.noWaste.held = false;
    const d1 = broken.districts.find((d) => d.district === 'D1')!;
    d1.noWaste = { ...d1.noWaste, held: false, counterexample: { message: 'group <G1> of KG-1 kept 1 free seat(s) that fitted S9', ids: ['S9'] } };
    const en = (await runReportBody('en', summary, broken)).text;
    expect(en).toContain('<p class="warn" role="alert">A check failed: see below.</p>');
    expect(en.match(/✘ failed/g)).toHaveLength(1);
    expect(en).toContain('D1, No place left free while a child who would take it waited (4): First case found: group &lt;G1&gt; of KG-1 kept 1 free seat(s) that fitted S9');
  });

  it('report.html is one page that needs nothing else: styles and charts inline, no script, links only to its other languages', async () => {
    const files = await reportFiles(summary, audit);
    expect(Object.keys(files).sort()).toEqual(['report.en.html', 'report.html', 'report.ru.html']);
    expect(files['report.html']).toContain('<html lang="kk">');
    expect(files['report.ru.html']).toContain('<html lang="ru">');
    expect(files['report.ru.html']).toContain('<h1>Ночное распределение 2 сентября 2026 г.</h1>');
    for (const text of Object.values(files)) {
      expect(text).not.toMatch(/<script|<link|<img|src=|url\(|https?:\/\/(?!www\.w3\.org)/);
      const hrefs = [...text.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      expect(hrefs.sort()).toEqual(['report.en.html', 'report.html', 'report.ru.html']);
    }
    expect(await reportHtml('en', summary, audit)).toBe(files['report.en.html']);
  });

  it('the run folder writer puts the report files in with audit.json, before summary.json', () => {
    const dir = tempDir('kezek-writer-');
    const w = new RunFolderWriter(dir);
    w.add(new Uint8Array(), new Uint8Array(), new Uint8Array(), new Uint8Array());
    w.close({ date: 'x' }, { held: true }, { 'report.html': '<!doctype html><p>ok</p>' });
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('<!doctype html><p>ok</p>');
    expect(existsSync(join(dir, 'summary.json'))).toBe(true);
  });
});
