import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorWithPlace } from '../../src/rules/guard.js';
import { jsonErrorOffset } from '../../src/rules/json-position.js';

/** Where JSON.parse itself says it stopped, when it says (Node 20 does for most mistakes). */
function nodeOffset(text: string): number | null | 'valid' {
  try {
    JSON.parse(text);
    return 'valid';
  } catch (e) {
    const m = / at position (\d+)/.exec((e as Error).message);
    if (m) return Number(m[1]);
    return /Unexpected end of JSON input/.test((e as Error).message) ? text.length : null;
  }
}

/** JSON texts, some of them broken: a valid value with a few characters changed, dropped or added. */
const nearlyJson = fc
  .tuple(
    fc.json({ maxDepth: 3 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...'{}[],:"\\ 0-1.5e+tfnx\n\u0001'.split(''))), { maxLength: 3 }),
  )
  .map(([text, edits]) => {
    let s = text;
    for (const [at, kind, ch] of edits) {
      const i = s.length ? at % (s.length + 1) : 0;
      s = kind === 'insert' ? s.slice(0, i) + ch + s.slice(i) : kind === 'delete' ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + ch + s.slice(i + 1);
    }
    return s;
  });

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid, and on where it stops whenever JSON.parse says', () => {
    fc.assert(
      fc.property(nearlyJson, (text) => {
        const node = nodeOffset(text);
        const ours = jsonErrorOffset(text);
        if (node === 'valid') expect(ours).toBe(-1);
        else {
          expect(ours).toBeGreaterThanOrEqual(0);
          if (node !== null) expect(ours).toBe(node);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the unexpected token Node 20 gives no position for, and nests deeply without recursion', () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBe(-1);
    expect(jsonErrorOffset('['.repeat(100_000) + '}')).toBe(100_000);
  });

  it('jsonErrorWithPlace keeps the token and drops the echoed text', () => {
    const text = '{\n  "rules": [\n    {"name": }\n  ]\n}';
    let message = '';
    try {
      JSON.parse(text);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(jsonErrorWithPlace(text, message)).toBe("Unexpected token '}' (line 3, column 14)");
  });
});
