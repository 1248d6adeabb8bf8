import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { writeDataset } from '../../src/demo/write.js';
import { loadCalendar } from '../../src/io/calendar.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import { referralAction } from '../../src/online/operator.js';
import { diffRuleSets, type RulesDiff } from '../../src/online/rules-diff.js';
import type { Outcome, PersonChange } from '../../src/rules/impact.js';
import type { RuleSet } from '../../src/rules/ruleset.js';
import { copyRules, readJson, syncVocabulary, writeJson } from '../rules/helpers.js';
import { kezekHere } from '../support/cli.js';
import { BACKENDS, dropSchema, openTestDatabase, POSTGRES_URL, useDatabase } from '../support/databases.js';
import { allocate, importData, lines, shippedRules, tempDir, type RunFiles } from '../support/run-helpers.js';

const D1 = '2026-09-01';
/** Monday: the offers of 1 September not confirmed by the 3rd have lapsed. */
const D2 = '2026-09-07';
const calendar = loadCalendar('rules');
let dataDir: string;
let newRulesDir: string;
let oldRules: RuleSet;
let newRules: RuleSet;
/** Refuses every child: diffed against it, each child's "after" is the whole outcome of the other set. */
let refuseAll: RuleSet;

beforeAll(async () => {
  dataDir = tempDir('kezek-diff-');
  await writeDataset(dataDir, { seed: 21, date: D1, districts: 2, kindergartensPerDistrict: 4, applications: 600, seats: 120, badLines: false });
  // The change policy staff try: 1 primary per 2 general, a new primary right, and large families made extraordinary.
  newRulesDir = copyRules();
  const cats = readJson(newRulesDir, 'categories.json');
  const lf = cats.rules[1].conditions.any.find((c: { value: string }) => c.value === 'large_family');
  cats.rules[1].conditions.any = cats.rules[1].conditions.any.filter((c: unknown) => c !== lf);
  cats.rules[1].conditions.any.push({ fact: 'validRights', operator: 'contains', value: 'combat_veteran' });
  cats.rules[0].conditions.any.push(lf);
  writeJson(newRulesDir, 'categories.json', cats);
  syncVocabulary(newRulesDir);
  writeJson(newRulesDir, 'parameters.json', { ...readJson(newRulesDir, 'parameters.json'), primaryQuota: [1, 2] });
  writeJson(newRulesDir, 'ruleset.json', { ...readJson(newRulesDir, 'ruleset.json'), version: '2026.2' });
  oldRules = shippedRules();
  newRules = loadRuleSet(newRulesDir);

  const closed = copyRules();
  const elig = readJson(closed, 'eligibility.json');
  elig.rules.push({ name: 'closed', conditions: { all: [{ fact: 'ageMonths', operator: 'greaterThanInclusive', value: 0 }] }, event: { type: 'refuse', params: { reason: 'closed' } } });
  writeJson(closed, 'eligibility.json', elig);
  syncVocabulary(closed);
  writeJson(closed, 'ruleset.json', { ...readJson(closed, 'ruleset.json'), version: 'closed' });
  refuseAll = loadRuleSet(closed);
});

/** What a run folder says a child got (a child in no file is waiting, or not in the queue). */
type Seen = { state: 'referred'; kindergarten: string; group: string; category: string; rights: string[]; preferenceRank: number } | { state: 'queued'; category: string; queueNumber: number } | { state: 'refused'; reasons: string[] };

function folderOutcomes(f: RunFiles): Map<string, Seen> {
  const m = new Map<string, Seen>();
  for (const r of lines(f.referrals) as { application: string; kindergarten: string; group: string; category: string; rights: string[]; preferenceRank: number }[])
    m.set(r.application, { state: 'referred', kindergarten: r.kindergarten, group: r.group, category: r.category, rights: r.rights, preferenceRank: r.preferenceRank });
  for (const q of lines(f.queue) as { application: string; category: string; queueNumber: number }[]) m.set(q.application, { state: 'queued', category: q.category, queueNumber: q.queueNumber });
  for (const r of lines(f.refusals) as { application: string; reasons: string[] }[]) m.set(r.application, { state: 'refused', reasons: r.reasons });
  return m;
}

/** The preview's outcome as a run folder would show it. */
const asSeen = (o: Outcome): Seen | undefined => (o.state === 'waiting' || o.state === 'absent' ? undefined : o);

/** Every child whose folder line differs between two allocations: application → [before, after]. */
function folderChanges(a: RunFiles, b: RunFiles): Record<string, [Seen | undefined, Seen | undefined]> {
  const x = folderOutcomes(a);
  const y = folderOutcomes(b);
  const out: Record<string, [Seen | undefined, Seen | undefined]> = {};
  for (const id of [...new Set([...x.keys(), ...y.keys()])].sort()) if (JSON.stringify(x.get(id)) !== JSON.stringify(y.get(id))) out[id] = [x.get(id), y.get(id)];
  return out;
}

function previewChanges(people: readonly PersonChange[]): Record<string, [Seen | undefined, Seen | undefined]> {
  const out: Record<string, [Seen | undefined, Seen | undefined]> = {};
  for (const p of [...people].sort((a, b) => (a.application < b.application ? -1 : 1))) {
    const pair: [Seen | undefined, Seen | undefined] = [asSeen(p.before), asSeen(p.after)];
    // A waiting child whose category changed shows in no folder.
    if (JSON.stringify(pair[0]) !== JSON.stringify(pair[1])) out[p.application] = pair;
  }
  return out;
}

const people = (d: RulesDiff) => d.districts.flatMap((x) => x.people);
const countRuns = async (db: Database) => (await db.query<{ n: number }>(`select count(*)::int as n from runs`))[0]!.n;

describe.each(BACKENDS)('rules diff on %s', (backend) => {
  const db = useDatabase(backend);

  it('on fresh data, gives exactly the children whose outcome differs between two dry-run allocations, and stores nothing', async () => {
    await importData(db(), dataDir);
    const seats = await db().query(`select kindergarten_id, group_id, seats from places order by 1, 2`);
    const diff = await diffRuleSets(db(), oldRules, newRules, { date: D1, calendar });
    expect(await db().query(`select kindergarten_id, group_id, seats from places order by 1, 2`)).toEqual(seats);
    expect(await countRuns(db())).toBe(0);

    const a = await allocate(db(), D1, { rules: oldRules, dryRun: true });
    const b = await allocate(db(), D1, { rules: newRules, dryRun: true });
    expect(previewChanges(people(diff))).toEqual(folderChanges(a, b));
    const t = diff.total;
    expect(t.placed.total).toBeGreaterThan(0);
    expect(t.displaced.total).toBeGreaterThan(0);
    expect(t.categoryChanges.find((c) => c.from === 'primary' && c.to === 'extraordinary')?.count).toBeGreaterThan(0);
    expect(t.queueNumbers.forward.count + t.queueNumbers.back.count).toBeGreaterThan(0);
    expect(t.referrals).toEqual({ before: lines(a.referrals).length, after: lines(b.referrals).length });
    expect(t.seats.offered).toBe(a.summary.totals.seatsOffered);
    // The district and cohort rows add up to the total.
    expect(diff.districts.reduce((n, d) => n + d.summary.placed.total, 0)).toBe(t.placed.total);
    expect(diff.districts.flatMap((d) => d.cohorts).reduce((n, c) => n + c.summary.displaced.total, 0)).toBe(t.displaced.total);
  });

  it('after a night, lapses each side as a night would: the same children as two dry runs a week later', async () => {
    await importData(db(), dataDir);
    await allocate(db(), D1, { rules: oldRules });
    const diff = await diffRuleSets(db(), oldRules, newRules, { date: D2, calendar });
    const a = await allocate(db(), D2, { rules: oldRules, dryRun: true });
    const b = await allocate(db(), D2, { rules: newRules, dryRun: true });
    // The offers of the first night lapsed in step 1, so there are seats again.
    expect(a.summary.totals.seatsOffered).toBeGreaterThan(0);
    expect(diff.total.seats.offered).toBe(a.summary.totals.seatsOffered);
    expect(previewChanges(people(diff))).toEqual(folderChanges(a, b));
    expect(await countRuns(db())).toBe(1);
  });

  it('--places-of replays a stored night: against rules that refuse everyone, the other side is exactly that night', async () => {
    await importData(db(), dataDir);
    const n1 = await allocate(db(), D1, { rules: oldRules });
    // Between the nights: some confirm (and two enrol, taking their seats off the report), some decline, the rest are silent and lapse on the 7th.
    const offered = await db().query<{ id: string }>(`select id from referrals order by id`);
    const act = (i: number, action: 'confirm' | 'decline' | 'enroll', date: string) =>
      referralAction(db(), offered[i]!.id, action, { date, actor: 'operator', calendar, params: oldRules.parameters });
    for (let i = 0; i < 12; i++) await act(i, 'confirm', '2026-09-02');
    for (let i = 12; i < 15; i++) await act(i, 'decline', '2026-09-02');
    for (let i = 0; i < 2; i++) await act(i, 'enroll', '2026-09-03');
    const n2 = await allocate(db(), D2, { rules: oldRules });
    expect(lines(n2.referrals).length).toBeGreaterThan(0);
    await act(2, 'enroll', '2026-09-08');

    for (const [night, folder] of [[D1, n1], [D2, n2]] as const) {
      const diff = await diffRuleSets(db(), refuseAll, oldRules, { date: night, placesOf: night, calendar });
      expect(diff.notes).toEqual([]);
      const after = new Map(people(diff).map((p) => [p.application, asSeen(p.after)]));
      const stored = folderOutcomes(folder);
      expect(new Map([...after].filter(([, o]) => o !== undefined))).toEqual(stored);
      expect(diff.total.seats.offered).toBe(folder.summary.totals.seatsOffered);
    }
    expect(await countRuns(db())).toBe(2);
  });
});

describe('kezek rules diff', () => {
  it('says plainly when no seat is free, points to the stored nights, and --places-of previews one; --out and --json carry every child', async () => {
    const { db, schema } = await openTestDatabase('postgres');
    const env = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
    try {
      await importData(db, dataDir);
      await allocate(db, D1, { rules: oldRules });
      // Every seat taken: the reported seats are what the live referrals hold.
      await db.query(`update places p set seats = coalesce((select count(*) from referrals r where r.kindergarten_id = p.kindergarten_id and r.group_id = p.group_id and r.status in ('offered', 'confirmed')), 0)`);
      await db.close();

      const live = await kezekHere(['rules', 'diff', '--to', newRulesDir, '--date', D1], env);
      expect(live.code, live.stderr).toBe(0);
      expect(live.stdout).toContain('There are no free seats to allocate at September 1, 2026');
      expect(live.stdout).toContain('--places-of DATE. Stored nights:\n  2026-09-01');
      expect(live.stdout).toContain('placed (from the queue to a referral): 0');

      const ru = await kezekHere(['rules', 'diff', '--to', newRulesDir, '--date', D1, '--lang', 'ru'], env);
      expect(ru.stdout).toContain('нет свободных мест для распределения');

      const out = join(tempDir(), 'changes.ndjson');
      const night = await kezekHere(['rules', 'diff', '--to', newRulesDir, '--places-of', D1, '--out', out], env);
      expect(night.code, night.stderr).toBe(0);
      expect(night.stdout).toContain('Rule change 2026.1 → 2026.2, judged at September 1, 2026, on the places and the queue the night of September 1, 2026 read');
      expect(night.stdout).not.toContain('no free seats');
      // The places were reported again (lowered) since that night: said, not hidden.
      expect(night.stdout).toMatch(/Note, district \S+: the night of September 1, 2026 read \d+ free seats; rebuilt from the referrals it is \d+/);
      const placed = Number(/placed \(from the queue to a referral\): (\d+)/.exec(night.stdout)![1]);
      const json = await kezekHere(['rules', 'diff', '--to', newRulesDir, '--places-of', D1, '--json'], env);
      const diff = JSON.parse(json.stdout) as RulesDiff;
      expect(diff.total.placed.total).toBe(placed);
      const written = lines(readFileSync(out, 'utf8'));
      expect(written).toEqual(JSON.parse(JSON.stringify(people(diff))));
      expect(written.length).toBeGreaterThan(0);
      for (const w of written) expect(Object.keys(w as object).sort()).toEqual(['after', 'application', 'before', 'birthYear', 'changes', 'district']);

      const none = await kezekHere(['rules', 'diff', '--to', newRulesDir, '--places-of', '2026-08-01'], env);
      expect(none.code).toBe(2);
      expect(none.stderr.trim()).toBe('kezek: no night is stored for 2026-08-01 (stored nights: 2026-09-01)');
    } finally {
      await dropSchema(schema);
    }
  });
});
