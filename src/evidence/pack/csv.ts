// CSV versions of the scores for spreadsheets: RFC 4180 quoting, UTF-8 with BOM so Excel reads Japanese.
import type { Comparison } from '../../domain/index.js';
import type { Standing } from './standing.js';

function field(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // A leading = + - @ would run as a formula in a spreadsheet: quote it as text.
  const guarded = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(guarded) || guarded !== s ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function csv(head: string[], rows: (string | number | null)[][]): Buffer {
  const lines = [head, ...rows].map((r) => r.map(field).join(','));
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The timeline of one comparison, one row per window. */
export function timelineCsv(c: Comparison): Buffer {
  return csv(
    ['start_s', 'end_s', 'raw_cosine', 'as_norm', 'llr', 'similarity_percent', 'band'],
    c.timeline.map((p) => [p.start, p.end, p.rawCosine, p.normalized, p.llr, p.percent, p.band]),
  );
}

/** One row per performer × suspect with the overall score. */
export function scoresCsv(cs: readonly Comparison[]): Buffer {
  return csv(
    ['performer_id', 'performer', 'suspect_id', 'suspect', 'model_id', 'model_sha256', 'raw_cosine', 'as_norm', 'llr', 'similarity_percent', 'band'],
    cs.map((c) => [c.performer.id, c.performer.name, c.suspect.id, c.suspect.label, c.model.id, c.model.sha256, c.overall.rawCosine, c.overall.normalized, c.overall.llr, c.overall.percent, c.overall.band]),
  );
}

/** The suspect against every enrolled performer, closest first (internal packs that include them). */
export function standingCsv(s: Standing): Buffer {
  return csv(['rank', 'performer_id', 'performer', 'raw_cosine'], (s.performers ?? []).map((p, i) => [i + 1, p.performerId, p.name, p.rawCosine]));
}

/** The case performer's standing as counts only (every pack): no other performer's name, id or score. */
export function standingCountsCsv(s: Standing): Buffer {
  return csv(
    ['performer_id', 'rank', 'performers_enrolled', 'threshold_score', 'threshold', 'other_performers_at_or_over_threshold', 'cohort_speakers', 'cohort_at_or_above'],
    [[s.performerId, s.rank, s.performerCount, s.threshold.field, s.threshold.value, s.othersOverThreshold, s.cohortCosines.length, s.cohortAtOrAbove]],
  );
}
