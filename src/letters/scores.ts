// The similarity scores a letter cites: the latest one audited for the case (written when an evidence
// pack is exported), else the latest screening result for the pair. Never computed here.
import type { Db } from '../store/database.js';
import { listAudit } from '../store/audit.js';

export interface CitedScore {
  performerId: string;
  suspectId: string;
  percent: number | null;
  rawCosine: number;
  band: string;
  modelId: string;
  modelSha256: string | null;
  source: 'evidence' | 'screening';
  at: string;
  /** Stretches of the suspect clip (seconds) where the voice matched, from the comparison timeline; null when not recorded. */
  regions: { start: number; end: number }[] | null;
}

function regionsOf(v: unknown): { start: number; end: number }[] | null {
  if (!Array.isArray(v)) return null;
  return v.flatMap((r: unknown) => {
    const o = r as { start?: unknown; end?: unknown };
    return typeof o.start === 'number' && typeof o.end === 'number' ? [{ start: o.start, end: o.end }] : [];
  });
}

function fromAudit(db: Db, caseId: string): CitedScore[] {
  const latest = new Map<string, CitedScore>();
  for (const e of listAudit(db, { objectId: caseId })) {
    if (e.action !== 'comparison.score') continue;
    const d = e.details as Record<string, unknown>;
    const s: CitedScore = {
      performerId: String(d.performerId),
      suspectId: String(d.suspectId),
      percent: typeof d.percent === 'number' ? d.percent : null,
      rawCosine: Number(d.rawCosine),
      band: String(d.band),
      modelId: String(d.modelId),
      modelSha256: typeof d.modelSha256 === 'string' ? d.modelSha256 : null,
      source: 'evidence',
      at: e.at,
      regions: regionsOf(d.regions),
    };
    latest.set(`${s.performerId}|${s.suspectId}`, s); // oldest first, so the last one wins
  }
  return [...latest.values()];
}

function fromScreening(db: Db, performerId: string, suspectId: string): CitedScore | null {
  const r = db
    .prepare(
      `SELECT r.percent, r.raw_cosine, r.band, s.model_id, s.model_sha256, s.finished_at FROM screening_results r
       JOIN screening_runs s ON s.id = r.run_id
       WHERE r.performer_id = ? AND r.suspect_id = ? AND s.state = 'done' ORDER BY s.finished_at DESC LIMIT 1`,
    )
    .get(performerId, suspectId) as
    | { percent: number | null; raw_cosine: number; band: string; model_id: string; model_sha256: string; finished_at: string }
    | undefined;
  if (!r) return null;
  return { performerId, suspectId, percent: r.percent, rawCosine: r.raw_cosine, band: r.band, modelId: r.model_id, modelSha256: r.model_sha256, source: 'screening', at: r.finished_at, regions: null };
}

/** One score per performer × suspect pair of the case, where any was recorded. */
export function citedScores(db: Db, caseId: string, performerIds: readonly string[], suspectIds: readonly string[]): CitedScore[] {
  const audited = fromAudit(db, caseId);
  const out: CitedScore[] = [];
  for (const p of performerIds)
    for (const s of suspectIds) {
      const hit = audited.find((a) => a.performerId === p && a.suspectId === s) ?? fromScreening(db, p, s);
      if (hit) out.push(hit);
    }
  return out;
}
