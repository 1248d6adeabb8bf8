import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { allocateDistrict } from '../allocation/allocate.js';
import type { Queryable } from '../db/database.js';
import { parseQueue } from '../codec/queue.js';
import { readDistrictRaw } from '../db/district-read.js';
import { allDistricts } from '../db/ledger.js';
import type { Evaluation } from '../domain/types.js';
import { UsageError } from '../errors.js';
import { districtImpact, type DistrictImpact } from '../rules/impact.js';
import { loadRuleSet } from '../io/rules-folder.js';
import type { RuleLibrary } from '../rules/library.js';
import { referenceEvaluator, type RuleEvaluator } from '../rules/reference-engine.js';
import type { RuleSet } from '../rules/ruleset.js';

/**
 * `kezek rules diff`: both rule sets judge the current queue at one date and
 * allocate it, dry (nothing is stored), district by district.
 */
export interface RulesDiff {
  date: string;
  from: { version: string; hash: string };
  to: { version: string; hash: string };
  districts: DistrictImpact[];
}

/**
 * A `--from`/`--to` value: a rule set folder (its own set, whatever its
 * effectiveFrom, so a scheduled set can be previewed before its date) or the
 * version name of a set in the --rules folder. Absent: the set in force at the date.
 */
export function resolveRuleSetArg(library: RuleLibrary, arg: string | undefined, date: string): RuleSet {
  if (arg === undefined) return library.at(date);
  const asPath = isAbsolute(arg) ? arg : resolve(arg);
  if (existsSync(asPath) && statSync(asPath).isDirectory()) return loadRuleSet(asPath);
  const set = library.byVersion(arg);
  if (!set) throw new UsageError(`${arg} is neither a rules folder nor a version in ${library.dir}`);
  return set;
}

async function judge(evaluator: RuleEvaluator, apps: Parameters<RuleEvaluator['evaluate']>[0][], date: string): Promise<Evaluation[]> {
  const out: Evaluation[] = [];
  for (const a of apps) out.push(await evaluator.evaluate(a, date));
  return out;
}

export async function diffRuleSets(db: Queryable, from: RuleSet, to: RuleSet, date: string, only: readonly string[] = []): Promise<RulesDiff> {
  const known = await allDistricts(db);
  const unknown = only.filter((d) => !known.includes(d));
  if (unknown.length) throw new UsageError(`unknown district: ${unknown.join(', ')}`);
  const districts = only.length ? known.filter((d) => only.includes(d)) : known;
  const oldEval = referenceEvaluator(from);
  const newEval = referenceEvaluator(to);
  const impacts: DistrictImpact[] = [];
  for (const district of districts) {
    const read = await readDistrictRaw(db, district);
    const data = { places: read.places, applications: parseQueue(read.queue, district) };
    const before = await judge(oldEval, data.applications, date);
    const after = await judge(newEval, data.applications, date);
    const allocate = (evaluations: Evaluation[], rules: RuleSet) =>
      allocateDistrict({ district, places: data.places, applications: data.applications, evaluations }, { date, quota: rules.parameters.primaryQuota });
    impacts.push(districtImpact(district, data.applications, before, after, allocate(before, from), allocate(after, to)));
  }
  return { date, from: { version: from.version, hash: from.hash }, to: { version: to.version, hash: to.hash }, districts: impacts };
}

