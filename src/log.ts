import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/**
 * Paths pino censors: IINs and names wherever an application, child or
 * applicant object is logged. Nothing personal should be logged on purpose;
 * this is the net under that rule.
 */
export const REDACT_PATHS = [
  'iin',
  'name',
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
    },
    typeof dest === 'number' ? pino.destination({ dest, sync: true }) : dest,
  );
}
