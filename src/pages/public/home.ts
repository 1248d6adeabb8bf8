import type { DistrictRow } from '../../db/bulletin.js';
import type { Lang } from '../../i18n/messages.js';
import { html, query } from '../html.js';
import { page } from '../layout.js';
import { w } from '../words.js';

/** `/`: the regions and their districts, each with its free places and its queue in numbers. */
export function homePage(lang: Lang, districts: readonly DistrictRow[]): string {
  const regions = new Map<string | null, DistrictRow[]>();
  for (const d of districts) regions.set(d.region, [...(regions.get(d.region) ?? []), d]);
  const sections = [...regions].map(
    ([region, list]) => html`<section aria-labelledby="${regionId(region)}">
<h2 id="${regionId(region)}">${region ?? w(lang, 'home.noRegion')}</h2>
<ul class="cards" style="list-style: none; padding: 0">${list.map(
      (d) => html`<li class="card"><strong>${d.name}</strong><br>
<a href="/bulletin${query({ district: d.id })}">${w(lang, 'home.bulletin')}</a> ·
<a href="/stats${query({ district: d.id })}">${w(lang, 'home.stats')}</a></li>`,
    )}</ul>
</section>`,
  );
  const body = html`<p>${w(lang, 'home.intro')}</p>
${districts.length ? sections : html`<p class="note">${w(lang, 'home.none')}</p>`}`;
  return page({ lang, title: w(lang, 'home.title'), path: '/', body });
}

const regionId = (region: string | null) => `region-${region === null ? 'other' : encodeURIComponent(region).replace(/%/g, '_')}`;
