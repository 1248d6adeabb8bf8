import { describe, expect, it } from 'vitest';
import { positionHistoryText } from '../../src/i18n/history-text.js';
import { positionHistory } from '../../src/online/position-history.js';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { shippedRules } from '../support/run-helpers.js';
import { runFamilyScenario } from './family-scenario.js';

describe.each(BACKENDS)('position history over six nights on %s', (backend) => {
  const db = useDatabase(backend);

  it('gives the number after every night and why it moved, change by change, from the stored cohorts', async () => {
    await runFamilyScenario(db());
    const x = await positionHistory(db(), 'X');
    expect(x.positions).toEqual([
      // P1, G1, G2, G3, P2, X, G5: one primary, three general, in turn.
      { date: '2026-09-01', queueNumber: 6, category: 'general', changes: [{ kind: 'first', delta: 0 }] },
      {
        date: '2026-09-04',
        queueNumber: 3,
        category: 'general',
        changes: [
          { kind: 'left_ahead', why: 'referred', category: 'primary', count: 1, delta: -1 },
          { kind: 'left_ahead', why: 'referred', category: 'general', count: 1, delta: -1 },
          // P2's proof ran out: general now, registered after X.
          { kind: 'their_category', from: 'primary', to: 'general', direction: 'behind', count: 1, delta: -1 },
        ],
      },
      {
        date: '2026-09-09',
        queueNumber: 3,
        category: 'general',
        changes: [
          { kind: 'left_ahead', why: 'withdrawn', category: 'general', count: 1, delta: -1 },
          { kind: 'joined_ahead', why: 'registered', category: 'extraordinary', count: 1, delta: 1 },
        ],
      },
      {
        date: '2026-09-14',
        queueNumber: 3,
        category: 'general',
        changes: [
          { kind: 'left_ahead', why: 'referred', category: 'extraordinary', count: 1, delta: -1 },
          { kind: 'joined_ahead', why: 'restored', category: 'general', count: 1, delta: 1 },
        ],
      },
      { date: '2026-09-16', queueNumber: null, category: null, changes: [{ kind: 'off', why: 'referred', delta: 0 }] },
    ]);

    const p2 = await positionHistory(db(), 'P2');
    expect(p2.positions[1]).toEqual({
      date: '2026-09-04',
      queueNumber: 5,
      category: 'general',
      changes: [
        { kind: 'left_ahead', why: 'referred', category: 'primary', count: 1, delta: -1 },
        { kind: 'left_ahead', why: 'referred', category: 'general', count: 1, delta: -1 },
        { kind: 'own_category', from: 'primary', to: 'general', why: 'right_expired', delta: 2 },
      ],
    });

    // P1: referred, cancelled (right not proven), on the stop list, and back as general after it.
    const p1 = await positionHistory(db(), 'P1');
    expect(p1.positions).toEqual([
      { date: '2026-09-01', queueNumber: 1, category: 'primary', changes: [{ kind: 'first', delta: 0 }] },
      { date: '2026-09-04', queueNumber: null, category: null, changes: [{ kind: 'off', why: 'referred', delta: 0 }] },
      {
        date: '2026-09-24',
        queueNumber: 1,
        category: 'general',
        changes: [
          { kind: 'on', why: 'off_stop_list', delta: 0 },
          { kind: 'own_category', from: 'primary', to: 'general', why: 'right_not_proven', delta: 0 },
        ],
      },
    ]);

    // The same in words, in Russian and Kazakh.
    const rules = shippedRules();
    const ru = positionHistoryText(x, 'Медеу ауданы', 'ru', rules);
    expect(ru).toContain('4 сентября 2026 г.: номер 3 (−3)');
    expect(ru).toContain('Дети впереди, получившие направление («первоочередная»): 1 (−1)');
    expect(ru).toContain('Дети, оказавшиеся позади после смены категории («первоочередная» → «общая очередь»): 1 (−1)');
    expect(ru).toContain('Новые заявления, вставшие впереди («внеочередная»): 1 (+1)');
    expect(ru).toContain('16 сентября 2026 г.: без номера');
    const kk = positionHistoryText(p2, 'Медеу ауданы', 'kk', rules);
    expect(kk).toContain('Баланың құқығын растайтын құжаттың мерзімі өтті: санаты «бірінші кезектегі» → «жалпы кезек» (+2)');
    expect(positionHistoryText(p1, 'Медеу ауданы', 'en', rules)).toContain('back from the stop list');
  }, 120_000);
});
