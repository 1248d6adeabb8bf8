import type { RuleProblem } from '../errors.js';

/**
 * Several rule sets in one rules folder: the folder itself is one set (the
 * current one) and each `versions/<name>/` is another, complete set. A run at
 * date D uses the set with the latest `effectiveFrom` ≤ D, wherever it lives.
 */
export const VERSIONS_DIR = 'versions';

export interface RuleSetHeader {
  /** Folder of the set. */
  dir: string;
  /** How problems name its files: '' for the folder itself, `versions/<name>/` otherwise. */
  label: string;
  version: string;
  effectiveFrom: string;
}

/** Pure: two sets may not share a version or a start date (which one is in force would be ambiguous). */
export function scheduleProblems(headers: readonly RuleSetHeader[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const byVersion = new Map<string, RuleSetHeader>();
  const byDate = new Map<string, RuleSetHeader>();
  for (const h of headers) {
    const v = byVersion.get(h.version);
    if (v) problems.push({ file: `${h.label}ruleset.json`, path: '$.version', message: `version "${h.version}" is also the version of ${v.label || 'the current set'}` });
    else byVersion.set(h.version, h);
    const d = byDate.get(h.effectiveFrom);
    if (d) problems.push({ file: `${h.label}ruleset.json`, path: '$.effectiveFrom', message: `${h.effectiveFrom} is also the start of ${d.label || 'the current set'}; which applies would be ambiguous` });
    else byDate.set(h.effectiveFrom, h);
  }
  return problems;
}

/** Pure: the set in force at a date: the latest effectiveFrom on or before it. */
export function headerAt(headers: readonly RuleSetHeader[], date: string): RuleSetHeader | null {
  let found: RuleSetHeader | null = null;
  for (const h of headers) if (h.effectiveFrom <= date && (!found || h.effectiveFrom > found.effectiveFrom)) found = h;
  return found;
}
