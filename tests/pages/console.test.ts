import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/domain/types.js';
import { LANGS } from '../../src/i18n/messages.js';
import type { ApplicationView } from '../../src/online/application-view.js';
import { applicationPage, openSteps, refusalWhy, stepPage, type ConsoleAction } from '../../src/pages/console/application.js';
import { loginPage } from '../../src/pages/console/login.js';
import { cw, w, WORDS } from '../../src/pages/words.js';
import { shippedRules } from '../support/run-helpers.js';

const user = { name: 'op', role: 'operator', csrf: 'TOKEN-123' };

function facts(o: Partial<ApplicationView> = {}): ApplicationView {
  return {
    id: 'A1',
    district: 'D1',
    status: 'queued',
    birthYear: 2022,
    registeredAt: '2024-01-01T09:00:00+05:00',
    channel: 'portal',
    child: { iin: '220310501011', name: 'Бала', birthDate: '2022-03-10' },
    applicant: { iin: '900505471019', name: 'Ата-ана', relation: 'mother' },
    date: '2026-09-01',
    category: 'general',
    rights: [],
    queue: { number: 2, of: 3, ahead: { extraordinary: 0, primary: 0, general: 1 } },
    waiting: null,
    refusal: null,
    referral: null,
    ...o,
  };
}

function referral(status: 'offered' | 'confirmed' | 'enrolled' | 'declined', o: Partial<NonNullable<ApplicationView['referral']>> = {}): NonNullable<ApplicationView['referral']> {
  return {
    id: 'R1',
    application: 'A1',
    district: 'D1',
    kindergarten: 'KG-1',
    group: 'G1',
    status,
    category: 'general' as Category,
    rights: [],
    preferenceRank: 1,
    issuedOn: '2026-09-01',
    confirmBy: '2026-09-03',
    confirmedOn: status === 'confirmed' ? '2026-09-02' : null,
    enrollBy: status === 'confirmed' ? '2026-09-08' : null,
    extendedDays: null,
    rightProvenOn: null,
    proofBy: null,
    nextDeadline: status === 'offered' ? { step: 'confirm', by: '2026-09-03' } : status === 'confirmed' ? { step: 'enroll', by: '2026-09-08' } : null,
    provisionalYears: [],
    ...o,
  };
}

/** The options of a select argument `name` in a message (other than `other`). */
function selectOptions(text: string, name: string): string[] | undefined {
  for (const e of new IntlMessageFormat(text, 'en').getAst() as unknown as { type: number; value: string; options?: Record<string, unknown> }[]) {
    // intl-messageformat's AST: 5 is a select.
    if (e.type === 5 && e.value === name) return Object.keys(e.options!).filter((k) => k !== 'other');
  }
  return undefined;
}

describe("the console's words", () => {
  it('name every step the console offers (the catalogue test in builders.test.ts checks every key in every language)', () => {
    expect(selectOptions(WORDS.en['console.action.name'], 'a')).toEqual(['confirm', 'decline', 'enroll', 'extend', 'confirm_right', 'withdraw', 'restore']);
    for (const lang of LANGS) expect(cw(lang, 'action.name', { a: 'confirm_right' })).toBe(w(lang, 'console.action.name', { a: 'confirm_right' }));
  });

  it("name the night's rules engine in the page's language, an unknown one as stored", () => {
    expect(w('kk', 'report.engine', { engine: 'compiled' })).toBe('компиляцияланған қозғалтқыш');
    expect(w('ru', 'report.engine', { engine: 'reference' })).toBe('эталонный движок (json-rules-engine)');
    expect(w('en', 'report.engine', { engine: 'compiled' })).toBe('compiled engine');
    expect(w('ru', 'report.engine', { engine: 'wasm' })).toBe('движок wasm');
  });
});

describe('the steps a role may take on an application', () => {
  const all: ConsoleAction[] = ['confirm', 'decline', 'enroll', 'extend', 'confirm-right', 'withdraw', 'restore'];

  it("follow the application's state and api.md's roles", () => {
    expect(openSteps('operator', facts())).toEqual(['withdraw']);
    expect(openSteps('operator', facts({ status: 'offered', referral: referral('offered') }))).toEqual(['confirm', 'decline']);
    expect(openSteps('operator', facts({ status: 'confirmed', referral: referral('confirmed') }))).toEqual(['enroll', 'decline', 'extend']);
    expect(openSteps('portal', facts({ status: 'confirmed', referral: referral('confirmed') }))).toEqual(['decline']);
    expect(openSteps('office', facts({ status: 'offered', referral: referral('offered', { category: 'primary' }) }))).toEqual(['confirm', 'decline', 'confirm-right']);
    expect(openSteps('portal', facts({ status: 'offered', referral: referral('offered', { category: 'primary' }) }))).toEqual(['confirm', 'decline']);
    expect(openSteps('operator', facts({ status: 'inactive', queue: null }))).toEqual(['withdraw', 'restore']);
    expect(openSteps('policy', facts({ status: 'inactive', queue: null }))).toEqual([]);
    expect(openSteps('operator', facts({ status: 'enrolled', queue: null }))).toEqual([]);
  });

  it('a policy key is never offered a step, whatever the state (property)', () => {
    const statuses = ['queued', 'offered', 'confirmed', 'enrolled', 'refused', 'inactive', 'annulled', 'aged_out'];
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.option(fc.constantFrom('offered' as const, 'confirmed' as const)), fc.constantFrom<Category>('general', 'primary', 'extraordinary'), (status, ref, category) => {
        const a = facts({ status, referral: ref ? referral(ref, { category }) : null });
        expect(openSteps('policy', a)).toEqual([]);
        // An office key may do all a portal key may.
        for (const s of openSteps('portal', a)) expect(openSteps('office', a)).toContain(s);
        for (const s of openSteps('operator', a)) expect(all).toContain(s);
      }),
    );
  });

  it('a refused step is told in words, from the state the application is in', () => {
    const confirmed = facts({ status: 'confirmed', referral: referral('confirmed') });
    expect(refusalWhy('ru', 'confirm', confirmed, '2026-09-02', 30)).toBe('сейчас состояние «направление подтверждено».');
    expect(refusalWhy('kk', 'confirm', facts({ status: 'offered', referral: referral('offered') }), '2026-09-04', 30)).toBe('соңғы күні 2026-09-03 болатын.');
    expect(refusalWhy('en', 'extend', facts({ status: 'confirmed', referral: referral('confirmed', { extendedDays: 10 }) }), '2026-09-02', 30)).toBe('the deadline was already extended once.');
    expect(refusalWhy('en', 'extend', confirmed, '2026-09-02', 30, 45)).toBe('an extension is 1 to 30 calendar days.');
    expect(refusalWhy('en', 'enroll', facts({ status: 'confirmed', referral: referral('confirmed', { category: 'primary' }) }), '2026-09-02', 30)).toBe('the priority right has not been proven yet.');
    expect(refusalWhy('en', 'withdraw', facts({ status: 'offered', referral: referral('offered') }), '2026-09-02', 30)).toBe('it has a live referral: decline the referral first.');
    expect(refusalWhy('en', 'restore', facts({ status: 'queued' }), '2026-09-02', 30)).toBe('it is now “in the queue”.');
  });
});

describe('console pages', () => {
  const words = shippedRules();

  it("show the history's reasons in the page's language; a reason it does not know, and what a person typed, as stored (escaped)", () => {
    const ev = (reason: string) => ({ at: '2026-09-01T20:00:00Z', effectiveOn: '2026-09-01', entity: 'referral' as const, entityId: 'R1', from: null, to: 'offered', actor: 'run-1', reason });
    const history = [ev('issued by nightly allocation'), ev('declined by the parent: <b>moved</b>'), ev('set by hand')];
    const positions = { application: 'A1', district: 'D1', birthYear: 2022, positions: [] };
    const page = (lang: 'kk' | 'ru' | 'en') => applicationPage({ lang, user, app: facts(), history, positions, words, done: null, refused: null });
    expect(page('kk')).toContain('<td>түнгі бөлу берді</td>');
    expect(page('ru')).toContain('<td>выдано ночным распределением</td>');
    expect(page('en')).toContain('<td>issued by nightly allocation</td>');
    expect(page('ru')).toContain('<td>родитель отказался: &lt;b&gt;moved&lt;/b&gt;</td>');
    for (const lang of LANGS) expect(page(lang)).toContain('<td>set by hand</td>');
    expect(page('kk')).not.toContain('issued by nightly allocation');
  });

  it('escape what comes from the database, and carry the session’s CSRF token in every form that posts', () => {
    const a = facts({ child: { iin: '220310501011', name: '<script>alert(1)</script>', birthDate: '2022-03-10' }, status: 'offered', queue: null, referral: referral('offered') });
    const page = applicationPage({ lang: 'kk', user, app: a, history: [], positions: { application: 'A1', district: 'D1', birthYear: 2022, positions: [] }, words, done: null, refused: null });
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('href="/console/applications/A1/steps/confirm"');
    expect(page).toContain('href="/console/applications/A1/notice?lang=ru&amp;format=pdf"');
    const step = stepPage({ lang: 'ru', user, app: a, action: 'confirm', maxDays: 30 });
    for (const p of [page, step]) {
      const forms = p.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];
      expect(forms.length).toBeGreaterThan(0);
      for (const f of forms) expect(f).toContain('name="_csrf" value="TOKEN-123"');
    }
    expect(step).toContain('Семья принимает место: детский сад KG-1, группа G1.');
    expect(step).toContain('<html lang="ru">');
    // A confirmation records no reason of the person's; a refusal does.
    expect(step).not.toContain('name="reason"');
    expect(stepPage({ lang: 'ru', user, app: a, action: 'decline', maxDays: 30 })).toContain('name="reason"');
  });

  it('the sign-in page: a labelled password field, its own token, no session', () => {
    const p = loginPage({ lang: 'en', csrf: 'LOGIN-TOKEN', next: '/console/due', hours: 10, message: 'expired' });
    expect(p).toMatch(/<label for="key">API key<input id="key" name="key" type="password"/);
    expect(p).toContain('name="_csrf" value="LOGIN-TOKEN"');
    expect(p).toContain('name="next" value="/console/due"');
    expect(p).toContain('Your session has ended (it lasts 10 hours');
    expect(p).not.toContain('/console/logout');
  });
});
