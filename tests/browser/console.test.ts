import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { KezekContext } from '../../src/context.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/log.js';
import { buildServer } from '../../src/server/app.js';
import { SERVE_DEFAULTS, serverState } from '../../src/server/serve.js';
import { copyRules, readJson, writeJson } from '../rules/helpers.js';
import { describeInBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { dropSchema, openTestDatabase } from '../support/databases.js';
import { allocate, importData, tempDir } from '../support/run-helpers.js';
import { DATE, makeKeys, writeFixture, type Keys } from '../server/support.js';

/**
 * The staff console in Debian's Chromium: an operator signs in, opens last
 * night's report, confirms a referral after its confirmation page and
 * downloads the notice; a policy officer previews a version's impact in
 * people; a form sent without its CSRF token is refused. Every page is
 * screenshotted (screenshots/console-*.png) and checked by axe-core.
 */

/** rules/ plus versions/2026.2 from 1 October: children must be under 4 (the fixture's children are 4). */
function rulesWithStricterVersion(): string {
  const dir = copyRules();
  const v = join(dir, 'versions', '2026.2');
  mkdirSync(v, { recursive: true });
  for (const f of ['ruleset.json', 'parameters.json', 'eligibility.json', 'categories.json']) writeJson(v, f, readJson(dir, f));
  writeJson(v, 'ruleset.json', { ...readJson(v, 'ruleset.json'), $schema: '../../schema/ruleset.schema.json', version: '2026.2', effectiveFrom: '2026-10-01' });
  writeJson(v, 'parameters.json', { ...readJson(v, 'parameters.json'), maxAgeYears: 4 });
  return dir;
}

describeInBrowser('the staff console in a browser', (browser: () => Browser) => {
  let db: Database;
  let schema = '';
  let keys: Keys;
  let base = '';
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ db, schema } = await openTestDatabase('postgres'));
    const dir = tempDir('kezek-console-');
    writeFixture(dir);
    await importData(db, dir);
    await allocate(db, DATE);
    keys = await makeKeys(db);
    const ctx = new KezekContext(resolveConfig({ rulesDir: rulesWithStricterVersion(), logLevel: 'silent' }, {}), createLogger({ level: 'silent' }));
    const app = await buildServer(serverState(ctx, db, { ...SERVE_DEFAULTS, date: DATE }), { rateLimitPerMinute: 10_000 });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
  }, 120_000);

  afterAll(async () => {
    await close();
    await db?.close();
    if (schema) await dropSchema(schema);
  });

  /** Screenshot and accessibility check of the page as it is now. */
  async function look(page: Page, name: string): Promise<void> {
    await screenshot(page, `console-${name}`);
    expect(await seriousViolations(page), name).toEqual([]);
  }

  async function signIn(page: Page, key: string, o: { look: boolean } = { look: true }): Promise<void> {
    await page.goto(`${base}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    if (o.look) await look(page, 'login');
    await page.getByLabel('API кілті').fill(key);
    await page.getByRole('button', { name: 'Кіру' }).click();
    await page.waitForURL(`${base}/console`);
  }

  it('an operator opens last night’s report, confirms a referral after its confirmation page and downloads the notice', async () => {
    const context = await browser().newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, keys.operator);
    await look(page, 'home');

    await page.getByRole('link', { name: DATE }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`${DATE} түнгі бөлуі`);
    // The night's report, as the run folder's report.html has it: its totals and its charts (server-drawn SVG).
    const totals = page.locator('section[aria-labelledby="r-totals"] table');
    await expect.poll(() => totals.locator('tr').filter({ has: page.locator('th', { hasText: /^Жолдамалар$/ }) }).locator('td').textContent()).toBe('3');
    expect(await page.getByText('Барлық тексерістен өтті.').count()).toBeGreaterThan(0);
    expect(await page.getByText(/компиляцияланған қозғалтқыш/).count()).toBeGreaterThan(0);
    const charts = page.locator('figure.chart svg[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const svg of await charts.all()) {
      expect(await svg.isVisible()).toBe(true);
      expect(await svg.locator('text').count()).toBeGreaterThan(0);
    }
    // Places given per kindergarten, by name: D1's two referrals went to №1 Балапан.
    expect(await page.getByText('№1 Балапан', { exact: true }).count()).toBeGreaterThan(0);
    await look(page, 'run');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'console-run-print');
    expect(await page.locator('header nav').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${base}/console/due?date=2026-09-02`);
    expect(await page.locator('a[href="/console/applications/S1"]').count()).toBe(1);
    await look(page, 'due');

    await page.goto(`${base}/console`);
    await page.getByLabel('Өтініш нөмірі').fill('S1');
    await page.getByRole('button', { name: 'Ашу' }).click();
    await page.waitForURL(`${base}/console/applications/S1`);
    await look(page, 'application');

    await page.getByRole('link', { name: 'Жолдаманы растау' }).click();
    await page.waitForURL(`${base}/console/applications/S1/steps/confirm`);
    await look(page, 'confirm');
    const status = async () => (await db.query<{ status: string }>(`select status from referrals where application_id = 'S1'`))[0]!.status;
    expect(await status()).toBe('offered');
    await page.getByRole('button', { name: 'Иә, орындау' }).click();
    await page.waitForURL(`${base}/console/applications/S1?done=confirm`);
    expect(await page.getByRole('status').textContent()).toContain('Орындалды: Жолдаманы растау. Қазіргі күйі — «жолдама расталды».');
    expect(await status()).toBe('confirmed');
    await look(page, 'application-done');
    // The history's reasons and the run's engine in the page's language, not as stored (English).
    expect(await page.getByRole('cell', { name: 'түнгі бөлу берді', exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: 'issued by nightly allocation' }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Қазақша PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('referral-S1-kk.pdf');
    const file = join(tempDir('kezek-download-'), download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

    // The same page in Russian, kept for the next page too.
    await page.getByRole('link', { name: 'Русский' }).click();
    await page.waitForURL(`${base}/console/applications/S1?lang=ru`);
    expect(await page.getByRole('cell', { name: 'выдано ночным распределением', exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: /^подтверждено родителем; зачислить до / }).count()).toBe(1);
    await look(page, 'application-ru');
    await page.goto(`${base}/console/complaints`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.getByLabel('Входящий номер').fill('Ж-17');
    await page.getByLabel('Уровень').selectOption('authority');
    await page.getByLabel('Номер заявления (необязательно)').fill('S2');
    await page.getByLabel('Суть').fill('Не согласны с номером в очереди');
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    await page.waitForURL(/registered=/);
    expect(await page.getByRole('status').textContent()).toBe('Жалоба Ж-17 зарегистрирована; ответить нужно до 2026-09-22.');
    await look(page, 'complaints-ru');
    await context.close();
  });

  it('works without JavaScript: sign in, a step through its confirmation, sign out', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, keys.operatorD2, { look: false });
    await page.goto(`${base}/console/applications/S6?lang=en`);
    await page.getByRole('link', { name: 'Confirm the referral' }).click();
    await page.getByRole('button', { name: 'Yes, do it' }).click();
    await page.waitForURL(`${base}/console/applications/S6?done=confirm`);
    expect((await db.query<{ status: string }>(`select status from referrals where application_id = 'S6'`))[0]!.status).toBe('confirmed');
    expect(await page.locator('td', { hasText: 'key:operator-d2' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/console/login?out=1`);
    expect(await page.getByRole('status').textContent()).toBe('You have signed out.');
    await context.close();
  });

  it('a form sent without its CSRF token is refused, and nothing changes', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await signIn(page, keys.operator);
    await page.goto(`${base}/console/applications/S5/steps/decline`);
    // Remove the token from the page's forms, as a forged form from elsewhere would lack it.
    for (const field of await page.locator('main input[name="_csrf"]').elementHandles()) await field.evaluate((e: { remove(): void }) => e.remove());
    await page.locator('main').getByRole('button').click();
    await page.waitForLoadState();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Форманың мерзімі өтті');
    expect((await db.query<{ status: string }>(`select status from referrals where application_id = 'S5'`))[0]!.status).toBe('offered');
    await look(page, 'csrf-refused');
    await context.close();
  });

  it('a policy officer previews a version’s impact in people', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await signIn(page, keys.policy);
    await page.goto(`${base}/console/rules`);
    await look(page, 'rules');
    await page.getByLabel('Тексерілетін нұсқа').selectOption('2026.2');
    await page.getByRole('button', { name: 'Көрсету' }).click();
    await page.waitForURL(/\/console\/rules\/preview\?/);
    expect(await page.getByRole('heading', { level: 2, name: /2026\.2/ }).count()).toBe(1);
    // Under 4 only: every queued child of the fixture (S2, S3, S4 in D1) is refused with the new version.
    const gained = page.locator('table.facts tr', { hasText: 'Бас тарту алады' }).locator('td');
    expect(Number(await gained.textContent())).toBeGreaterThanOrEqual(3);
    expect(await page.locator('table', { hasText: 'Нәтижесі өзгеретін барлық балалар' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await look(page, 'rules-preview');
    // Another role's page is refused to a policy key.
    const r = await page.goto(`${base}/console/due`);
    expect(r?.status()).toBe(403);
    await look(page, 'forbidden');
    await context.close();
  });
});
