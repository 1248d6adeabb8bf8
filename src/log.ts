import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/**
 * Paths pino censors: IINs and names wherever an application, child or
 * applicant object is logged. Nothing personal should be logged on purpose;
 * this is the net under that rule. A top-level `name` is the logger's own
 * (pino's `name: "kezek"`), so it is not a path here: a `name` in the logged
 * data itself is censored by `censorDataName` below.
 */
export const REDACT_PATHS = [
  'iin',
  '*.iin',
  '*.name',
  '*.*.iin',
  '*.*.name',
  'child',
  'applicant',
  '*.child',
  '*.applicant',
  'childIin',
  'applicantIin',
  'childName',
  'applicantName',
  '*.childIin',
  '*.applicantIin',
  '*.childName',
  '*.applicantName',
  'text',
  '*.text',
  'raw',
  '*.raw',
];

export interface LogConfig {
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  level: string;
  /** Where JSON log lines go; stderr by default so stdout stays for people and pipes. */
  destination?: NodeJS.WritableStream | number;
}

export function createLogger(config: LogConfig): Logger {
  const dest = config.destination ?? 2;
  return pino(
    {
      name: 'kezek',
      level: config.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { pid: process.pid },
      formatters: { log: censorDataName },
    },
    typeof dest === 'number' ? pino.destination({ dest, sync: true }) : dest,
  );
}

/**
 * The logged object's own top-level `name` (a person's, most likely) would
 * stand beside the logger's name: it is kept only as censored, under another key.
 */
export function censorDataName(o: Record<string, unknown>): Record<string, unknown> {
  if (!('name' in o)) return o;
  const { name: _name, ...rest } = o;
  return { ...rest, dataName: '[redacted]' };
}
