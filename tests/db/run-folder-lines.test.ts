import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineBytes, lines, queueLine, referralLine, refusalLine } from '../../src/codec/run-lines.js';

/** The run folder's lines are built as templates: they must be the bytes JSON.stringify gives. */
describe('run folder lines', () => {
  const text = fc.string({ unit: 'binary' });
  const int = fc.integer({ min: 0, max: 10_000_000 });
  it('a queue line is JSON.stringify of its object, keys in formats.md order', () => {
    fc.assert(
      fc.property(text, text, int, fc.constantFrom('extraordinary', 'primary', 'general' as const), int, (application, district, birthYear, category, queueNumber) => {
        const q = { application, district, birthYear, category, queueNumber };
        expect(queueLine(q)).toBe(JSON.stringify(q));
      }),
    );
  });
  it('a referral line and a refusal line likewise', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), text, int, (list, s, n) => {
        const r = {
          referral: s, application: `${s}!`, district: 'D"1', birthYear: n, kindergarten: s, group: 'g\\1', category: 'primary' as const,
          rights: list, preferenceRank: n % 5, issuedOn: '2026-09-01', confirmBy: '2026-09-08',
        };
        expect(referralLine({ ...r, seq: 1 })).toBe(JSON.stringify(r));
        const f = { application: s, district: 'ALA', reasons: list };
        expect(refusalLine(f)).toBe(JSON.stringify(f));
      }),
    );
  });
  it('lines as bytes are the UTF-8 of the lines as text, each in a buffer of its own', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ application: text, district: text, reasons: fc.array(text, { maxLength: 3 }) }), { maxLength: 60 }), (refusals) => {
        const bytes = lineBytes(refusals, refusalLine);
        expect(Buffer.from(bytes).toString('utf8')).toBe(lines(refusals, refusalLine));
        expect(Buffer.from(bytes)).toEqual(Buffer.from(lines(refusals, refusalLine), 'utf8'));
        // Moved to another thread whole: the buffer must not be shared with anything else.
        expect(bytes.buffer).not.toBe(lineBytes(refusals, refusalLine).buffer);
        expect(bytes.byteOffset).toBe(0);
      }),
    );
  });
});
