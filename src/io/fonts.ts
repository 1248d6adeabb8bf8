import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { KezekError } from '../errors.js';

/** The font bytes a document is set in: one family with every Kazakh and Russian letter (ә ғ қ ң ө ұ ү һ і). */
export interface DocumentFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const require = createRequire(import.meta.url);
let fonts: DocumentFonts | undefined;

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package (free licence, embedded as a
 * subset), read once per process: a server passes the same bytes to every document.
 */
export function documentFonts(): DocumentFonts {
  if (fonts) return fonts;
  try {
    fonts = {
      regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    };
  } catch (e) {
    throw new KezekError('INSTALL_BROKEN', `the documents' font is missing (npm package dejavu-fonts-ttf): ${(e as Error).message}`, {}, { cause: e });
  }
  return fonts;
}
