import type { RuleProblem } from '../errors.js';
import { jsonErrorOffset } from './json-position.js';

/**
 * Limits that keep a broken or hostile rule file from crashing or stalling
 * kezek, checked before the schema (which recurses) ever sees the value.
 * Pure and iterative: no recursion, so nesting depth cannot overflow the stack.
 */
export const RULE_FILE_LIMITS = Object.freeze({
  /** Bytes of one rule or fixture file. */
  maxBytes: 512 * 1024,
  /** Nesting of objects and arrays. */
  maxDepth: 24,
  /** Items of one array. */
  maxArray: 500,
  /** Values in the whole file. */
  maxNodes: 50_000,
});

/** Keys that could reach an object's prototype if anything ever copied them naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses a rule file's text: not JSON, too big, too deep or a forbidden key gives problems, never a throw. */
export function parseRuleText(file: string, text: string): { value: unknown } | { problems: RuleProblem[] } {
  if (Buffer.byteLength(text, 'utf8') > RULE_FILE_LIMITS.maxBytes)
    return { problems: [{ file, path: '', message: `file is larger than ${RULE_FILE_LIMITS.maxBytes / 1024} KiB` }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof RangeError ? 'nested too deeply' : jsonErrorWithPlace(text, (e as Error).message);
    return { problems: [{ file, path: '', message: `not valid JSON: ${why}` }] };
  }
  const problems = guardValue(file, value);
  return problems.length ? { problems } : { value };
}

/**
 * JSON.parse's message with the line and column where it stopped: Node 20
 * gives only the offset ("… in JSON at position 16"), or none at all for an
 * unexpected token, and an editor shows lines.
 */
export function jsonErrorWithPlace(text: string, message: string): string {
  const m = / at position (\d+)/.exec(message);
  const at = m ? Number(m[1]) : jsonErrorOffset(text);
  // "Unexpected token '}', "…the whole text…" is not valid JSON": the token is enough.
  const short = message.replace(/^(Unexpected token '.*?'), [\s\S]* is not valid JSON$/, '$1');
  if (at < 0) return short;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `${short.replace(/ in JSON at position \d+/, '').replace(/ of JSON input/, '')} (line ${line}, column ${column})`;
}

/** Walks a parsed value breadth-first; reports the first breach of each kind. */
export function guardValue(file: string, root: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  const report = (kind: string, path: string, message: string) => {
    if (seen.has(kind)) return;
    seen.add(kind);
    problems.push({ file, path, message });
  };
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '$', depth: 0 }];
  let nodes = 0;
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (++nodes > RULE_FILE_LIMITS.maxNodes) {
      report('nodes', '$', `more than ${RULE_FILE_LIMITS.maxNodes} values in one file`);
      break;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= RULE_FILE_LIMITS.maxDepth) {
      report('depth', path, `nested more than ${RULE_FILE_LIMITS.maxDepth} levels deep`);
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > RULE_FILE_LIMITS.maxArray) {
        report('array', path, `a list of ${value.length} items; at most ${RULE_FILE_LIMITS.maxArray}`);
        continue;
      }
      value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = `${path}${jsonPathKey(key)}`;
      if (FORBIDDEN_KEYS.has(key)) {
        report(`key:${at}`, at, `the key "${key}" is not allowed`);
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return problems;
}

/** `.name` for plain keys, `["odd key"]` otherwise. */
export function jsonPathKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
