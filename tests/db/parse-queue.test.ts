import { describe, expect, it } from 'vitest';
import { copyText } from '../../src/codec/copy.js';
import { parseQueue } from '../../src/codec/queue.js';

/** One queued application as readDistrictRaw's COPY columns give it. */
const row = (id: string, preferences: string[], rights = '[]') => [
  id, '2022-03-03', '1733541453000000', 'portal', preferences.join('\u001f'), 't', 'kk', 'general', '2025-11-11', null, rights,
];

describe('parseQueue', () => {
  it('reads ASCII and non-ASCII queues alike (ids, preferences and rights as written)', () => {
    const ascii = Buffer.from(copyText([row('APP-1', ['KG-1', 'KG-2']), row('APP-2', ['KG-3'], '[{"category":"disability"}]')]));
    const [a, b] = parseQueue(ascii, 'D1');
    expect(a).toMatchObject({ id: 'APP-1', district: 'D1', preferences: ['KG-1', 'KG-2'], acceptAnyInDistrict: true, stopListUntil: null, rights: [] });
    expect(b).toMatchObject({ id: 'APP-2', registeredAtUs: 1733541453000000, rights: [{ category: 'disability' }] });

    // Ids in byte order of UTF-8: "APP-1" < "ӨТІНІШ-1" (0xD3…) < "ӨТІНІШ-2".
    const cyrillic = Buffer.from(copyText([row('APP-1', ['KG-1']), row('ӨТІНІШ-1', ['БАЛАБАҚША-1', 'KG-2']), row('ӨТІНІШ-2', ['KG-3'])]));
    const parsed = parseQueue(cyrillic, 'D1');
    expect(parsed.map((p) => p.id)).toEqual(['APP-1', 'ӨТІНІШ-1', 'ӨТІНІШ-2']);
    expect(parsed[1]!.preferences).toEqual(['БАЛАБАҚША-1', 'KG-2']);
  });

  it('reads escaped text back and names a row of the wrong width', () => {
    const [a] = parseQueue(Buffer.from(copyText([row('APP\\1', ['KG\t1'], '[{"category":"a\\\\b"}]')])), 'D1');
    expect(a).toMatchObject({ id: 'APP\\1', preferences: ['KG\t1'], rights: [{ category: 'a\\b' }] });
    const short = copyText([row('APP-1', ['KG-1']).slice(0, 10)]);
    expect(() => parseQueue(Buffer.from(short), 'D1')).toThrow(/10 fields instead of 11/);
    expect(() => parseQueue(Buffer.from(short + copyText([row('APP-2', ['KG-1'])])), 'D1')).toThrow(/10 fields instead of 11/);
    expect(() => parseQueue(Buffer.from(copyText([[...row('APP-1', ['KG-1']), 'x']])), 'D1')).toThrow(/more than 11 fields/);
  });

  it('refuses a queue not in byte order of ids', () => {
    expect(() => parseQueue(Buffer.from(copyText([row('APP-2', ['KG-1']), row('APP-1', ['KG-1'])])), 'D1')).toThrow(/not read in id order/);
  });
});
