import { parseInstant } from '../domain/dates.js';
import type { Application, Evaluation } from '../domain/types.js';
import type { RuleProblem } from '../errors.js';
import type { RuleEvaluator } from './reference-engine.js';
import { traceEvaluation, type EvaluationTrace } from './rule-trace.js';
import type { RuleSet } from './ruleset.js';
import { schemaProblems } from './schema-check.js';

/**
 * Rule tests policy staff write next to the rules (`tests/*.json`): an
 * application and a date, and what the rules must decide. Only the fields
 * given in `expect` are compared.
 */
export interface RuleTestCase {
  file: string;
  name: string;
  date: string;
  application: Application;
  expect: Partial<Evaluation>;
}

export interface RuleTestResult {
  case: RuleTestCase;
  passed: boolean;
  actual: Evaluation;
  /** Fields that differ, e.g. `category: expected "primary", got "general"`. */
  differences: string[];
  /** The same, as data: the field and both values as JSON. */
  mismatches: Mismatch[];
}

export interface Mismatch {
  field: 'eligible' | 'reasons' | 'category' | 'rights';
  expected: string;
  actual: string;
}

export const TESTS_DIR = 'tests';

interface FixtureApp {
  birthDate: string;
  district?: string;
  registeredAt?: string;
  channel?: Application['channel'];
  preferences?: string[];
  acceptAnyInDistrict?: boolean;
  language?: Application['language'];
  groupType?: Application['groupType'];
  desiredFrom?: string;
  stopListUntil?: string;
  status?: Application['status'];
  rights?: { category: string; document?: string; validUntil: string }[];
}

/** Pure: a fixture's application with harmless defaults for what it leaves out. */
export function fixtureApplication(name: string, a: FixtureApp): Application {
  return {
    id: `TEST-${name}`,
    district: a.district ?? 'TEST-DISTRICT',
    birthDate: a.birthDate,
    registeredAtUs: parseInstant(a.registeredAt ?? '2024-01-10T10:00:00+05:00') ?? 0,
    channel: a.channel ?? 'portal',
    preferences: a.preferences ?? ['KG-TEST'],
    acceptAnyInDistrict: a.acceptAnyInDistrict ?? false,
    language: a.language ?? 'kk',
    groupType: a.groupType ?? 'general',
    desiredFrom: a.desiredFrom ?? '2024-09-01',
    stopListUntil: a.stopListUntil ?? null,
    rights: (a.rights ?? []).map((r) => ({ category: r.category, document: r.document ?? `DOC-${r.category}`, validUntil: r.validUntil })),
    status: a.status ?? 'queued',
  };
}

/** Pure: the cases of one parsed fixture file, or its problems. */
export function fixtureCases(file: string, doc: unknown): { cases: RuleTestCase[]; problems: RuleProblem[] } {
  const problems = schemaProblems('tests', file, doc);
  if (problems.length) return { cases: [], problems };
  const tests = (doc as { tests: { name: string; date: string; application: FixtureApp; expect: Partial<Evaluation> }[] }).tests;
  const cases = tests.map((t) => ({ file, name: t.name, date: t.date, application: fixtureApplication(t.name, t.application), expect: t.expect }));
  return { cases, problems: [] };
}

/** Pure comparison of what a case expects with what the rules decided. */
export function compareExpectation(expected: Partial<Evaluation>, actual: Evaluation): Mismatch[] {
  const out: Mismatch[] = [];
  for (const field of ['eligible', 'reasons', 'category', 'rights'] as const) {
    if (expected[field] === undefined) continue;
    const want = JSON.stringify(expected[field]);
    const got = JSON.stringify(actual[field]);
    if (want !== got) out.push({ field, expected: want, actual: got });
  }
  return out;
}

const differenceText = (m: Mismatch) => `${m.field}: expected ${m.expected}, got ${m.actual}`;

export async function runRuleTests(evaluator: RuleEvaluator, cases: readonly RuleTestCase[]): Promise<RuleTestResult[]> {
  const results: RuleTestResult[] = [];
  for (const c of cases) {
    const actual = await evaluator.evaluate(c.application, c.date);
    const mismatches = compareExpectation(c.expect, actual);
    results.push({ case: c, passed: mismatches.length === 0, actual, differences: mismatches.map(differenceText), mismatches });
  }
  return results;
}

/** A test's result with its working: the trace of the evaluation and the rules whose outcome the expectation disagrees with. */
export interface TracedTestResult extends RuleTestResult {
  trace: EvaluationTrace;
  /** Names of the rules that did what the test did not expect (fired, or did not), in trace order. */
  disagreeing: string[];
}

/**
 * Runs each case with its trace (json-rules-engine, the reference semantics),
 * for `kezek rules test`: a failing case shows the rule that disagreed,
 * comparison by comparison, and the traces give the coverage.
 */
export async function runTracedRuleTests(rules: RuleSet, cases: readonly RuleTestCase[]): Promise<TracedTestResult[]> {
  const out: TracedTestResult[] = [];
  for (const c of cases) {
    const trace = await traceEvaluation(rules, c.application, c.date);
    const mismatches = compareExpectation(c.expect, trace.evaluation);
    const failed = mismatches.length > 0;
    out.push({ case: c, passed: !failed, actual: trace.evaluation, differences: mismatches.map(differenceText), mismatches, trace, disagreeing: failed ? disagreeingRules(c.expect, trace) : [] });
  }
  return out;
}

/** Pure: the rules whose firing the expectation contradicts. */
export function disagreeingRules(expected: Partial<Evaluation>, trace: EvaluationTrace): string[] {
  const out = new Set<string>();
  const actual = trace.evaluation;
  const eligibility = trace.rules.filter((r) => r.kind === 'eligibility');
  if (expected.reasons !== undefined) {
    for (const r of eligibility) if (r.fired !== expected.reasons.includes(r.gives)) out.add(r.name);
  } else if (expected.eligible === true) {
    for (const r of eligibility) if (r.fired) out.add(r.name);
  } else if (expected.eligible === false && actual.eligible) {
    // Some refusal was expected and none fired: any of them could be the one.
    for (const r of eligibility) out.add(r.name);
  }
  const categories = trace.rules.filter((r) => r.kind === 'category');
  const winner = categories.find((r) => r.fired);
  if (expected.category !== undefined && expected.category !== actual.category) {
    if (winner) out.add(winner.name);
    // The rules of the expected category: not fired, or fired and outranked.
    for (const r of categories) if (r.gives === expected.category) out.add(r.name);
  } else if (expected.rights !== undefined && JSON.stringify(expected.rights) !== JSON.stringify(actual.rights) && winner) out.add(winner.name);
  return trace.rules.filter((r) => out.has(r.name)).map((r) => r.name);
}
