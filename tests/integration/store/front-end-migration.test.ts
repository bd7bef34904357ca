// Migrations 011 and 012 (issue 19): embeddings made under an old front-end or window plan are caches that
// must not mix with new ones: clip embeddings and population checks are dropped, voiceprints kept but
// marked stale. 012 also puts the window hop in the embedding cache's key.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.js';
import { saveEmbedding, findEmbedding } from '../../../src/store/embeddings.js';
import { insertPerformer } from '../../../src/store/performers.js';
import { findVoiceprint, referencesKeyOf, saveVoiceprint, voiceprintStatuses } from '../../../src/store/voiceprints.js';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index.js';
import { freshDataDir } from '../../helpers/paths.js';

const MODEL = 'c'.repeat(64);

describe('migration 012: the window plan', () => {
  it('drops clip embeddings and population checks and marks voiceprints stale, keeping the performer', () => {
    const dir = freshDataDir('seimon-m011');
    let db = openDatabase(dir);
    const p = insertPerformer(db, { name: '声優 太郎' });
    saveEmbedding(db, { fileSha256: 'd'.repeat(64), modelSha256: MODEL, hopSeconds: 1.5, modelId: 'm', dim: 2, vector: Float32Array.from([1, 0]), windows: [], speechSeconds: 3 });
    saveVoiceprint(db, { performerId: p.id, modelId: 'm', modelSha256: MODEL, vector: Float32Array.from([1, 0]), references: 1, windows: 1, speechSeconds: 3, referencesKey: referencesKeyOf(db, p.id) });
    db.prepare("INSERT INTO population_checks (model_sha256, enrolment_key, computed_at, check_json) VALUES (?, 'k', 'now', '{}')").run(MODEL);
    expect(voiceprintStatuses(db, p.id)[0]?.stale).toBe(false);
    // Back to the version before 012, as a database written by the previous release would be.
    db.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    db.close();

    db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(findEmbedding(db, 'd'.repeat(64), MODEL, 1.5)).toBeUndefined();
    expect(voiceprintStatuses(db, p.id)[0]?.stale).toBe(true);
    expect((db.prepare('SELECT COUNT(*) AS n FROM population_checks').get() as { n: number }).n).toBe(0);
    expect(findVoiceprint(db, p.id, MODEL)).toBeDefined();
    expect(voiceprintStatuses(db, p.id)[0]?.stale).toBe(true);
    db.close();
  });

  it('keeps one embedding of a file per hop under a model: a reference (tiled) and a suspect clip side by side', () => {
    const db = openDatabase(freshDataDir('seimon-m012'));
    const base = { fileSha256: 'e'.repeat(64), modelSha256: MODEL, modelId: 'm', dim: 2, windows: [], speechSeconds: 9 };
    saveEmbedding(db, { ...base, hopSeconds: 3, vector: Float32Array.from([1, 0]) });
    saveEmbedding(db, { ...base, hopSeconds: 2, vector: Float32Array.from([0, 1]) });
    expect(Array.from(findEmbedding(db, base.fileSha256, MODEL, 3)!.vector)).toEqual([1, 0]);
    expect(Array.from(findEmbedding(db, base.fileSha256, MODEL, 2)!.vector)).toEqual([0, 1]);
    expect(findEmbedding(db, base.fileSha256, MODEL, 1.5)).toBeUndefined();
    expect(() => saveEmbedding(db, { ...base, hopSeconds: 0, vector: Float32Array.from([1, 0]) })).toThrow(/CHECK constraint/);
    db.close();
  });
});
