// Importing one audio file as a performer's reference or a suspect's clip: bytes into the content
// store first, then the quality probe, then one transaction (row + audit). A crash between the two
// leaves at most an unreferenced stored file, never a row without its file.
import { probeAudioFile } from '../audio/probe.js';
import type { QualityReport } from '../audio/probe.js';
import type { CoreContext } from '../core/context.js';
import type { Recording } from '../domain/index.js';
import { MIN_SCORED_SPEECH_SECONDS } from '../domain/short-speech.js';
import { SeimonError, isSeimonError } from '../core/errors.js';
import { appendAudit } from '../store/audit.js';
import { holdPending, putBytes, removeStored, sha256Of } from '../store/content.js';
import type { StoredFile } from '../store/content.js';
import { findOwnedRecording, insertRecording, shaInUse } from '../store/recordings.js';
import type { Provenance } from '../store/recordings.js';
import { toRecordingQuality, weakReasonsOf } from './quality.js';

export interface ImportRequest {
  role: Recording['role'];
  ownerId: string;
  /** The name the file had: a label only, never a path. */
  originalName: string;
  bytes: Uint8Array;
  provenance: Provenance;
}

/** A file name from outside is a label: refuse anything that could act as a path. */
export function checkBareName(name: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is exactly what must be refused in a name
  if (!name || name === '.' || name === '..' || /[\\/\u0000]/.test(name) || name.length > 255)
    throw new SeimonError('INVALID_INPUT', 'A file name, not a path, is expected');
  return name;
}

async function probeStored(file: string): Promise<QualityReport> {
  try {
    return await probeAudioFile(file);
  } catch (e) {
    if (isSeimonError(e)) throw e;
    throw new SeimonError('AUDIO_DECODE_FAILED', `The file could not be decoded: ${(e as Error).message}`);
  }
}

/** Imports one file for an owner; a duplicate of a file the owner already has returns that recording. */
export async function importRecording(ctx: CoreContext, req: ImportRequest): Promise<{ recording: Recording; duplicate: boolean }> {
  checkBareName(req.originalName);
  // Marked as pending first, so a sweep in another process never takes the file before its row exists;
  // if this process dies (kill -9) the mark names a dead pid and the next sweep removes the orphan.
  const pending = holdPending(ctx.dataDir, sha256Of(req.bytes));
  try {
    const stored = putBytes(ctx.dataDir, req.bytes);
    const existing = findOwnedRecording(ctx.db, req.role, req.ownerId, stored.sha256);
    if (existing) return { recording: existing, duplicate: true };
    try {
      const report = await probeStored(stored.path);
      refuseUnusableReference(req.role, report.speechSeconds);
      return recordImport(ctx, req, stored, report);
    } catch (e) {
      // Refused or failed: the bytes we just wrote must not stay behind unless another row names them.
      if (stored.created && !shaInUse(ctx.db, stored.sha256)) removeStored(ctx.dataDir, stored.sha256);
      throw e;
    }
  } finally {
    pending.release();
  }
}

/** Below this much speech a recording gets no score (issue 19), so a reference could never count in a voiceprint. */
export const MIN_REFERENCE_IMPORT_SPEECH_SECONDS = MIN_SCORED_SPEECH_SECONDS;

/** A reference too short to count is refused at the door rather than stored and silently left out. */
function refuseUnusableReference(role: ImportRequest['role'], speechSeconds: number): void {
  if (role !== 'reference' || speechSeconds >= MIN_REFERENCE_IMPORT_SPEECH_SECONDS) return;
  throw new SeimonError(
    'AUDIO_TOO_SHORT',
    `Only ${speechSeconds.toFixed(1)} s of speech: a reference needs at least ${MIN_REFERENCE_IMPORT_SPEECH_SECONDS} s to count in the voiceprint.`,
    { speechSeconds, minSpeechSeconds: MIN_REFERENCE_IMPORT_SPEECH_SECONDS },
  );
}

function recordImport(
  ctx: CoreContext,
  req: ImportRequest,
  stored: StoredFile,
  report: QualityReport,
): { recording: Recording; duplicate: boolean } {
  const quality = toRecordingQuality(report);
  return ctx.db.transaction(() => {
    const again = findOwnedRecording(ctx.db, req.role, req.ownerId, stored.sha256);
    if (again) return { recording: again, duplicate: true };
    const rec = insertRecording(ctx.db, {
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      originalName: req.originalName,
      role: req.role,
      ownerId: req.ownerId,
      sampleRate: report.source.sampleRate,
      channels: report.source.channels,
      container: report.source.format.container,
      codec: report.source.format.codec,
      quality,
      weakReasons: req.role === 'reference' ? weakReasonsOf(quality, report.source.sampleRate) : null,
      provenance: req.provenance,
    });
    appendAudit(ctx.db, {
      actor: ctx.actor,
      action: req.role === 'reference' ? 'reference.import' : 'suspect-clip.import',
      objectType: 'recording',
      objectId: rec.id,
      details: { sha256: rec.sha256, sizeBytes: rec.sizeBytes, originalName: rec.originalName, ownerId: req.ownerId, provenance: req.provenance },
    });
    return { recording: rec, duplicate: false };
  })();
}
