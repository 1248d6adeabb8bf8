/**
 * How a command says "done, but a person must look" (exit code 3: lines
 * rejected at import, complaints overdue, warnings of a run): it names why,
 * the command goes on, and the CLI's main maps it to 3 at the end, with the
 * reasons on stderr (what cron mails).
 */
export interface Outcome {
  attention: string[];
}

export function newOutcome(): Outcome {
  return { attention: [] };
}

/** The command's outcome (the CLI puts it on every command's arguments). */
export function needsAttention(argv: object, why: string): void {
  (argv as { outcome?: Outcome }).outcome?.attention.push(why);
}
