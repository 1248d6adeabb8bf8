import type { PrintBlock, Printable } from '../domain/printable.js';

/** A printable document as plain text (UTF-8, lines of at most `width` characters where words allow). Pure. */
export function printableText(doc: Printable, width = 78): string {
  const center = (l: string) => ' '.repeat(Math.max(0, Math.floor((width - l.length) / 2))) + l;
  const out = [...doc.issuer.flatMap((l) => wrap(l, width).map(center)), '', center(doc.title)];
  if (doc.subtitle) out.push(center(doc.subtitle));
  out.push(center(doc.reference), '');
  for (const b of doc.blocks) out.push(...blockText(b, width), '');
  out.push('-'.repeat(Math.min(width, 40)), ...doc.footer.flatMap((l) => wrap(l, width)));
  return out.join('\n') + '\n';
}

function blockText(b: PrintBlock, width: number): string[] {
  switch (b.kind) {
    case 'facts': {
      const w = Math.min(28, Math.max(...b.rows.map((r) => r.label.length)) + 1);
      return b.rows.flatMap((r) => wrap(r.value, width - w - 1).map((line, i) => `${(i ? '' : `${r.label}:`).padEnd(w)} ${line}`));
    }
    case 'heading':
      return [b.text, '—'.repeat(Math.min(width, b.text.length))];
    case 'paragraph':
      return wrap(b.text, width);
    case 'list':
      return b.items.flatMap((i) => wrap(i, width - 2).map((line, k) => `${k ? '  ' : '• '}${line}`));
    case 'note':
      return wrap(b.text, width - 2).map((line) => `! ${line}`);
    case 'figure':
      return [`${b.label}: ${b.value}`, ...wrap(b.caption, width)];
  }
}

/** Words filled into lines of at most `width` characters (a longer word stands alone). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}
