/** Which rights a category rule names, and where: the link between the rule files and vocabulary.json. Pure. */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The right categories a rule tests with `{"fact": "validRights", "operator": "contains", "value": …}`. */
export function rightsNamed(conditions: unknown): string[] {
  return [...new Set(rightConditions(conditions).map((c) => c.code))];
}

/** Each `validRights contains "code"` comparison of a rule, with its path from the rule (`conditions.any[5]`), in file order. */
export function rightConditions(conditions: unknown, path = 'conditions'): { code: string; path: string }[] {
  const out: { code: string; path: string }[] = [];
  const walk = (node: unknown, at: string): void => {
    if (!isObject(node)) return;
    if (node.fact === 'validRights' && node.operator === 'contains' && typeof node.value === 'string') out.push({ code: node.value, path: at });
    for (const key of ['all', 'any'] as const) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((c, i) => walk(c, `${at}.${key}[${i}]`));
    if ('not' in node) walk(node.not, `${at}.not`);
  };
  walk(conditions, path);
  return out;
}

const RIGHT_FACTS = new Set(['validRights', 'expiredRights']);

/**
 * Every right code a rule compares `validRights` or `expiredRights` with, by
 * any operator (one code or a list), with the path of the code from the rule
 * (`conditions.any[2].value`, `conditions.all[0].value[1]`): each must be a
 * declared right, whatever the comparison.
 */
export function rightMentions(conditions: unknown, path = 'conditions'): { code: string; path: string }[] {
  const out: { code: string; path: string }[] = [];
  const walk = (node: unknown, at: string): void => {
    if (!isObject(node)) return;
    if (typeof node.fact === 'string' && RIGHT_FACTS.has(node.fact)) {
      if (typeof node.value === 'string') out.push({ code: node.value, path: `${at}.value` });
      else if (Array.isArray(node.value)) node.value.forEach((v, i) => typeof v === 'string' && out.push({ code: v, path: `${at}.value[${i}]` }));
    }
    for (const key of ['all', 'any'] as const) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((c, i) => walk(c, `${at}.${key}[${i}]`));
    if ('not' in node) walk(node.not, `${at}.not`);
  };
  walk(conditions, path);
  return out;
}
