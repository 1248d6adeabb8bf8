import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/run-helpers.js';

const ROOT = join(import.meta.dirname, '..');
const depcruise = (cwd: string) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('the layers (.dependency-cruiser.cjs)', () => {
  it('hold in src/: the pure core reaches no edge, no layer imports a later one, no cycles', () => {
    const r = depcruise(ROOT);
    expect(r.stdout + r.stderr).toMatch(/no dependency violations found/);
    expect(r.status).toBe(0);
  });

  it('a planted violation of each kind fails the check, named', () => {
    const dir = tempDir('kezek-layers-');
    cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
    for (const f of ['.dependency-cruiser.cjs', 'tsconfig.json', 'package.json']) cpSync(join(ROOT, f), join(dir, f));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    // The pure core reaching the database; a lower layer importing a higher one; a cycle.
    writeFileSync(join(dir, 'src', 'allocation', 'planted.ts'), "import { openDatabase } from '../db/open.js';\nexport const x = openDatabase;\n");
    writeFileSync(join(dir, 'src', 'db', 'planted.ts'), "import { runNightly } from '../nightly/run.js';\nexport const y = runNightly;\n");
    mkdirSync(join(dir, 'src', 'codec'), { recursive: true });
    writeFileSync(join(dir, 'src', 'codec', 'a.ts'), "import { b } from './b.js';\nexport const a = () => b;\n");
    writeFileSync(join(dir, 'src', 'codec', 'b.ts'), "import { a } from './a.js';\nexport const b = () => a;\n");
    const r = depcruise(dir);
    const out = r.stdout + r.stderr;
    expect(r.status).not.toBe(0);
    expect(out).toMatch(/pure-no-edge: src\/allocation\/planted\.ts → src\/db\/open\.ts/);
    expect(out).toMatch(/no-upward-from-db: src\/db\/planted\.ts → src\/nightly\/run\.ts/);
    expect(out).toMatch(/no-circular: src\/codec\/a\.ts →\s+src\/codec\/b\.ts →\s+src\/codec\/a\.ts/);
  }, 120_000);
});
