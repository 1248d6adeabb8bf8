import type { Lang } from '../../i18n/messages.js';
import { html, type Html } from '../html.js';
import { page, type ConsoleSection } from '../layout.js';
import { cw } from '../words.js';

/** Who is signed in, as every console page shows it (and the CSRF token its forms carry). */
export interface ConsoleUser {
  name: string;
  role: string;
  csrf: string;
}

export interface ConsoleFrame {
  lang: Lang;
  /** Null on the sign-in page. */
  user: ConsoleUser | null;
  title: string;
  path: string;
  params?: Record<string, string | number | undefined | null>;
  body: Html;
}

/** The console's sections each role may open (api.md): the others are not shown. */
export const ROLE_SECTIONS: Record<string, readonly ConsoleSection[]> = {
  portal: [],
  office: ['complaints'],
  operator: ['runs', 'due', 'complaints', 'rules'],
  policy: ['runs', 'rules'],
};

/** A console page in the common frame (the console's navigation and the sign-out form when signed in). */
export function consolePage(f: ConsoleFrame): string {
  return page({
    lang: f.lang,
    title: f.title,
    path: f.path,
    params: f.params ?? {},
    console: f.user ? { user: f.user.name, role: f.user.role, csrf: f.user.csrf, sections: ROLE_SECTIONS[f.user.role] ?? [] } : undefined,
    body: f.body,
  });
}

/** The hidden CSRF field of every form that changes something. */
export const csrfField = (user: ConsoleUser): Html => html`<input type="hidden" name="_csrf" value="${user.csrf}">`;

/** A two-column table of facts (th: what, td: value). */
export function facts(caption: string, rows: readonly (readonly [string, Html | string | number])[]): Html {
  return html`<table class="facts"><caption>${caption}</caption><tbody>${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>`;
}

/** A message above a page's content: done (ok) or refused (warn). */
export function notice(kind: 'ok' | 'warn', text: string): Html {
  return html`<p class="${kind}" role="${kind === 'warn' ? 'alert' : 'status'}">${text}</p>`;
}

export type ErrorKind = 'forbidden' | 'notFound' | 'input' | 'csrf' | 'busy' | 'other';

const TITLES: Record<ErrorKind, Parameters<typeof cw>[1]> = {
  forbidden: 'error.forbidden.title',
  notFound: 'error.notFound.title',
  input: 'error.input.title',
  csrf: 'error.csrf.title',
  busy: 'error.busy.title',
  other: 'error.other.title',
};

/** A refusal or a failure as a page: what happened in the page's language, no code. */
export function errorPage(lang: Lang, user: ConsoleUser | null, path: string, kind: ErrorKind, text: string): string {
  return consolePage({
    lang,
    user,
    title: cw(lang, TITLES[kind]),
    path,
    body: html`<p class="warn" role="alert">${text}</p><p><a href="/console">${cw(lang, 'error.back')}</a></p>`,
  });
}
