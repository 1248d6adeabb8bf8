import type { PositionChange } from '../online/position-diff.js';
import type { PositionHistory } from '../online/position-history.js';
import type { Lang } from './messages.js';
import { Speaker, type Words } from './words.js';

/** `kezek position APP --history`: the number after every stored night and, under it, why it changed. Pure. */
export function positionHistoryText(h: PositionHistory, districtName: string, lang: Lang, words: Words): string {
  const s = new Speaker(lang, words);
  const out = [s.t('history.title', { id: h.application, birthYear: h.birthYear, district: districtName })];
  if (!h.positions.length) return [...out, `  ${s.t('history.never')}`].join('\n');
  let last: number | null = null;
  for (const n of h.positions) {
    if (n.queueNumber === null) out.push(s.t('history.nightOff', { date: n.date }));
    else {
      const d = last === null ? 0 : n.queueNumber - last;
      out.push(s.t('history.night', { date: n.date, number: n.queueNumber, delta: d === 0 ? '' : d > 0 ? ` (+${d})` : ` (−${-d})` }));
      last = n.queueNumber;
    }
    for (const c of n.changes) out.push(`  ${changeText(s, c)}`);
  }
  return out.join('\n');
}

const signed = (d: number) => (d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '±0');

export function changeText(s: Speaker, c: PositionChange): string {
  switch (c.kind) {
    case 'first':
      return s.t('history.first');
    case 'left_ahead':
      return `${s.t('history.left', { count: c.count, category: s.category(c.category), why: c.why })} (${signed(c.delta)})`;
    case 'joined_ahead':
      return `${s.t('history.joined', { count: c.count, category: s.category(c.category), why: c.why })} (${signed(c.delta)})`;
    case 'own_category':
      return `${s.t('history.ownCategory', { from: s.category(c.from), to: s.category(c.to), why: c.why, stopListDays: s.words.parameters.stopListDays })} (${signed(c.delta)})`;
    case 'their_category':
      return `${s.t('history.theirCategory', { count: c.count, from: s.category(c.from), to: s.category(c.to), direction: c.direction })} (${signed(c.delta)})`;
    case 'quota':
      return `${s.t('history.quota', { count: c.count, category: s.category(c.category), direction: c.direction })} (${signed(c.delta)})`;
    case 'off':
      return s.t('history.off', { why: c.why });
    case 'on':
      return s.t('history.on', { why: c.why });
  }
}
