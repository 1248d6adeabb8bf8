/**
 * applications.ndjson: one line per application, streamed (nothing but the
 * kindergarten plan and a small map of IIN serials is held in memory), with
 * the deliberately bad lines spread through it.
 */
import { KezekError } from '../errors.js';
import { makeIin } from '../domain/iin.js';
import { dateFromDayNumber, dayNumber } from '../domain/dates.js';
import { ApplicationFactory } from './application-factory.js';
import type { ApplicationJson } from './options.js';
import type { BadKind, GenerateOptions, GeneratedLine } from './options.js';
import { planDataset, type DatasetPlan, type DistrictPlan } from './plan.js';
import { Random, cumulativeSums } from './random.js';

/** Bad line kinds of applications.ndjson, in the order they are spread through the file. */
export const APPLICATION_BAD_KINDS = [
  'not_json',
  'iin_check_digit',
  'truncated',
  'iin_birth_date',
  'impossible_date',
  'duplicate_id',
  'unknown_district',
  'foreign_preference',
  'missing_field',
  'wrong_type',
] as const satisfies readonly BadKind[];

export function applicationId(n: number): string {
  return `APP-${String(n).padStart(7, '0')}`;
}

export function* applicationRecords(o: GenerateOptions): Generator<GeneratedLine> {
  const plan = planDataset(o);
  const good = new ApplicationFactory(plan, o.date, new Random(o.seed, 'applications'));
  const pickDistrict = new RemainingCounts(plan.districts.map((d) => d.applications));
  const ordinals = new Int32Array(plan.districts.length);
  const badCount = o.badLines && o.applications > 0 ? Math.max(APPLICATION_BAD_KINDS.length, Math.round(o.applications * 0.002)) : 0;
  // Bad lines come from their own stream and take ids after the good ones, so the
  // good lines are the same whether or not bad lines are asked for.
  const bad = badCount > 0 ? new BadLines(plan, o) : null;
  const total = o.applications + badCount;
  const badPosition = (j: number): number => Math.floor(((j + 1) * total) / (badCount + 1));
  let nextBad = badCount > 0 ? badPosition(0) : -1;
  let goodSoFar = 0;
  let badSoFar = 0;
  let lastGoodId = '';
  for (let pos = 0; pos < total; pos++) {
    if (pos === nextBad) {
      const kind = APPLICATION_BAD_KINDS[badSoFar % APPLICATION_BAD_KINDS.length]!;
      yield { line: bad!.line(kind, applicationId(o.applications + 1 + badSoFar), lastGoodId), bad: kind };
      badSoFar++;
      nextBad = badSoFar < badCount ? badPosition(badSoFar) : -1;
      continue;
    }
    const d = plan.districts[pickDistrict.take(good.rnd)]!;
    lastGoodId = applicationId(++goodSoFar);
    const application = good.make(d, lastGoodId, ordinals[d.index]!++);
    yield { line: applicationLine(application), bad: null, application };
  }
}

/**
 * JSON.stringify's output for a good application, written out by hand because it
 * is the hot loop (the tests check it equals JSON.stringify). Every string comes
 * from the word lists, ids, digits and dates: nothing needs escaping.
 */
function applicationLine(a: ApplicationJson): string {
  let rights = '';
  for (const r of a.rights) {
    rights += `${rights === '' ? '' : ','}{"category":"${r.category}","document":"${r.document}","validUntil":"${r.validUntil}"}`;
  }
  const c = a.child;
  const p = a.applicant;
  return (
    `{"id":"${a.id}","child":{"iin":"${c.iin}","birthDate":"${c.birthDate}","name":"${c.name}"},` +
    `"applicant":{"iin":"${p.iin}","name":"${p.name}","relation":"${p.relation}"},"district":"${a.district}",` +
    `"registeredAt":"${a.registeredAt}","channel":"${a.channel}","preferences":["${a.preferences.join('","')}"],` +
    `"acceptAnyInDistrict":${a.acceptAnyInDistrict},"language":"${a.language}","groupType":"${a.groupType}",` +
    `"desiredFrom":"${a.desiredFrom}","rights":[${rights}],"status":"${a.status}"` +
    (a.stopListUntil === undefined ? '}' : `,"stopListUntil":"${a.stopListUntil}"}`)
  );
}

/** Draws districts in proportion to the applications each has left, so the counts come out exact. */
class RemainingCounts {
  private readonly tree: Int32Array;
  private readonly size: number;
  private left: number;

  constructor(counts: readonly number[]) {
    this.size = counts.length;
    this.tree = new Int32Array(this.size + 1);
    this.left = 0;
    for (let i = 0; i < this.size; i++) {
      this.left += counts[i]!;
      for (let j = i + 1; j <= this.size; j += j & -j) this.tree[j]! += counts[i]!;
    }
  }

  take(rnd: Random): number {
    let r = rnd.int(this.left);
    // Fenwick descent: the index whose cumulative range holds r.
    let pos = 0;
    for (let step = 1 << Math.floor(Math.log2(Math.max(1, this.size))); step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.size && this.tree[next]! <= r) {
        pos = next;
        r -= this.tree[next]!;
      }
    }
    for (let j = pos + 1; j <= this.size; j += j & -j) this.tree[j]!--;
    this.left--;
    return pos;
  }
}

/** Spoils applications made by a second factory on its own stream, one kind of damage per line. */
class BadLines {
  private readonly factory: ApplicationFactory;
  private readonly plan: DatasetPlan;
  private readonly weights: Float64Array;
  private readonly districtIds: Set<string>;

  constructor(plan: DatasetPlan, o: GenerateOptions) {
    this.plan = plan;
    this.factory = new ApplicationFactory(plan, o.date, new Random(o.seed, 'applications-bad'));
    this.weights = cumulativeSums(plan.districts.map((d) => d.applications));
    this.districtIds = new Set(plan.districts.map((d) => d.id));
  }

  line(kind: BadKind, id: string, lastGoodId: string): string {
    const rnd = this.factory.rnd;
    const d = this.plan.districts[rnd.weightedIndex(this.weights)]!;
    const a = this.factory.make(d, id, -1);
    const sex = a.child.iin[6] === '6' || a.child.iin[6] === '4' ? 'female' : 'male';
    const loose = a as unknown as Record<string, unknown>;
    switch (kind) {
      case 'not_json': // a row of a spreadsheet export
        return [a.id, a.child.iin, a.child.birthDate, a.child.name, a.district, a.registeredAt].join(';');
      case 'truncated': {
        const full = JSON.stringify(a);
        return full.slice(0, Math.floor(full.length * 0.6));
      }
      case 'iin_check_digit': {
        const last = Number(a.child.iin[11]);
        a.child.iin = a.child.iin.slice(0, 11) + String((last + 1 + rnd.int(9)) % 10);
        break;
      }
      case 'iin_birth_date':
        a.child.iin = makeIin(dateFromDayNumber(dayNumber(a.child.birthDate) + rnd.between(1, 30)), sex, rnd.int(10000));
        break;
      case 'impossible_date':
        a.child.birthDate = `${a.child.birthDate.slice(0, 4)}-02-30`;
        a.child.iin = makeIin(a.child.birthDate, sex, rnd.int(10000));
        break;
      case 'duplicate_id':
        a.id = lastGoodId;
        break;
      case 'unknown_district': {
        const typo = `${d.id.slice(0, 3)}-ZZZ`;
        a.district = this.districtIds.has(typo) ? 'ZZZ-ZZZ' : typo;
        break;
      }
      case 'foreign_preference':
        a.preferences[a.preferences.length - 1] = this.foreignKindergarten(d);
        break;
      case 'missing_field':
        delete loose['registeredAt'];
        break;
      case 'wrong_type':
        loose['preferences'] = a.preferences.join(',');
        break;
      default:
        throw new KezekError('INVARIANT_BROKEN', `not an application bad line kind: ${kind}`);
    }
    return JSON.stringify(a);
  }

  /** A kindergarten of another district (or, with one district, one that does not exist). */
  private foreignKindergarten(d: DistrictPlan): string {
    const others = this.plan.districts.filter((x) => x !== d && x.kindergartens.length > 0);
    if (others.length === 0) return `KG-${d.id}-${String(d.kindergartens.length + 100).padStart(4, '0')}`;
    return this.factory.rnd.pick(this.factory.rnd.pick(others).kindergartens).id;
  }
}
