import { colourWanted } from '../config.js';

/** Text styles for a stream: ANSI colours on a terminal (not with NO_COLOR), the text unchanged elsewhere. */
export interface Paint {
  readonly on: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const same = (s: string) => s;

export function paintFor(stream: { isTTY?: boolean | undefined } = process.stdout): Paint {
  const on = colourWanted(stream);
  return on
    ? { on, bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39) }
    : { on, bold: same, dim: same, red: same, yellow: same, green: same };
}
