import type { Lang } from '../../i18n/messages.js';
import { html } from '../html.js';
import { cw } from '../words.js';
import { consolePage, notice } from './common.js';

export interface LoginInput {
  lang: Lang;
  /** The sign-in form's own CSRF token (a cookie holds the same). */
  csrf: string;
  /** Where to go after signing in (a console path). */
  next: string;
  hours: number;
  message: 'unknown' | 'signedOut' | 'expired' | null;
}

/** The sign-in page: one field, the key (a password field: not shown, not kept by the browser's autocomplete). */
export function loginPage(i: LoginInput): string {
  const m = i.message === null ? '' : notice(i.message === 'signedOut' ? 'ok' : 'warn', cw(i.lang, `login.${i.message}`, { hours: i.hours }));
  return consolePage({
    lang: i.lang,
    user: null,
    title: cw(i.lang, 'login.title'),
    path: '/console/login',
    params: { next: i.next === '/console' ? undefined : i.next },
    body: html`${m}<p>${cw(i.lang, 'login.intro', { hours: i.hours })}</p>
<form method="post" action="/console/login" class="filters">
<input type="hidden" name="_csrf" value="${i.csrf}">
<input type="hidden" name="next" value="${i.next}">
<label for="key">${cw(i.lang, 'login.key')}<input id="key" name="key" type="password" required autocomplete="off" spellcheck="false" size="50"></label>
<button type="submit">${cw(i.lang, 'login.submit')}</button>
</form>`,
  });
}
