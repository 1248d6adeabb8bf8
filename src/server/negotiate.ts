/**
 * Whether an Accept header asks for CSV rather than JSON (RFC 9110 §12.5.1):
 * text/csv (or text/*) named with a weight above JSON's (that of
 * application/json, application/* or *\/*, the most specific given), or the
 * same weight named more specifically. No header, or a tie, is JSON.
 */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  let csv = { q: 0, rank: -1 };
  let json = { q: 0, rank: -1 };
  for (const part of accept.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    const csvRank = range === 'text/csv' ? 2 : range === 'text/*' ? 1 : -1;
    const jsonRank = range === 'application/json' ? 2 : range === 'application/*' ? 1 : range === '*/*' ? 0 : -1;
    if (csvRank > csv.rank) csv = { q, rank: csvRank };
    if (jsonRank > json.rank) json = { q, rank: jsonRank };
  }
  if (csv.rank < 0 || csv.q <= 0) return false;
  // A tie goes to the range named more specifically (text/csv over */*), else to JSON.
  return json.rank < 0 || csv.q > json.q || (csv.q === json.q && csv.rank > json.rank);
}
