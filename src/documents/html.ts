import type { PrintBlock, Printable } from '../domain/printable.js';

/** A printable document as one self-contained HTML page (UTF-8, no scripts, no outside resources). Pure. */
export function printableHtml(doc: Printable): string {
  const body = doc.blocks.map(blockHtml).join('\n');
  return `<!DOCTYPE html>
<html lang="${esc(doc.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}${doc.subtitle ? ` ${esc(doc.subtitle)}` : ''}</title>
<style>
body { font-family: "DejaVu Sans", "PT Sans", Arial, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }
header.issuer { text-align: center; color: #444; font-size: 0.85rem; }
h1 { text-align: center; font-size: 1.6rem; margin: 1.2rem 0 0.2rem; letter-spacing: 0.04em; }
p.subtitle, p.reference { text-align: center; margin: 0.2rem 0; }
p.reference { color: #444; font-size: 0.9rem; }
dl.facts { display: grid; grid-template-columns: 13rem 1fr; gap: 0.3rem 1rem; margin: 1.5rem 0; }
dl.facts dt { color: #444; }
dl.facts dd { margin: 0; font-weight: 600; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
.note { border-left: 4px solid #b45309; background: #fef3c7; padding: 0.6rem 0.9rem; margin: 1rem 0; }
.figure { text-align: center; margin: 1.5rem 0; }
.figure .value { font-size: 3rem; font-weight: 700; display: block; }
footer { margin-top: 2.5rem; color: #555; font-size: 0.8rem; border-top: 1px solid #ccc; padding-top: 0.5rem; }
@media print { body { margin: 0 auto; } }
</style>
</head>
<body>
<header class="issuer">${doc.issuer.map((l) => `<div>${esc(l)}</div>`).join('')}</header>
<main>
<h1>${esc(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${esc(doc.subtitle)}</p>\n` : ''}<p class="reference">${esc(doc.reference)}</p>
${body}
</main>
<footer>${doc.footer.map((l) => `<p>${esc(l)}</p>`).join('')}</footer>
</body>
</html>
`;
}

function blockHtml(b: PrintBlock): string {
  switch (b.kind) {
    case 'facts':
      return `<dl class="facts">${b.rows.map((r) => `<dt>${esc(r.label)}</dt><dd>${esc(r.value)}</dd>`).join('')}</dl>`;
    case 'heading':
      return `<h2>${esc(b.text)}</h2>`;
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'note':
      return `<p class="note" role="note">${esc(b.text)}</p>`;
    case 'figure':
      return `<p class="figure">${esc(b.label)}<span class="value">${esc(b.value)}</span>${esc(b.caption)}</p>`;
  }
}

/** Text as HTML text or attribute value. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
