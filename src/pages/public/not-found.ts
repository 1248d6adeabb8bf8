import type { Lang } from '../../i18n/messages.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { w } from '../words.js';

/** A district that is not there: a page in the reader's language, not a problem document. */
export function districtNotFoundPage(lang: Lang, id: string, path: string): string {
  return page({
    lang,
    title: w(lang, 'notFound.title'),
    path,
    params: { district: id },
    body: html`<p class="warn" role="alert">${w(lang, 'notFound.district', { id })}</p>
<p><a href="/">${w(lang, 'notFound.back')}</a></p>`,
  });
}
