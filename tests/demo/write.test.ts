import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applicationLines, districtLines, kindergartenLines, placeLines, type GenerateOptions } from '../../src/demo/generate.js';
import { writeDataset } from '../../src/demo/write.js';
import { UsageError } from '../../src/errors.js';

const OPTIONS: GenerateOptions = {
  seed: 3,
  date: '2026-09-01',
  districts: 4,
  kindergartensPerDistrict: 5,
  // Big enough for applications.ndjson to span several 1 MB chunks.
  applications: 6000,
  seats: 500,
  badLines: true,
};

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('writeDataset', () => {
  it('writes the four files, line by line as the generators give them, and counts them', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'kezek-demo-')), 'nested', 'data');
    dirs.push(dir);
    const counts = await writeDataset(dir, OPTIONS);
    const files: [string, Iterable<string>][] = [
      ['districts.ndjson', districtLines(OPTIONS)],
      ['kindergartens.ndjson', kindergartenLines(OPTIONS)],
      ['places.ndjson', placeLines(OPTIONS)],
      ['applications.ndjson', applicationLines(OPTIONS)],
    ];
    const written: Record<string, number> = {};
    for (const [name, lines] of files) {
      const text = await readFile(join(dir, name), 'utf8');
      const expected = [...lines];
      expect(text).toBe(expected.map((l) => `${l}\n`).join(''));
      written[name] = expected.length;
    }
    expect(Buffer.byteLength(await readFile(join(dir, 'applications.ndjson')))).toBeGreaterThan(2 << 20);
    expect(counts).toEqual({
      districts: 4,
      kindergartens: written['kindergartens.ndjson'],
      places: written['places.ndjson'],
      applications: 6000 + 12,
      badLines: 12 + 2,
    });
  });

  it('rejects bad options before creating anything', async () => {
    const dir = join(tmpdir(), `kezek-demo-never-${process.pid}`);
    await expect(writeDataset(dir, { ...OPTIONS, date: '2026-13-01' })).rejects.toThrow(UsageError);
    await expect(readFile(join(dir, 'districts.ndjson'))).rejects.toThrow();
  });
});
