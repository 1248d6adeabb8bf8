import type { Category } from '../domain/types.js';

/**
 * The types of a rule set's words (vocabulary.json), apart from the checker
 * (vocabulary.ts) so that the rule set's type can name them without a cycle.
 */
export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** One name in the three languages (ICU MessageFormat texts). */
export type Labels = Readonly<Record<Lang, string>>;

export interface RightEntry {
  code: string;
  /** The category the right gives: which category rule must name it. */
  tier: Exclude<Category, 'general'>;
  labels: Labels;
}

export interface Vocabulary {
  categories: Readonly<Record<Category, Labels>>;
  /** In the file's order. */
  rights: readonly RightEntry[];
  reasons: ReadonlyMap<string, Labels>;
  rules: ReadonlyMap<string, Labels>;
}

