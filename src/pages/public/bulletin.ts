import type { GroupType, Language } from '../../domain/types.js';
import type { Lang } from '../../i18n/messages.js';
import type { Bulletin } from '../../online/bulletin.js';
import { day, num } from '../format.js';
import { html, query } from '../html.js';
import { page } from '../layout.js';
import { w } from '../words.js';

/** The bulletin's filters, as the form sends them (each may be absent: any). */
export interface BulletinFilters {
  birthYear?: number | undefined;
  language?: Language | undefined;
  groupType?: GroupType | undefined;
}

/** The bulletin narrowed to the groups the filters let through (kindergartens left without a group dropped). */
export function filterBulletin(b: Bulletin, f: BulletinFilters): Bulletin {
  const kindergartens = b.kindergartens
    .map((k) => ({
      ...k,
      groups: k.groups.filter(
        (g) => (f.birthYear === undefined || g.birthYear === f.birthYear) && (f.language === undefined || g.language === f.language) && (f.groupType === undefined || g.groupType === f.groupType),
      ),
    }))
    .filter((k) => k.groups.length > 0);
  return { ...b, kindergartens };
}

/** The filters as query parameters (for the CSV link and the language switch). */
export function filterParams(f: BulletinFilters): Record<string, string | number | undefined> {
  return { year: f.birthYear, language: f.language, type: f.groupType };
}

/**
 * `/bulletin?district=ID`: the free places by kindergarten and group, with a
 * form of filters (GET: works without scripts, the address can be shared)
 * and a plain link to the same rows as CSV.
 */
export function bulletinPage(lang: Lang, full: Bulletin, districtName: string, f: BulletinFilters): string {
  const b = filterBulletin(full, f);
  const all = full.kindergartens.flatMap((k) => k.groups);
  const years = [...new Set(all.map((g) => g.birthYear))].sort((a, c) => a - c);
  if (f.birthYear !== undefined && !years.includes(f.birthYear)) years.push(f.birthYear);
  const groups = b.kindergartens.flatMap((k) => k.groups);
  const seats = groups.reduce((n, g) => n + g.freeSeats, 0);
  const opt = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  const params = { district: full.district, ...filterParams(f) };
  const rows = b.kindergartens.flatMap((k) =>
    k.groups.map(
      (g, i) => html`<tr>${i === 0 ? html`<th scope="rowgroup" rowspan="${k.groups.length}">${k.name}</th>` : ''}<td>${g.group}</td><td class="n">${g.birthYear}</td><td>${w(lang, `language.${g.language}`)}</td><td>${w(lang, `groupType.${g.groupType}`)}</td><td class="n">${num(lang, g.freeSeats)}</td></tr>`,
    ),
  );
  const body = html`<p>${w(lang, 'bulletin.asOf', { date: day(lang, full.date) })}</p>
<form class="filters" method="get" action="/bulletin" aria-label="${w(lang, 'bulletin.filters')}">
<input type="hidden" name="district" value="${full.district}">
<label>${w(lang, 'bulletin.year')}<select name="year">${opt('', w(lang, 'common.any'), f.birthYear === undefined)}${years.map((y) => opt(String(y), String(y), f.birthYear === y))}</select></label>
<label>${w(lang, 'bulletin.language')}<select name="language">${opt('', w(lang, 'common.any'), f.language === undefined)}${(['kk', 'ru'] as const).map((l) => opt(l, w(lang, `language.${l}`), f.language === l))}</select></label>
<label>${w(lang, 'bulletin.groupType')}<select name="type">${opt('', w(lang, 'common.any'), f.groupType === undefined)}${(['general', 'special'] as const).map((t) => opt(t, w(lang, `groupType.${t}`), f.groupType === t))}</select></label>
<button type="submit">${w(lang, 'bulletin.show')}</button>
</form>
<p><a class="button" href="/bulletin.csv${query(params)}" download>${w(lang, 'bulletin.csv')}</a></p>
<p role="status">${groups.length ? w(lang, 'bulletin.total', { seats, groups: groups.length }) : w(lang, 'bulletin.empty')}</p>
${
  groups.length
    ? html`<table>
<caption>${w(lang, 'bulletin.caption')}</caption>
<thead><tr><th scope="col">${w(lang, 'bulletin.kindergarten')}</th><th scope="col">${w(lang, 'bulletin.group')}</th><th scope="col" class="n">${w(lang, 'bulletin.year')}</th><th scope="col">${w(lang, 'bulletin.language')}</th><th scope="col">${w(lang, 'bulletin.groupType')}</th><th scope="col" class="n">${w(lang, 'bulletin.freeSeats')}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
    : ''
}
<p><a href="/stats${query({ district: full.district })}">${w(lang, 'bulletin.stats')}</a></p>`;
  return page({ lang, title: w(lang, 'bulletin.title', { district: districtName }), path: '/bulletin', params, body });
}
