/**
 * A document as printable blocks: what src/documents makes of a family's
 * notice, and what each renderer (HTML and text in src/documents, PDF at the
 * edge in src/io/pdf.ts) lays out. Plain data; every text is final (in the
 * document's language).
 */
export interface Printable {
  lang: string;
  /** The issuer's lines at the top (service, department). */
  issuer: string[];
  title: string;
  subtitle: string | null;
  /** Number and date of the document. */
  reference: string;
  blocks: PrintBlock[];
  /** Small print at the bottom (how it was made, with which rules). */
  footer: string[];
  /** The document's date (`YYYY-MM-DD`): its PDF creation date, so the same notice gives the same bytes. */
  date: string;
}

export type PrintBlock =
  /** Label and value pairs (who, where, when). */
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A bulleted list. */
  | { kind: 'list'; items: string[] }
  /** Set apart: what the family must not miss (a deadline, a provisional date, an expired offer). */
  | { kind: 'note'; text: string }
  /** The number of a queue notice, shown large. */
  | { kind: 'figure'; label: string; value: string; caption: string };
