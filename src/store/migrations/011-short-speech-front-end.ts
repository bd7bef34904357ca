/**
 * The front-end changed how speech reaches the model (issue 19: wider VAD segments for the model, one
 * window for speech up to 6 s, a 0.5 s minimum). Everything computed from embeddings under the old
 * front-end is a cache and is dropped or marked stale so it is rebuilt the new way on next use:
 * clip embeddings, population checks; voiceprints are kept but marked stale (the performer page says
 * so, and screening rebuilds them). Screening runs already stored keep the scores they were run with.
 */
export const sql = `
DELETE FROM embeddings;
DELETE FROM population_checks;
UPDATE voiceprints SET references_key = 'stale: front-end changed (issue 19)';
`;
