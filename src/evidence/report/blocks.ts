/** The report as a neutral list of blocks, rendered alike to HTML and to PDF. */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'para'; text: string; small?: boolean }
  | { kind: 'callout'; text: string }
  | { kind: 'kv'; rows: [string, string][] }
  | { kind: 'table'; head: string[]; rows: string[][]; widths: number[]; small?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'figure'; svg: string | null; png: Buffer; width: number; height: number; caption: string; /** Printed no wider than this (points); default the full width. */ maxWidthPt?: number };

export interface ReportDoc {
  title: string;
  subtitle: string;
  lang: 'ja' | 'en';
  /** Footer line on every page (the key fingerprint). */
  footer: string;
  /** The signing key's fingerprint (report.html's meta tag, report.pdf's Keywords; checked by verify). */
  fingerprint: string;
  blocks: Block[];
}
