import type { RuleProblem } from '../errors.js';
import { FACTS } from '../rules/facts.js';
import { OPERATORS } from '../rules/operators.js';
import type { RuleTestResult } from '../rules/rule-tests.js';
import type { RuleSet } from '../rules/ruleset.js';

/** Terminal text of `kezek rules …` (people read it; nothing parses it). */

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export function formatProblems(problems: readonly RuleProblem[]): string {
  return [`${problems.length} problem${problems.length === 1 ? '' : 's'} in the rules:`, ...problems.map((p) => `  ${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`)].join('\n');
}

export function formatValidSets(dir: string, sets: readonly RuleSet[], fixtures: number): string {
  return [
    `Rules in ${dir} are valid:`,
    ...sets.map((s) => `  version ${pad(s.version, 12)} in force from ${s.effectiveFrom}  hash ${s.hash.slice(0, 12)}…`),
    `  ${fixtures} rule test${fixtures === 1 ? '' : 's'} well-formed (run them with \`kezek rules test\`)`,
  ].join('\n');
}

export function formatTestTable(version: string, results: readonly RuleTestResult[]): string {
  const width = Math.min(70, Math.max(...results.map((r) => r.case.name.length), 4));
  const lines = [`Rule tests of version ${version}:`, `  ${pad('result', 6)}  ${pad('file', 22)}  ${pad('test', width)}  date`];
  for (const r of results) {
    lines.push(`  ${pad(r.passed ? 'pass' : 'FAIL', 6)}  ${pad(r.case.file, 22)}  ${pad(r.case.name, width)}  ${r.case.date}`);
    for (const d of r.differences) lines.push(`          ${d}`);
  }
  const failed = results.filter((r) => !r.passed).length;
  lines.push(failed ? `${failed} of ${results.length} failed.` : `All ${results.length} passed.`);
  return lines.join('\n');
}

export function formatFacts(): string {
  const nameW = Math.max(...FACTS.map((f) => f.name.length));
  const lines = ['Facts (judged at the run date):', `  ${pad('fact', nameW)}  ${pad('type', 9)}  ${pad('example', 34)}  meaning`];
  for (const f of FACTS) {
    const type = f.values ? `string` : f.type;
    const meaning = f.values ? `${f.description} (${f.values.join(', ')})` : f.description;
    lines.push(`  ${pad(f.name, nameW)}  ${pad(type, 9)}  ${pad(JSON.stringify(f.example), 34)}  ${meaning}`);
  }
  lines.push('', 'Operators (json-rules-engine built-ins; no custom operators, no decorators):');
  for (const o of OPERATORS) lines.push(`  ${pad(o.name, 22)} ${pad(o.factTypes.join(', '), 26)} ${o.description}`);
  lines.push('', 'A value may name a parameter: {"fact": "parameters", "path": "$.maxAgeYears"}.');
  return lines.join('\n');
}
