import { allocateDistrict } from '../allocation/allocate.js';
import { auditDistrict, firstViolation, type DistrictAudit } from '../audit/invariants.js';
import { districtNumbers, type DistrictNumbers } from '../audit/numbers.js';
import { KezekError } from '../errors.js';
import { parseQueue, queueCohortsCopy, refusalsCopy } from '../codec/queue.js';
import { lineBytes, queueLine, refusalLine } from '../codec/run-lines.js';
import type { DistrictCounts, ReferralDraft } from '../domain/outcomes.js';
import type { Place } from '../domain/types.js';
import type { EngineName, RuleEngines } from '../rules/engine.js';
import type { RuleSet } from '../rules/ruleset.js';

/**
 * The compute step of a district's night, pure: bytes in (the queue as read),
 * bytes out (run folder lines, COPY text to store). It judges every queued
 * application with the rules and allocates (steps 2-6 of allocation.md). It
 * runs in the calling thread or in a worker thread (nightly/worker-compute.ts).
 */
export interface ComputeRequest {
  district: string;
  date: string;
  /** null for a dry run (nothing to store, so no COPY text is made). */
  runId: string | null;
  /** The district's groups with free seats (db/district-read.ts). */
  places: Place[];
  /** The queued applications as read (codec/queue.ts's bytes): to a worker thread they are moved, not copied. */
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
export interface ComputeResult {
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
  /** The fairness audit of the outcome (every invariant held: a violation throws instead). */
  audit: DistrictAudit;
  numbers: DistrictNumbers;
}

/** `allocate` is the allocator to audit (the real one; a test may give a broken one to see the audit stop it). */
export async function computeDistrict(req: ComputeRequest, engines: RuleEngines, allocate: typeof allocateDistrict = allocateDistrict): Promise<ComputeResult> {
  const applications = parseQueue(req.queue, req.district);
  const evaluations = await engines.judgeAll(req.rules, req.engine, applications, req.date);
  const outcome = allocate(
    { district: req.district, places: req.places, applications, evaluations },
    { date: req.date, quota: req.rules.parameters.primaryQuota },
  );
  // The audit reads what the allocation read and what it gave, nothing else; a district
  // that breaks an invariant is stopped here, before anything of it is stored.
  const input = { district: req.district, date: req.date, places: req.places, applications, evaluations, quota: req.rules.parameters.primaryQuota };
  const audit = auditDistrict(input, outcome);
  const violation = firstViolation(audit);
  if (violation)
    throw new KezekError('AUDIT_FAILED', `district ${req.district} broke invariant ${violation.result.invariant} of allocation.md (${violation.name}): ${violation.result.counterexample!.message}; nothing of it was stored`, {
      district: req.district,
      invariant: violation.result.invariant,
      check: violation.name,
      ids: violation.result.counterexample!.ids,
    });
  return {
    audit,
    numbers: districtNumbers(input, outcome),
    district: req.district,
    counts: outcome.counts,
    referrals: outcome.referrals,
    queueLines: lineBytes(outcome.queue, queueLine),
    refusalLines: lineBytes(outcome.refusals, refusalLine),
    queueCopy: req.runId ? queueCohortsCopy(outcome.queue, req.date, req.runId) : '',
    refusalsCopy: req.runId ? refusalsCopy(outcome.refusals, req.date, req.runId) : '',
    agedOut: outcome.refusals.filter((r) => r.reasons.includes('age_limit')).map((r) => r.application),
  };
}
