import { LIFECYCLE_PARAMETERS } from './ruleset.js';
import { FACTS, type FactDoc } from './facts.js';
import { OPERATORS, operatorsFor } from './operators.js';

/**
 * JSON Schemas (draft-07) of the rule files, built from the fact and
 * operator tables so they can never disagree with the code. The shipped
 * copies in `rules/schema/` are what editors use; a test checks they equal
 * these (`npm run rules:schema` rewrites them).
 */

export const RULE_FILES = ['ruleset.json', 'parameters.json', 'eligibility.json', 'categories.json'] as const;
export type RuleFile = (typeof RULE_FILES)[number];

/** Parameters a rule may compare against with {"fact": "parameters", "path": "$.name"}. */
export const NUMERIC_PARAMETERS = ['maxAgeYears', 'minAgeMonths', 'maxPreferences', 'confirmWorkingDays'] as const;

/** Each file's schema is named after it: eligibility.json → eligibility.schema.json. */
export const schemaFileOf = (file: string): string => file.replace(/\.json$/, '.schema.json');

const DRAFT = 'http://json-schema.org/draft-07/schema#';
const NAME = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$', description: 'lower_snake_case' };
const CODE = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' };
const PARAM_REF = {
  type: 'object',
  description: 'a rule parameter, e.g. {"fact": "parameters", "path": "$.maxAgeYears"}',
  required: ['fact', 'path'],
  additionalProperties: false,
  properties: { fact: { const: 'parameters' }, path: { enum: NUMERIC_PARAMETERS.map((p) => `$.${p}`) } },
};
const LIST_OPERATORS = OPERATORS.filter((o) => o.value === 'list').map((o) => o.name);

function scalarOf(f: FactDoc): Record<string, unknown> {
  if (f.type === 'integer') return { type: 'integer' };
  if (f.type === 'boolean') return { type: 'boolean' };
  if (f.values) return { type: 'string', enum: [...f.values] };
  return { type: 'string', minLength: 1, maxLength: 100 };
}

/** What `value` must be for one fact, depending on the operator. */
function typedCondition(f: FactDoc): Record<string, unknown> {
  const ops = operatorsFor(f.type);
  const operator = { operator: { enum: ops } };
  let then: Record<string, unknown>;
  if (f.type === 'string[]') then = { properties: { ...operator, value: CODE } };
  else {
    const scalar = scalarOf(f);
    const single = f.type === 'integer' ? { if: { type: 'object' }, then: PARAM_REF, else: scalar } : scalar;
    then = {
      properties: operator,
      if: { required: ['operator'], properties: { operator: { enum: LIST_OPERATORS } } },
      then: { properties: { value: { type: 'array', minItems: 1, maxItems: 200, items: scalar } } },
      else: { properties: { value: single } },
    };
  }
  return {
    if: { required: ['fact'], properties: { fact: { const: f.name } } },
    then,
  };
}

const boolNode = (key: 'all' | 'any' | 'not', inner: unknown) => ({
  required: [key],
  additionalProperties: false,
  properties: { [key]: inner },
});

function conditionDefinitions(): Record<string, unknown> {
  const list = { type: 'array', minItems: 1, maxItems: 100, items: { $ref: '#/definitions/condition' } };
  const one = { $ref: '#/definitions/condition' };
  const chain = (last: unknown) => ({
    type: 'object',
    if: { required: ['all'] },
    then: boolNode('all', list),
    else: {
      if: { required: ['any'] },
      then: boolNode('any', list),
      else: { if: { required: ['not'] }, then: boolNode('not', one), else: last },
    },
  });
  const facts = FACTS.filter((f) => f.type !== 'object');
  return {
    conditions: { description: 'the rule fires when these hold: {"all": […]}, {"any": […]} or {"not": {…}}', ...chain(false) },
    condition: chain({ $ref: '#/definitions/factCondition' }),
    factCondition: {
      type: 'object',
      description: 'compare one fact with a value',
      required: ['fact', 'operator', 'value'],
      additionalProperties: false,
      properties: {
        fact: { enum: facts.map((f) => f.name), description: 'a fact of the vocabulary (`kezek rules facts`)' },
        operator: { enum: OPERATORS.map((o) => o.name) },
        value: {},
      },
      allOf: facts.map(typedCondition),
    },
  };
}

function ruleFileSchema(title: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    $schema: DRAFT,
    title,
    type: 'object',
    required: ['rules'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      description: { type: 'string' },
      rules: { type: 'array', maxItems: 100, items: { $ref: '#/definitions/rule' } },
    },
    definitions: {
      rule: {
        type: 'object',
        required: ['name', 'conditions', 'event'],
        additionalProperties: false,
        properties: {
          name: NAME,
          description: { type: 'string' },
          conditions: { $ref: '#/definitions/conditions' },
          event,
        },
      },
      ...conditionDefinitions(),
    },
  };
}

const intIn = (minimum: number, maximum: number, description: string) => ({ type: 'integer', minimum, maximum, description });

const NAMES = {
  type: 'object',
  description: 'a name in kk, ru and en (ICU MessageFormat; may use a rule parameter, e.g. {maxAgeYears})',
  required: ['kk', 'ru', 'en'],
  additionalProperties: false,
  properties: { kk: { type: 'string', minLength: 1, maxLength: 500 }, ru: { type: 'string', minLength: 1, maxLength: 500 }, en: { type: 'string', minLength: 1, maxLength: 500 } },
};

export function ruleSchemas(): Record<RuleFile | 'tests' | 'vocabulary.json', Record<string, unknown>> {
  return {
    'vocabulary.json': {
      $schema: DRAFT,
      title: 'kezek vocabulary: the rights with their tiers, and the names people read in kk, ru and en',
      type: 'object',
      required: ['categories', 'rights', 'reasons', 'rules'],
      additionalProperties: false,
      properties: {
        $schema: { type: 'string' },
        description: { type: 'string' },
        categories: { type: 'object', required: ['extraordinary', 'primary', 'general'], additionalProperties: false, properties: { extraordinary: NAMES, primary: NAMES, general: NAMES } },
        rights: {
          type: 'object',
          description: 'every right code, once: its tier and its names',
          propertyNames: { pattern: '^[a-z][a-z0-9_]{0,63}$' },
          additionalProperties: {
            type: 'object',
            required: ['tier', 'kk', 'ru', 'en'],
            additionalProperties: false,
            properties: { tier: { enum: ['extraordinary', 'primary'] }, kk: NAMES.properties.kk, ru: NAMES.properties.ru, en: NAMES.properties.en },
          },
        },
        reasons: { type: 'object', description: 'the name of each refusal reason an eligibility rule gives', additionalProperties: NAMES },
        rules: { type: 'object', description: 'the name of each rule', additionalProperties: NAMES },
      },
    },
    'ruleset.json': {
      $schema: DRAFT,
      title: 'kezek rule set: version and the date it applies from',
      type: 'object',
      required: ['version', 'effectiveFrom'],
      additionalProperties: false,
      properties: {
        $schema: { type: 'string' },
        version: { type: 'string', pattern: '^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$', description: 'e.g. 2026.1' },
        effectiveFrom: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'first day the set is in force, YYYY-MM-DD' },
        description: { type: 'string' },
      },
    },
    'parameters.json': {
      $schema: DRAFT,
      title: 'kezek rule parameters',
      type: 'object',
      required: ['maxAgeYears', 'minAgeMonths', 'primaryQuota', 'maxPreferences', 'confirmWorkingDays', ...LIFECYCLE_PARAMETERS],
      additionalProperties: false,
      properties: {
        $schema: { type: 'string' },
        description: { type: 'string' },
        maxAgeYears: intIn(1, 10, 'a child this old or older at the date is refused (age_limit)'),
        minAgeMonths: intIn(0, 84, 'a child younger than this many full months is refused (too_young)'),
        primaryQuota: {
          type: 'array',
          description: '[primary, general] referrals per cohort, e.g. [1, 3]; not [0, 0]',
          minItems: 2,
          maxItems: 2,
          items: { type: 'integer', minimum: 0, maximum: 100 },
          not: { const: [0, 0] },
        },
        maxPreferences: intIn(1, 10, 'most kindergartens an application may list'),
        confirmWorkingDays: intIn(1, 30, 'working days to confirm an offer'),
        enrollWorkingDays: intIn(1, 60, 'working days to bring documents and sign the contract after confirming'),
        extensionCalendarDays: intIn(1, 90, 'calendar days the enrolment deadline may be extended, once'),
        proofWorkingDays: intIn(1, 60, 'working days to prove a priority right in person'),
        stopListDays: intIn(1, 90, 'calendar days on the stop list after a right was not proven'),
        restoreCalendarDays: intIn(1, 365, 'calendar days an inactive application may be restored, once'),
        complaintProviderWorkingDays: intIn(1, 60, 'working days to answer a complaint at the provider or the State Corporation'),
        complaintAuthorityWorkingDays: intIn(1, 90, 'working days to answer a complaint at the quality assessment authority'),
      },
    },
    'eligibility.json': ruleFileSchema('kezek eligibility rules: each rule that fires refuses with its reason', {
      type: 'object',
      required: ['type', 'params'],
      additionalProperties: false,
      properties: {
        type: { const: 'refuse' },
        params: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: CODE } },
      },
    }),
    'categories.json': ruleFileSchema('kezek priority categories: the lowest rank that fires wins', {
      type: 'object',
      required: ['type', 'params'],
      additionalProperties: false,
      properties: {
        type: { const: 'category' },
        params: {
          type: 'object',
          required: ['category', 'rank'],
          additionalProperties: false,
          properties: { category: { enum: ['extraordinary', 'primary'] }, rank: intIn(1, 20, '1 is served first') },
        },
      },
    }),
    tests: ruleTestSchema(),
  };
}

function ruleTestSchema(): Record<string, unknown> {
  const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
  return {
    $schema: DRAFT,
    title: 'kezek rule tests: an application and a date, and what the rules must decide',
    type: 'object',
    required: ['tests'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      description: { type: 'string' },
      tests: {
        type: 'array',
        minItems: 1,
        maxItems: 500,
        items: {
          type: 'object',
          required: ['name', 'date', 'application', 'expect'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1 },
            date,
            application: {
              type: 'object',
              description: 'fields of an application (formats.md); omitted ones get harmless defaults',
              required: ['birthDate'],
              additionalProperties: false,
              properties: {
                birthDate: date,
                district: { type: 'string' },
                registeredAt: { type: 'string' },
                channel: { enum: ['portal', 'office', 'govcorp'] },
                preferences: { type: 'array', items: { type: 'string' }, maxItems: 10 },
                acceptAnyInDistrict: { type: 'boolean' },
                language: { enum: ['kk', 'ru'] },
                groupType: { enum: ['general', 'special'] },
                desiredFrom: date,
                stopListUntil: date,
                status: { type: 'string' },
                rights: {
                  type: 'array',
                  maxItems: 20,
                  items: {
                    type: 'object',
                    required: ['category', 'validUntil'],
                    additionalProperties: false,
                    properties: { category: { type: 'string' }, document: { type: 'string' }, validUntil: date },
                  },
                },
              },
            },
            expect: {
              type: 'object',
              additionalProperties: false,
              minProperties: 1,
              properties: {
                eligible: { type: 'boolean' },
                reasons: { type: 'array', items: { type: 'string' } },
                category: { enum: ['extraordinary', 'primary', 'general'] },
                rights: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
