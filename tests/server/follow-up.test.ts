import { describe, expect, it } from 'vitest';
import { prefersCsv } from '../../src/server/negotiate.js';
import { pdfText } from '../documents/pdf-text.js';
import { BACKENDS } from '../support/databases.js';
import { allocate } from '../support/run-helpers.js';
import { DATE, json, useServer } from './support.js';

describe('Accept: CSV or JSON', () => {
  it('CSV only when text/csv outweighs JSON, or ties it named more specifically', () => {
    expect(prefersCsv(undefined)).toBe(false);
    expect(prefersCsv('')).toBe(false);
    expect(prefersCsv('text/csv')).toBe(true);
    expect(prefersCsv('text/*')).toBe(true);
    expect(prefersCsv('*/*')).toBe(false);
    expect(prefersCsv('application/json')).toBe(false);
    expect(prefersCsv('text/csv, */*;q=0.1')).toBe(true);
    expect(prefersCsv('text/csv, */*')).toBe(true);
    expect(prefersCsv('text/csv, application/json')).toBe(false);
    expect(prefersCsv('text/csv;q=0.5, application/json')).toBe(false);
    expect(prefersCsv('application/json;q=0.4, text/csv')).toBe(true);
    expect(prefersCsv('text/csv;q=0')).toBe(false);
    expect(prefersCsv('text/html, text/csv;q=0.9, */*;q=0.8')).toBe(true);
  });
});

describe.each(BACKENDS)('positions, notices, due list and the public numbers over HTTP on %s', (backend) => {
  const server = useServer(backend);

  it("an application's number night by night; a stranger's application is 404, another district's 403", async () => {
    const s = server();
    await allocate(s.db(), DATE);
    const r = await s.call('GET', '/v1/applications/S3/positions', { key: s.keys.portal });
    expect(r.statusCode, r.body).toBe(200);
    const body = json<{ application: string; positions: { date: string; queueNumber: number | null; changes: unknown[] }[] }>(r);
    // Two seats went to S5 and S1: S2, S3, S4 are left, S3 second.
    expect(body.application).toBe('S3');
    expect(body.positions).toEqual([expect.objectContaining({ date: DATE, queueNumber: 2 })]);
    expect((await s.call('GET', '/v1/applications/NOPE/positions', { key: s.keys.portal })).statusCode).toBe(404);
    expect((await s.call('GET', '/v1/applications/S3/positions', { key: s.keys.officeD2 })).statusCode).toBe(403);
  });

  it('the notice: a referral as PDF in Kazakh and as HTML in Russian, with the child and the kindergarten named; a queue notice with the number', async () => {
    const s = server();
    await allocate(s.db(), DATE);
    const pdf = await s.call('GET', '/v1/applications/S1/notice?lang=kk', { key: s.keys.portal });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const kk = await pdfText(pdf.rawPayload);
    expect(kk).toContain('Бала S1');
    expect(kk).toContain('№1 Балапан');
    expect(kk).toMatch(/ЖОЛДАМА|Жолдама/);

    const html = await s.call('GET', '/v1/applications/S1/notice?lang=ru&format=html', { key: s.keys.office });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('Бала S1');
    expect(html.body).toMatch(/НАПРАВЛЕНИЕ|Направление/);

    const queued = await s.call('GET', '/v1/applications/S3/notice?lang=ru&format=html', { key: s.keys.portal });
    expect(queued.body).toMatch(/очеред/i);
    expect(queued.body).not.toMatch(/НАПРАВЛЕНИЕ|Направление в/);
    const bad = await s.call('GET', '/v1/applications/S1/notice?format=docx', { key: s.keys.portal });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ code: 'INPUT_INVALID', errors: [expect.objectContaining({ path: 'format', in: 'query', reason: 'invalid_value' })] });
  });

  it("the due list: today's offers to be answered, limited to a key's districts", async () => {
    const s = server();
    await allocate(s.db(), DATE);
    // Offered on Tuesday 1 September, confirm by Thursday 3 September: due on Wednesday 2 (the next working day is the 3rd).
    const all = json<{ date: string; until: string; offers: { application: string; confirmBy: string; district: string }[] }>(
      await s.call('GET', '/v1/due?date=2026-09-02', { key: s.keys.operator }),
    );
    expect(all).toMatchObject({ date: '2026-09-02', until: '2026-09-03' });
    expect(all.offers.map((o) => o.application).sort()).toEqual(['S1', 'S5', 'S6']);
    const d2 = json<{ offers: { application: string }[] }>(await s.call('GET', '/v1/due?date=2026-09-02', { key: s.keys.operatorD2 }));
    expect(d2.offers.map((o) => o.application)).toEqual(['S6']);
    // The day of the night: the deadlines are two working days on, not yet due.
    expect(json<{ offers: unknown[] }>(await s.call('GET', `/v1/due?date=${DATE}`, { key: s.keys.operator })).offers).toEqual([]);
    expect((await s.call('GET', '/v1/due?date=2026-02-30', { key: s.keys.operator })).statusCode).toBe(400);
  });

  it('the bulletin: free seats by kindergarten and group, JSON or CSV by Accept, at the end of a past day; statistics; no key, nothing personal', async () => {
    const s = server();
    const before = json<{ district: string; kindergartens: { id: string; name: string; groups: { group: string; freeSeats: number }[] }[] }>(
      await s.call('GET', '/v1/bulletin?district=D1'),
    );
    expect(before).toMatchObject({ district: 'D1', kindergartens: [{ id: 'KG-1', name: '№1 Балапан', groups: [{ group: 'G2022-kk-1', freeSeats: 2 }] }] });
    // The night of 2 September (the seats were reported by the import of 1 September).
    const NIGHT = '2026-09-02';
    await allocate(s.db(), NIGHT);
    // Both seats of D1 went: no group with a free seat is listed.
    expect(json<{ kindergartens: unknown[] }>(await s.call('GET', '/v1/bulletin?district=D1')).kindergartens).toEqual([]);
    // The end of 1 September: reported, not yet referred; the end of 31 August: not yet reported.
    expect(json<{ date: string; kindergartens: unknown[] }>(await s.call('GET', `/v1/bulletin?district=D1&date=${DATE}`))).toMatchObject({ date: DATE, kindergartens: [{ id: 'KG-1', groups: [{ freeSeats: 2 }] }] });
    expect(json<{ kindergartens: unknown[] }>(await s.call('GET', '/v1/bulletin?district=D1&date=2026-08-31')).kindergartens).toEqual([]);
    expect(json<{ kindergartens: unknown[] }>(await s.call('GET', `/v1/bulletin?district=D1&date=${NIGHT}`)).kindergartens).toEqual([]);

    const r = await s.call('GET', `/v1/bulletin?district=D1&date=${DATE}`, { headers: { accept: 'text/csv' } });
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.body).toBe('\ufeffdistrict,kindergarten,kindergarten_name,group,birth_year,language,group_type,free_seats\r\nD1,KG-1,№1 Балапан,G2022-kk-1,2022,kk,general,2\r\n');

    expect((await s.call('GET', '/v1/bulletin?district=NOPE')).statusCode).toBe(404);
    const missing = await s.call('GET', '/v1/bulletin');
    expect(missing.statusCode).toBe(400);
    expect(json(missing)).toMatchObject({ errors: [expect.objectContaining({ path: 'district', in: 'query', reason: 'missing_field' })] });

    const stats = await s.call('GET', '/v1/districts/D1/stats');
    expect(stats.statusCode).toBe(200);
    // Left in D1's queue for 2022: S2, S3, S4 (general); referred: S5 primary and S1 general, both first choices.
    expect(json(stats)).toEqual({
      district: 'D1',
      runDate: NIGHT,
      queue: [{ birthYear: 2022, extraordinary: 0, primary: 0, general: 3 }],
      referrals: { byCategory: { extraordinary: 0, primary: 1, general: 1 }, byPreferenceRank: { '1': 2 } },
    });
    for (const body of [stats.body, r.body]) {
      expect(body).not.toMatch(/\d{12}/);
      expect(body).not.toMatch(/Бала S\d|Ата-ана/);
    }
    expect((await s.call('GET', '/v1/districts/NOPE/stats')).statusCode).toBe(404);
  });
});
