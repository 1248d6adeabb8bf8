import Table from 'cli-table3';
import { paintFor } from './colour.js';

export type Align = 'left' | 'right';

/**
 * A table for people (cli-table3): columns as wide as their widest cell, so
 * any id fits, Kazakh and Russian letters counted one column each. The head
 * is bold on a terminal; no colour otherwise.
 */
export function table(head: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], align: readonly Align[] = []): string {
  const paint = paintFor(process.stdout);
  const t = new Table({
    head: head.map((h) => paint.bold(h)),
    colAligns: head.map((_, i) => align[i] ?? 'left'),
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 1 },
    chars: PLAIN,
  });
  for (const r of rows) t.push(r.map((c) => (c === null || c === undefined ? '' : typeof c === 'number' ? c.toLocaleString('en-US') : c)));
  return t
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}

// Lines only between the head and the rows: reads like a report, copies cleanly into mail.
const PLAIN = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '─', 'mid-mid': '─', right: '', 'right-mid': '', middle: ' ',
};
