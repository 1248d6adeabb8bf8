/**
 * Makes one good application at a time, as formats.md writes it, with the
 * shares a district department's queue shows (see the tables below).
 */
import { makeIin } from '../domain/iin.js';
import { dateFromDayNumber, dayNumber, daysInMonth } from '../domain/dates.js';
import type { ApplicationStatus, Channel, GroupType, Language } from '../domain/types.js';
import type { ApplicationJson, Relation } from './options.js';
import { cumulativeWeights, type DatasetPlan, type DistrictPlan, type KindergartenPlan } from './plan.js';
import { weightedTable, type Random } from './random.js';
import { KAZAKH_NAMES, RUSSIAN_NAMES, surname, type NameSet } from './vocabulary.js';


type Boundary = 'seventh_birthday' | 'day_before_seventh' | 'twelve_months' | 'twelve_months_less_a_day';

const CHANNELS = weightedTable<Channel>([['portal', 70], ['office', 15], ['govcorp', 15]]);
const RELATIONS = weightedTable<Relation>([['mother', 74], ['father', 21], ['guardian', 5]]);
const STATUSES = weightedTable<ApplicationStatus>([['queued', 98], ['offered', 1], ['enrolled', 1]]);
const PREFERENCE_COUNTS = weightedTable([[1, 20], [2, 30], [3, 50]]);
/** Age in full years at the date of children aged 1 to 6: toddlers wait longest. */
const AGES = weightedTable([[1, 20], [2, 24], [3, 22], [4, 16], [5, 10], [6, 8]]);
const EXTRAORDINARY = weightedTable([['military', 70], ['special_state_body', 30]]);
const PRIMARY = weightedTable([
  ['large_family', 50],
  ['teacher', 16],
  ['disability', 10],
  ['special_needs', 9],
  ['parent_disability', 8],
  ['without_parental_care', 4],
  ['orphan', 3],
]);
const DOCUMENT_PREFIX: Readonly<Record<string, string>> = {
  military: 'VCH',
  special_state_body: 'SGO',
  large_family: 'ANP',
  teacher: 'PED',
  disability: 'MSE',
  special_needs: 'PMPK',
  parent_disability: 'MSE',
  without_parental_care: 'OPK',
  orphan: 'OPK',
};
/** Applications 3–6 of every district get these birthdays, so each district has the age edges. */
const FORCED_BOUNDARIES: readonly Boundary[] = ['seventh_birthday', 'day_before_seventh', 'twelve_months', 'twelve_months_less_a_day'];
const OFFSETS = ['+05:00', '+06:00', 'Z'] as const;
const OFFSET_SECONDS = [5 * 3600, 6 * 3600, 0] as const;
/** Kazakhstan moved to one zone, UTC+05:00, at 00:00 on 1 March 2024 (the east had been UTC+06:00). */
const SINGLE_ZONE_DAY = dayNumber('2024-03-01');

/** The date `years` years before `date`, 29 February falling back to the 28th. */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const m = Number(date.slice(5, 7));
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${date.slice(5, 7)}-${String(d).padStart(2, '0')}`;
}

interface DistrictPools {
  readonly all: readonly KindergartenPlan[];
  readonly allWeights: Float64Array;
  readonly byLanguage: Record<Language, { kgs: readonly KindergartenPlan[]; weights: Float64Array }>;
}

interface Surnames {
  readonly names: NameSet;
  /** [masculine, feminine] forms. */
  readonly surnames: readonly (readonly [string, string])[];
}

/** Makes one good application at a time; keeps only per-district last instants and IIN serials. */
export class ApplicationFactory {
  private readonly dateDay: number;
  private readonly date: string;
  private readonly pools: DistrictPools[];
  private readonly ageWindows: readonly (readonly [number, number])[];
  private readonly oldWindow: readonly [number, number];
  private readonly registrationStart: number;
  private readonly boundaryDays: Record<Boundary, number>;
  private readonly nextSerial = new Map<number, number>();
  private readonly lastInstant: Float64Array;
  private readonly lastOffset: Int8Array;
  private readonly wantsSameInstant: Uint8Array;
  private readonly kazakh: Surnames = withForms(KAZAKH_NAMES);
  private readonly russian: Surnames = withForms(RUSSIAN_NAMES);

  constructor(
    plan: DatasetPlan,
    date: string,
    readonly rnd: Random,
  ) {
    this.date = date;
    this.dateDay = dayNumber(date);
    this.pools = plan.districts.map((d) => pools(d.kindergartens));
    const before = (years: number): number => dayNumber(yearsBefore(date, years));
    // Age a in full years at the date: born after `a + 1` years before it, at most `a` years before it.
    this.ageWindows = [0, 1, 2, 3, 4, 5, 6].map((a) => [before(a + 1) + 1, before(a)] as const);
    this.oldWindow = [before(8) + 1, before(7)];
    this.registrationStart = before(4);
    this.boundaryDays = {
      seventh_birthday: before(7),
      day_before_seventh: before(7) + 1,
      twelve_months: before(1),
      twelve_months_less_a_day: before(1) + 1,
    };
    const n = plan.districts.length;
    this.lastInstant = new Float64Array(n).fill(Number.NaN);
    this.lastOffset = new Int8Array(n);
    this.wantsSameInstant = new Uint8Array(n);
  }

  /** `ordinal` is the application's position within its district (-1: none, no forced edge cases). */
  make(d: DistrictPlan, id: string, ordinal: number): ApplicationJson {
    const rnd = this.rnd;
    const birthDay = this.birthDay(ordinal >= 2 && ordinal < 2 + FORCED_BOUNDARIES.length ? FORCED_BOUNDARIES[ordinal - 2]! : null);
    const birthDate = dayString(birthDay);
    const female = rnd.chance(0.49);
    const names = rnd.chance(d.region.kazakhShare) ? this.kazakh : this.russian;
    const family = rnd.pick(names.surnames);
    const childName = `${rnd.pick(female ? names.names.girls : names.names.boys)} ${family[female ? 1 : 0]}`;

    const rights = this.rights();
    const cared = rights.some((r) => r.category === 'orphan' || r.category === 'without_parental_care');
    const relation = cared ? 'guardian' : rnd.draw(RELATIONS);
    const applicantFemale = relation === 'mother' || (relation === 'guardian' && rnd.chance(0.7));
    const applicantSurname =
      relation === 'father' || (relation === 'mother' && rnd.chance(0.8)) ? family : rnd.pick(names.surnames);
    const applicantName = `${rnd.pick(applicantFemale ? names.names.women : names.names.men)} ${applicantSurname[applicantFemale ? 1 : 0]}`;

    // A child born in the last two days can only have been registered on the portal (offices may be closed).
    const channel = birthDay >= this.dateDay - 2 ? 'portal' : rnd.draw(CHANNELS);
    if (ordinal === 1) this.wantsSameInstant[d.index] = 1;
    const { registeredAt, localDay } = this.registeredAt(d, birthDay, channel);
    const kazakhFamily = names === this.kazakh;
    const language: Language = rnd.chance(kazakhFamily ? 0.85 : 0.15) ? 'kk' : 'ru';
    const needsSpecial = rights.some((r) => r.category === 'special_needs' || r.category === 'disability');
    const groupType: GroupType = rnd.chance(needsSpecial ? 0.45 : 0.02) ? 'special' : 'general';
    const preferences = this.preferences(this.pools[d.index]!, language);
    const acceptAnyInDistrict = rnd.chance(0.35);
    const desiredFrom = this.desiredFrom(localDay);
    const stopListUntil = rnd.chance(0.01) ? this.nearDate() : null;
    const app: ApplicationJson = {
      id,
      child: { iin: this.childIin(birthDay, birthDate, female), birthDate, name: childName },
      applicant: { iin: this.adultIin(birthDate, applicantFemale), name: applicantName, relation },
      district: d.id,
      registeredAt,
      channel,
      preferences,
      acceptAnyInDistrict,
      language,
      groupType,
      desiredFrom,
      rights,
      status: rnd.draw(STATUSES),
    };
    if (stopListUntil !== null) app.stopListUntil = stopListUntil;
    return app;
  }

  private birthDay(boundary: Boundary | null): number {
    const rnd = this.rnd;
    if (boundary) return this.boundaryDays[boundary];
    const r = rnd.next();
    if (r < 0.02) return rnd.between(this.oldWindow[0], this.oldWindow[1]); // 7 or older: age_limit
    if (r < 0.04) return this.dateDay - rnd.between(1, 360); // under 12 months: too_young
    if (r < 0.0404) return this.boundaryDays[FORCED_BOUNDARIES[rnd.int(FORCED_BOUNDARIES.length)]!];
    const [lo, hi] = this.ageWindows[rnd.draw(AGES)]!;
    return rnd.between(lo, hi);
  }

  /** Valid, agrees with the birth date, and unique per birth date and sex (serials counted up). */
  private childIin(birthDay: number, birthDate: string, female: boolean): string {
    const key = birthDay * 2 + (female ? 1 : 0);
    const serial = this.nextSerial.get(key) ?? this.rnd.int(3000);
    const iin = makeIin(birthDate, female ? 'female' : 'male', serial);
    this.nextSerial.set(key, Number(iin.slice(7, 11)) + this.rnd.between(1, 9));
    return iin;
  }

  /** An adult born 1975–2002, at least 18 at the child's birth where that range allows. */
  private adultIin(childBirthDate: string, female: boolean): string {
    const hi = Math.max(1975, Math.min(2002, Number(childBirthDate.slice(0, 4)) - 18));
    const year = this.rnd.between(1975, hi);
    const day = firstOfJanuary(year) + this.rnd.int(365);
    return makeIin(dayString(day), female ? 'female' : 'male', this.rnd.int(10000));
  }

  private rights(): ApplicationJson['rights'] {
    const rnd = this.rnd;
    const r = rnd.next();
    if (r >= 0.17) return [];
    const first = r < 0.02 ? rnd.draw(EXTRAORDINARY) : rnd.draw(PRIMARY);
    const out = [this.right(first)];
    if (rnd.chance(0.06)) {
      const second = rnd.draw(PRIMARY);
      if (second !== first) out.push(this.right(second));
    }
    return out;
  }

  private right(category: string): ApplicationJson['rights'][number] {
    const rnd = this.rnd;
    let validUntil: number;
    if (rnd.chance(0.15)) validUntil = rnd.chance(0.08) ? this.dateDay - 1 : this.dateDay - rnd.between(2, 900);
    else validUntil = rnd.chance(0.04) ? this.dateDay : this.dateDay + rnd.between(1, 1100);
    return { category, document: `${DOCUMENT_PREFIX[category]}-${rnd.between(10000, 99999)}`, validUntil: dayString(validUntil) };
  }

  /**
   * Spread over the four years before the date, after the birth, in the channel's
   * opening hours, written in the district's local offset (sometimes in UTC).
   * Now and then the previous instant of the district again, in another offset.
   */
  private registeredAt(d: DistrictPlan, birthDay: number, channel: Channel): { registeredAt: string; localDay: number } {
    const rnd = this.rnd;
    const i = d.index;
    const last = this.lastInstant[i]!;
    // Only portal applications take a repeated instant: it may fall outside office hours.
    if (channel === 'portal' && (this.wantsSameInstant[i] || rnd.chance(0.005)) && last >= (birthDay + 1) * 86400) {
      this.wantsSameInstant[i] = 0;
      const offset = (this.lastOffset[i]! + 1 + rnd.int(2)) % 3;
      this.lastOffset[i] = offset;
      return { registeredAt: formatInstant(last, offset), localDay: Math.floor((last + 5 * 3600) / 86400) };
    }
    const lo = Math.max(this.registrationStart, birthDay);
    const hi = this.dateDay - 1;
    let day = rnd.between(lo, hi);
    let seconds: number;
    if (channel === 'portal') {
      seconds = rnd.chance(0.9) ? rnd.between(7 * 3600, 24 * 3600 - 1) : rnd.int(7 * 3600);
    } else {
      // Offices: Mon–Fri 09:00–17:30 with lunch 13:00–14:30; the State Corporation: Mon–Sat 09:00–20:00.
      const weekday = (((day + 4) % 7) + 7) % 7;
      const closed = weekday === 0 || (weekday === 6 && channel === 'office');
      if (closed) {
        const back = weekday === 6 || channel === 'govcorp' ? 1 : 2; // to the last open day
        const ahead = weekday === 0 ? 1 : 2; // or on to Monday
        day = day - back >= lo ? day - back : Math.min(hi, day + ahead);
      }
      if (channel === 'office') {
        const minute = rnd.int(420);
        seconds = (540 + minute + (minute >= 240 ? 90 : 0)) * 60 + rnd.int(60);
      } else {
        seconds = rnd.between(9 * 3600, 20 * 3600 - 1);
      }
    }
    const zone = d.region.east && day < SINGLE_ZONE_DAY ? 1 : 0;
    const instant = day * 86400 + seconds - OFFSET_SECONDS[zone];
    const offset = rnd.chance(0.05) ? 2 : zone;
    this.lastInstant[i] = instant;
    this.lastOffset[i] = offset;
    return { registeredAt: formatInstant(instant, offset), localDay: day };
  }

  private preferences(pool: DistrictPools, language: Language): string[] {
    const rnd = this.rnd;
    const count = Math.min(rnd.draw(PREFERENCE_COUNTS), pool.all.length);
    const out: string[] = [];
    const ofLanguage = pool.byLanguage[language];
    while (out.length < count) {
      // Most parents list kindergartens that teach in their language.
      const useLanguage = ofLanguage.kgs.length > out.length && rnd.chance(0.9);
      const kgs = useLanguage ? ofLanguage.kgs : pool.all;
      const weights = useLanguage ? ofLanguage.weights : pool.allWeights;
      let id = '';
      for (let tries = 0; tries < 8 && (id === '' || out.includes(id)); tries++) id = kgs[rnd.weightedIndex(weights)]!.id;
      if (out.includes(id)) id = pool.all.find((k) => !out.includes(k.id))!.id;
      out.push(id);
    }
    return out;
  }

  /** Mostly a day between registration and the date; a tenth in the coming year. */
  private desiredFrom(registeredDay: number): string {
    const rnd = this.rnd;
    const d = this.dateDay;
    if (rnd.chance(0.1)) {
      const r = rnd.next();
      if (r < 0.1) return dayString(d + 1);
      if (r < 0.45) return nextFirstOfSeptember(this.date);
      return dayString(d + rnd.between(2, 365));
    }
    if (rnd.chance(0.06)) return this.date;
    return dayString(rnd.between(Math.min(registeredDay, d), d));
  }

  /** A stop-list end near the date: before it, on it, or after it. */
  private nearDate(): string {
    const r = this.rnd.next();
    if (r < 0.15) return this.date;
    if (r < 0.25) return dayString(this.dateDay - 1);
    return dayString(this.dateDay + this.rnd.between(-30, 30));
  }
}

function pools(kgs: readonly KindergartenPlan[]): DistrictPools {
  const byLanguage = (lang: Language): { kgs: KindergartenPlan[]; weights: Float64Array } => {
    const list = kgs.filter((k) => k.languages.includes(lang));
    return { kgs: list, weights: cumulativeWeights(list, (k) => k.popularity) };
  };
  return { all: kgs, allWeights: cumulativeWeights(kgs, (k) => k.popularity), byLanguage: { kk: byLanguage('kk'), ru: byLanguage('ru') } };
}

function withForms(names: NameSet): Surnames {
  return { names, surnames: names.surnames.map((s) => [surname(s, false), surname(s, true)] as const) };
}

/** `instant` in seconds since the epoch (UTC), written with OFFSETS[offset] (to the second). */
function formatInstant(instant: number, offset: number): string {
  const local = instant + OFFSET_SECONDS[offset as 0 | 1 | 2];
  const day = Math.floor(local / 86400);
  let rest = local - day * 86400;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  return `${dayString(day)}T${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[rest - m * 60]}${OFFSETS[offset as 0 | 1 | 2]}`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** Day strings by day number: each generated line writes several dates, and Date formatting is slow. */
const DAY_STRINGS: string[] = new Array<string>(100_000).fill('');

function dayString(day: number): string {
  if (day < 0 || day >= DAY_STRINGS.length) return dateFromDayNumber(day);
  return DAY_STRINGS[day] || (DAY_STRINGS[day] = dateFromDayNumber(day));
}

/** Day number of 1 January of `year` (proleptic Gregorian, no Date object). */
function firstOfJanuary(year: number): number {
  const y = year - 1;
  return 365 * (year - 1970) + (Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) - 477;
}

function nextFirstOfSeptember(date: string): string {
  const y = Number(date.slice(0, 4));
  return date < `${y}-09-01` ? `${y}-09-01` : `${y + 1}-09-01`;
}
