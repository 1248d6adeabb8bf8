import { extname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import type { Printable } from '../../domain/printable.js';
import { printableHtml } from '../../documents/html.js';
import { DOCUMENT_LANGS, noticeDocument, type DocumentLang } from '../../documents/notice-document.js';
import { printableText } from '../../documents/text.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-file.js';
import { documentFonts } from '../../io/fonts.js';
import { printablePdf } from '../../io/pdf.js';
import { noticeOf } from '../../online/notice.js';
import { contextOf, print, withContext, type Common } from '../context.js';

export const DOCUMENT_FORMATS = ['pdf', 'html', 'txt'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A document in the asked format, as bytes. */
export async function renderDocument(doc: Printable, format: DocumentFormat): Promise<Uint8Array> {
  if (format === 'pdf') return printablePdf(doc, documentFonts());
  return Buffer.from(format === 'html' ? printableHtml(doc) : printableText(doc), 'utf8');
}

/** Documents hold the child's name: written readable by their owner only, under a temporary name, renamed into place. */
export const DOCUMENT_FILE_MODE = 0o600;

interface Args extends Common {
  id: string;
  date?: string | undefined;
  lang?: DocumentLang | undefined;
  format?: DocumentFormat | undefined;
  out?: string | undefined;
  json: boolean;
}

export const noticeCommand: CommandModule<Common, Args> = {
  command: 'notice <id>',
  describe: "the family's current document: a referral (жолдама), a queue notice with the number, a refusal, or a lapse or cancellation notice",
  builder: (y) =>
    y
      .positional('id', { type: 'string', demandOption: true })
      .option('date', { type: 'string', describe: 'date of the document (default today in Kazakhstan)' })
      .option('lang', { choices: DOCUMENT_LANGS, describe: 'kk (Kazakh) or ru (Russian); default: the language of the group the family asked for' })
      .option('format', { choices: DOCUMENT_FORMATS, describe: 'pdf, html or txt (default: from the --out file name, else txt)' })
      .option('out', { type: 'string', describe: 'write the document to this file (else to standard output)' })
      .option('json', { type: 'boolean', default: false, describe: "print the document's data as JSON instead" })
      .example('$0 notice APP-000017 --lang kk --out жолдама.pdf', 'the referral or queue notice as a PDF in Kazakh')
      .example('$0 notice APP-000017 --lang ru', 'the same as text in Russian'),
  handler: async (argv) => {
    const date = checkDate(argv.date ?? todayInKazakhstan(), '--date');
    const format = argv.format ?? formatOfFile(argv.out) ?? 'txt';
    const ctx = contextOf(argv);
    const rules = ctx.rules.at(date);
    await withContext(argv, async ({ db, calendar }) => {
      const notice = await noticeOf(db, rules, calendar, argv.id, date, { rulesAt: ctx.rules });
      if (argv.json) return print(JSON.stringify(notice));
      const bytes = await renderDocument(noticeDocument(notice, argv.lang ?? notice.language, rules), format);
      if (argv.out) writeFileAtomic(resolve(argv.out), bytes, DOCUMENT_FILE_MODE);
      else process.stdout.write(bytes);
    });
  },
};

function formatOfFile(file: string | undefined): DocumentFormat | undefined {
  if (!file) return undefined;
  const ext = extname(file).slice(1).toLowerCase();
  if (ext === 'htm') return 'html';
  if ((DOCUMENT_FORMATS as readonly string[]).includes(ext)) return ext as DocumentFormat;
  throw new UsageError(`--out ${file}: say the format with --format (pdf, html or txt), or end the name with .pdf, .html or .txt`);
}
