import type { FactType } from './facts.js';

/**
 * The operators a rule may use: json-rules-engine's built-in comparisons,
 * all pure. kezek adds no custom operators and allows no operator
 * decorators (`not:`, `everyFact:` …), so a rule file can only compare.
 */
export interface OperatorDoc {
  name: string;
  /** The fact types it applies to. */
  factTypes: readonly FactType[];
  /** 'list' when the value is a list (in, notIn); 'item' when it is one element of a list fact. */
  value: 'same' | 'list' | 'item';
  description: string;
}

export const OPERATORS: readonly OperatorDoc[] = [
  { name: 'equal', factTypes: ['integer', 'string', 'boolean'], value: 'same', description: 'fact = value' },
  { name: 'notEqual', factTypes: ['integer', 'string', 'boolean'], value: 'same', description: 'fact ≠ value' },
  { name: 'in', factTypes: ['integer', 'string'], value: 'list', description: 'fact is one of the values' },
  { name: 'notIn', factTypes: ['integer', 'string'], value: 'list', description: 'fact is none of the values' },
  { name: 'lessThan', factTypes: ['integer'], value: 'same', description: 'fact < value' },
  { name: 'lessThanInclusive', factTypes: ['integer'], value: 'same', description: 'fact ≤ value' },
  { name: 'greaterThan', factTypes: ['integer'], value: 'same', description: 'fact > value' },
  { name: 'greaterThanInclusive', factTypes: ['integer'], value: 'same', description: 'fact ≥ value' },
  { name: 'contains', factTypes: ['string[]'], value: 'item', description: 'the list fact contains the value' },
  { name: 'doesNotContain', factTypes: ['string[]'], value: 'item', description: 'the list fact does not contain the value' },
];

export const operatorsFor = (type: FactType): string[] => OPERATORS.filter((o) => o.factTypes.includes(type)).map((o) => o.name);
