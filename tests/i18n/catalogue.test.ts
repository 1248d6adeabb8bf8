import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGS, t, type Lang, type MessageKey } from '../../src/i18n/messages.js';
import { Speaker } from '../../src/i18n/words.js';
import { shippedRules } from '../support/run-helpers.js';

/** Every argument a message reads, with the kind of value it needs. */
function argumentsOf(text: string, lang: Lang): Map<string, 'plural' | 'date' | 'select' | 'plain'> {
  const out = new Map<string, 'plural' | 'date' | 'select' | 'plain'>();
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const n of nodes as { type: number; value?: string; options?: Record<string, { value: unknown }> }[]) {
      // intl-messageformat's AST: 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural.
      if (n.type === 1 || n.type === 2) out.set(n.value!, out.get(n.value!) ?? 'plain');
      if (n.type === 3 || n.type === 4) out.set(n.value!, 'date');
      if (n.type === 5) out.set(n.value!, 'select');
      if (n.type === 6) out.set(n.value!, 'plural');
      for (const o of Object.values(n.options ?? {})) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(text, lang).getAst());
  return out;
}

const keys = Object.keys(CATALOGUES.en) as MessageKey[];

describe('the message catalogues', () => {
  it('have the same keys in Kazakh, Russian and English', () => {
    for (const lang of LANGS) expect(Object.keys(CATALOGUES[lang]).sort()).toEqual([...keys].sort());
  });

  it('compile in their language and read the same arguments in all three', () => {
    for (const key of keys) {
      const en = argumentsOf(CATALOGUES.en[key], 'en');
      for (const lang of ['kk', 'ru'] as const) expect([...argumentsOf(CATALOGUES[lang][key], lang).keys()].sort(), `${lang} ${key}`).toEqual([...en.keys()].sort());
    }
  });

  it('format every message with values of the right kind, leaving no brace or argument name', () => {
    const speaker = (lang: Lang) => new Speaker(lang, shippedRules());
    for (const lang of LANGS)
      for (const key of keys) {
        const values: Record<string, string | number> = {};
        for (const [name, kind] of argumentsOf(CATALOGUES[lang][key], lang)) values[name] = kind === 'plural' ? 3 : kind === 'date' ? '2026-09-03' : kind === 'select' ? 'other' : 'X';
        const text = speaker(lang).t(key, values);
        expect(text, `${lang} ${key}`).not.toMatch(/[{}]/);
      }
  });

  it('say numbers with the right plural forms (Russian one/few/many, Kazakh without)', () => {
    const confirm = (lang: Lang, days: number) => t(lang, 'doc.referral.confirmBy', { confirmBy: '2026-09-03', days });
    expect(confirm('ru', 1)).toContain('в течение 1 рабочего дня после');
    expect(confirm('ru', 2)).toContain('в течение 2 рабочих дней после');
    expect(confirm('ru', 5)).toContain('в течение 5 рабочих дней после');
    expect(confirm('ru', 21)).toContain('в течение 21 рабочего дня после');
    expect(confirm('kk', 1)).toContain('берілген күннен кейін 1 жұмыс күні ішінде');
    expect(confirm('kk', 5)).toContain('берілген күннен кейін 5 жұмыс күні ішінде');
    expect(confirm('en', 1)).toContain('1 working day after');
    expect(confirm('en', 2)).toContain('2 working days after');
    const stop = (n: number) => t('ru', 'doc.ifNothing.proof', { proofBy: '2026-09-08', general: 'общая очередь', stopListDays: n });
    expect(stop(1)).toContain('на 1 календарный день');
    expect(stop(3)).toContain('на 3 календарных дня');
    expect(stop(10)).toContain('на 10 календарных дней');
    expect(t('ru', 'position.ahead', { total: 0, list: '…' })).toContain('Впереди: никого');
    expect(t('ru', 'position.ahead', { total: 22, list: '…' })).toContain('Впереди: 22 ребёнка');
    expect(t('ru', 'position.ahead', { total: 25, list: '…' })).toContain('Впереди: 25 детей');
  });

  it('write dates as each language does, with one full stop after a Russian date at the end of a sentence', () => {
    expect(t('kk', 'common.date', { date: '2026-09-03' })).toBe('2026 ж. 3 қыркүйек');
    expect(t('ru', 'common.date', { date: '2026-09-03' })).toBe('3 сентября 2026 г.');
    expect(t('en', 'common.date', { date: '2026-09-03' })).toBe('September 3, 2026');
    expect(t('ru', 'situation.withdrawn', { on: '2026-09-03' })).toBe('Заявление отозвано из очереди 3 сентября 2026 г.');
  });

  it('quote the rule parameters of the rule set in force', () => {
    const rules = shippedRules();
    const changed = { ...rules, parameters: { ...rules.parameters, proofWorkingDays: 4, primaryQuota: [1, 2] as [number, number], maxAgeYears: 6 } };
    expect(new Speaker('ru', changed).t('doc.todo.proof', { rights: 'x', proofBy: '2026-09-07' })).toContain('в течение 4 рабочих дней');
    expect(new Speaker('kk', changed).t('position.order', { extraordinary: 'a', primary: 'b', general: 'c' })).toContain('1:2 арақатынасында');
    expect(new Speaker('ru', changed).t('doc.service')).toContain('(до 6 лет)');
    expect(new Speaker('kk', changed).t('doc.service')).toContain('(6 жасқа дейін)');
  });
});
