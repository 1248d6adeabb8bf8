/**
 * Where a JSON text stops being JSON, as an offset: Node 20's JSON.parse
 * names the position for most mistakes but not for an unexpected token
 * ("Unexpected token '}', "…" is not valid JSON"), and policy staff need the
 * line and column of every mistake. A scanner of the JSON grammar, without
 * recursion (a file may nest deeply). Pure. -1 when the text is valid JSON.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: string[] = [];
  let i = 0;
  // value: a value is due; firstValue: after '[' (a value or ']'); firstKey: after '{' (a key or '}'); key; colon; next: ',' or the closing bracket; done.
  let state: 'value' | 'firstValue' | 'firstKey' | 'key' | 'colon' | 'next' | 'done' = 'value';
  const afterValue = () => (stack.length ? 'next' : 'done');
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) return state === 'done' ? -1 : n;
    const ch = text[i]!;
    switch (state) {
      case 'done':
        return i;
      case 'colon':
        if (ch !== ':') return i;
        i++;
        state = 'value';
        break;
      case 'next': {
        const close = stack[stack.length - 1] === '{' ? '}' : ']';
        if (ch === ',') {
          i++;
          state = close === '}' ? 'key' : 'value';
        } else if (ch === close) {
          stack.pop();
          i++;
          state = afterValue();
        } else return i;
        break;
      }
      case 'firstKey':
      case 'key': {
        if (state === 'firstKey' && ch === '}') {
          stack.pop();
          i++;
          state = afterValue();
          break;
        }
        if (ch !== '"') return i;
        const end = stringEnd(text, i);
        if (end < 0) return -end - 1;
        i = end;
        state = 'colon';
        break;
      }
      default: {
        if (state === 'firstValue' && ch === ']') {
          stack.pop();
          i++;
          state = afterValue();
          break;
        }
        if (ch === '{' || ch === '[') {
          stack.push(ch);
          i++;
          state = ch === '{' ? 'firstKey' : 'firstValue';
          break;
        }
        const end = ch === '"' ? stringEnd(text, i) : ch === '-' || (ch >= '0' && ch <= '9') ? numberEnd(text, i) : literalEnd(text, i);
        if (end < 0) return -end - 1;
        i = end;
        state = afterValue();
      }
    }
  }
}

/** The end of a string starting at `at` (its opening quote), or -(offset + 1) of the mistake. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i - 1;
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === undefined) return -text.length - 1;
      if (e === 'u') {
        for (let k = i + 2; k < i + 6; k++) if (!/[0-9a-fA-F]/.test(text[k] ?? '')) return -Math.min(k, text.length) - 1;
        i += 5;
      } else if ('"\\/bfnrt'.includes(e)) i++;
      else return -(i + 1) - 1;
    }
  }
  return -text.length - 1;
}

/** The end of a number starting at `at`, or -(offset + 1) of the mistake. */
function numberEnd(text: string, at: number): number {
  let i = at;
  const digits = () => {
    const from = i;
    while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
    return i > from;
  };
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (!digits()) return -i - 1;
  if (text[i] === '.') {
    i++;
    if (!digits()) return -i - 1;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!digits()) return -i - 1;
  }
  return i;
}

/** The end of true, false or null starting at `at`, or -(offset + 1) of the first wrong character. */
function literalEnd(text: string, at: number): number {
  const word = text[at] === 't' ? 'true' : text[at] === 'f' ? 'false' : text[at] === 'n' ? 'null' : null;
  if (!word) return -at - 1;
  for (let k = 0; k < word.length; k++) if (text[at + k] !== word[k]) return -(at + k) - 1;
  return at + word.length;
}
