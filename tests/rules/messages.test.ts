import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGS } from '../../src/i18n/messages.js';

/** Every {name} a message reads (arguments, plurals, selects, dates), at any depth. */
function argumentsOf(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const el of node) argumentsOf(el, out);
  else if (node && typeof node === 'object') {
    const el = node as { type?: number; value?: unknown; options?: Record<string, { value: unknown }> };
    // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (intl-messageformat's element types).
    if (typeof el.value === 'string' && [1, 2, 3, 4, 5, 6].includes(el.type ?? 0)) out.add(el.value);
    if (el.options) for (const o of Object.values(el.options)) argumentsOf(o.value, out);
  }
  return out;
}

const keys = Object.keys(CATALOGUES.en).filter((k) => k.startsWith('rules.'));

describe('the texts of kezek rules test, eval and diff', () => {
  it.each(keys)('%s reads the same values in kk, ru and en', (key) => {
    const [kk, ru, en] = LANGS.map((lang) => {
      const text = (CATALOGUES[lang] as Record<string, string>)[key];
      expect(text, `${lang} ${key}`).toBeTruthy();
      return [...argumentsOf(new IntlMessageFormat(text!, lang).getAst())].sort();
    });
    expect(kk).toEqual(en);
    expect(ru).toEqual(en);
  });
});
