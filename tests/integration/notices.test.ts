import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeDocument } from '../../src/documents/notice-document.js';
import { explanationText } from '../../src/i18n/explain-text.js';
import { loadCalendar } from '../../src/io/calendar.js';
import { documentFonts } from '../../src/io/fonts.js';
import { printablePdf } from '../../src/io/pdf.js';
import { explainApplication } from '../../src/online/explain.js';
import { noticeOf, touchedApplications } from '../../src/online/notice.js';
import { pdfText } from '../documents/pdf-text.js';
import { kezekHere } from '../support/cli.js';
import { BACKENDS, dropSchema, openTestDatabase, POSTGRES_URL, useDatabase } from '../support/databases.js';
import { shippedRules, tempDir } from '../support/run-helpers.js';
import { NAMES, runFamilyScenario } from './family-scenario.js';

const calendar = loadCalendar('rules');
const rules = shippedRules();

describe.each(BACKENDS)('the family’s documents after six nights on %s', (backend) => {
  const db = useDatabase(backend);

  it('gives each family the document its situation calls for, with the child’s name from the details', async () => {
    await runFamilyScenario(db());
    const kindAt = async (id: string, date: string) => (await noticeOf(db(), rules, calendar, id, date)).kind;
    // Night 3: G1 did not answer (lapse); G2 was withdrawn; E1 is queued.
    expect(await kindAt('G1', '2026-09-09')).toBe('lapse');
    expect(await kindAt('G2', '2026-09-09')).toBe('cancellation');
    expect(await kindAt('E1', '2026-09-09')).toBe('queue');
    // Night 4: P1's right was not proven: cancelled, on the stop list; E1 referred.
    const p1 = await noticeOf(db(), rules, calendar, 'P1', '2026-09-14', { stored: true });
    expect(p1).toMatchObject({ kind: 'cancellation', situation: { kind: 'cancelled', on: '2026-09-14', proofBy: '2026-09-11', stopListUntil: '2026-09-23' }, child: { name: NAMES.P1 } });
    const e1 = await noticeOf(db(), rules, calendar, 'E1', '2026-09-14', { stored: true });
    expect(e1).toMatchObject({ kind: 'referral', referral: { kindergartenName: '№12 «Балапан» балабақшасы', confirmBy: '2026-09-16', deadlines: { confirmWorkingDays: 2, proofBy: '2026-09-21' } } });
    // The number stored by that night, with who was ahead.
    const g3 = await noticeOf(db(), rules, calendar, 'G3', '2026-09-14', { stored: true });
    expect(g3.queue).toEqual({ queueNumber: 2, cohortSize: 5, birthYear: 2022, ahead: { extraordinary: 0, primary: 0, general: 1 }, computedOn: '2026-09-14', source: 'stored' });
    expect((await touchedApplications(db(), '2026-09-14')).map((t) => `${t.application}:${t.kinds.join('+')}`)).toEqual([
      'E1:referred', 'G1:numbered', 'G3:numbered', 'G5:numbered', 'P1:cancelled', 'P2:numbered', 'X:numbered',
    ]);

    const text = await pdfText(await printablePdf(noticeDocument(p1, 'kk', rules), documentFonts()));
    expect(text).toContain(NAMES.P1);
    expect(text).toContain('жолдаманың күшін жою туралы');
    expect(text).toContain('2026 ж. 23 қыркүйек күнін қоса алғанда тоқтату тізімінде');

    // An offer past its deadline before the night that closes it is expired; after that night, lapsed with its restore window.
    const expired = await explainApplication(db(), rules, calendar, 'E1', '2026-09-17');
    expect(expired.situation).toEqual({ kind: 'expired', step: 'confirm', deadline: '2026-09-16' });
    expect(explanationText(expired, 'ru', rules)).not.toMatch(/Подтвердите направление|не может быть/);
    const lapsed = await explainApplication(db(), rules, calendar, 'E1', '2026-09-24');
    expect(explanationText(lapsed, 'en', rules)).toContain('It can be restored once, keeping its place in the queue, up to and including October 22, 2026 (28 calendar days after it became inactive).');
  }, 120_000);
});

describe('kezek notices, notice, position --child-iin (command line)', () => {
  it('writes one private document per family the night touched, with an index; prints one; finds a child by IIN', async () => {
    const { db, schema } = await openTestDatabase('postgres');
    try {
      await runFamilyScenario(db);
      const iin = (await db.query<{ child_iin: string }>(`select child_iin from application_details where id = 'X'`))[0]!.child_iin;
      await db.close();
      const env = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
      const out = join(tempDir('kezek-notices-'), 'night');
      const run = await kezekHere(['notices', '--run', '2026-09-14', '--out', out, '--json'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ documents: 7, byKind: { referral: 1, queue: 5, cancellation: 1 } });
      const index = readFileSync(join(out, 'index.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { application: string; kind: string; lang: string; file: string });
      expect(index.find((l) => l.application === 'P2')).toMatchObject({ kind: 'queue', lang: 'ru', file: 'P2.pdf' });
      expect(readdirSync(out).sort()).toEqual(['E1.pdf', 'G1.pdf', 'G3.pdf', 'G5.pdf', 'P1.pdf', 'P2.pdf', 'X.pdf', 'index.ndjson']);
      expect(statSync(join(out, 'E1.pdf')).mode & 0o777).toBe(0o600);
      const referral = await pdfText(readFileSync(join(out, 'E1.pdf')));
      expect(referral).toContain('ЖОЛДАМА');
      expect(referral).toContain(NAMES.E1);
      expect(referral).toContain('2026 ж. 16 қыркүйек күнін қоса алғанда');
      const queue = await pdfText(readFileSync(join(out, 'P2.pdf')));
      expect(queue).toContain('УВЕДОМЛЕНИЕ о постановке в очередь');
      expect(queue).toContain('Номер в очереди 5');

      const html = await kezekHere(['notice', 'X', '--date', '2026-09-16', '--lang', 'ru', '--format', 'html'], env);
      expect(html.stdout).toContain('<h1>НАПРАВЛЕНИЕ</h1>');
      expect(html.stdout).toContain(NAMES.X);
      const none = await kezekHere(['notices', '--run', '2026-10-01', '--out', out], env);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/nightly run of 2026-10-01 not found/);

      const byIin = await kezekHere(['position', '--child-iin', iin, '--date', '2026-09-14', '--lang', 'kk'], env);
      expect(byIin.stdout).toContain('Бұл баланың өтініштері: 1.');
      expect(byIin.stdout).toContain('X өтініші: 2026 ж. 14 қыркүйек күнгі кезек нөмірі 3 (барлығы 5)');
      expect(byIin.stdout).not.toContain(iin);
      expect((await kezekHere(['position', '--child-iin', '123'], env)).stderr).toMatch(/--child-iin is not a valid IIN/);
      const history = await kezekHere(['position', 'X', '--history', '--json'], env);
      expect((JSON.parse(history.stdout) as { positions: { queueNumber: number | null }[] }).positions.map((p) => p.queueNumber)).toEqual([6, 3, 3, 3, null]);
    } finally {
      await dropSchema(schema);
    }
  }, 180_000);
});
