import { describe, expect, it } from 'vitest';
import { makeIin } from '../../src/domain/iin.js';
import { isKezekError } from '../../src/errors.js';
import { fastestEvaluator } from '../../src/rules/engine.js';
import { registerApplication } from '../../src/online/register.js';
import { writeScenario } from '../lifecycle/scenario-data.js';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { importData, shippedRules, tempDir } from '../support/run-helpers.js';

const rules = shippedRules();
const evaluator = fastestEvaluator(rules);
const DATE = '2026-09-01';

/** makeIin skips serials whose check digit would be 10, so neighbouring serials can give one IIN: take each once. */
const childIins: string[] = [];
for (let s = 3000; childIins.length < 1200; s++) {
  const iin = makeIin('2023-02-10', 'male', s);
  if (childIins.at(-1) !== iin) childIins.push(iin);
}

function application(id: string, serial: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id,
    child: { iin: childIins[serial - 3000]!, birthDate: '2023-02-10', name: 'Бала' },
    applicant: { iin: makeIin('1990-05-05', 'female', 1234), name: 'Ата-ана', relation: 'mother' },
    district: 'D1',
    channel: 'portal',
    preferences: ['KG-1'],
    language: 'kk',
    groupType: 'general',
    desiredFrom: '2026-01-01',
    rights: [],
    ...extra,
  });
}

describe.each(BACKENDS)('registrations racing on %s', (backend) => {
  const db = useDatabase(backend);
  const register = (text: string) => registerApplication(db(), text, 'request', rules, evaluator, DATE, 'test');

  it('two registrations of one id at once, 50 times: exactly one is stored; the same content gets the same notice, other content ID_CONFLICT', async () => {
    const dir = tempDir();
    writeScenario(dir);
    await importData(db(), dir);
    for (let i = 0; i < 50; i++) {
      const id = `RACE-${i}`;
      const same = i % 2 === 0;
      const texts = [application(id, 3000 + i), same ? application(id, 3000 + i) : application(id, 3000 + i, { language: 'ru' })];
      const results = await Promise.allSettled(texts.map(register));
      const stored = await db().query<{ n: number; raw: string }>(`select count(*)::int as n, min(raw) as raw from application_details where id = $1`, [id]);
      expect(stored[0]!.n, `round ${i}: ${JSON.stringify(results.map((r) => (r.status === "rejected" ? String(r.reason) : "ok")))}`).toBe(1);
      const [{ n: events }] = (await db().query<{ n: number }>(`select count(*)::int as n from events where entity_id = $1`, [id])) as [{ n: number }];
      expect(events).toBe(1);
      if (same) {
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
        const notices = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof register>>>).value);
        expect(notices.map((n) => n.repeated).sort()).toEqual([false, true]);
        expect(notices[0]!.position).toEqual(notices[1]!.position);
      } else {
        const ok = results.filter((r) => r.status === 'fulfilled');
        const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(ok).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect(isKezekError(refused[0]!.reason) && refused[0]!.reason.code).toBe('ID_CONFLICT');
        // The stored content is the one that was answered with success.
        const winner = texts[results.findIndex((r) => r.status === 'fulfilled')]!;
        expect(JSON.parse(stored[0]!.raw)).toEqual(JSON.parse(winner));
      }
    }
  }, 120_000);

  it('a child with a live application cannot be registered again under another id (DUPLICATE_CHILD, naming it)', async () => {
    const dir = tempDir();
    writeScenario(dir);
    await importData(db(), dir);
    await register(application('FIRST', 4001));
    const again = register(application('SECOND', 4001));
    await expect(again).rejects.toMatchObject({ code: 'DUPLICATE_CHILD', details: { existing: 'FIRST' } });
    // Once the first leaves the queue (withdrawn), the child may apply again.
    await db().query(`update applications set status = 'annulled' where id = 'FIRST'`);
    await expect(register(application('SECOND', 4001))).resolves.toMatchObject({ outcome: 'registered', repeated: false });
  });

  it('refuses input over 64 KiB and a line nested too deep, storing nothing', async () => {
    await expect(register(application('BIG', 1, { note: 'я'.repeat(40_000) }))).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(register(application('DEEP', 2, { x: JSON.parse('['.repeat(500) + ']'.repeat(500)) }))).rejects.toThrow(/too_deep/);
    expect(await db().query(`select id from application_details`)).toEqual([]);
  });
});
