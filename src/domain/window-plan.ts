// Which windows a recording is embedded with depends on what they are for (issue 19, measured with
// scripts/eval/window-hop.ts on held-out speakers; tables in models/starter/MODEL_CARD.md, "Window plan").

/** Windows whose embeddings are averaged into a score (voiceprints, suspect clips), or a clip's timeline. */
export type EmbeddingPurpose = 'score' | 'timeline';

/**
 * The hop between a recording's analysis windows, in seconds. Scoring tiles the speech (hop = window):
 * averaged into a voiceprint or a clip's vector, overlapping windows changed no score measurably
 * (long-speech EER 2.56 % at a 1.5 s hop, 2.43 % tiled, on held-out test speakers) and cost 1.7 times the
 * arithmetic. A clip's timeline keeps the model's hop: there the overlap is what finds a short spliced
 * piece (timeline-peak EER on 3 s splices 10.4 % at 1.5 s, 13.3 % tiled).
 */
export function windowHopSeconds(purpose: EmbeddingPurpose, model: { windowSeconds: number; hopSeconds: number }): number {
  return purpose === 'score' ? model.windowSeconds : model.hopSeconds;
}
