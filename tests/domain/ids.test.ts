import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '../../src/domain/ids.js';
import { byteCompare } from '../support/builders.js';

const sign = (n: number) => Math.sign(n);

describe('compareIds (UTF-8 byte order)', () => {
  it('compares digits as bytes, not as numbers', () => {
    expect(compareIds('APP-10', 'APP-9')).toBeLessThan(0);
    expect(compareIds('APP-9', 'APP-10')).toBeGreaterThan(0);
    expect(compareIds('KG-1', 'KG-10')).toBeLessThan(0);
    expect(compareIds('KG-10', 'KG-2')).toBeLessThan(0);
  });

  it('puts upper case before lower case (no locale folding)', () => {
    expect(compareIds('B', 'a')).toBeLessThan(0);
    expect(compareIds('a', 'B')).toBeGreaterThan(0);
    expect(compareIds('Z', 'a')).toBeLessThan(0);
  });

  it('orders a prefix first and equal strings as 0', () => {
    expect(compareIds('APP', 'APP-1')).toBeLessThan(0);
    expect(compareIds('', 'A')).toBeLessThan(0);
    expect(compareIds('APP-1', 'APP-1')).toBe(0);
  });

  it('orders characters above U+FFFF after U+FFFD and U+E000 (unlike UTF-16 order)', () => {
    const emoji = '\u{1F600}'; // UTF-8 F0 9F 98 80, UTF-16 D83D DE00
    expect(compareIds(emoji, '\uFFFD')).toBeGreaterThan(0);
    expect(compareIds('\uFFFD', emoji)).toBeLessThan(0);
    expect(compareIds(emoji, '\uE000')).toBeGreaterThan(0);
    expect(compareIds('A' + emoji, 'A\uFFFF')).toBeGreaterThan(0);
    // Below the surrogate range UTF-16 and UTF-8 agree.
    expect(compareIds(emoji, '\uD7FF')).toBeGreaterThan(0);
    expect(compareIds('\u{1F600}', '\u{1F601}')).toBeLessThan(0);
    expect(compareIds('\u{10000}', '\u{10FFFF}')).toBeLessThan(0);
  });

  it('orders Cyrillic and Kazakh letters by code point', () => {
    expect(compareIds('Ә', 'Я')).toBeGreaterThan(0); // U+04D8 > U+042F
    expect(compareIds('z', 'а')).toBeLessThan(0); // ASCII before Cyrillic
  });

  it('agrees with Buffer.compare of the UTF-8 bytes on random strings', () => {
    // A small alphabet makes common prefixes (the interesting case) likely.
    const tricky = fc.constantFrom('A', 'a', 'B', '1', '9', '-', 'é', 'Ә', '\uD7FF', '\uE000', '\uFFFD', '\uFFFF', '\u{10000}', '\u{1F600}', '\u{10FFFF}');
    const small = fc.array(tricky, { maxLength: 6 }).map((cs) => cs.join(''));
    // Any code point except lone surrogates (which have no UTF-8 encoding).
    const codePoint = fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff);
    const any = fc.array(codePoint, { maxLength: 8 }).map((cs) => String.fromCodePoint(...cs));
    const str = fc.oneof(small, any);
    fc.assert(
      fc.property(str, str, (a, b) => {
        expect(sign(compareIds(a, b))).toBe(sign(byteCompare(a, b)));
        expect(sign(compareIds(b, a)) + sign(compareIds(a, b))).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('sorts an array the same way as sorting UTF-8 byte strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 5 }), { maxLength: 20 }), (xs) => {
        const a = [...xs].sort(compareIds);
        const b = [...xs].sort(byteCompare);
        expect(a).toEqual(b);
      }),
      { numRuns: 300 },
    );
  });
});
