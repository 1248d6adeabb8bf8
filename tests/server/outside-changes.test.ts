import { describe, expect, it } from 'vitest';
import { registerApplication } from '../../src/online/register.js';
import { fastestEvaluator } from '../../src/rules/engine.js';
import { BACKENDS } from '../support/databases.js';
import { shippedRules } from '../support/run-helpers.js';
import { applicationJson, DATE, json, useServer } from './support.js';

const rules = shippedRules();

describe.each(BACKENDS)('changes made outside the service, on %s', (backend) => {
  const server = useServer(backend, { cohortCheckEveryMs: 100 });

  it('a registration at a terminal (no version raised) reaches the queue numbers once a check sees the cohort changed', async () => {
    const s = server();
    const number = async () => json<{ queue: { number: number; of: number } }>(await s.call('GET', '/v1/applications/S4', { key: s.keys.portal })).queue;
    expect(await number()).toEqual(expect.objectContaining({ number: 5, of: 5 }));
    // `kezek register` at a terminal: the same service, straight on the database.
    const text = JSON.stringify(applicationJson('TERM-1', { serial: 651, registeredAt: '2023-06-01T09:00:00+05:00' }));
    await registerApplication(s.db(), text, 'terminal', rules, fastestEvaluator(rules), DATE, 'operator:test');
    const seen: number[] = [];
    for (let i = 0; i < 50 && seen.at(-1) !== 6; i++) {
      seen.push((await number()).of);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen.at(-1)).toBe(6);
    expect(await number()).toEqual(expect.objectContaining({ number: 6, of: 6 }));
  });
});
