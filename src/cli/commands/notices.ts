import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { checkDate } from '../../config.js';
import { DOCUMENT_LANGS, noticeDocument, type DocumentLang } from '../../documents/notice-document.js';
import { NotFoundError, UsageError } from '../../errors.js';
import { describeFsError, writeFileAtomic } from '../../io/atomic-file.js';
import { noticeOf, touchedApplications } from '../../online/notice.js';
import type { NoticeKind } from '../../online/situation.js';
import { contextOf, print, withContext, type Common } from '../context.js';
import { DOCUMENT_FILE_MODE, DOCUMENT_FORMATS, renderDocument, type DocumentFormat } from './notice.js';

interface Args extends Common {
  run: string;
  out: string;
  district?: string[] | undefined;
  lang?: DocumentLang | undefined;
  format: DocumentFormat;
  json: boolean;
}

/** One line of the folder's index.ndjson: which document was written for which application. */
export interface NoticeIndexLine {
  application: string;
  district: string;
  kind: NoticeKind;
  lang: DocumentLang;
  file: string;
  /** What the night did to the application (referred, numbered, refused, lapsed, cancelled). */
  touched: string[];
}

export const noticesCommand: CommandModule<Common, Args> = {
  command: 'notices',
  describe: "one document for every family a night's run touched: referral, queue notice, refusal, lapse or cancellation notice",
  builder: (y) =>
    y
      .option('run', { type: 'string', demandOption: true, describe: 'the date of the stored nightly run' })
      .option('out', { type: 'string', demandOption: true, describe: 'folder to write the documents and index.ndjson into' })
      .option('district', { type: 'string', array: true, describe: 'only these districts' })
      .option('lang', { choices: DOCUMENT_LANGS, describe: "kk or ru for every document (default: each application's group language)" })
      .option('format', { choices: DOCUMENT_FORMATS, default: 'pdf' as DocumentFormat, describe: 'pdf, html or txt' })
      .option('json', { type: 'boolean', default: false, describe: 'print the counts as JSON' })
      .example('$0 notices --run 2026-09-01 --out notices/2026-09-01', "the night's documents as PDFs")
      .example('$0 notices --run 2026-09-01 --out out --district ALA-MED --format html --lang ru', 'one district, HTML, in Russian'),
  handler: async (argv) => {
    const date = checkDate(argv.run, '--run');
    const dir = resolve(argv.out);
    const ctx = contextOf(argv);
    const rules = ctx.rules.at(date);
    makeFolder(dir);
    await withContext(argv, async ({ db, calendar }) => {
      const touched = await touchedApplications(db, date, argv.district ?? []);
      if (!touched.length && !(await db.query(`select 1 from runs where run_date = $1 limit 1`, [date])).length) throw new NotFoundError('nightly run of', date);
      const index: NoticeIndexLine[] = [];
      const counts: Record<string, number> = {};
      for (const t of touched) {
        const notice = await noticeOf(db, rules, calendar, t.application, date, { rulesAt: ctx.rules, stored: true });
        const lang = argv.lang ?? notice.language;
        const file = `${encodeURIComponent(t.application)}.${argv.format}`;
        writeFileAtomic(join(dir, file), await renderDocument(noticeDocument(notice, lang, rules), argv.format), DOCUMENT_FILE_MODE);
        index.push({ application: t.application, district: t.district, kind: notice.kind, lang, file, touched: t.kinds });
        counts[notice.kind] = (counts[notice.kind] ?? 0) + 1;
      }
      writeFileAtomic(join(dir, 'index.ndjson'), index.map((l) => JSON.stringify(l) + '\n').join(''), DOCUMENT_FILE_MODE);
      const summary = { run: date, documents: index.length, byKind: counts, folder: dir };
      print(
        argv.json
          ? JSON.stringify(summary)
          : [`Documents of the run of ${date}: ${index.length}`, ...Object.entries(counts).map(([k, n]) => `  ${k.padEnd(13)} ${n}`), `Folder: ${dir} (index.ndjson lists them)`].join('\n'),
      );
    });
  },
};

/** The documents' folder, made private (they hold children's names). */
function makeFolder(dir: string): void {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new UsageError(`cannot write the documents folder ${dir}: ${describeFsError(e)}`);
  }
}
