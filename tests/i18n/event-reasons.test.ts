import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventReasonText } from '../../src/i18n/history-text.js';
import { LANGS } from '../../src/i18n/messages.js';
import { Speaker } from '../../src/i18n/words.js';
import { loadCalendar } from '../../src/io/calendar.js';
import { overdueChange } from '../../src/lifecycle/overdue.js';
import { confirmReferral, confirmRight, declineReferral, enrollReferral, extendReferral, restoreApplication, withdrawApplication, type Ctx } from '../../src/lifecycle/transitions.js';
import type { Change, ReferralState } from '../../src/lifecycle/types.js';
import { applicationState, confirmedReferral, offeredReferral } from '../support/lifecycle-states.js';
import { shippedRules } from '../support/run-helpers.js';

const rules = shippedRules();
const calendar = loadCalendar('rules');
const at = (date: string): Ctx => ({ date, calendar, params: rules.parameters });
const offered = (over: Partial<ReferralState> = {}) => offeredReferral({ id: 'R-7', ...over });
const confirmed = (over: Partial<ReferralState> = {}) => confirmedReferral({ id: 'R-7', ...over });
const app = applicationState;
const reasonsOf = (c: Change | null): string[] => [c?.referral?.reason, c?.application?.reason].filter((r): r is string => !!r);

/** Every reason the lifecycle and the database write into the history, made by the code that writes them (or as the SQL spells it). */
const STORED: string[] = [
  ...reasonsOf(confirmReferral(offered(), app(), at('2026-09-02'))),
  ...reasonsOf(declineReferral(offered(), app(), at('2026-09-02'))),
  ...reasonsOf(declineReferral(offered(), app(), at('2026-09-02'), 'moved to another city')),
  ...reasonsOf(enrollReferral(confirmed(), app({ status: 'confirmed' }), at('2026-09-04'))),
  ...reasonsOf(extendReferral(confirmed(), at('2026-09-04'), 10)),
  ...reasonsOf(extendReferral(confirmed(), at('2026-09-04'), 1, 'the child is ill')),
  ...reasonsOf(confirmRight(offered({ category: 'primary' }), at('2026-09-02'))),
  ...reasonsOf(restoreApplication(app({ status: 'inactive', inactiveSince: '2026-09-04' }), at('2026-09-05'))),
  ...reasonsOf(restoreApplication(app({ status: 'inactive', inactiveSince: '2026-09-04' }), at('2026-09-05'), 'asked by phone')),
  ...reasonsOf(withdrawApplication(app({ status: 'queued' }))),
  ...reasonsOf(withdrawApplication(app({ status: 'queued' }), 'found a private kindergarten')),
  ...reasonsOf(overdueChange(offered(), '2026-09-04', calendar, rules.parameters)),
  ...reasonsOf(overdueChange(confirmed(), '2026-09-10', calendar, rules.parameters)),
  ...reasonsOf(overdueChange(offered({ category: 'primary' }), '2026-09-15', calendar, rules.parameters)),
  // src/db/imports.ts, district-store.ts, changes.ts (ageOut).
  'registered',
  'status set by import',
  'issued by nightly allocation',
  'referral R-7',
  `reached the age limit of ${rules.parameters.maxAgeYears} years`,
];

describe("the history's event reasons in the page's language", () => {
  it('read every stored reason back into the catalogue: Kazakh and Russian texts of their own, the ids and what a person typed kept', () => {
    expect(STORED.length).toBeGreaterThanOrEqual(25);
    for (const reason of STORED)
      for (const lang of ['kk', 'ru'] as const) {
        const text = eventReasonText(new Speaker(lang, rules), reason);
        expect(text, `${lang}: ${reason}`).not.toBe(reason);
        const typed = /: (moved to another city|the child is ill|asked by phone|found a private kindergarten)$/.exec(reason)?.[1];
        if (typed) expect(text.endsWith(`: ${typed}`), `${lang}: ${reason}`).toBe(true);
        const own = typed ? text.slice(0, -typed.length) : text;
        expect(own, `${lang}: ${reason}`).not.toMatch(/[{}]|\b(by|the|referral|right|enrol\w*)\b/);
        for (const id of reason.match(/R-7/g) ?? []) expect(text).toContain(id);
      }
  });

  it('say dates, numbers and categories as the language does', () => {
    const kk = new Speaker('kk', rules), ru = new Speaker('ru', rules), en = new Speaker('en', rules);
    expect(eventReasonText(ru, 'issued by nightly allocation')).toBe('выдано ночным распределением');
    expect(eventReasonText(kk, 'issued by nightly allocation')).toBe('түнгі бөлу берді');
    expect(eventReasonText(en, 'issued by nightly allocation')).toBe('issued by nightly allocation');
    expect(eventReasonText(ru, 'no answer by 2026-09-03')).toBe('нет ответа до 3 сентября 2026 г.');
    expect(eventReasonText(kk, 'no answer by 2026-09-03')).toBe('2026 ж. 3 қыркүйек күніне дейін жауап болмады');
    expect(eventReasonText(ru, 'enrolment extended by 5 days to 2026-09-16')).toBe('срок зачисления продлён на 5 дней, до 16 сентября 2026 г.');
    expect(eventReasonText(ru, 'enrolment extended by 1 days to 2026-09-16: ill')).toBe('срок зачисления продлён на 1 день, до 16 сентября 2026 г.: ill');
    expect(eventReasonText(ru, 'primary right proven in person')).toBe(`льгота «${ru.category('primary')}» подтверждена при личном обращении`);
  });

  it('show a reason the catalogue does not know as it is stored, in every language (property)', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const reason = `set by hand ${tail}`;
        for (const lang of LANGS) expect(eventReasonText(new Speaker(lang, rules), reason)).toBe(reason);
      }),
    );
  });
});
