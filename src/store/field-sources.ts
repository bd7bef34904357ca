// Suspect fields prefilled from a captured page ("from the page", with the capture they came from)
// and the history of every change to a suspect's fields, by a person or by a prefill.
import type { FieldChange, FieldSource, PageField } from '../domain/capture.js';
import type { Db } from './database.js';

interface SourceRow {
  field: PageField;
  capture_id: string;
  value: string;
  confirmed_at: string | null;
}

/** The suspect's fields that came from a page, in field order. */
export function listFieldSources(db: Db, suspectId: string): FieldSource[] {
  const rows = db.prepare('SELECT field, capture_id, value, confirmed_at FROM suspect_field_sources WHERE suspect_id = ? ORDER BY field').all(suspectId) as SourceRow[];
  return rows.map((r) => ({ field: r.field, captureId: r.capture_id, value: r.value, confirmedAt: r.confirmed_at }));
}

/** Marks a field as prefilled from a capture (replacing an earlier page mark for it). */
export function markFromPage(db: Db, suspectId: string, field: PageField, captureId: string, value: string): void {
  db.prepare(
    `INSERT INTO suspect_field_sources (suspect_id, field, capture_id, value, confirmed_at) VALUES (?, ?, ?, ?, NULL)
     ON CONFLICT (suspect_id, field) DO UPDATE SET capture_id = excluded.capture_id, value = excluded.value, confirmed_at = NULL`,
  ).run(suspectId, field, captureId, value);
}

/** Records that the user checked a prefilled value; false when the field carries no page mark. */
export function confirmFromPage(db: Db, suspectId: string, field: PageField, now = new Date()): boolean {
  return db.prepare('UPDATE suspect_field_sources SET confirmed_at = ? WHERE suspect_id = ? AND field = ?').run(now.toISOString(), suspectId, field).changes > 0;
}

/** Drops the page mark of a field whose value the user replaced. */
export function dropPageMark(db: Db, suspectId: string, field: string): void {
  db.prepare('DELETE FROM suspect_field_sources WHERE suspect_id = ? AND field = ?').run(suspectId, field);
}

/** Appends one field change to the suspect's history. */
export function appendFieldChange(db: Db, suspectId: string, c: Omit<FieldChange, 'at'>, now = new Date()): void {
  db.prepare(
    'INSERT INTO suspect_field_history (suspect_id, field, old_value, new_value, source, capture_id, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(suspectId, c.field, c.oldValue, c.newValue, c.source, c.captureId, c.actor, now.toISOString());
}

/** Every change of the suspect's fields, oldest first. */
export function listFieldChanges(db: Db, suspectId: string): FieldChange[] {
  const rows = db
    .prepare('SELECT field, old_value, new_value, source, capture_id, actor, at FROM suspect_field_history WHERE suspect_id = ? ORDER BY seq')
    .all(suspectId) as { field: string; old_value: string | null; new_value: string | null; source: 'user' | 'page'; capture_id: string | null; actor: string; at: string }[];
  return rows.map((r) => ({ field: r.field, oldValue: r.old_value, newValue: r.new_value, source: r.source, captureId: r.capture_id, actor: r.actor, at: r.at }));
}
