import { parseInstant } from '../domain/dates.js';
import type { Application, Evaluation } from '../domain/types.js';
import type { RuleProblem } from '../errors.js';
import type { RuleEvaluator } from './reference-engine.js';
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
  /** Fields that differ, e.g. `category: expected primary, got general`. */
  differences: string[];
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
export function compareExpectation(expected: Partial<Evaluation>, actual: Evaluation): string[] {
  const out: string[] = [];
  for (const key of ['eligible', 'reasons', 'category', 'rights'] as const) {
    if (expected[key] === undefined) continue;
    const want = JSON.stringify(expected[key]);
    const got = JSON.stringify(actual[key]);
    if (want !== got) out.push(`${key}: expected ${want}, got ${got}`);
  }
  return out;
}

export async function runRuleTests(evaluator: RuleEvaluator, cases: readonly RuleTestCase[]): Promise<RuleTestResult[]> {
  const results: RuleTestResult[] = [];
  for (const c of cases) {
    const actual = await evaluator.evaluate(c.application, c.date);
    const differences = compareExpectation(c.expect, actual);
    results.push({ case: c, passed: differences.length === 0, actual, differences });
  }
  return results;
}
