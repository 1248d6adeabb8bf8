import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/open.js';

/**
 * Once per test run: an embedded database with the schema migrated, dumped to
 * a file, so each test's embedded database loads it instead of running initdb.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = join(tmpdir(), `kezek-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const db = await openDatabase({ dataDir: 'memory://' });
  const dump = await db.dump!();
  await db.close();
  const path = join(dir, 'template.tar');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('embeddedTemplate', path);
}

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedTemplate: string;
  }
}
