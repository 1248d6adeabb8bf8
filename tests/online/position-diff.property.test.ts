import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffNights, type Happenings, type NightCohort } from '../../src/online/position-diff.js';

const nothing: Happenings = { facts: new Map(), statusChanges: [], referrals: [], refusals: [] };

/** Two nights of one cohort: any applications in any order, the application X in both. */
const nights = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }),
    fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }),
    fc.array(fc.constantFrom('e', 'p', 'g'), { minLength: 62, maxLength: 62 }),
    fc.nat(),
    fc.nat(),
  )
  .map(([a, b, letters, i, j]) => {
    const prevIds = a.map((n) => `A${n}`).filter((id) => id !== 'X');
    const curIds = b.map((n) => `A${n}`);
    prevIds.splice(i % (prevIds.length + 1), 0, 'X');
    curIds.splice(j % (curIds.length + 1), 0, 'X');
    const prev: NightCohort = { date: '2026-09-01', ids: prevIds, categories: prevIds.map((_, k) => letters[k]!).join('') };
    const cur: NightCohort = { date: '2026-09-02', ids: curIds, categories: curIds.map((_, k) => letters[31 + k]!).join('') };
    return { prev, cur };
  });

describe('why a number changed (diffNights)', () => {
  it('the changes add up to the change of the number, and count every child who passed or fell behind once', () => {
    fc.assert(
      fc.property(nights, ({ prev, cur }) => {
        const changes = diffNights('X', prev, cur, nothing);
        const before = prev.ids.indexOf('X');
        const now = cur.ids.indexOf('X');
        expect(changes.reduce((sum, c) => sum + c.delta, 0)).toBe(now - before);
        const aheadBefore = new Set(prev.ids.slice(0, before));
        const aheadNow = new Set(cur.ids.slice(0, now));
        const moved = [...aheadBefore].filter((y) => !aheadNow.has(y)).length + [...aheadNow].filter((y) => !aheadBefore.has(y)).length;
        const ownChanged = prev.categories[before] !== cur.categories[now];
        if (!ownChanged) {
          expect(changes.some((c) => c.kind === 'own_category')).toBe(false);
          expect(changes.reduce((sum, c) => sum + ('count' in c ? c.count : 0), 0)).toBe(moved);
        } else expect(changes.filter((c) => c.kind === 'own_category')).toHaveLength(1);
        for (const c of changes) if ('count' in c) expect(Math.abs(c.delta)).toBe(c.count);
      }),
      { numRuns: 300, seed: 1805 },
    );
  });
});
