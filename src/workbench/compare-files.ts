// `seimon embed FILE` and `seimon compare A B` as workflows (CLI-only operations: they take paths).
// compare scores the two recordings through the app's scorer, with this data folder's population:
// on a fresh folder there is none, so the band is withheld and only raw and normalised scores are stated.
import type { CoreContext } from '../core/context.js';
import { windowHopSeconds } from '../domain/index.js';
import type { FileEmbeddingResult, FileSummary, FilesComparison } from '../domain/index.js';
import { rememberEmbedding } from '../embedding/cached.js';
import { embedFile } from '../embedding/embed-file.js';
import type { FileEmbedding } from '../embedding/embed-file.js';
import { openEmbedder } from '../embedding/open.js';
import type { ModelSummary } from '../models/manifest.js';
import { applicableCalibration, scorePair } from '../scoring/scorer.js';
import type { Lang } from './caveats.js';
import { scoreMeaning } from './meaning.js';
import { scoringFor } from './population.js';
import { populationNotes } from './population-text.js';
import { modelRef } from './readings.js';
import { SeimonError, isSeimonError } from '../core/errors.js';

const round = (x: number, d = 6) => Math.round(x * 10 ** d) / 10 ** d;

function summary(file: string, f: FileEmbedding): FileSummary {
  return {
    file,
    speechSeconds: round(f.speechSeconds, 3),
    windows: f.windows.map((w) => ({ start: round(w.start, 3), end: round(w.end, 3) })),
    source: f.source,
    warnings: f.warnings,
  };
}

async function withFiles<T>(ctx: CoreContext, modelId: string | null | undefined, files: string[], fn: (model: ModelSummary, embedded: FileEmbedding[]) => T): Promise<T> {
  const { embedder, model } = await openEmbedder(ctx, modelId);
  try {
    const out: FileEmbedding[] = [];
    for (const file of files) {
      try {
        const f = await embedFile(embedder, file, { hopSeconds: windowHopSeconds('score', embedder.model) });
        await rememberEmbedding(ctx, embedder, file, f);
        out.push(f);
      } catch (e) {
        if (isSeimonError(e)) throw new SeimonError(e.code, `${file}: ${e.message}`, e.details);
        throw e;
      }
    }
    return fn(model, out);
  } finally {
    await embedder.close();
  }
}

/** The speaker embedding of one recording. */
export function embedOneFile(ctx: CoreContext, input: { file: string; modelId?: string | null | undefined }): Promise<FileEmbeddingResult> {
  return withFiles(ctx, input.modelId, [input.file], (model, [f]) => {
    const e = f as FileEmbedding;
    return { model: { id: model.id, sha256: model.sha256 }, dim: e.dim, embedding: Array.from(e.embedding, (x) => round(x)), ...summary(input.file, e) };
  });
}

/** Two recordings scored exactly as the app scores a performer against a suspect. */
export function compareFiles(ctx: CoreContext, input: { a: string; b: string; modelId?: string | null | undefined; lang: Lang }): Promise<FilesComparison> {
  return withFiles(ctx, input.modelId, [input.a, input.b], (model, [ea, eb]) => {
    const { setup, figures } = scoringFor(ctx, model);
    const reading = scorePair(setup, { vector: (ea as FileEmbedding).embedding, owner: null }, { vector: (eb as FileEmbedding).embedding, owner: null });
    return {
      model: modelRef(model, applicableCalibration(setup)),
      reading,
      population: figures,
      meaning: scoreMeaning(reading, setup.bands, input.lang, figures),
      notes: populationNotes(figures, reading.band, input.lang),
      a: summary(input.a, ea as FileEmbedding),
      b: summary(input.b, eb as FileEmbedding),
    };
  });
}
