/**
 * Runs `work` for items 0..n-1 on `lanes` concurrent lanes, in item order as
 * lanes free up. After the first failure no lane takes another item, and all
 * have stopped before this returns; the failure is rethrown.
 */
export async function inLanes(n: number, lanes: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const settled = await Promise.allSettled(
    Array.from({ length: Math.max(1, Math.min(lanes, n)) }, async () => {
      try {
        while (next < n && !failed) await work(next++);
      } catch (e) {
        failed = true;
        throw e;
      }
    }),
  );
  const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}
