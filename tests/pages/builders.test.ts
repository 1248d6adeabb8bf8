import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/messages.js';
import type { Bulletin } from '../../src/online/bulletin.js';
import { bulletinPage, filterBulletin } from '../../src/pages/public/bulletin.js';
import { homePage } from '../../src/pages/public/home.js';
import { lookupFormPage } from '../../src/pages/public/lookup.js';
import { districtNotFoundPage } from '../../src/pages/public/not-found.js';
import { statsPage } from '../../src/pages/public/stats.js';
import { WORDS, w, type WordKey } from '../../src/pages/words.js';
import { bulletinFilters } from '../../src/server/pages/public.js';

/**
 * Every argument a message reads, with a select argument's options (other
 * than `other`); intl-messageformat's AST: 1 argument, 2 number, 3 date,
 * 4 time, 5 select, 6 plural.
 */
function argumentsOf(text: string, lang: Lang): Map<string, string[] | null> {
  const out = new Map<string, string[] | null>();
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const n of nodes as { type: number; value?: string; options?: Record<string, { value: unknown }> }[]) {
      if (n.type >= 1 && n.type <= 4) out.set(n.value!, out.get(n.value!) ?? null);
      if (n.type === 5) out.set(n.value!, Object.keys(n.options!).filter((k) => k !== 'other').sort());
      if (n.type === 6) out.set(n.value!, out.get(n.value!) ?? null);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(text, lang).getAst());
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const keys = Object.keys(WORDS.en) as WordKey[];

describe("the pages' words (the public site's and the console's, one catalogue)", () => {
  it('have the same keys in Kazakh, Russian and English, each compiling and reading the same arguments and select options', () => {
    expect(keys.some((k) => k.startsWith('console.'))).toBe(true);
    for (const lang of LANGS) expect(Object.keys(WORDS[lang]).sort(), lang).toEqual([...keys].sort());
    for (const key of keys) for (const lang of ['kk', 'ru'] as const) expect(argumentsOf(WORDS[lang][key], lang), `${lang} ${key}`).toEqual(argumentsOf(WORDS.en[key], 'en'));
  });

  it('format every text with values, leaving no brace, and no Kazakh or Russian text is left in English', () => {
    for (const lang of LANGS)
      for (const key of keys) {
        const values = Object.fromEntries([...argumentsOf(WORDS[lang][key], lang)].map(([a, options]) => [a, options?.[0] ?? 3]));
        const text = w(lang, key, values);
        expect(text, `${lang} ${key}`).not.toMatch(/[{}]/);
        expect(text.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
      }
    // A text the same in English and another language is a text not translated (ids and plain values aside).
    const same = keys.filter((k) => /[a-z]{4,}/i.test(WORDS.en[k]) && (WORDS.kk[k] === WORDS.en[k] || WORDS.ru[k] === WORDS.en[k]));
    expect(same).toEqual([]);
  });

  it('say numbers of places with Russian plural forms', () => {
    expect(w('ru', 'bulletin.total', { seats: 1, groups: 1 })).toBe('1 свободное место в 1 группе.');
    expect(w('ru', 'bulletin.total', { seats: 3, groups: 2 })).toBe('3 свободных места в 2 группах.');
    expect(w('ru', 'bulletin.total', { seats: 5, groups: 5 })).toBe('5 свободных мест в 5 группах.');
    expect(w('en', 'bulletin.total', { seats: 1, groups: 2 })).toBe('1 free place in 2 groups.');
  });
});

const hostile = '<script>alert("x")</script>&\'';

const bulletin: Bulletin = {
  date: '2026-09-02',
  district: 'D1',
  kindergartens: [
    {
      id: 'KG-1',
      name: `№1 ${hostile}`,
      groups: [
        { group: 'G2022-kk-1', birthYear: 2022, language: 'kk', groupType: 'general', freeSeats: 2 },
        { group: 'G2021-ru-s', birthYear: 2021, language: 'ru', groupType: 'special', freeSeats: 1 },
      ],
    },
    { id: 'KG-2', name: 'Айгөлек', groups: [{ group: 'G2022-ru-1', birthYear: 2022, language: 'ru', groupType: 'general', freeSeats: 5 }] },
  ],
};

describe('the public page builders', () => {
  it('escape every value from the database or the request: names, regions, ids typed in the address', async () => {
    const pages = [
      homePage('kk', [{ id: 'D1', name: `Аудан ${hostile}`, region: `Облыс ${hostile}` }]),
      bulletinPage('ru', bulletin, `Аудан ${hostile}`, {}),
      districtNotFoundPage('en', `D9${hostile}`, '/stats'),
      lookupFormPage('kk', { application: `A1${hostile}`, problem: 'not_found' }),
      await statsPage('kk', { district: 'D1', runDate: '2026-09-02', queue: [{ birthYear: 2022, extraordinary: 0, primary: 1, general: 2 }], referrals: { byCategory: { extraordinary: 0, primary: 1, general: 1 }, byPreferenceRank: { '1': 2 } } }, `Аудан ${hostile}`),
    ];
    for (const p of pages) {
      expect(p).not.toContain('<script');
      expect(p).not.toContain('alert("x")');
      expect(p).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    }
  });

  it('the bulletin shows the groups the filters let through, with the totals, and links its CSV with the same filters', () => {
    const page = bulletinPage('en', bulletin, 'Medeu', { language: 'ru' });
    expect(page).toContain('G2021-ru-s');
    expect(page).toContain('G2022-ru-1');
    expect(page).not.toContain('G2022-kk-1');
    expect(page).toContain('6 free places in 2 groups.');
    expect(page).toContain('href="/bulletin.csv?district=D1&amp;language=ru"');
    expect(page).toMatch(/<option value="ru" selected>Russian<\/option>/);
    expect(filterBulletin(bulletin, { birthYear: 2022, groupType: 'general' }).kindergartens.map((k) => k.groups.map((g) => g.group))).toEqual([['G2022-kk-1'], ['G2022-ru-1']]);
    expect(filterBulletin(bulletin, { birthYear: 2019 }).kindergartens).toEqual([]);
    expect(filterBulletin(bulletin, {})).toEqual(bulletin);
  });

  it("reads the bulletin's filters from a query, taking anything that is not a choice as any", () => {
    expect(bulletinFilters({ year: '2022', language: 'ru', type: 'special' })).toEqual({ birthYear: 2022, language: 'ru', groupType: 'special' });
    expect(bulletinFilters({ year: '20x2', language: 'de', type: ['general', 'special'] })).toEqual({ birthYear: undefined, language: undefined, groupType: 'general' });
    expect(bulletinFilters({})).toEqual({ birthYear: undefined, language: undefined, groupType: undefined });
  });

  it('the lookup form posts (the birth date never goes into an address) and gives back only the number typed', () => {
    const page = lookupFormPage('ru', { application: 'APP-1', problem: 'not_found' });
    expect(page).toMatch(/<form method="post" action="\/lookup"/);
    expect(page).toContain('value="APP-1"');
    expect(page).toMatch(/<input id="birthDate" name="birthDate" type="date" required[^>]*>/);
    expect(page).not.toMatch(/id="birthDate"[^>]*value=/);
    expect(page).toContain('Заявление с таким номером и такой датой рождения не найдено.');
    // Labels for both fields.
    expect(page).toContain('<label for="application">Номер заявления</label>');
    expect(page).toContain('<label for="birthDate">Дата рождения ребёнка</label>');
  });

  it('the statistics: a chart per part, each named by its caption for assistive technology, with its table', async () => {
    const page = await statsPage('ru', { district: 'D1', runDate: '2026-09-02', queue: [{ birthYear: 2021, extraordinary: 1, primary: 2, general: 7 }], referrals: { byCategory: { extraordinary: 1, primary: 0, general: 3 }, byPreferenceRank: { '1': 2, '2': 1, '0': 1 } } }, 'Медеу');
    expect(page.match(/<svg[^>]*role="img"/g)).toHaveLength(3);
    expect(page).toContain('aria-label="Дети в очереди по году рождения и категории"');
    expect(page).toMatch(/<th scope="row">2021<\/th><td class="n">1<\/td><td class="n">2<\/td><td class="n">7<\/td><td class="n">10<\/td>/);
    // Choices in order, "any kindergarten" last.
    expect(page.indexOf('>1-й выбор<')).toBeLessThan(page.indexOf('>2-й выбор<'));
    expect(page.indexOf('>2-й выбор<')).toBeLessThan(page.indexOf('>любой детский сад района<'));
    expect(page).not.toContain('<script');
  });
});
