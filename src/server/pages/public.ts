import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csvText } from '../../codec/csv.js';
import { districtList } from '../../db/bulletin.js';
import { findApplication } from '../../db/queue.js';
import { isValidDate } from '../../domain/dates.js';
import type { GroupType, Language } from '../../domain/types.js';
import { isKezekError } from '../../errors.js';
import { LANGS, type Lang } from '../../i18n/messages.js';
import { BULLETIN_CSV_COLUMNS, bulletinRows, bulletins, districtStats } from '../../online/bulletin.js';
import { positionHistory } from '../../online/position-history.js';
import { standingOf } from '../../online/standing.js';
import { bulletinPage, filterBulletin, type BulletinFilters } from '../../pages/public/bulletin.js';
import { homePage } from '../../pages/public/home.js';
import { lookupFormPage, lookupResultPage } from '../../pages/public/lookup.js';
import { districtNotFoundPage } from '../../pages/public/not-found.js';
import { statsPage } from '../../pages/public/stats.js';

/** The cookie that remembers the language chosen with the switch (a year; sent to this site's pages only). */
export const LANG_COOKIE = 'kezek_lang';
const YEAR_SECONDS = 365 * 24 * 3600;

const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/**
 * The page's language: `?lang=` (the switch's links; remembered in a cookie,
 * SameSite=Lax), else the cookie, else Kazakh.
 */
export function pageLang(req: FastifyRequest, reply: FastifyReply): Lang {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(asked)) {
    void reply.setCookie(LANG_COOKIE, asked, { path: '/', sameSite: 'lax', maxAge: YEAR_SECONDS, httpOnly: true, secure: req.protocol === 'https' });
    return asked;
  }
  const remembered = req.cookies[LANG_COOKIE];
  return isLang(remembered) ? remembered : 'kk';
}

const sendPage = (reply: FastifyReply, text: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(text);

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);

/** The bulletin's filters from the query; a value that is not one of the choices is "any". */
export function bulletinFilters(q: Record<string, unknown>): BulletinFilters {
  const year = one(q.year);
  const language = one(q.language);
  const type = one(q.type);
  return {
    birthYear: year && /^\d{4}$/.test(year) ? Number(year) : undefined,
    language: language === 'kk' || language === 'ru' ? (language as Language) : undefined,
    groupType: type === 'general' || type === 'special' ? (type as GroupType) : undefined,
  };
}

/** The public pages: districts, the vacancy bulletin, statistics, a family's lookup. No login; nothing personal. */
export const publicPages: FastifyPluginAsync = async (app) => {
  /** The district asked for with its name, or null (the caller answers with the 404 page). */
  const districtOf = async (req: FastifyRequest) => {
    const id = one((req.query as Record<string, unknown>).district);
    if (!id) return { id: '', name: null };
    const d = (await districtList(req.kezek.db)).find((x) => x.id === id);
    return { id, name: d?.name ?? null };
  };

  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const lang = pageLang(req, reply);
    void reply.header('cache-control', 'no-cache');
    return sendPage(reply, homePage(lang, await districtList(req.kezek.db)));
  });

  app.get('/bulletin', { schema: { hide: true } }, async (req, reply) => {
    const lang = pageLang(req, reply);
    const d = await districtOf(req);
    if (d.name === null) return sendPage(reply, districtNotFoundPage(lang, d.id, '/bulletin'), 404);
    const [b] = await bulletins(req.kezek.db, [d.id], req.kezek.date);
    void reply.header('cache-control', 'no-cache');
    return sendPage(reply, bulletinPage(lang, b!, d.name, bulletinFilters(req.query as Record<string, unknown>)));
  });

  // The bulletin as the page shows it (filters applied), as CSV: a plain link downloads it, no script needed.
  app.get('/bulletin.csv', { schema: { hide: true } }, async (req, reply) => {
    const lang = pageLang(req, reply);
    const d = await districtOf(req);
    if (d.name === null) return sendPage(reply, districtNotFoundPage(lang, d.id, '/bulletin'), 404);
    const [b] = await bulletins(req.kezek.db, [d.id], req.kezek.date);
    const shown = filterBulletin(b!, bulletinFilters(req.query as Record<string, unknown>));
    const file = `bulletin-${d.id}-${b!.date}.csv`.replace(/[^\w.-]/g, '_');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file}"`)
      .header('cache-control', 'no-cache')
      .send(csvText(BULLETIN_CSV_COLUMNS, bulletinRows([shown])));
  });

  app.get('/stats', { schema: { hide: true } }, async (req, reply) => {
    const lang = pageLang(req, reply);
    const d = await districtOf(req);
    if (d.name === null) return sendPage(reply, districtNotFoundPage(lang, d.id, '/stats'), 404);
    void reply.header('cache-control', 'no-cache');
    return sendPage(reply, await statsPage(lang, await districtStats(req.kezek.db, d.id), d.name));
  });

  app.get('/lookup', { schema: { hide: true } }, async (req, reply) => {
    const lang = pageLang(req, reply);
    return sendPage(reply, lookupFormPage(lang));
  });

  // A POST form: the birth date stays out of addresses, logs and history. The same answer whether the
  // number or the date did not match, so the page helps nobody guess which applications exist.
  app.post('/lookup', { schema: { hide: true } }, async (req, reply) => {
    const lang = pageLang(req, reply);
    void reply.header('cache-control', 'no-store');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const application = (one(body.application) ?? '').trim().slice(0, 100);
    const birthDate = (one(body.birthDate) ?? '').trim();
    if (!application || !birthDate) return sendPage(reply, lookupFormPage(lang, { application, problem: 'incomplete' }), 400);
    const rc = req.kezek;
    const app_ = isValidDate(birthDate) ? await findApplication(rc.db, application) : null;
    if (!app_ || app_.birthDate !== birthDate) return sendPage(reply, lookupFormPage(lang, { application, problem: 'not_found' }));
    try {
      const { standing } = await standingOf(rc.fresh, rc.rules, rc.calendar, app_.id, rc.date, rc.ruleLibrary);
      const history = await positionHistory(rc.db, app_.id);
      return sendPage(reply, lookupResultPage(lang, standing, history, rc.rules));
    } catch (e) {
      // Gone between the two reads: said like any other miss.
      if (isKezekError(e) && e.code === 'NOT_FOUND') return sendPage(reply, lookupFormPage(lang, { application, problem: 'not_found' }));
      throw e;
    }
  });
};
