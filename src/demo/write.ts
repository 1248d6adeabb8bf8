/**
 * The I/O edge of the generator: streams the four files of a data folder to
 * disk in ~1 MB chunks, with back-pressure (the generators never run ahead
 * of the disk by more than a chunk or two).
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  applicationLineRecords,
  checkGenerateOptions,
  districtLines,
  kindergartenLines,
  placeLineRecords,
  type GenerateOptions,
  type GeneratedLine,
} from './generate.js';

/** Lines written per file, and how many of all of them are deliberately bad. */
export interface DatasetCounts {
  districts: number;
  kindergartens: number;
  places: number;
  applications: number;
  badLines: number;
}

/** About 1 MB of mostly Cyrillic text (2 bytes a letter in UTF-8) per write. */
const CHUNK_CHARS = 640 * 1024;

export async function writeDataset(dir: string, o: GenerateOptions): Promise<DatasetCounts> {
  checkGenerateOptions(o);
  await mkdir(dir, { recursive: true });
  const districts = await writeLines(join(dir, 'districts.ndjson'), good(districtLines(o)));
  const kindergartens = await writeLines(join(dir, 'kindergartens.ndjson'), good(kindergartenLines(o)));
  const places = await writeLines(join(dir, 'places.ndjson'), placeLineRecords(o));
  const applications = await writeLines(join(dir, 'applications.ndjson'), applicationLineRecords(o));
  return {
    districts: districts.lines,
    kindergartens: kindergartens.lines,
    places: places.lines,
    applications: applications.lines,
    badLines: places.bad + applications.bad,
  };
}

async function writeLines(path: string, records: Iterable<GeneratedLine>): Promise<{ lines: number; bad: number }> {
  const counts = { lines: 0, bad: 0 };
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const r of records) {
      chunk += r.line + '\n';
      counts.lines++;
      if (r.bad !== null) counts.bad++;
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  // pipeline waits for 'drain' between chunks and closes the file on error.
  await pipeline(Readable.from(chunks(), { objectMode: false, highWaterMark: 1 }), createWriteStream(path, { encoding: 'utf8' }));
  return counts;
}

function* good(lines: Iterable<string>): Generator<GeneratedLine> {
  for (const line of lines) yield { line, bad: null };
}
