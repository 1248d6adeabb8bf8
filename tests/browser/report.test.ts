import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runReportFiles } from '../../src/cli/run-report.js';
import type { Database } from '../../src/db/database.js';
import { loadCalendar } from '../../src/io/calendar.js';
import { runNightly } from '../../src/nightly/run.js';
import { openTestDatabase } from '../support/databases.js';
import { describeInBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { shippedRules, silent, tempDir } from '../support/run-helpers.js';
import { NIGHT2, siteFixture } from '../pages/site.js';

let db: Database;
let folder: string;

beforeAll(async () => {
  db = (await openTestDatabase('embedded')).db;
  await siteFixture(db);
  // The second night again, as `kezek allocate` runs it: read back from the ledger, with its report.
  folder = tempDir('kezek-report-');
  await runNightly(db, { date: NIGHT2, outDir: folder, districts: [], workers: 1, dryRun: false, rules: shippedRules(), engine: 'compiled', calendar: loadCalendar('rules'), report: runReportFiles(db) }, silent);
});

afterAll(async () => {
  await db?.close();
});

it('the run folder has report.html in Kazakh and its Russian and English versions, written before summary.json', () => {
  for (const f of ['report.html', 'report.ru.html', 'report.en.html', 'summary.json', 'audit.json']) expect(existsSync(join(folder, f)), f).toBe(true);
  const kk = readFileSync(join(folder, 'report.html'), 'utf8');
  expect(kk).toContain('<html lang="kk">');
  expect(kk).toContain('№1 «Балапан» балабақшасы');
  // Self-contained: no script, nothing fetched (the SVG namespace is a name, not a request).
  expect(kk).not.toMatch(/<script|<link|src=|url\(|https?:\/\/(?!www\.w3\.org)/);
});

describeInBrowser('report.html opened from the file', (browser) => {
  for (const [file, lang, heading] of [
    ['report.html', 'kk', /түнгі бөлу/],
    ['report.ru.html', 'ru', /Ночное распределение/],
    ['report.en.html', 'en', /Night allocation/],
  ] as const) {
    it(`${file}: opens offline and shows its charts (${lang})`, async () => {
      const context = await browser().newContext({ offline: true });
      const requests: string[] = [];
      context.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(folder, file)).href);
      await expect(page.locator('h1')).toBeDefined();
      expect(await page.locator('h1').textContent()).toMatch(heading);
      // Charts: referrals by category and by choice, the queue, places per kindergarten; each drawn with marks.
      const charts = page.locator('figure.chart svg[role="img"]');
      expect(await charts.count()).toBe(4);
      for (let i = 0; i < 4; i++) {
        const box = await charts.nth(i).boundingBox();
        expect(box!.width).toBeGreaterThan(100);
        expect(box!.height).toBeGreaterThan(40);
        expect(await charts.nth(i).locator('path').count()).toBeGreaterThan(0);
      }
      expect(requests).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `report-${lang}`);
      // Printed: the charts and their tables stay, the language links go; and it makes a PDF.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.langs').isVisible()).toBe(false);
      expect(await charts.first().isVisible()).toBe(true);
      expect(await page.locator('figure.chart table').first().isVisible()).toBe(true);
      if (lang === 'kk') {
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      }
      await context.close();
    });
  }
});
