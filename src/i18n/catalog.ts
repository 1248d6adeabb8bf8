import type { Category } from '../domain/types.js';
import type { PlaceVerdict } from '../online/explain.js';

export { LANGS, type Lang } from './messages.js';

/** The words and sentences of an explanation in one language. */

export interface Catalog {
  category: Record<Category, string>;
  /** Refusal reasons; an unknown reason is shown as its code. */
  reason: Record<string, string>;
  /** Right categories; an unknown right is shown as its code. */
  right: Record<string, string>;
  /** Fact names as people say them; an unknown fact is shown as its name. */
  fact: Record<string, string>;
  operator: Record<string, string>;
  groupType: Record<string, string>;
  place: Record<PlaceVerdict, (p: { year: number; lang: string; type: string }) => string>;
  yes: string;
  no: string;
  notChecked: string;
  title: (id: string, date: string) => string;
  rulesUsed: (version: string, hash: string) => string;
  rulesHeader: string;
  fired: (name: string, gives: string) => string;
  notFired: (name: string, gives: string) => string;
  /** After a category rule that fired but lost to a better-ranked one. */
  outranked: (by: string) => string;
  givesRefusal: (reason: string) => string;
  givesCategory: (category: string) => string;
  condition: (fact: string, actual: string, op: string, value: string, result: string) => string;
  eligible: (date: string) => string;
  refused: (reasons: string) => string;
  categoryLine: (category: string, rights: string) => string;
  rightsList: (list: string) => string;
  expired: (list: string) => string;
  status: (status: string) => string;
  referral: (r: { id: string; kindergarten: string; group: string; issuedOn: string; confirmBy: string; status: string; rank: number }) => string;
  queue: (n: number, size: number, year: number, district: string) => string;
  ahead: (e: number, p: number, g: number) => string;
  stored: (runDate: string, n: number, version: string) => string;
  missingRules: (hash: string) => string;
  waitingFrom: (date: string) => string;
  stopList: (date: string) => string;
  preferencesHeader: string;
  preference: (rank: number, kindergarten: string, why: string) => string;
  anyInDistrict: (why: string) => string;
  noAnyInDistrict: string;
}
