import type { Category } from '../domain/types.js';
import type { PositionChange } from '../online/position-diff.js';
import type { PositionHistory } from '../online/position-history.js';
import type { Lang, MessageKey, MessageValue } from './messages.js';
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

type EventReading = { key: MessageKey; values?: (m: RegExpMatchArray, s: Speaker) => Record<string, MessageValue> };

const referral = (m: RegExpMatchArray) => ({ referral: m[1]! });
const text = (m: RegExpMatchArray) => ({ text: m[1]! });

/**
 * The reasons the history's events are stored with (English, written by
 * src/lifecycle/transitions.ts and overdue.ts, src/db/district-store.ts,
 * changes.ts and imports.ts), each read back into a catalogue message; the
 * free text a person gave (after "reason: ") is kept as typed.
 */
const EVENT_REASONS: readonly [RegExp, EventReading][] = [
  [/^registered$/, { key: 'event.registered' }],
  [/^status set by import$/, { key: 'event.importStatus' }],
  [/^issued by nightly allocation$/, { key: 'event.issued' }],
  [/^referral (\S+)$/, { key: 'event.offered', values: referral }],
  [/^referral (\S+) lapsed$/, { key: 'event.referralLapsed', values: referral }],
  [/^referral (\S+) cancelled: right not proven; back in the queue as general$/, { key: 'event.referralCancelled', values: referral }],
  [/^referral (\S+) confirmed$/, { key: 'event.referralConfirmed', values: referral }],
  [/^referral (\S+) declined$/, { key: 'event.referralDeclined', values: referral }],
  [/^enrolled on referral (\S+)$/, { key: 'event.enrolledOn', values: referral }],
  [/^restored to the queue$/, { key: 'event.restored' }],
  [/^restored: (.+)$/s, { key: 'event.restoredWhy', values: text }],
  [/^withdrawn by the parent$/, { key: 'event.withdrawn' }],
  [/^withdrawn by the parent: (.+)$/s, { key: 'event.withdrawnWhy', values: text }],
  [/^reached the age limit of (\d+) years$/, { key: 'event.agedOut', values: (m) => ({ years: Number(m[1]) }) }],
  [/^no answer by (\d{4}-\d{2}-\d{2})$/, { key: 'event.noAnswer', values: (m) => ({ date: m[1]! }) }],
  [/^not enrolled by (\d{4}-\d{2}-\d{2})$/, { key: 'event.notEnrolled', values: (m) => ({ date: m[1]! }) }],
  [/^(extraordinary|primary|general) right not proven by (\d{4}-\d{2}-\d{2})$/, { key: 'event.rightNotProven', values: (m, s) => ({ category: s.category(m[1] as Category), date: m[2]! }) }],
  [/^confirmed by the parent; enrol by (\d{4}-\d{2}-\d{2})$/, { key: 'event.confirmed', values: (m) => ({ date: m[1]! }) }],
  [/^declined by the parent$/, { key: 'event.declined' }],
  [/^declined by the parent: (.+)$/s, { key: 'event.declinedWhy', values: text }],
  [/^enrolled: documents and contract done$/, { key: 'event.enrolled' }],
  [/^enrolment extended by (\d+) days to (\d{4}-\d{2}-\d{2})$/, { key: 'event.extended', values: (m) => ({ days: Number(m[1]), date: m[2]! }) }],
  [/^enrolment extended by (\d+) days to (\d{4}-\d{2}-\d{2}): (.+)$/s, { key: 'event.extendedWhy', values: (m) => ({ days: Number(m[1]), date: m[2]!, text: m[3]! }) }],
  [/^(extraordinary|primary|general) right proven in person$/, { key: 'event.rightProven', values: (m, s) => ({ category: s.category(m[1] as Category) }) }],
];

/**
 * A history event's reason in the speaker's language. The stored reason
 * stays as it is (English); one this table does not know is shown as stored.
 */
export function eventReasonText(s: Speaker, reason: string): string {
  for (const [pattern, reading] of EVENT_REASONS) {
    const m = reason.match(pattern);
    if (m) return s.t(reading.key, reading.values?.(m, s) ?? {});
  }
  return reason;
}
