import { describe, expect, it } from 'vitest';
import { printableHtml } from '../../src/documents/html.js';
import { DOCUMENT_LANGS, noticeDocument } from '../../src/documents/notice-document.js';
import { printableText } from '../../src/documents/text.js';
import { documentFonts } from '../../src/io/fonts.js';
import { printablePdf } from '../../src/io/pdf.js';
import { shippedRules } from '../support/run-helpers.js';
import { CASES, CHILD, KINDERGARTEN, notice } from '../i18n/standings.js';
import { pdfText } from './pdf-text.js';

const rules = shippedRules();
const fonts = documentFonts();
const KAZAKH = /[әғқңөұүһі]/;

/** What each kind of document must show, in words that do not depend on the language. */
const MUST: Record<string, (lang: 'kk' | 'ru') => string[]> = {
  offeredPriority: (lang) => [KINDERGARTEN, lang === 'kk' ? 'ЖОЛДАМА' : 'НАПРАВЛЕНИЕ', lang === 'kk' ? '2026 ж. 3 қыркүйек' : '3 сентября 2026 г.', lang === 'kk' ? '2026 ж. 8 қыркүйек' : '8 сентября 2026 г.', lang === 'kk' ? 'көпбалалы отбасы' : 'многодетная семья'],
  queued: (lang) => ['7', lang === 'kk' ? 'Кезек нөмірі' : 'Номер в очереди', lang === 'kk' ? '2026 ж. 2 қыркүйек' : '2 сентября 2026 г.', KINDERGARTEN],
  refused: (lang) => [lang === 'kk' ? 'осы күні балаға 7 жас толды' : 'ребёнку на эту дату исполнилось 7 лет'],
  lapsed: (lang) => [KINDERGARTEN, lang === 'kk' ? '2026 ж. 2 қазан' : '2 октября 2026 г.'],
  cancelled: (lang) => [KINDERGARTEN, lang === 'kk' ? '2026 ж. 18 қыркүйек' : '18 сентября 2026 г.'],
};

describe('the family’s documents', () => {
  it.each(Object.keys(MUST))('%s: a PDF in Kazakh and in Russian with the child, the kindergarten, the number or the deadline, and every letter', async (name) => {
    for (const lang of DOCUMENT_LANGS) {
      const doc = noticeDocument(notice(CASES[name]!), lang, rules);
      const text = await pdfText(await printablePdf(doc, fonts));
      expect(text).toContain(CHILD);
      for (const words of MUST[name]!(lang)) expect(text, `${name} ${lang}`).toContain(words);
      expect(text).toMatch(KAZAKH);
      expect(text).toContain(lang === 'kk' ? 'Медеу ауданы білім бөлімі' : 'Отдел образования: Медеу ауданы');
      expect(text).not.toMatch(/\b(large_family|age_limit|KG-1)\b/);
    }
  });

  it('every Kazakh letter comes back from the PDF as it was written (the font has them all)', async () => {
    const name = 'Іңкәр Һашимова-Ғұмарөзүлы ӘҒҚҢӨҰҮҺІ';
    for (const lang of DOCUMENT_LANGS) {
      const n = { ...notice(CASES.offered!), child: { name, birthDate: '2022-03-10' } };
      expect(await pdfText(await printablePdf(noticeDocument(n, lang, rules), fonts))).toContain(name);
    }
  });

  it('a referral says what to bring, the proof of the right within proofWorkingDays, and what happens if nothing is done', async () => {
    const doc = noticeDocument(notice(CASES.offeredPriority!), 'ru', rules);
    const text = await pdfText(await printablePdf(doc, fonts));
    expect(text).toContain('Подтвердите направление или откажитесь от него до 3 сентября 2026 г. включительно: в течение 2 рабочих дней после дня выдачи.');
    expect(text).toContain('свидетельство о рождении ребёнка');
    expect(text).toContain('документ, подтверждающий право на приоритет (многодетная семья): лично в отдел образования до 8 сентября 2026 г. включительно');
    expect(text).toContain('в течение 5 рабочих дней после дня выдачи');
    expect(text).toContain('на 10 календарных дней попадает в стоп-лист');
    expect(text).toContain('в течение 28 календарных дней');
    // A general referral has no right to prove.
    const general = await pdfText(await printablePdf(noticeDocument(notice(CASES.offered!), 'ru', rules), fonts));
    expect(general).not.toContain('право на приоритет (');
  });

  it('a queue notice gives the number, the cohort, who is ahead by category and the date it was computed', async () => {
    const text = await pdfText(await printablePdf(noticeDocument(notice(CASES.queued!), 'kk', rules), fonts));
    expect(text).toContain('Кезек нөмірі 7');
    expect(text).toContain('Медеу ауданы, 2022 жылы туған 40 баланың ішінде; 2026 ж. 2 қыркүйек күні есептелді');
    expect(text).toContain('Алда: 6 бала (кезектен тыс: 1; бірінші кезектегі: 2; жалпы кезек: 3).');
    expect(text).toContain('1:3 арақатынасында');
  });

  it('a deadline counted before the decree on days off is recorded says it is provisional', async () => {
    const n = { ...notice(CASES.offered!), provisionalYears: [2027] };
    expect(await pdfText(await printablePdf(noticeDocument(n, 'ru', rules), fonts))).toContain('Предварительно: срок рассчитан до того, как было учтено постановление о переносе выходных дней на 2027 год');
  });

  it('the same document gives the same bytes; HTML escapes what it is given; text is plain', async () => {
    const doc = noticeDocument(notice(CASES.offered!), 'kk', rules);
    expect(Buffer.compare(await printablePdf(doc, fonts), await printablePdf(doc, fonts))).toBe(0);
    const hostile = noticeDocument({ ...notice(CASES.offered!), child: { name: '<script>alert(1)</script> & Ко', birthDate: '2022-03-10' } }, 'ru', rules);
    const html = printableHtml(hostile);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Ко');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ru">/);
    const txt = printableText(doc);
    expect(txt).toContain('ЖОЛДАМА');
    expect(txt).toContain(CHILD);
    expect(txt.split('\n').every((l) => l.length <= 80)).toBe(true);
  });
});
