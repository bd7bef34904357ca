// Which windows a recording is embedded with depends on what it is for (issue 19, measured with
// scripts/eval/window-hop.ts on held-out speakers; figures in models/starter/MODEL_CARD.md).

/** A performer's reference (averaged into the voiceprint) or a suspect clip (scored, with a timeline). */
export type EmbeddingPurpose = 'reference' | 'suspect';

/**
 * The hop between a recording's analysis windows, in seconds. References tile their speech (hop = window):
 * their windows are only averaged into the voiceprint, where overlapping them changed no score measurably
 * (long-speech EER 2.89 % at a 1.5 s hop, 2.84 % tiled) and cost 1.7 times the arithmetic. Suspect clips
 * keep the model's hop: their windows draw the timeline, and overlap finds short spliced pieces.
 */
export function windowHopSeconds(purpose: EmbeddingPurpose, model: { windowSeconds: number; hopSeconds: number }): number {
  return purpose === 'reference' ? model.windowSeconds : model.hopSeconds;
}
