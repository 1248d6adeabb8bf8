import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';

/**
 * Browser tests drive Debian's Chromium (`apt-get install -y chromium`)
 * through playwright-core; no browser is ever downloaded. Where no Chromium
 * is found the suite is reported as skipped, with the reason, never passed;
 * with KEZEK_REQUIRE_BROWSER=1 (CI sets it) a missing browser is a failure.
 */
export const CHROMIUM = process.env.KEZEK_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

const missing = CHROMIUM ? null : 'no Chromium found (apt-get install -y chromium, or set KEZEK_CHROMIUM)';
if (missing && process.env.KEZEK_REQUIRE_BROWSER === '1') throw new Error(`browser tests required but ${missing}`);

/** Where screenshots of the pages go for review (gitignored). */
export const SCREENSHOTS = process.env.KEZEK_SCREENSHOTS ?? join(process.cwd(), 'screenshots');

/**
 * A describe block that runs in a real browser, or is skipped saying why.
 * `browser()` gives the one Chromium launched for the block.
 */
export function describeInBrowser(name: string, body: (browser: () => Browser) => void): void {
  if (missing) {
    console.warn(`SKIPPED browser tests "${name}": ${missing}`);
    describe.skip(`${name} (skipped: ${missing})`, () => body(() => {
      throw new Error(missing);
    }));
    return;
  }
  describe(name, () => {
    let b: Browser | undefined;
    beforeAll(async () => {
      b = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    });
    afterAll(async () => {
      await b?.close();
    });
    body(() => {
      if (!b) throw new Error('the browser did not start');
      return b;
    });
  });
}

/** A full-page screenshot into SCREENSHOTS/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** axe-core's serious and critical violations on the page as it is now (rule id and the first target of each). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}
