import type { Lang } from '../../i18n/messages.js';
import type { DistrictStats } from '../../online/bulletin.js';
import { barsFigure, categoryBars, queueFigure, rankBars } from '../charts.js';
import { day } from '../format.js';
import { html, query } from '../html.js';
import { page } from '../layout.js';
import { w } from '../words.js';

/** `/stats?district=ID`: the queue after the district's latest night, per cohort and category, and that night's referrals, as charts drawn on the server. */
export async function statsPage(lang: Lang, stats: DistrictStats, districtName: string): Promise<string> {
  const params = { district: stats.district };
  const referred = Object.values(stats.referrals.byCategory).some((n) => n > 0);
  const body = stats.runDate
    ? html`<p>${w(lang, 'stats.night', { date: day(lang, stats.runDate) })}</p>
${stats.queue.length ? await queueFigure(lang, stats.queue, w(lang, 'stats.queue')) : html`<p class="note">${w(lang, 'stats.noQueue')}</p>`}
${
  referred
    ? html`${await barsFigure(lang, categoryBars(lang, stats.referrals.byCategory), w(lang, 'stats.referralsByCategory'), w(lang, 'stats.category'), w(lang, 'stats.referrals'))}
${await barsFigure(lang, rankBars(lang, stats.referrals.byPreferenceRank), w(lang, 'stats.referralsByRank'), w(lang, 'stats.choice'), w(lang, 'stats.referrals'))}`
    : html`<p class="note">${w(lang, 'stats.noReferrals')}</p>`
}
<p><a href="/bulletin${query(params)}">${w(lang, 'stats.bulletin')}</a></p>`
    : html`<p class="note">${w(lang, 'stats.noNight')}</p><p><a href="/bulletin${query(params)}">${w(lang, 'stats.bulletin')}</a></p>`;
  return page({ lang, title: w(lang, 'stats.title', { district: districtName }), path: '/stats', params, body });
}
