import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interleave, takesPrimary } from '../../src/allocation/quota.js';

const P = (n: number) => Array.from({ length: n }, (_, i) => `P${i + 1}`);
const G = (n: number) => Array.from({ length: n }, (_, i) => `G${i + 1}`);
/** 'P'/'G' letters of a merged sequence. */
const shape = (xs: string[]) => xs.map((x) => x[0]).join('');

describe('takesPrimary (allocation.md step 4)', () => {
  it('default 1:3 — primary when issuedPrimary*3 <= issuedGeneral*1', () => {
    const q = [1, 3] as const;
    expect(takesPrimary(0, 0, q, true, true)).toBe(true);
    expect(takesPrimary(1, 0, q, true, true)).toBe(false);
    expect(takesPrimary(1, 1, q, true, true)).toBe(false);
    expect(takesPrimary(1, 2, q, true, true)).toBe(false);
    expect(takesPrimary(1, 3, q, true, true)).toBe(true); // 3 <= 3: the boundary takes primary
    expect(takesPrimary(2, 3, q, true, true)).toBe(false);
    expect(takesPrimary(2, 6, q, true, true)).toBe(true);
    expect(takesPrimary(0, 5, q, true, true)).toBe(true); // primary behind: catch up
  });

  it('takes the other stream when one is empty', () => {
    const q = [1, 3] as const;
    expect(takesPrimary(0, 0, q, false, true)).toBe(false);
    expect(takesPrimary(1, 0, q, true, false)).toBe(true); // quota says general, but none left
    expect(takesPrimary(0, 9, q, false, true)).toBe(false);
    expect(takesPrimary(5, 0, q, true, false)).toBe(true);
  });

  it('matches the formula for any quota and counts', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.nat(5), fc.nat(5), (ip, ig, qp, qg) => {
        fc.pre(qp + qg > 0);
        expect(takesPrimary(ip, ig, [qp, qg], true, true)).toBe(ip * qg <= ig * qp);
      }),
      { numRuns: 300 },
    );
  });
});

describe('interleave (static order for queue numbers, step 6)', () => {
  it('1:3 gives P,G,G,G,P,G,G,G,…', () => {
    expect(interleave(P(3), G(9), [1, 3])).toEqual(['P1', 'G1', 'G2', 'G3', 'P2', 'G4', 'G5', 'G6', 'P3', 'G7', 'G8', 'G9']);
  });

  it('1:3 puts the rest of the longer stream at the end', () => {
    expect(interleave(P(4), G(2), [1, 3])).toEqual(['P1', 'G1', 'G2', 'P2', 'P3', 'P4']);
    expect(interleave(P(1), G(5), [1, 3])).toEqual(['P1', 'G1', 'G2', 'G3', 'G4', 'G5']);
  });

  it('1:1 alternates, primary first', () => {
    expect(shape(interleave(P(3), G(3), [1, 1]))).toBe('PGPGPG');
    expect(shape(interleave(P(2), G(4), [1, 1]))).toBe('PGPGGG');
  });

  it('2:3 repeats P,G,G,P,G', () => {
    // p*3 <= g*2: (0,0)P (1,0)G (1,1)G (1,2)P (2,2)G (2,3)P (3,3)G (3,4)G (3,5)P (4,5)G
    expect(shape(interleave(P(4), G(6), [2, 3]))).toBe('PGGPGPGGPG');
  });

  it('0:1 — the formula (0 <= 0) takes one primary first, then only general until it runs out', () => {
    expect(shape(interleave(P(3), G(4), [0, 1]))).toBe('PGGGGPP');
  });

  it('1:0 — only primary until it runs out', () => {
    expect(shape(interleave(P(3), G(3), [1, 0]))).toBe('PPPGGG');
  });

  it('one stream empty: the other, in order', () => {
    expect(interleave(P(3), [], [1, 3])).toEqual(['P1', 'P2', 'P3']);
    expect(interleave([], G(3), [1, 3])).toEqual(['G1', 'G2', 'G3']);
    expect(interleave([], [], [1, 3])).toEqual([]);
  });

  it('is a merge that keeps each stream in order, and every prefix respects the quota', () => {
    fc.assert(
      fc.property(fc.nat(15), fc.nat(30), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (np, ng, qp, qg) => {
        const out = interleave(P(np), G(ng), [qp, qg]);
        expect(out.filter((x) => x[0] === 'P')).toEqual(P(np));
        expect(out.filter((x) => x[0] === 'G')).toEqual(G(ng));
        // Each element is the one the formula asks for, while both streams last.
        let p = 0;
        let g = 0;
        for (const x of out) {
          if (p < np && g < ng) expect(x[0]).toBe(p * qg <= g * qp ? 'P' : 'G');
          else expect(x[0]).toBe(p < np ? 'P' : 'G');
          if (x[0] === 'P') p++;
          else g++;
        }
      }),
      { numRuns: 300 },
    );
  });
});
