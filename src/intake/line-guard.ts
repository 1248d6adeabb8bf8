/**
 * Limits on one input line's JSON value, checked before anything else looks
 * at it, so no line can crash or stall an import whatever it holds: nesting
 * (serialisers and PostgreSQL's jsonb recurse), the number of values, text
 * that is not Unicode (a lone surrogate cannot be stored as UTF-8), and NUL
 * (no PostgreSQL text can hold one). Pure and iterative: depth cannot
 * overflow the stack here.
 */
export const LINE_LIMITS = Object.freeze({
  /** Nesting of objects and arrays. */
  maxDepth: 32,
  /** Values in one line. */
  maxValues: 10_000,
});

export interface LineProblem {
  reason: 'too_deep' | 'too_many_values' | 'invalid_unicode' | 'nul_character';
  /** Where in the line, as a path (`child.name`, `rights[0].document`), when it is a value's. */
  field?: string;
  message: string;
}

// In a /u pattern a well-formed pair is one code point, so \p{Surrogate} finds only lone halves.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The first problem of the value, or null when it is fit to store. */
export function lineProblem(root: unknown): LineProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  let values = 0;
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (++values > LINE_LIMITS.maxValues) return { reason: 'too_many_values', message: `the line holds more than ${LINE_LIMITS.maxValues} values` };
    if (typeof value === 'string') {
      const p = textProblem(value, path);
      if (p) return p;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= LINE_LIMITS.maxDepth) return { reason: 'too_deep', ...(path ? { field: path } : {}), message: `nested more than ${LINE_LIMITS.maxDepth} levels deep` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const at = path ? `${path}.${key}` : key;
      const p = textProblem(key, at);
      if (p) return { ...p, message: `a key ${p.message.replace(/^[^ ]+ /, '')}` };
      stack.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * True when the value is certainly fit, told cheaply from the JSON text it was parsed from (the
 * common case; otherwise lineProblem decides): a lone surrogate or a NUL can only come from a
 * `\u` escape (the text itself is valid UTF-8), a value takes at least one character of the text
 * of its own (so a text no longer than maxValues holds no more values), and the nesting is
 * looked at without building the paths lineProblem reports.
 */
export function plainlyFit(root: unknown, text: string): boolean {
  if (text.length > LINE_LIMITS.maxValues || text.includes('\\u')) return false;
  return withinDepth(root, 0);
}

function withinDepth(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= LINE_LIMITS.maxDepth) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!withinDepth(value[i], depth + 1)) return false;
    return true;
  }
  // (an inherited enumerable key only makes this say "not certain": lineProblem then decides)
  for (const key in value) if (!withinDepth((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

function textProblem(s: string, path: string): LineProblem | null {
  const field = path ? { field: path } : {};
  // A lone surrogate (e.g. "\ud800") is valid JSON but not Unicode text: it would be stored
  // altered (U+FFFD) or refused by the database, and two ids could become one.
  if (LONE_SURROGATE.test(s)) return { reason: 'invalid_unicode', ...field, message: `${path || 'value'} holds a lone surrogate (not Unicode text)` };
  if (s.includes('\u0000')) return { reason: 'nul_character', ...field, message: `${path || 'value'} holds a NUL character (\\u0000)` };
  return null;
}
