import { Bench } from 'tinybench';
import { loadRuleSet } from '../src/io/rules-folder.js';
import { compileRuleSet } from '../src/rules/compiled.js';
import { referenceEvaluator } from '../src/rules/reference-engine.js';
import { fmt, machine, sampleApplications } from './support.js';

/** Rules: compiled closures vs json-rules-engine, same process, same applications. */
export async function benchRules(quick: boolean): Promise<{ compiledPerSec: number; referencePerSec: number; ratio: number }> {
  const date = '2026-09-01';
  const rules = loadRuleSet('rules');
  const apps = sampleApplications(quick ? 5_000 : 20_000, date);
  const compiled = compileRuleSet(rules);
  const reference = referenceEvaluator(rules);
  const bench = new Bench({ time: quick ? 1500 : 5000, warmup: true });
  bench
    .add(`compiled (${apps.length} applications)`, () => {
      for (const a of apps) compiled.evaluate(a, date);
    })
    .add(`json-rules-engine (${apps.length} applications)`, async () => {
      for (const a of apps) await reference.evaluate(a, date);
    });
  await bench.run();
  const perSec = (i: number) => {
    const r = bench.tasks[i]!.result as { latency?: { mean: number } };
    return apps.length / (r.latency!.mean / 1000);
  };
  const compiledPerSec = perSec(0);
  const referencePerSec = perSec(1);
  console.log(`rules on ${machine()}:`);
  console.table(bench.table());
  console.log(`compiled ${fmt(compiledPerSec)} applications/s, json-rules-engine ${fmt(referencePerSec)}/s: ${(compiledPerSec / referencePerSec).toFixed(0)}x`);
  return { compiledPerSec, referencePerSec, ratio: compiledPerSec / referencePerSec };
}
