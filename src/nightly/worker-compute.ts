import { replyOf, type WorkerReply } from '../pool/reply.js';
import { RuleEngines } from '../rules/engine.js';
import { computeDistrict, type ComputeRequest, type ComputeResult } from './compute.js';

/** The thread's rule engines, built once for its lifetime (the threads live for one run). */
const engines = new RuleEngines();

/** piscina entry: the compute step of one district (pure), its bytes moved back. */
export default function (req: ComputeRequest): Promise<WorkerReply<ComputeResult>> {
  return replyOf(() => computeDistrict(req, engines), (r) => [r.queueLines, r.refusalLines]);
}
