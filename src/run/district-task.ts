import { allocateDistrict, type DistrictCounts, type ReferralDraft } from '../allocation/allocate.js';
import { parseQueue, queueCohortsCopy, refusalsCopy } from '../db/runs.js';
import type { Place } from '../domain/types.js';
import { lineBytes, queueLine, refusalLine } from '../output/run-folder.js';
import { judgeAll, type EngineName } from '../rules/engine.js';
import type { RuleSet } from '../rules/ruleset.js';

/** One district's work between read and write: judge every application, then allocate. */
export interface DistrictTask {
  district: string;
  date: string;
  /** null for a dry run (nothing to store, so no COPY text is made). */
  runId: string | null;
  places: Place[];
  /** The queued applications as read (readDistrictRaw's COPY bytes): to a worker thread they are transferred, not cloned. */
  queue: Uint8Array;
  rules: RuleSet;
  engine: EngineName;
}

/**
 * What comes back: counts, the referral drafts (about one child in ten) and
 * the rest as bytes and text, ready for the run folder and for COPY. Only
 * bytes (moved), strings and a few small objects cross threads, never the
 * district's queue as objects.
 */
export interface DistrictResult {
  district: string;
  counts: DistrictCounts;
  referrals: ReferralDraft[];
  /** queue.ndjson and refusals.ndjson lines, as UTF-8 bytes (each in a buffer of its own, so it can be moved). */
  queueLines: Uint8Array;
  refusalLines: Uint8Array;
  /** COPY text for queue_cohorts and refusals ('' for a dry run). */
  queueCopy: string;
  refusalsCopy: string;
  /** Children refused for the age limit: they leave the queue (aged_out) after this run. */
  agedOut: string[];
}

export async function runDistrictTask(task: DistrictTask): Promise<DistrictResult> {
  const applications = parseQueue(task.queue, task.district);
  const evaluations = await judgeAll(task.rules, task.engine, applications, task.date);
  const outcome = allocateDistrict(
    { district: task.district, places: task.places, applications, evaluations },
    { date: task.date, quota: task.rules.parameters.primaryQuota },
  );
  return {
    district: task.district,
    counts: outcome.counts,
    referrals: outcome.referrals,
    queueLines: lineBytes(outcome.queue, queueLine),
    refusalLines: lineBytes(outcome.refusals, refusalLine),
    queueCopy: task.runId ? queueCohortsCopy(outcome.queue, task.date, task.runId) : '',
    refusalsCopy: task.runId ? refusalsCopy(outcome.refusals, task.date, task.runId) : '',
    agedOut: outcome.refusals.filter((r) => r.reasons.includes('age_limit')).map((r) => r.application),
  };
}
