// Migration 011 (issue 19): embeddings made under the old front-end are caches that must not mix with
// new ones: clip embeddings and population checks are dropped, voiceprints kept but marked stale.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.js';
import { saveEmbedding, findEmbedding } from '../../../src/store/embeddings.js';
import { insertPerformer } from '../../../src/store/performers.js';
import { findVoiceprint, referencesKeyOf, saveVoiceprint, voiceprintStatuses } from '../../../src/store/voiceprints.js';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index.js';
import { freshDataDir } from '../../helpers/paths.js';

const MODEL = 'c'.repeat(64);

describe('migration 011: the short-speech front-end', () => {
  it('drops clip embeddings and population checks and marks voiceprints stale, keeping the performer', () => {
    const dir = freshDataDir('seimon-m011');
    let db = openDatabase(dir);
    const p = insertPerformer(db, { name: '声優 太郎' });
    saveEmbedding(db, { fileSha256: 'd'.repeat(64), modelSha256: MODEL, modelId: 'm', dim: 2, vector: Float32Array.from([1, 0]), windows: [], speechSeconds: 3 });
    saveVoiceprint(db, { performerId: p.id, modelId: 'm', modelSha256: MODEL, vector: Float32Array.from([1, 0]), references: 1, windows: 1, speechSeconds: 3, referencesKey: referencesKeyOf(db, p.id) });
    db.prepare("INSERT INTO population_checks (model_sha256, enrolment_key, computed_at, check_json) VALUES (?, 'k', 'now', '{}')").run(MODEL);
    expect(voiceprintStatuses(db, p.id)[0]?.stale).toBe(false);
    // Back to the schema before 011, as a database written by the previous release would be.
    db.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    db.close();

    db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(findEmbedding(db, 'd'.repeat(64), MODEL)).toBeUndefined();
    expect((db.prepare('SELECT COUNT(*) AS n FROM population_checks').get() as { n: number }).n).toBe(0);
    expect(findVoiceprint(db, p.id, MODEL)).toBeDefined();
    expect(voiceprintStatuses(db, p.id)[0]?.stale).toBe(true);
    db.close();
  });
});
