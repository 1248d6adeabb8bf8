import { isValidDate, parseInstant } from '../domain/dates.js';
import { childIinProblem, iinProblem } from '../domain/iin.js';
import {
  APPLICATION_STATUSES,
  CHANNELS,
  GROUP_TYPES,
  LANGUAGES,
  type Application,
  type Language,
  type Place,
  type Right,
} from '../domain/types.js';

/**
 * Line validators for the input files of formats.md. Pure: they take a parsed
 * JSON value and what is already known (districts, kindergartens) and return
 * either the clean record or a reject with a stable reason and the field.
 */
export interface Reject {
  reason: string;
  field?: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reject: Reject };

const fail = (reason: string, field: string | undefined, message: string): { ok: false; reject: Reject } => ({
  ok: false,
  reject: field === undefined ? { reason, message } : { reason, field, message },
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// Not blank: the first character alone tells for nearly every value (no trimmed copy made).
const isNonEmptyString = (v: unknown): v is string => {
  if (typeof v !== 'string' || v.length === 0) return false;
  const c = v.charCodeAt(0);
  return (c > 32 && c < 127) || /\S/.test(v);
};
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A path read helper that tells missing from wrong type. */
const PATHS = new Map<string, readonly string[]>();
function field(obj: Record<string, unknown>, path: string): { present: boolean; value: unknown } {
  return lookup(obj, path) ? { present: true, value: found } : { present: false, value: undefined };
}

/** The value lookup found last (one per line's field, read at once: no result object made per field). */
let found: unknown;
/** Whether the path is present (not missing, not null); its value is then in `found`. */
function lookup(obj: Record<string, unknown>, path: string): boolean {
  let parts = PATHS.get(path);
  if (!parts) PATHS.set(path, (parts = path.split('.')));
  let cur: unknown = obj;
  for (let i = 0; i < parts.length; i++) {
    if (!isObject(cur)) return false;
    const next = cur[parts[i]!];
    if (next === null || next === undefined) return false;
    cur = next;
  }
  found = cur;
  return true;
}

/**
 * Longest ids and texts kept: an id is a key in several indexes (PostgreSQL refuses
 * index entries over about 2,700 bytes, which would fail the whole file).
 */
export const FIELD_LIMITS = Object.freeze({ id: 100, text: 500 });

class LineChecker {
  reject: Reject | null = null;
  constructor(private readonly obj: Record<string, unknown>) {}

  private fail(reason: string, path: string, message: string): void {
    if (!this.reject) this.reject = { reason, field: path, message };
  }

  string(path: string, required = true): string | undefined {
    if (!lookup(this.obj, path)) {
      if (required) this.fail('missing_field', path, `${path} is missing`);
      return undefined;
    }
    const value = found;
    if (!isNonEmptyString(value)) {
      this.fail('wrong_type', path, `${path} must be a non-empty string`);
      return undefined;
    }
    if (value.length > FIELD_LIMITS.text) {
      this.fail('too_long', path, `${path} is longer than ${FIELD_LIMITS.text} characters`);
      return undefined;
    }
    return value;
  }

  /** An identifier: a non-empty string with no control characters (they separate values internally). */
  id(path: string): string | undefined {
    const s = this.string(path);
    if (s !== undefined && CONTROL.test(s)) {
      this.fail('invalid_value', path, `${path} must not contain control characters`);
      return undefined;
    }
    if (s !== undefined && s.length > FIELD_LIMITS.id) {
      this.fail('too_long', path, `${path} is longer than ${FIELD_LIMITS.id} characters`);
      return undefined;
    }
    return s;
  }

  date(path: string, required = true): string | undefined {
    const s = this.string(path, required);
    if (s !== undefined && !isValidDate(s)) {
      this.fail('invalid_date', path, `${path} is not a real date YYYY-MM-DD: ${JSON.stringify(s)}`);
      return undefined;
    }
    return s;
  }

  oneOf<T extends string>(path: string, allowed: readonly T[], fallback?: T): T | undefined {
    if (fallback !== undefined && !lookup(this.obj, path)) return fallback;
    const s = this.string(path);
    if (s !== undefined && !allowed.includes(s as T)) {
      this.fail('invalid_value', path, `${path} must be one of ${allowed.join(', ')}`);
      return undefined;
    }
    return s as T | undefined;
  }

  boolean(path: string, fallback: boolean): boolean {
    if (!lookup(this.obj, path)) return fallback;
    const value = found;
    if (typeof value !== 'boolean') {
      this.fail('wrong_type', path, `${path} must be true or false`);
      return fallback;
    }
    return value;
  }
}

export interface DistrictRecord {
  id: string;
  name: string;
  region: string | null;
  raw: Record<string, unknown>;
}

export function checkDistrict(value: unknown): Checked<DistrictRecord> {
  if (!isObject(value)) return fail('not_object', undefined, 'line is not a JSON object');
  const c = new LineChecker(value);
  const id = c.id('id');
  const name = c.string('name');
  const region = c.string('region', false) ?? null;
  if (c.reject) return { ok: false, reject: c.reject };
  return { ok: true, value: { id: id!, name: name!, region, raw: value } };
}

export interface KindergartenRecord {
  id: string;
  district: string;
  name: string;
  languages: Language[];
  raw: Record<string, unknown>;
}

export function checkKindergarten(value: unknown, districts: ReadonlySet<string>): Checked<KindergartenRecord> {
  if (!isObject(value)) return fail('not_object', undefined, 'line is not a JSON object');
  const c = new LineChecker(value);
  const id = c.id('id');
  const district = c.string('district');
  const name = c.string('name');
  if (c.reject) return { ok: false, reject: c.reject };
  const langs = value.languages;
  if (langs === undefined || langs === null) return fail('missing_field', 'languages', 'languages is missing');
  if (!Array.isArray(langs) || langs.length === 0 || !langs.every((l) => LANGUAGES.includes(l as Language)))
    return fail('invalid_value', 'languages', 'languages must be a non-empty list of kk, ru');
  if (!districts.has(district!)) return fail('unknown_district', 'district', `unknown district ${district}`);
  return { ok: true, value: { id: id!, district: district!, name: name!, languages: [...new Set(langs as Language[])], raw: value } };
}

/** A valid places line: a Place (rows of one group are summed by the importer), with why its seats changed when the line says. */
export type PlaceRecord = Place & { reason?: string };

export function checkPlace(value: unknown, kindergartens: ReadonlyMap<string, string>): Checked<PlaceRecord> {
  if (!isObject(value)) return fail('not_object', undefined, 'line is not a JSON object');
  const c = new LineChecker(value);
  const kindergarten = c.string('kindergarten');
  const group = c.id('group');
  const language = c.oneOf('language', LANGUAGES);
  const groupType = c.oneOf('groupType', GROUP_TYPES);
  if (c.reject) return { ok: false, reject: c.reject };
  const birthYear = field(value, 'birthYear');
  if (!birthYear.present) return fail('missing_field', 'birthYear', 'birthYear is missing');
  if (!Number.isInteger(birthYear.value) || (birthYear.value as number) < 1900 || (birthYear.value as number) > 2200)
    return fail('wrong_type', 'birthYear', 'birthYear must be a year');
  const seats = field(value, 'seats');
  if (!seats.present) return fail('missing_field', 'seats', 'seats is missing');
  if (!Number.isInteger(seats.value) || (seats.value as number) <= 0 || (seats.value as number) > 2_147_483_647)
    return fail('invalid_seats', 'seats', 'seats must be a positive whole number');
  if (!kindergartens.has(kindergarten!)) return fail('unknown_kindergarten', 'kindergarten', `unknown kindergarten ${kindergarten}`);
  const reason = c.string('reason', false);
  if (c.reject) return { ok: false, reject: c.reject };
  return {
    ok: true,
    value: {
      ...(reason !== undefined ? { reason } : {}),
      kindergarten: kindergarten!,
      group: group!,
      birthYear: birthYear.value as number,
      language: language!,
      groupType: groupType!,
      seats: seats.value as number,
    },
  };
}

/** A valid application line: the application as allocation sees it, plus who it is and the line itself. */
export interface ApplicationRecord extends Application {
  childIin: string;
  childName: string | null;
  applicantIin: string;
  applicantName: string | null;
  relation: string | null;
  registeredAt: string;
  /** Whether the line gave a status (else an existing application keeps its own). */
  statusGiven: boolean;
  raw: Record<string, unknown>;
  /** The line exactly as read, when there was one. */
  rawText?: string;
  /** Its line number in the file, when there was one. */
  line?: number;
}

export interface ApplicationContext {
  districts: ReadonlySet<string>;
  /** kindergarten id → its district */
  kindergartens: ReadonlyMap<string, string>;
  maxPreferences: number;
  /** Right categories the rules know. */
  knownRights: ReadonlySet<string>;
}

export function checkApplication(value: unknown, ctx: ApplicationContext): Checked<ApplicationRecord> {
  if (!isObject(value)) return fail('not_object', undefined, 'line is not a JSON object');
  const c = new LineChecker(value);
  const id = c.id('id');
  const childIin = c.string('child.iin');
  const birthDate = c.date('child.birthDate');
  const childName = c.string('child.name', false) ?? null;
  const applicantIin = c.string('applicant.iin');
  const applicantName = c.string('applicant.name', false) ?? null;
  const relation = c.string('applicant.relation', false) ?? null;
  const district = c.string('district');
  const registeredAt = c.string('registeredAt');
  const channel = c.oneOf('channel', CHANNELS);
  const acceptAny = c.boolean('acceptAnyInDistrict', false);
  const language = c.oneOf('language', LANGUAGES);
  const groupType = c.oneOf('groupType', GROUP_TYPES);
  const desiredFrom = c.date('desiredFrom');
  const stopListUntil = c.date('stopListUntil', false) ?? null;
  const status = c.oneOf('status', APPLICATION_STATUSES, 'queued');
  if (c.reject) return { ok: false, reject: c.reject };

  const registeredAtUs = parseInstant(registeredAt);
  if (registeredAtUs === null)
    return fail('invalid_instant', 'registeredAt', 'registeredAt must be an ISO 8601 instant with an offset');

  const prefs = value.preferences;
  if (prefs === undefined || prefs === null) return fail('missing_field', 'preferences', 'preferences is missing');
  if (!Array.isArray(prefs) || !prefs.every(isNonEmptyString)) return fail('wrong_type', 'preferences', 'preferences must be a list of kindergarten ids');
  if (prefs.length === 0 || prefs.length > ctx.maxPreferences)
    return fail('invalid_value', 'preferences', `preferences must list 1 to ${ctx.maxPreferences} kindergartens`);
  if (hasRepeat(prefs as string[])) return fail('repeated_preference', 'preferences', 'a kindergarten is listed twice');

  const rights = parseRights(value.rights, ctx.knownRights);
  if (!Array.isArray(rights)) return { ok: false, reject: rights };

  const childProblem = childIinProblem(childIin, birthDate!);
  if (childProblem) return fail(childProblem, 'child.iin', iinMessage(childProblem, 'child.iin'));
  const applicantProblem = iinProblem(applicantIin);
  if (applicantProblem) return fail(applicantProblem, 'applicant.iin', iinMessage(applicantProblem, 'applicant.iin'));

  if (!ctx.districts.has(district!)) return fail('unknown_district', 'district', `unknown district ${district}`);
  for (let i = 0; i < prefs.length; i++) {
    const kgDistrict = ctx.kindergartens.get(prefs[i] as string);
    if (kgDistrict === undefined) return fail('unknown_kindergarten', `preferences[${i}]`, `unknown kindergarten ${prefs[i]}`);
    if (kgDistrict !== district)
      return fail('preference_outside_district', `preferences[${i}]`, `kindergarten ${prefs[i]} is not in district ${district}`);
  }

  return {
    ok: true,
    value: {
      id: id!,
      district: district!,
      childIin: childIin!,
      birthDate: birthDate!,
      childName,
      applicantIin: applicantIin!,
      applicantName,
      relation,
      registeredAt: registeredAt!,
      registeredAtUs,
      channel: channel!,
      preferences: prefs as string[],
      acceptAnyInDistrict: acceptAny,
      language: language!,
      groupType: groupType!,
      desiredFrom: desiredFrom!,
      stopListUntil,
      rights,
      status: status!,
      statusGiven: 'status' in value && value.status !== null,
      raw: value,
    },
  };
}

/** Whether a short list names a value twice (no Set made for each line). */
function hasRepeat(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) for (let j = 0; j < i; j++) if (list[i] === list[j]) return true;
  return false;
}

function parseRights(value: unknown, known: ReadonlySet<string>): Right[] | Reject {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return { reason: 'wrong_type', field: 'rights', message: 'rights must be a list' };
  const out: Right[] = [];
  for (let i = 0; i < value.length; i++) {
    const r = value[i];
    const path = `rights[${i}]`;
    if (!isObject(r)) return { reason: 'wrong_type', field: path, message: `${path} must be an object` };
    const c = new LineChecker(r);
    const category = c.string('category');
    const document = c.string('document');
    const validUntil = c.date('validUntil');
    if (c.reject) return { ...c.reject, field: `${path}.${c.reject.field}`, message: `${path}.${c.reject.message}` };
    if (!known.has(category!)) return { reason: 'unknown_right', field: `${path}.category`, message: `unknown right category ${category}` };
    out.push({ category: category!, document: document!, validUntil: validUntil! });
  }
  return out;
}

function iinMessage(problem: string, path: string): string {
  switch (problem) {
    case 'iin_format':
      return `${path} must be 12 digits`;
    case 'iin_check_digit':
      return `${path} has a wrong check digit`;
    default:
      return `${path} does not agree with child.birthDate`;
  }
}
