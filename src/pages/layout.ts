import type { Lang } from '../i18n/messages.js';
import { html, query, raw, type Html } from './html.js';
import { w } from './words.js';

/**
 * Every page's frame: the language of the page on <html>, a skip link, the
 * header with the site's sections, the language switch (links, so it works
 * without JavaScript; the server remembers the choice in a cookie), the main
 * content and a footer. Styles are inline (no network, print-ready) and keep
 * WCAG AA contrast and a visible keyboard focus.
 */
export interface PageFrame {
  lang: Lang;
  title: string;
  /** The path of the page, for the language switch (its own query kept). */
  path: string;
  params?: Record<string, string | number | undefined | null>;
  /** The staff console's navigation and who is signed in, when it is a console page. */
  console?: { user: string; role: string; csrf: string; sections?: readonly ConsoleSection[] } | undefined;
  body: Html;
}

/** The console's sections; a page names those its user's role may open (default: all). */
export type ConsoleSection = 'runs' | 'due' | 'complaints' | 'rules';
const CONSOLE_SECTIONS: readonly ConsoleSection[] = ['runs', 'due', 'complaints', 'rules'];

const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export const STYLES = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5561; --line: #c9d1d9; --accent: #0b5cad; --bg: #ffffff; --soft: #f3f6f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus, summary:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 6px; z-index: 2; }
header { border-bottom: 1px solid var(--line); background: var(--soft); }
header .bar { max-width: 1100px; margin: 0 auto; padding: 10px 16px; display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center; justify-content: space-between; }
header .site { font-weight: bold; font-size: 18px; color: var(--ink); text-decoration: none; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.langs a[aria-current="true"] { font-weight: bold; color: var(--ink); text-decoration: none; }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 26px; margin: 8px 0 16px; } h2 { font-size: 20px; margin: 24px 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
form.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; margin: 8px 0 16px; }
label { display: flex; flex-direction: column; gap: 4px; font-weight: bold; }
input, select, button { font: inherit; padding: 6px 8px; border: 1px solid #6b7785; border-radius: 4px; background: #fff; color: var(--ink); }
button, .button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; text-decoration: none; padding: 6px 12px; border-radius: 4px; display: inline-block; }
.note { color: var(--muted); } .warn { border-left: 4px solid #b54708; padding: 8px 12px; background: #fff7ed; }
.ok { border-left: 4px solid #067647; padding: 8px 12px; background: #ecfdf3; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 12px; }
.chart svg { max-width: 100%; height: auto; }
footer { max-width: 1100px; margin: 24px auto; padding: 0 16px; color: var(--muted); font-size: 14px; }
@media print { header nav, .langs, form, .skip, .button, button { display: none !important; } body { font-size: 12pt; } a { color: inherit; text-decoration: none; } }
`;

export function page(f: PageFrame): string {
  const switcher = (['kk', 'ru', 'en'] as const).map(
    (l) => html`<li><a href="${f.path}${query({ ...f.params, lang: l })}" hreflang="${l}" lang="${l}" aria-current="${l === f.lang ? 'true' : 'false'}">${LANG_NAMES[l]}</a></li>`,
  );
  const sections = f.console
    ? (f.console.sections ?? CONSOLE_SECTIONS).map((s) => html`<li><a href="${s === 'runs' ? '/console' : `/console/${s}`}">${w(f.lang, `nav.${s}`)}</a></li>`)
    : [
        html`<li><a href="/">${w(f.lang, 'nav.districts')}</a></li>`,
        html`<li><a href="/lookup">${w(f.lang, 'nav.lookup')}</a></li>`,
        html`<li><a href="/console">${w(f.lang, 'nav.console')}</a></li>`,
      ];
  const who = f.console
    ? html`<form method="post" action="/console/logout"><input type="hidden" name="_csrf" value="${f.console.csrf}"><span class="note">${f.console.user} (${f.console.role})</span> <button type="submit">${w(f.lang, 'nav.logout')}</button></form>`
    : '';
  return `<!doctype html>\n${html`<html lang="${f.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${f.title} · kezek</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">${w(f.lang, 'nav.skip')}</a>
<header><div class="bar">
<a class="site" href="${f.console ? '/console' : '/'}">${w(f.lang, f.console ? 'site.console' : 'site.public')}</a>
<nav aria-label="${w(f.lang, 'nav.sections')}"><ul>${sections}</ul></nav>
<nav class="langs" aria-label="${w(f.lang, 'nav.language')}"><ul>${switcher}</ul></nav>
${who}
</div></header>
<main id="main">
<h1>${f.title}</h1>
${f.body}
</main>
<footer>${w(f.lang, 'site.footer')}</footer>
</body>
</html>`}\n`;
}
