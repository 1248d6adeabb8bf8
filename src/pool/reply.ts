import { Piscina } from 'piscina';
import { isKezekError, KezekError, type ErrorCode } from '../errors.js';

/**
 * What a worker thread answers: its value, or its error as data (a thread
 * boundary keeps only plain data), with the code, details, message, stack and
 * cause a KezekError had, so the error the main thread rethrows is the same.
 */
export type WorkerReply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

interface ErrorData {
  code: ErrorCode | null;
  message: string;
  details: Record<string, unknown>;
  stack: string | undefined;
  cause: ErrorData | null;
}

function toData(e: unknown, depth = 0): ErrorData {
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    code: isKezekError(err) ? err.code : null,
    message: err.message,
    details: isKezekError(err) ? structuredSafe(err.details) : {},
    stack: err.stack,
    cause: err.cause !== undefined && depth < 5 ? toData(err.cause, depth + 1) : null,
  };
}

/** Details are plain data by intent; anything that would not cross a thread is shown as text. */
function structuredSafe(details: Record<string, unknown>): Record<string, unknown> {
  try {
    return structuredClone(details);
  } catch {
    return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, String(v)]));
  }
}

function fromData(d: ErrorData): Error {
  const cause = d.cause ? fromData(d.cause) : undefined;
  const e = d.code ? new KezekError(d.code, d.message, d.details, cause ? { cause } : undefined) : new Error(d.message, cause ? { cause } : undefined);
  if (d.stack) e.stack = d.stack;
  return e;
}

/** In the worker: runs `fn` and answers with its value (moving `transfer(value)`'s buffers) or its error. */
export async function replyOf<T>(fn: () => Promise<T>, transfer: (value: T) => Uint8Array[] = () => []): Promise<WorkerReply<T>> {
  try {
    const value = await fn();
    const bytes = transfer(value);
    if (!bytes.length) return { ok: true, value };
    // Moved to the main thread rather than copied (each in a buffer of its own). piscina
    // takes the wrapper apart and the main thread receives the reply itself.
    const wrapper = { [Piscina.transferableSymbol]: bytes.map((b) => b.buffer), [Piscina.valueSymbol]: { ok: true, value } };
    return Piscina.move(wrapper as unknown as Parameters<typeof Piscina.move>[0]) as unknown as WorkerReply<T>;
  } catch (e) {
    return { ok: false, error: toData(e) };
  }
}

/** In the main thread: the value, or the worker's error rethrown with its code, details and cause. */
export function fromReply<T>(reply: WorkerReply<T>): T {
  if (reply.ok) return reply.value;
  throw fromData(reply.error);
}
