import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, screenshot, seriousViolations } from '../support/browser.js';
import { openSite, type Site } from '../pages/site.js';

let site: Site;

beforeAll(async () => {
  site = await openSite();
});

afterAll(async () => {
  await site?.close();
});

/** Opens a path, checks it with axe (no serious or critical violation) and keeps a screenshot of it. */
async function look(page: Page, path: string, name: string): Promise<void> {
  const r = await page.goto(site.url + path);
  expect(r?.status(), path).toBeLessThan(500);
  expect(await page.locator('script').count(), `${path}: no script`).toBe(0);
  expect(await seriousViolations(page), `${path}: accessibility`).toEqual([]);
  await screenshot(page, name);
}

const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

describeInBrowser('the public pages', (browser) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Scripts stay on for axe; the pages themselves have none (checked on each), so forms and links do all.
    context = await browser().newContext({ acceptDownloads: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('the districts by region, in Kazakh by default; the switch turns the site to Russian and the choice is remembered', async () => {
    await context.clearCookies();
    await look(page, '/', 'home-kk');
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    expect(await page.locator('h1').innerText()).toBe('Аудандар');
    expect(await page.locator('main h2').allInnerTexts()).toEqual(['Алматы', 'Астана']);
    expect(await page.locator('main li.card strong').allInnerTexts()).toEqual(['Медеу ауданы', 'Бостандық ауданы', 'Есіл ауданы', 'Сарыарқа ауданы']);

    await page.getByRole('link', { name: 'Русский' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('h1').innerText()).toBe('Районы');
    const cookie = (await context.cookies()).find((c) => c.name === 'kezek_lang');
    expect(cookie).toMatchObject({ value: 'ru', sameSite: 'Lax', httpOnly: true });
    // Another page, no ?lang=: still Russian.
    await page.goto(`${site.url}/lookup`);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('h1').innerText()).toBe('Моё место в очереди');
    await look(page, '/', 'home-ru');
  });

  it('a parent looks up the place in Kazakh with the number and the birth date, by keyboard: the place, the category, who is ahead and the history with its reasons; no name, no IIN', async () => {
    await context.clearCookies();
    await look(page, '/lookup?lang=kk', 'lookup-form-kk');
    // The skip link is the first stop of the keyboard.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('href')).toBe('#main');
    await page.getByLabel('Өтініш нөмірі').focus();
    await page.keyboard.type('S3');
    await page.getByLabel('Баланың туған күні').fill('2022-03-10');
    await page.getByLabel('Өтініш нөмірі').press('Enter');
    await page.waitForLoadState();

    expect(page.url()).toBe(`${site.url}/lookup`);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    const text = await mainText(page);
    // After night 2 (S2 referred), S3 is first of the two left; it was second after night 1.
    expect(text).toContain('№ 1 (барлығы 2)');
    expect(text).toContain('Санаты: жалпы кезек');
    expect(text).toContain('Алда: ешкім жоқ');
    const history = await page.locator('#history ~ table tbody tr, section[aria-labelledby="history"] tbody tr').allInnerTexts();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(/1 қыркүйек[\s\S]*2[\s\S]*алғашқы нөмір/);
    expect(history[1]).toMatch(/2 қыркүйек[\s\S]*1[\s\S]*−1[\s\S]*Жолдама алған/);
    // Nothing personal: the fixture's child is "Бала S3" with an IIN of twelve digits.
    const html = await page.content();
    expect(html).not.toContain('Бала S3');
    expect(html).not.toContain('Ата-ана');
    expect(html).not.toMatch(/\b\d{12}\b/);
    expect(html).not.toContain('2022-03-10');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'lookup-result-kk');
  });

  it('a wrong birth date and an unknown number get the same answer, which names neither', async () => {
    const answer = async (application: string, birthDate: string) => {
      await page.goto(`${site.url}/lookup?lang=kk`);
      await page.getByLabel('Өтініш нөмірі').fill(application);
      await page.getByLabel('Баланың туған күні').fill(birthDate);
      await page.getByRole('button', { name: 'Орнымды көрсету' }).click();
      await page.waitForLoadState();
      return (await page.locator('[role="alert"]').innerText()).trim();
    };
    const wrongDate = await answer('S3', '2022-03-11');
    const unknown = await answer('S999', '2022-03-10');
    expect(wrongDate).toBe('Осы нөмірмен және осы туған күнмен өтініш табылмады. Екеуін де тексеріп, қайта көріңіз.');
    expect(unknown).toBe(wrongDate);
    // The number typed is given back to be corrected; the date is not.
    expect(await page.getByLabel('Өтініш нөмірі').inputValue()).toBe('S999');
    expect(await page.getByLabel('Баланың туған күні').inputValue()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'lookup-not-found-kk');
  });

  it('the bulletin filters by language, birth year and group type without scripts, and the CSV link downloads the rows shown', async () => {
    await look(page, '/bulletin?district=D1&lang=ru', 'bulletin-ru');
    expect(await page.locator('h1').innerText()).toBe('Свободные места: Медеу ауданы');
    // KG-1's three seats all went by referral: two groups of Детский сад № 3 are left.
    expect(await page.locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Язык группы').selectOption('ru');
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForLoadState();
    expect(page.url()).toContain('language=ru');
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/Детский сад № 3 «Солнышко»\s+G2023-ru-1\s+2023\s+русский\s+общая\s+4/);
    expect(await page.locator('[role="status"]').innerText()).toBe('4 свободных места в 1 группе.');
    await screenshot(page, 'bulletin-ru-filtered');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bulletin-D1-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual([
      'district,kindergarten,kindergarten_name,group,birth_year,language,group_type,free_seats',
      'D1,KG-3,Детский сад № 3 «Солнышко»,G2023-ru-1,2023,ru,general,4',
    ]);

    // Another filter: the special group of 2021, in Kazakh.
    await page.goto(`${site.url}/bulletin?district=D1&lang=kk&year=2021&type=special`);
    const special = await page.locator('tbody tr').allInnerTexts();
    expect(special).toHaveLength(1);
    expect(special[0]).toContain('G2021-kk-s');
    expect(await page.getByLabel('Туған жылы').inputValue()).toBe('2021');
    expect(await page.getByLabel('Топтың түрі').inputValue()).toBe('special');
    // Nothing for a year with no group: said, not an empty table.
    await page.goto(`${site.url}/bulletin?district=D1&lang=kk&year=2019`);
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.locator('[role="status"]').innerText()).toBe('Бұл сүзгілер бойынша бос орын жоқ.');
  });

  it('the statistics show the queue per cohort and category and the night\'s referrals as charts drawn on the server', async () => {
    await look(page, '/stats?district=D1&lang=kk', 'stats-kk');
    const charts = page.locator('figure.chart svg[role="img"]');
    expect(await charts.count()).toBe(3);
    expect(await charts.nth(0).getAttribute('aria-label')).toBe('Кезектегі балалар туған жылы мен санаты бойынша');
    for (let i = 0; i < 3; i++) expect((await charts.nth(i).boundingBox())!.width).toBeGreaterThan(100);
    // The numbers behind the queue chart: 2022, two children left, both general.
    await page.locator('figure.chart summary').first().click();
    expect((await page.locator('figure.chart table').first().locator('tbody tr').allInnerTexts())[0]).toMatch(/2022\s+0\s+0\s+2\s+2/);
    await look(page, '/stats?district=D3&lang=ru', 'stats-ru-empty');
    expect(await mainText(page)).toContain('После ночного распределения 2 сентября 2026 г. Показаны только числа');
    expect(await mainText(page)).toContain('В очереди этого района никто не ждёт.');
    expect(await page.locator('figure.chart').count()).toBe(0);
    await look(page, '/stats?district=D4&lang=ru', 'stats-ru-no-night');
    expect(await mainText(page)).toContain('В этом районе ещё не было ночного распределения');
  });

  it('an unknown district is a page in the reader\'s language with status 404', async () => {
    await context.clearCookies();
    await page.goto(`${site.url}/?lang=ru`);
    const r = await page.goto(`${site.url}/stats?district=NOPE<b>`);
    expect(r?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('[role="alert"]').innerText()).toBe('Района «NOPE<b>» нет. Выберите район из списка.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'not-found-ru');
  });
});
