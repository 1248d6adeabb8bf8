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

/** Bytes per write. */
const CHUNK_BYTES = 1 << 20;

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
  // Encoding each line straight into the chunk is several times faster than
  // concatenating a megabyte of strings and encoding that.
  function* chunks(): Generator<Buffer> {
    let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let used = 0;
    for (const r of records) {
      counts.lines++;
      if (r.bad !== null) counts.bad++;
      const room = r.line.length * 3 + 1; // UTF-8 takes at most 3 bytes per UTF-16 unit
      if (used + room > CHUNK_BYTES) {
        if (used > 0) yield chunk.subarray(0, used);
        chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, room));
        used = 0;
      }
      used += chunk.write(r.line, used, 'utf8');
      chunk[used++] = 0x0a;
    }
    if (used > 0) yield chunk.subarray(0, used);
  }
  // pipeline waits for 'drain' between chunks and closes the file on error.
  await pipeline(Readable.from(chunks(), { highWaterMark: 2 }), createWriteStream(path));
  return counts;
}

function* good(lines: Iterable<string>): Generator<GeneratedLine> {
  for (const line of lines) yield { line, bad: null };
}
