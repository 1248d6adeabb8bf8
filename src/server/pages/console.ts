import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { applicationCard, applicationCardsOfChild, applicationPlace } from '../../db/application-card.js';
import { insertComplaint, listComplaints, markAnswered, readComplaint } from '../../db/complaints.js';
import { applicationHistory } from '../../db/history.js';
import { keyByHash, type ApiKey, type KeyRole } from '../../db/keys.js';
import type { ConsoleSession } from '../../db/sessions.js';
import { storedNights } from '../../db/run-places.js';
import { printableHtml } from '../../documents/html.js';
import { noticeDocument, type DocumentLang } from '../../documents/notice-document.js';
import { isValidDate } from '../../domain/dates.js';
import { iinProblem } from '../../domain/iin.js';
import { isKezekError, KezekError, NotFoundError } from '../../errors.js';
import type { Lang } from '../../i18n/messages.js';
import { Speaker } from '../../i18n/words.js';
import { documentFonts } from '../../io/fonts.js';
import { printablePdf } from '../../io/pdf.js';
import { checkAnswer, complaintDueOn, isOverdue, type Complaint, type ComplaintLevel } from '../../lifecycle/complaints.js';
import type { Logger } from '../../log.js';
import type { ApplicationView } from '../../online/application-view.js';
import { dueList } from '../../online/due.js';
import { noticeOf } from '../../online/notice.js';
import { applicationAction, referralAction } from '../../online/operator.js';
import { positionHistory } from '../../online/position-history.js';
import { diffRuleSets, type RulesDiff } from '../../online/rules-diff.js';
import { listRunDays, nightAudit, nightReportExtra, nightSummary, runDayOf } from '../../online/runs.js';
import type { Html } from '../../pages/html.js';
import { runReportBody } from '../../pages/run-report.js';
import { applicationPage, childPage, openSteps, refusalWhy, stepPage, APPLICATION_STEPS, ACTION_ROLES, REFERRAL_STEPS, type ConsoleAction } from '../../pages/console/application.js';
import { errorPage, type ConsoleUser, type ErrorKind } from '../../pages/console/common.js';
import { answerPage, complaintsPage } from '../../pages/console/complaints.js';
import { duePage } from '../../pages/console/due.js';
import { loginPage } from '../../pages/console/login.js';
import { rulesPage } from '../../pages/console/rules.js';
import { homePage, runPage } from '../../pages/console/runs.js';
import { cw } from '../../pages/words.js';
import type { Words } from '../../i18n/words.js';
import { mayReachDistrict, requireDistrict } from '../access.js';
import { hashApiKey } from '../api-key.js';
import { applicationView } from '../application-view.js';
import type { RequestContext } from '../request-context.js';
import { currentSession, endSession, LOGIN_COOKIE, loginToken, pageLang, safeNext, sameToken, SESSION_HOURS, startSession, cookieOptions } from './session.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** A console request's page language and, once signed in, its session. */
    console?: { lang: Lang; session: ConsoleSession | null };
  }
}

/** Who may open each part of the console (api.md's roles). */
const ROLES = {
  runs: ['operator', 'policy'],
  applications: ['portal', 'office', 'operator'],
  byIin: ['office', 'operator'],
  due: ['operator'],
  complaints: ['office', 'operator'],
  answer: ['operator'],
  rules: ['operator', 'policy'],
} as const satisfies Record<string, readonly KeyRole[]>;

const OPEN_PATHS = new Set(['/console/login']);

function sessionOf(req: FastifyRequest): ConsoleSession {
  const s = req.console?.session;
  if (!s) throw new KezekError('UNAUTHORIZED', 'no console session');
  return s;
}

const userOf = (s: ConsoleSession): ConsoleUser => ({ name: s.key.name, role: s.key.role, csrf: s.csrf });
const langOf = (req: FastifyRequest): Lang => req.console?.lang ?? 'kk';

/** 403 unless the session's role is one of `roles`. */
function allow(req: FastifyRequest, roles: readonly KeyRole[]): { key: ApiKey; user: ConsoleUser; lang: Lang; rc: RequestContext } {
  const s = sessionOf(req);
  if (!roles.includes(s.key.role)) throw new KezekError('FORBIDDEN', `a ${s.key.role} key may not open ${req.routeOptions.url}`, { role: s.key.role });
  return { key: s.key, user: userOf(s), lang: langOf(req), rc: req.kezek };
}

function sendPage(reply: FastifyReply, text: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(text);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The application as the console shows it, once the key may reach it. */
async function reachable(rc: RequestContext, key: ApiKey, id: string): Promise<ApplicationView> {
  const card = await applicationCard(rc.db, id);
  if (!card) throw new NotFoundError('application', id);
  requireDistrict(key, card.district);
  return applicationView(rc, card);
}

/** The page of an error: the words for its kind, the HTTP status of its code. */
/** A complaint the key may answer: 404 unknown, 403 about an application of another district. */
async function reachableComplaint(rc: RequestContext, key: ApiKey, number: string): Promise<Complaint> {
  const c = await readComplaint(rc.db, number);
  if (!c) throw new NotFoundError('complaint', number);
  if (c.application) {
    const place = await applicationPlace(rc.db, c.application);
    if (place) requireDistrict(key, place.district);
  }
  return c;
}

function errorKind(e: FastifyError | KezekError | Error): { kind: ErrorKind; status: number } {
  if (isKezekError(e)) {
    switch (e.code) {
      case 'FORBIDDEN':
        return { kind: 'forbidden', status: 403 };
      case 'NOT_FOUND':
        return { kind: 'notFound', status: 404 };
      case 'INPUT_INVALID':
      case 'USAGE':
      case 'RULES_INVALID':
        return { kind: 'input', status: 400 };
      case 'RUN_IN_PROGRESS':
      case 'CONCURRENT_CHANGE':
      case 'RUN_LOCKED':
        return { kind: 'busy', status: 409 };
      case 'DATABASE_BUSY':
      case 'DB_FAILED':
        return { kind: 'busy', status: 503 };
      default:
        return { kind: 'other', status: 500 };
    }
  }
  const status = (e as FastifyError).statusCode;
  return status && status >= 400 && status < 500 ? { kind: 'input', status } : { kind: 'other', status: 500 };
}

function errorText(lang: Lang, kind: ErrorKind, e: Error, key: ApiKey | null): string {
  const d = isKezekError(e) ? e.details : {};
  switch (kind) {
    case 'forbidden':
      return typeof d.district === 'string' && key
        ? cw(lang, 'error.district', { districts: key.districts.join(', '), district: d.district })
        : cw(lang, 'error.forbidden', { role: key?.role ?? '' });
    case 'notFound':
      return cw(lang, 'error.notFound', { what: typeof d.what === 'string' ? d.what.split(' ')[0]! : 'other', id: typeof d.id === 'string' ? d.id : '' });
    case 'input': {
      const field = typeof d.field === 'string' ? d.field : ((e as FastifyError).validation?.[0]?.instancePath?.replace(/^\//, '') ?? '');
      return cw(lang, 'error.input', { field: field || '—' });
    }
    case 'csrf':
      return cw(lang, 'error.csrf');
    case 'busy':
      return cw(lang, 'error.busy');
    default:
      return cw(lang, 'error.other', { at: new Date().toISOString().slice(0, 19).replace('T', ' ') });
  }
}

/** The staff console: sign-in with a key, nights and their reports, the due list, applications, complaints, rules. */
export const consolePages: FastifyPluginAsync = async (app) => {
  // Pages for people, not part of the API's OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  // Every console page: its language, then (but for the sign-in page) the session, else to the sign-in page;
  // every POST carries the session's CSRF token, else nothing is done.
  app.addHook('preHandler', async (req, reply) => {
    const lang = pageLang(req, reply);
    req.console = { lang, session: null };
    void reply.header('cache-control', 'no-store');
    const path = req.url.split('?')[0]!;
    if (OPEN_PATHS.has(path)) return;
    const { session, hadCookie } = await currentSession(req.kezek.db, req);
    if (!session) {
      if (hadCookie) void reply.clearCookie('kezek_console', cookieOptions(req));
      const next = req.method === 'GET' ? req.url : '/console';
      return reply.redirect(`/console/login?next=${encodeURIComponent(safeNext(next))}${hadCookie ? '&ended=1' : ''}`, 303);
    }
    req.console.session = session;
    req.kezek = req.kezek.withKey(session.key, req.log.child({ key: session.key.name }) as Logger);
    if (req.method === 'POST' && !sameToken(str((req.body as Record<string, unknown> | undefined)?._csrf), session.csrf)) {
      req.log.info({ key: session.key.name, url: req.url.split('?')[0] }, 'console form refused: no CSRF token of the session');
      return sendPage(reply, errorPage(lang, userOf(session), path, 'csrf', cw(lang, 'error.csrf')), 403);
    }
  });

  app.setErrorHandler((e: FastifyError | KezekError | Error, req, reply) => {
    const lang = langOf(req);
    const session = req.console?.session ?? null;
    if (isKezekError(e) && e.code === 'UNAUTHORIZED') return reply.redirect('/console/login', 303);
    const { kind, status } = errorKind(e);
    if (status >= 500) req.log.error({ err: e }, 'console page failed');
    else req.log.info({ status, kind }, 'console page refused');
    if (kind === 'busy') void reply.header('retry-after', '2');
    return sendPage(reply, errorPage(lang, session ? userOf(session) : null, req.url.split('?')[0]!, kind, errorText(lang, kind, e, session?.key ?? null)), status);
  });

  app.get('/console/login', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const message = q.out === '1' ? 'signedOut' : q.ended === '1' ? 'expired' : null;
    return sendPage(reply, loginPage({ lang: langOf(req), csrf: loginToken(req, reply), next: safeNext(q.next), hours: SESSION_HOURS, message }));
  });

  app.post('/console/login', async (req, reply) => {
    const lang = langOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next);
    if (!sameToken(str(body._csrf), req.cookies[LOGIN_COOKIE])) {
      req.log.info('console sign-in refused: no CSRF token');
      return sendPage(reply, errorPage(lang, null, '/console/login', 'csrf', cw(lang, 'error.csrf')), 403);
    }
    const raw = str(body.key).trim();
    const key = raw ? await keyByHash(req.kezek.db, hashApiKey(raw)) : null;
    if (!key) {
      req.log.info('console sign-in refused: unknown or revoked key');
      return sendPage(reply, loginPage({ lang, csrf: loginToken(req, reply), next, hours: SESSION_HOURS, message: 'unknown' }), 401);
    }
    // A session the browser held before ends: signing in always starts a new one (no session fixation).
    await endSession(req.kezek.db, req);
    await startSession(req.kezek.db, req, reply, key.name);
    void reply.clearCookie(LOGIN_COOKIE, cookieOptions(req));
    req.log.info({ key: key.name }, 'console signed in');
    return reply.redirect(next, 303);
  });

  app.post('/console/logout', async (req, reply) => {
    await endSession(req.kezek.db, req, reply);
    return reply.redirect('/console/login?out=1', 303);
  });

  app.get('/console', async (req, reply) => {
    const s = sessionOf(req);
    const role = s.key.role;
    const rc = req.kezek;
    const runs = (ROLES.runs as readonly KeyRole[]).includes(role) ? await listRunDays(rc.db, { limit: 30 }) : null;
    const lookup = (ROLES.applications as readonly KeyRole[]).includes(role) ? { byIin: (ROLES.byIin as readonly KeyRole[]).includes(role) } : null;
    return sendPage(reply, homePage({ lang: langOf(req), user: userOf(s), runs, lookup }));
  });

  app.get('/console/runs/:date', async (req, reply) => {
    const { key, user, lang, rc } = allow(req, ROLES.runs);
    const { date } = req.params as { date: string };
    if (!isValidDate(date)) throw new KezekError('INPUT_INVALID', `date: ${date} is not a real date`, { field: 'date' });
    const day = await runDayOf(rc.db, date);
    const may = (d: string) => mayReachDistrict(key, d);
    let report: Html | null = null;
    if (day.summary) {
      const summary = await nightSummary(rc.db, date, may);
      report = await runReportBody(lang, summary, await nightAudit(rc.db, date, may), await nightReportExtra(rc.db, summary));
    }
    return sendPage(reply, runPage({ lang, user, date, report, day }));
  });

  app.get('/console/due', async (req, reply) => {
    const { key, user, lang, rc } = allow(req, ROLES.due);
    const date = str((req.query as Record<string, unknown>).date) || rc.date;
    if (!isValidDate(date)) throw new KezekError('INPUT_INVALID', `date: ${date} is not a real date`, { field: 'date' });
    const due = await dueList(rc.db, { date, districts: key.districts, calendar: rc.calendar, params: rc.ruleLibrary.at(date).parameters });
    const s = new Speaker(lang, rc.rules);
    return sendPage(reply, duePage({ lang, user, due, category: (c) => s.category(c as 'general') }));
  });

  app.get('/console/applications', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const id = str(q.id).trim();
    if (id) {
      allow(req, ROLES.applications);
      return reply.redirect(`/console/applications/${encodeURIComponent(id)}`, 303);
    }
    const { key, user, lang, rc } = allow(req, ROLES.byIin);
    const iin = str(q.childIin).trim();
    if (iinProblem(iin)) throw new KezekError('INPUT_INVALID', 'childIin: not a valid IIN', { field: cw(lang, 'home.lookup.iin') });
    const cards = (await applicationCardsOfChild(rc.db, iin)).filter((c) => mayReachDistrict(key, c.district));
    const applications: ApplicationView[] = [];
    for (const c of cards) applications.push(await applicationView(rc, c));
    return sendPage(reply, childPage({ lang, user, applications }));
  });

  const showApplication = async (req: FastifyRequest, reply: FastifyReply, o: { done: ConsoleAction | null; refused: string | null; status?: number }) => {
    const { key, user, lang, rc } = allow(req, ROLES.applications);
    const { id } = req.params as { id: string };
    const a = await reachable(rc, key, id);
    const [history, positions] = await Promise.all([applicationHistory(rc.db, id), positionHistory(rc.db, id)]);
    return sendPage(reply, applicationPage({ lang, user, app: a, history, positions, words: rc.rules, done: o.done, refused: o.refused }), o.status);
  };

  const stepOf = (req: FastifyRequest): ConsoleAction => {
    const { action } = req.params as { action: string };
    if (![...REFERRAL_STEPS, ...APPLICATION_STEPS].includes(action as ConsoleAction)) throw new NotFoundError('step', action);
    return action as ConsoleAction;
  };

  app.get('/console/applications/:id', async (req, reply) => {
    const done = str((req.query as Record<string, unknown>).done);
    return showApplication(req, reply, { done: [...REFERRAL_STEPS, ...APPLICATION_STEPS].includes(done as ConsoleAction) ? (done as ConsoleAction) : null, refused: null });
  });

  app.get('/console/applications/:id/steps/:action', async (req, reply) => {
    const action = stepOf(req);
    const { key, user, lang, rc } = allow(req, ACTION_ROLES[action] as readonly KeyRole[]);
    const { id } = req.params as { id: string };
    const a = await reachable(rc, key, id);
    if (!openSteps(user.role, a).includes(action)) {
      return showApplication(req, reply, { done: null, refused: refusalWhy(lang, action, a, rc.date, rc.rules.parameters.extensionCalendarDays), status: 409 });
    }
    return sendPage(reply, stepPage({ lang, user, app: a, action, maxDays: rc.rules.parameters.extensionCalendarDays }));
  });

  app.post('/console/applications/:id/steps/:action', async (req, reply) => {
    const action = stepOf(req);
    const { key, lang, rc } = allow(req, ACTION_ROLES[action] as readonly KeyRole[]);
    const { id } = req.params as { id: string };
    const body = (req.body ?? {}) as Record<string, unknown>;
    const reason = str(body.reason).trim().slice(0, 500) || undefined;
    const maxDays = rc.rules.parameters.extensionCalendarDays;
    const a = await reachable(rc, key, id);
    const refuse = (days?: number) => showApplication(req, reply, { done: null, refused: refusalWhy(lang, action, a, rc.date, maxDays, days), status: 409 });
    const params = rc.rules.parameters;
    try {
      if (REFERRAL_STEPS.includes(action)) {
        if (!a.referral) return refuse();
        let days: number | undefined;
        if (action === 'extend') {
          days = Number(str(body.days));
          if (!Number.isInteger(days) || days < 1 || days > maxDays) return refuse(days);
        }
        await referralAction(rc.db, a.referral.id, action as 'confirm', { date: rc.date, actor: rc.actor, reason, days, calendar: rc.calendar, params });
        rc.log.info({ referral: a.referral.id, action }, 'referral changed');
      } else {
        const place = (await applicationPlace(rc.db, id))!;
        const changesQueue = place.status === 'queued' || place.status === 'inactive';
        const db = rc.writing(changesQueue ? { district: place.district, cohorts: [{ district: place.district, birthYear: place.birthYear, application: id }] } : null);
        await applicationAction(db, id, action as 'withdraw', { date: rc.date, actor: rc.actor, reason, calendar: rc.calendar, params });
        rc.log.info({ application: id, action }, 'application changed');
      }
    } catch (e) {
      if (isKezekError(e) && e.code === 'TRANSITION_REFUSED') return refuse();
      throw e;
    }
    return reply.redirect(`/console/applications/${encodeURIComponent(id)}?done=${action}`, 303);
  });

  app.get('/console/applications/:id/notice', async (req, reply) => {
    const { key, rc } = allow(req, ROLES.applications);
    const { id } = req.params as { id: string };
    const q = req.query as Record<string, unknown>;
    const lang = q.lang === 'kk' || q.lang === 'ru' ? (q.lang as DocumentLang) : undefined;
    const format = q.format === 'html' ? 'html' : 'pdf';
    const place = await applicationPlace(rc.db, id);
    if (!place) throw new NotFoundError('application', id);
    requireDistrict(key, place.district);
    const notice = await noticeOf(rc.fresh, rc.rules, rc.calendar, id, rc.date, { rulesAt: rc.ruleLibrary });
    const doc = noticeDocument(notice, lang ?? notice.language, rc.rules);
    const name = `${notice.kind}-${id}-${lang ?? notice.language}.${format}`.replace(/[^\w.-]/g, '_');
    void reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'html') return reply.type('text/html; charset=utf-8').send(printableHtml(doc));
    return reply.type('application/pdf').send(await printablePdf(doc, documentFonts()));
  });

  const complaintsOf = async (rc: RequestContext, key: ApiKey, onlyOverdue: boolean) => {
    const all = await listComplaints(rc.db, onlyOverdue ? rc.date : undefined);
    const visible: (Complaint & { overdue: boolean })[] = [];
    for (const c of all) {
      if (key.districts.length && c.application) {
        const place = await applicationPlace(rc.db, c.application);
        if (!place || !mayReachDistrict(key, place.district)) continue;
      }
      visible.push({ ...c, overdue: isOverdue(c, rc.date) });
    }
    return visible;
  };

  const showComplaints = async (req: FastifyRequest, reply: FastifyReply, message: { kind: 'ok' | 'warn'; text: string } | null, status = 200) => {
    const { key, user, lang, rc } = allow(req, ROLES.complaints);
    const onlyOverdue = (req.query as Record<string, unknown>).overdue === 'true';
    const complaints = await complaintsOf(rc, key, onlyOverdue);
    return sendPage(
      reply,
      complaintsPage({ lang, user, date: rc.date, complaints, onlyOverdue, mayRegister: true, mayAnswer: (ROLES.answer as readonly KeyRole[]).includes(key.role), message }),
      status,
    );
  };

  app.get('/console/complaints', async (req, reply) => {
    const lang = langOf(req);
    const q = req.query as Record<string, unknown>;
    const registered = str(q.registered);
    const answered = str(q.answered);
    const message = registered
      ? { kind: 'ok' as const, text: cw(lang, 'complaints.registered', { number: registered, due: str(q.due) }) }
      : answered
        ? { kind: 'ok' as const, text: cw(lang, 'complaints.answeredNow', { number: answered }) }
        : null;
    return showComplaints(req, reply, message);
  });

  app.post('/console/complaints', async (req, reply) => {
    const { key, lang, rc } = allow(req, ROLES.complaints);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const number = str(body.number).trim();
    const subject = str(body.subject).trim();
    const level = str(body.level) as ComplaintLevel;
    const application = str(body.application).trim() || null;
    if (!number || number.length > 64 || !/^[\p{L}\p{N}\-_/.№ ]+$/u.test(number)) throw new KezekError('INPUT_INVALID', 'number', { field: cw(lang, 'complaints.number') });
    if (!subject || subject.length > 2000) throw new KezekError('INPUT_INVALID', 'subject', { field: cw(lang, 'complaints.subject') });
    if (level !== 'provider' && level !== 'authority') throw new KezekError('INPUT_INVALID', 'level', { field: cw(lang, 'complaints.level') });
    if (application) {
      const place = await applicationPlace(rc.db, application);
      if (!place) throw new NotFoundError('application', application);
      requireDistrict(key, place.district);
    }
    const c: Complaint = {
      id: number,
      application,
      level,
      filedOn: rc.date,
      dueOn: complaintDueOn(rc.date, level, rc.calendar, rc.rules.parameters),
      subject,
      filedBy: rc.actor,
      answeredOn: null,
      answeredBy: null,
    };
    if (!(await insertComplaint(rc.db, c))) {
      const stored = (await readComplaint(rc.db, c.id))!;
      if (stored.application !== c.application || stored.level !== c.level || stored.subject !== c.subject) {
        return showComplaints(req, reply, { kind: 'warn', text: cw(lang, 'complaints.already', { number }) }, 409);
      }
      c.dueOn = stored.dueOn;
    } else rc.log.info({ complaint: c.id, level }, 'complaint registered');
    return reply.redirect(`/console/complaints?registered=${encodeURIComponent(c.id)}&due=${c.dueOn}`, 303);
  });

  app.get('/console/complaints/:number/answer', async (req, reply) => {
    const { key, user, lang, rc } = allow(req, ROLES.answer);
    const { number } = req.params as { number: string };
    const c = await reachableComplaint(rc, key, number);
    if (c.answeredOn) return showComplaints(req, reply, { kind: 'warn', text: cw(lang, 'complaints.alreadyAnswered', { number }) }, 409);
    return sendPage(reply, answerPage(lang, user, c, rc.date));
  });

  app.post('/console/complaints/:number/answer', async (req, reply) => {
    const { key, lang, rc } = allow(req, ROLES.answer);
    const { number } = req.params as { number: string };
    await reachableComplaint(rc, key, number);
    try {
      await rc.db.transaction(async (tx) => {
        const c = await readComplaint(tx, number, true);
        if (!c) throw new NotFoundError('complaint', number);
        checkAnswer(c, rc.date);
        await markAnswered(tx, c.id, rc.date, rc.actor);
      });
    } catch (e) {
      if (isKezekError(e) && e.code === 'TRANSITION_REFUSED') return showComplaints(req, reply, { kind: 'warn', text: cw(lang, 'complaints.alreadyAnswered', { number }) }, 409);
      throw e;
    }
    rc.log.info({ complaint: number }, 'complaint answered');
    return reply.redirect(`/console/complaints?answered=${encodeURIComponent(number)}`, 303);
  });

  const showRules = async (req: FastifyRequest, reply: FastifyReply, preview: boolean) => {
    const { key, user, lang, rc } = allow(req, ROLES.rules);
    const q = req.query as Record<string, unknown>;
    const library = rc.ruleLibrary;
    const sets = library.headers().map((h) => ({ version: h.version, effectiveFrom: h.effectiveFrom }));
    const inForce = rc.rules.version;
    const nights = await storedNights(rc.db);
    const latest = sets.at(-1)?.version ?? inForce;
    const form = { to: str(q.to) || latest, date: str(q.date) || rc.date, placesOf: str(q.placesOf) };
    let impact: { diff: RulesDiff; words: Words } | null = null;
    let problem: string | null = null;
    if (preview) {
      const to = library.byVersion(form.to);
      if (!isValidDate(form.date)) problem = cw(lang, 'error.input', { field: cw(lang, 'rules.preview.date') });
      else if (!to) problem = cw(lang, 'rules.unknownVersion', { version: form.to });
      else if (form.placesOf && !nights.includes(form.placesOf)) problem = cw(lang, 'error.input', { field: cw(lang, 'rules.preview.night') });
      else {
        const from = library.at(form.date);
        const diff = await diffRuleSets(rc.db, from, to, { date: form.date, districts: key.districts, placesOf: form.placesOf || null, calendar: rc.calendar });
        rc.log.info({ from: from.version, to: to.version, date: form.date, people: diff.districts.reduce((n, d) => n + d.people.length, 0) }, 'rules impact previewed');
        impact = { diff, words: to };
      }
    }
    return sendPage(reply, rulesPage({ lang, user, date: rc.date, sets, inForce, storedNights: nights, form, impact, problem }), problem ? 400 : 200);
  };

  app.get('/console/rules', async (req, reply) => showRules(req, reply, false));
  app.get('/console/rules/preview', async (req, reply) => showRules(req, reply, true));
};
