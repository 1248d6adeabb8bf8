import type { Category } from '../domain/types.js';
import type { RuleSet } from '../rules/ruleset.js';
import { labelText, messageValues } from '../rules/vocabulary.js';
import { hasMessage, t, type Lang, type MessageKey, type MessageValue } from './messages.js';

/**
 * The words of the rule set in force: names of categories, rights, refusal
 * reasons and rules come from its vocabulary.json (policy data, with the
 * set's parameters filled in), never from code; the parameters themselves
 * (deadlines, quota, age limit) are quoted in the catalogues' texts.
 */
export type Words = Pick<RuleSet, 'vocabulary' | 'parameters'>;

/** Texts in one language with one rule set's words. */
export class Speaker {
  constructor(
    readonly lang: Lang,
    readonly words: Words,
  ) {}

  /** A catalogue message with the set's parameters available as values (`{confirmWorkingDays}`, `{quotaPrimary}`, …). */
  t(key: MessageKey, values: Record<string, MessageValue> = {}): string {
    return t(this.lang, key, { ...messageValues(this.words.parameters), ...values });
  }

  /** A message key made at run time (a fact or a verdict), when the catalogue has it. */
  has(key: string): key is MessageKey {
    return hasMessage(key);
  }

  category(c: Category): string {
    return labelText(this.words.vocabulary.categories[c], this.lang, this.words.parameters, c);
  }

  right(code: string): string {
    return labelText(this.words.vocabulary.rights.find((r) => r.code === code)?.labels, this.lang, this.words.parameters, code);
  }

  reason(code: string): string {
    return labelText(this.words.vocabulary.reasons.get(code), this.lang, this.words.parameters, code);
  }

  rule(name: string): string {
    return labelText(this.words.vocabulary.rules.get(name), this.lang, this.words.parameters, name);
  }

  /** Items joined as the language joins a list ("a, b and c"). */
  list(items: readonly string[]): string {
    return new Intl.ListFormat(this.lang, { type: 'conjunction', style: 'long' }).format(items);
  }

  rights(codes: readonly string[]): string {
    return this.list(codes.map((c) => this.right(c)));
  }

  reasons(codes: readonly string[]): string {
    return codes.length ? codes.map((c) => this.reason(c)).join('; ') : this.t('common.noReason');
  }
}
