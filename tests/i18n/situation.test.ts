import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/messages.js';
import { positionText } from '../../src/i18n/position-text.js';
import { nextSteps, situationText } from '../../src/i18n/situation-text.js';
import { Speaker } from '../../src/i18n/words.js';
import { noticeKindOf } from '../../src/online/situation.js';
import type { RuleSet } from '../../src/rules/ruleset.js';
import { copyRules, readJson, writeJson } from '../rules/helpers.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import { shippedRules } from '../support/run-helpers.js';
import { CASES, queued, standing } from './standings.js';

const rules = shippedRules();
const say = (name: keyof typeof CASES, lang: 'kk' | 'ru' | 'en' = 'en', r: RuleSet = rules) => {
  const st = standing({ ...CASES[name]!, rules: r });
  const s = new Speaker(lang, r);
  return [...situationText(s, st), ...nextSteps(s, st)].join('\n');
};

describe('where a family stands (situationOf)', () => {
  it('names every case and the document it calls for', () => {
    const kinds = Object.fromEntries(Object.entries(CASES).map(([k, c]) => [k, standing(c).situation]));
    expect(kinds).toMatchObject({
      queued: { kind: 'queued' },
      waiting: { kind: 'waiting', why: 'desired_from', until: '2026-10-01' },
      notEligible: { kind: 'not_eligible', reasons: ['too_young'] },
      refused: { kind: 'refused', on: '2026-09-01', reasons: ['age_limit'] },
      agedOut: { kind: 'aged_out', reasons: ['age_limit'] },
      offered: { kind: 'offered', confirmBy: '2026-09-03', proofBy: null },
      // Issued Tue 1 Sep 2026: the 5th working day after is Tue 8 Sep.
      offeredPriority: { kind: 'offered', confirmBy: '2026-09-03', proofBy: '2026-09-08' },
      confirmed: { kind: 'confirmed', confirmedOn: '2026-09-02', enrollBy: '2026-09-09', proofBy: null },
      expired: { kind: 'expired', step: 'confirm', deadline: '2026-09-03' },
      expiredProof: { kind: 'expired', step: 'proof', deadline: '2026-09-08' },
      enrolled: { kind: 'enrolled', on: '2026-09-07' },
      lapsed: { kind: 'lapsed', on: '2026-09-04', step: 'confirm', deadline: '2026-09-03', restoreBy: '2026-10-02', restore: 'open' },
      lapsedAgain: { kind: 'lapsed', restore: 'used', restoredOn: '2026-09-07' },
      lapsedClosed: { kind: 'lapsed', restore: 'closed', restoreBy: '2026-10-02' },
      cancelled: { kind: 'cancelled', on: '2026-09-09', proofBy: '2026-09-08', stopListUntil: '2026-09-18' },
      declined: { kind: 'declined', on: '2026-09-02' },
      withdrawn: { kind: 'withdrawn', on: '2026-09-02' },
    });
    const docs = Object.fromEntries(Object.entries(kinds).map(([k, s]) => [k, noticeKindOf(s)]));
    expect(docs).toMatchObject({ queued: 'queue', waiting: 'queue', refused: 'refusal', agedOut: 'refusal', offered: 'referral', expired: 'referral', lapsed: 'lapse', cancelled: 'cancellation', withdrawn: 'cancellation' });
  });
});

describe('what a family reads', () => {
  it('an offer whose deadline passed is expired, never "confirm by", nor "cannot be offered"', () => {
    const text = say('expired');
    expect(text).toContain('The referral to №12 «Балапан» балабақшасы has expired: it was to be confirmed by September 3, 2026.');
    expect(text).not.toMatch(/Confirm or decline|cannot be offered|status offered/i);
    expect(say('expired', 'ru')).toContain('Срок направления в №12 «Балапан» балабақшасы истёк: его нужно было подтвердить до 3 сентября 2026 г.');
  });

  it('a lapsed offer is lapsed, with the restore window of restoreCalendarDays, or says it is closed or used', () => {
    expect(say('lapsed')).toContain('up to and including October 2, 2026 (28 calendar days after it became inactive)');
    expect(say('lapsed')).toContain('ask the education department to restore the application by October 2, 2026');
    expect(say('lapsed', 'kk')).toContain('2026 ж. 2 қазан күнін қоса алғанда бір рет қалпына келтіруге болады (белсенді емес болған күннен кейін 28 күнтізбелік күн ішінде)');
    expect(say('lapsedClosed')).toContain('The time to restore it ended on October 2, 2026.');
    expect(say('lapsedClosed')).not.toContain('can be restored');
    expect(say('lapsedAgain')).toContain('It was already restored once, on September 7, 2026: this lapse is final.');
  });

  it('every case in every language names places, rights and reasons in words, never by code', () => {
    for (const name of Object.keys(CASES))
      for (const lang of LANGS) {
        const text = say(name as keyof typeof CASES, lang);
        expect(text.length, `${name} ${lang}`).toBeGreaterThan(20);
        expect(text, `${name} ${lang}`).not.toMatch(/\b(age_limit|too_young|large_family|aged_out|KG-1)\b/);
        // No status or category code in a Kazakh or Russian text (English words may coincide with codes).
        if (lang !== 'en') expect(text, `${name} ${lang}`).not.toMatch(/\b(queued|offered|confirmed|inactive|annulled|enrolled|primary|general|kk|ru)\b/);
      }
    expect(say('cancelled', 'ru')).toContain('в категории «общая очередь»');
    expect(say('offeredPriority', 'kk')).toContain('«көпбалалы отбасы» құқығымен');
    expect(say('refused', 'ru')).toContain('ребёнку на эту дату исполнилось 7 лет');
  });

  it('quotes the rule set in force: its age limit, quota and deadlines, and a right staff added, by name', () => {
    const dir = copyRules();
    writeJson(dir, 'parameters.json', { ...readJson(dir, 'parameters.json'), maxAgeYears: 6, primaryQuota: [1, 2], restoreCalendarDays: 21, proofWorkingDays: 4 });
    const categories = readJson(dir, 'categories.json');
    categories.rules[1].conditions.any.push({ fact: 'validRights', operator: 'contains', value: 'veteran_family' });
    writeJson(dir, 'categories.json', categories);
    const vocabulary = readJson(dir, 'vocabulary.json');
    vocabulary.rights.veteran_family = { tier: 'primary', kk: 'ардагер отбасы', ru: 'семья ветерана', en: 'veteran’s family' };
    writeJson(dir, 'vocabulary.json', vocabulary);
    const changed = loadRuleSet(dir);

    expect(say('refused', 'ru', changed)).toContain('ребёнку на эту дату исполнилось 6 лет');
    expect(say('refused', 'kk', changed)).toContain('осы күні балаға 6 жас толды');
    expect(say('lapsed', 'en', changed)).toContain('(21 calendar days after it became inactive)');
    // 4 working days after Tue 1 Sep 2026: Mon 7 Sep.
    expect(say('offeredPriority', 'ru', changed)).toContain('до 7 сентября 2026 г. включительно (в течение 4 рабочих дней после дня выдачи)');
    const st = standing({ ...CASES.queued!, position: queued(3, { extraordinary: 0, primary: 0, general: 2 }, 'primary', ['veteran_family']), rules: changed });
    expect(positionText(st, 'ru', changed)).toContain('Категория: первоочередная (права: семья ветерана).');
    expect(positionText(st, 'ru', changed)).toContain('поочерёдно, 1 к 2;');
    expect(positionText(st, 'kk', changed)).toContain('(құқықтар: ардагер отбасы)');
    expect(positionText(st, 'en', changed)).toContain('in turn, 1 to 2;');
  });
});
