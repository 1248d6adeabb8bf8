/**
 * The primary:general quota (allocation.md step 4): with quota [p, g], the
 * next candidate comes from primary when `issuedPrimary * g <= issuedGeneral * p`.
 * When one stream is empty the other is taken regardless.
 */
export function takesPrimary(
  issuedPrimary: number,
  issuedGeneral: number,
  quota: readonly [number, number],
  primaryLeft: boolean,
  generalLeft: boolean,
): boolean {
  if (!generalLeft) return primaryLeft;
  if (!primaryLeft) return false;
  return issuedPrimary * quota[1] <= issuedGeneral * quota[0];
}

/**
 * The static interleave used for queue numbers (step 6): every remaining
 * candidate is assumed served, so the counts are positions taken.
 * Returns the merged order of the two already-ordered streams.
 */
export function interleave<T>(primary: readonly T[], general: readonly T[], quota: readonly [number, number]): T[] {
  const out: T[] = [];
  let p = 0;
  let g = 0;
  while (p < primary.length || g < general.length) {
    if (takesPrimary(p, g, quota, p < primary.length, g < general.length)) out.push(primary[p++]!);
    else out.push(general[g++]!);
  }
  return out;
}
