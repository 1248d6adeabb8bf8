import { parentPort, workerData } from 'node:worker_threads';
import { applicationLineRecords, type GenerateOptions } from './generate.js';
import { nextCopyBatch } from './load.js';

/** The generator thread of loadGenerated: one COPY batch per 'next' message, in order. */
const { options, size } = workerData as { options: GenerateOptions; size: number };
const records = applicationLineRecords(options)[Symbol.iterator]();
parentPort!.on('message', () => {
  const b = nextCopyBatch(records, size);
  // The bytes move to the loading thread; nothing is copied.
  parentPort!.postMessage(b, [b.applications.buffer, b.details.buffer, b.events.buffer] as ArrayBuffer[]);
});
