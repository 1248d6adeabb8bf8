import { preloadCharts } from '../charts/render.js';
import type { Queryable } from '../db/database.js';
import { kindergartenNames } from '../db/notices.js';
import type { NightForReport } from '../nightly/run.js';
import { reportFiles } from '../pages/run-report.js';

/**
 * The run folder's report.html (Kazakh), report.ru.html and report.en.html,
 * with the kindergartens named as the database names them.
 */
export function runReportFiles(db: Queryable): (night: NightForReport) => Promise<Record<string, string>> {
  // Loaded while the districts are done, not after them.
  preloadCharts();
  return async ({ summary, audit, kindergartens }) => {
    const ids = new Set(kindergartens.map((k) => k.kindergarten));
    for (const d of summary.districts) for (const s of d.numbers?.seatsLeft ?? []) ids.add(s.kindergarten);
    const names = await kindergartenNames(db, [...ids]);
    return reportFiles(summary, audit, { kindergartens, kindergartenNames: names });
  };
}
