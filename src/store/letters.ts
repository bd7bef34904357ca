// Rows of takedown letters: requester identity (settings), user-added operators, per-case legal facts,
// drafts with per-field overrides and their edit history, exports, clocks and responses.
import type {
  CaseFacts,
  CaseLegalChange,
  DeliveryMethod,
  GuidelineForm,
  Lang,
  LetterEdit,
  LetterExportRecord,
  LetterFormat,
  LetterRegime,
  LetterResponse,
  LetterStatus,
  OperatorRegime,
  Requester,
} from '../domain/letters.js';
import { newId } from '../core/ids.js';
import { SeimonError } from '../core/errors.js';
import type { Db } from './database.js';

const REQUESTER_KEY = 'letters.requester';
const EMPTY_REQUESTER: Requester = { name: null, organisation: null, address: null, email: null, phone: null };

/** The requester identity letters are signed with (all null until set). */
export function getRequester(db: Db): Requester {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(REQUESTER_KEY) as { value: string } | undefined;
  if (!row) return { ...EMPTY_REQUESTER };
  try {
    return { ...EMPTY_REQUESTER, ...(JSON.parse(row.value) as Partial<Requester>) };
  } catch {
    return { ...EMPTY_REQUESTER }; // a damaged setting reads as unset: export then lists what is missing
  }
}

/** Stores the requester identity. */
export function saveRequester(db: Db, r: Requester): Requester {
  db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(REQUESTER_KEY, JSON.stringify(r));
  return r;
}

export interface OperatorRow {
  id: string;
  name: string;
  operator: string;
  services: string[];
  regime: OperatorRegime;
  intakeUrl: string | null;
  language: string;
  kind: string;
  designated: boolean;
  hosts: string[];
  createdAt: string;
}

type RawOperator = Omit<OperatorRow, 'services' | 'intakeUrl' | 'createdAt' | 'designated' | 'hosts'> & {
  services: string;
  intake_url: string | null;
  created_at: string;
  designated: number;
  hosts: string;
};

const toOperator = (r: RawOperator): OperatorRow => ({
  id: r.id,
  name: r.name,
  operator: r.operator,
  services: JSON.parse(r.services) as string[],
  regime: r.regime,
  intakeUrl: r.intake_url,
  language: r.language,
  kind: r.kind,
  designated: r.designated === 1,
  hosts: JSON.parse(r.hosts) as string[],
  createdAt: r.created_at,
});

/** Stores an operator a user added. */
export function insertOperator(db: Db, o: Omit<OperatorRow, 'id' | 'createdAt'>, now = new Date()): OperatorRow {
  const id = newId('op');
  db.prepare(
    'INSERT INTO letter_operators (id, name, operator, services, regime, intake_url, language, kind, designated, hosts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, o.name, o.operator, JSON.stringify(o.services), o.regime, o.intakeUrl, o.language, o.kind, o.designated ? 1 : 0, JSON.stringify(o.hosts), now.toISOString());
  return { ...o, id, createdAt: now.toISOString() };
}

/** Marks a user-added operator designated or not and/or replaces its hosts. */
export function updateOperator(db: Db, id: string, change: { designated?: boolean | undefined; hosts?: string[] | undefined }): OperatorRow {
  const cur = listOperators(db).find((o) => o.id === id);
  if (!cur) throw new SeimonError('LETTER_UNKNOWN_PLATFORM', `No user-added operator with id ${id} (catalog platforms change only with the data file).`);
  const designated = change.designated ?? cur.designated;
  const hosts = change.hosts ?? cur.hosts;
  const regime = designated ? 'idpa-designated' : cur.regime === 'idpa-designated' ? 'idpa-other' : cur.regime;
  db.prepare('UPDATE letter_operators SET designated = ?, hosts = ?, regime = ? WHERE id = ?').run(designated ? 1 : 0, JSON.stringify(hosts), regime, id);
  return { ...cur, designated, hosts, regime };
}

/** Operators users added, oldest first. */
export function listOperators(db: Db): OperatorRow[] {
  return (db.prepare('SELECT * FROM letter_operators ORDER BY created_at, id').all() as RawOperator[]).map(toOperator);
}

export const DEFAULT_FACTS: CaseFacts = {
  usedActualRecordings: 'unknown',
  hasVideo: false,
  commercialUse: 'unknown',
  electionCandidate: false,
  exclusiveExploitation: 'unknown',
  wellKnownVoice: 'unknown',
  misleadingIndication: 'unknown',
  discreditsBusiness: 'unknown',
  harmsReputation: 'unknown',
  insulting: 'unknown',
  cinematographicConsent: 'unknown',
  operatorIsPoster: 'unknown',
  copiedWork: null,
  workOwner: null,
  ownerAuthorised: 'unknown',
  euLegalBasis: null,
  capacity: 'self',
  principal: null,
  poaSignedOn: null,
  poaDocument: null,
  agentUnpaid: 'unknown',
  ownInterest: 'unknown',
  legalRepresentative: 'unknown',
};

const BASE_KEYS = ['usedActualRecordings', 'hasVideo', 'commercialUse', 'electionCandidate'] as const;

/** Facts as stored: known keys only, so a damaged or older row reads as the defaults it lacks. */
function extraFacts(json: string): Partial<CaseFacts> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(DEFAULT_FACTS)) if (k in raw && !(BASE_KEYS as readonly string[]).includes(k)) out[k] = raw[k];
  return out as Partial<CaseFacts>;
}

/** A case's legal facts and chosen grounds (defaults when none were recorded). */
export function getCaseLegal(db: Db, caseId: string): { facts: CaseFacts; grounds: string[] } {
  const r = db.prepare('SELECT * FROM case_legal WHERE case_id = ?').get(caseId) as
    | {
        used_actual_recordings: CaseFacts['usedActualRecordings'];
        has_video: number;
        commercial_use: CaseFacts['commercialUse'];
        election_candidate: number;
        grounds: string;
        extra: string;
      }
    | undefined;
  if (!r) return { facts: { ...DEFAULT_FACTS }, grounds: [] };
  return {
    facts: {
      ...DEFAULT_FACTS,
      ...extraFacts(r.extra),
      usedActualRecordings: r.used_actual_recordings,
      hasVideo: r.has_video === 1,
      commercialUse: r.commercial_use,
      electionCandidate: r.election_candidate === 1,
    },
    grounds: JSON.parse(r.grounds) as string[],
  };
}

/** Stores a case's legal facts and chosen grounds, and adds the change to its history. */
export function saveCaseLegal(db: Db, caseId: string, facts: CaseFacts, grounds: readonly string[], actor: string, now = new Date()): void {
  const extra = Object.fromEntries(Object.entries(facts).filter(([k]) => !(BASE_KEYS as readonly string[]).includes(k)));
  db.prepare(
    `INSERT OR REPLACE INTO case_legal (case_id, used_actual_recordings, has_video, commercial_use, election_candidate, grounds, updated_at, extra)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(caseId, facts.usedActualRecordings, facts.hasVideo ? 1 : 0, facts.commercialUse, facts.electionCandidate ? 1 : 0, JSON.stringify(grounds), now.toISOString(), JSON.stringify(extra));
  db.prepare('INSERT INTO case_legal_history (case_id, at, actor, facts, grounds) VALUES (?, ?, ?, ?, ?)').run(caseId, now.toISOString(), actor, JSON.stringify(facts), JSON.stringify(grounds));
}

/** Every saved change of a case's facts and grounds, oldest first. */
export function caseLegalHistory(db: Db, caseId: string): CaseLegalChange[] {
  const rows = db.prepare('SELECT at, actor, facts, grounds FROM case_legal_history WHERE case_id = ? ORDER BY at, rowid').all(caseId) as { at: string; actor: string; facts: string; grounds: string }[];
  return rows.map((r) => ({ at: r.at, actor: r.actor, facts: { ...DEFAULT_FACTS, ...(JSON.parse(r.facts) as Partial<CaseFacts>) }, grounds: JSON.parse(r.grounds) as string[] }));
}

export interface LetterRow {
  id: string;
  caseId: string;
  regime: LetterRegime;
  form: GuidelineForm | null;
  lang: Lang;
  platformId: string;
  status: LetterStatus;
  /** Field key → text the user wrote in place of the generated text. */
  overrides: Record<string, string>;
  /** Blocker ids the user confirmed. */
  confirmed: string[];
  sentAt: string | null;
  deliveryMethod: DeliveryMethod | null;
  receivedOn: string | null;
  uploaderNotifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface RawLetter {
  id: string;
  case_id: string;
  regime: LetterRegime;
  form: GuidelineForm | null;
  lang: Lang;
  platform_id: string;
  status: LetterStatus;
  overrides: string;
  confirmed: string;
  sent_at: string | null;
  delivery_method: DeliveryMethod | null;
  received_on: string | null;
  uploader_notified_at: string | null;
  created_at: string;
  updated_at: string;
}

const toLetter = (r: RawLetter): LetterRow => ({
  id: r.id,
  caseId: r.case_id,
  regime: r.regime,
  form: r.form,
  lang: r.lang,
  platformId: r.platform_id,
  status: r.status,
  overrides: JSON.parse(r.overrides) as Record<string, string>,
  confirmed: JSON.parse(r.confirmed) as string[],
  sentAt: r.sent_at,
  deliveryMethod: r.delivery_method,
  receivedOn: r.received_on,
  uploaderNotifiedAt: r.uploader_notified_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Stores a new draft letter. */
export function insertLetter(db: Db, l: Pick<LetterRow, 'caseId' | 'regime' | 'form' | 'lang' | 'platformId'>, now = new Date()): LetterRow {
  const id = newId('letter');
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO letters (id, case_id, regime, form, lang, platform_id, status, overrides, sent_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'draft', '{}', NULL, ?, ?)`,
  ).run(id, l.caseId, l.regime, l.form, l.lang, l.platformId, at, at);
  return getLetterRow(db, id);
}

/** A letter by id (NOT_FOUND otherwise). */
export function getLetterRow(db: Db, id: string): LetterRow {
  const r = db.prepare('SELECT * FROM letters WHERE id = ?').get(id) as RawLetter | undefined;
  if (!r) throw new SeimonError('NOT_FOUND', `No letter with id ${id}`);
  return toLetter(r);
}

/** Letters, newest first, optionally of one case. */
export function listLetterRows(db: Db, caseId?: string): LetterRow[] {
  const rows = (
    caseId
      ? db.prepare('SELECT * FROM letters WHERE case_id = ? ORDER BY created_at DESC, id').all(caseId)
      : db.prepare('SELECT * FROM letters ORDER BY created_at DESC, id').all()
  ) as RawLetter[];
  return rows.map(toLetter);
}

/** The open draft for this case, regime, language and platform, if any (reused so edits are kept). */
export function findDraft(db: Db, l: Pick<LetterRow, 'caseId' | 'regime' | 'form' | 'lang' | 'platformId'>): LetterRow | null {
  const r = db
    .prepare("SELECT * FROM letters WHERE case_id = ? AND regime = ? AND form IS ? AND lang = ? AND platform_id = ? AND status = 'draft' ORDER BY created_at DESC LIMIT 1")
    .get(l.caseId, l.regime, l.form, l.lang, l.platformId) as RawLetter | undefined;
  return r ? toLetter(r) : null;
}

/** Sets one field's override (null removes it) and records the edit. */
export function setOverride(db: Db, id: string, field: string, value: string | null, actor: string, now = new Date()): void {
  const cur = getLetterRow(db, id);
  const next = { ...cur.overrides };
  if (value === null) delete next[field];
  else next[field] = value;
  const at = now.toISOString();
  db.prepare('UPDATE letters SET overrides = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(next), at, id);
  db.prepare('INSERT INTO letter_edits (letter_id, at, field, old_value, new_value, actor) VALUES (?, ?, ?, ?, ?, ?)').run(id, at, field, cur.overrides[field] ?? null, value, actor);
}

/** Stores the blocker ids the user confirmed for a draft. */
export function setConfirmed(db: Db, id: string, confirmed: readonly string[], now = new Date()): void {
  db.prepare('UPDATE letters SET confirmed = ?, updated_at = ? WHERE id = ?').run(JSON.stringify([...new Set(confirmed)].sort()), now.toISOString(), id);
}

/** A letter's edit history, oldest first. */
export function listEdits(db: Db, id: string): LetterEdit[] {
  const rows = db.prepare('SELECT * FROM letter_edits WHERE letter_id = ? ORDER BY at, rowid').all(id) as {
    at: string;
    field: string;
    old_value: string | null;
    new_value: string | null;
    actor: string;
  }[];
  return rows.map((r) => ({ at: r.at, field: r.field, oldValue: r.old_value, newValue: r.new_value, actor: r.actor }));
}

/** Records an exported file with the field texts it carried. */
export function insertLetterExport(db: Db, letterId: string, e: { format: LetterFormat; sha256: string; sizeBytes: number; fields: unknown }, now = new Date()): LetterExportRecord {
  const id = newId('lexp');
  const createdAt = now.toISOString();
  db.prepare('INSERT INTO letter_exports (id, letter_id, format, sha256, size_bytes, fields, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    letterId,
    e.format,
    e.sha256,
    e.sizeBytes,
    JSON.stringify(e.fields),
    createdAt,
  );
  return { id, format: e.format, sha256: e.sha256, sizeBytes: e.sizeBytes, createdAt };
}

/** A letter's exports, newest first. */
export function listLetterExports(db: Db, letterId: string): LetterExportRecord[] {
  const rows = db.prepare('SELECT id, format, sha256, size_bytes, created_at FROM letter_exports WHERE letter_id = ? ORDER BY created_at DESC, id').all(letterId) as {
    id: string;
    format: LetterFormat;
    sha256: string;
    size_bytes: number;
    created_at: string;
  }[];
  return rows.map((r) => ({ id: r.id, format: r.format, sha256: r.sha256, sizeBytes: r.size_bytes, createdAt: r.created_at }));
}

export interface NewClock {
  clock: string;
  startedAt: string;
  dueAt: string;
  dueOn: string | null;
}

/** Marks a draft sent (with how it went and when it was received). */
export function markLetterSent(db: Db, id: string, sent: { sentAt: string; deliveryMethod: DeliveryMethod | null; receivedOn: string | null }, now = new Date()): void {
  const info = db
    .prepare("UPDATE letters SET status = 'sent', sent_at = ?, delivery_method = ?, received_on = ?, updated_at = ? WHERE id = ? AND status = 'draft'")
    .run(sent.sentAt, sent.deliveryMethod, sent.receivedOn, now.toISOString(), id);
  if (info.changes === 0) throw new SeimonError('LETTER_NOT_DRAFT', `Letter ${id} was already sent.`);
}

/** Records the receipt date and/or YouTube's notice to the uploader of a sent letter. */
export function setLetterDates(db: Db, id: string, d: { receivedOn?: string | undefined; uploaderNotifiedAt?: string | undefined }, now = new Date()): void {
  const cur = getLetterRow(db, id);
  db.prepare('UPDATE letters SET received_on = ?, uploader_notified_at = ?, updated_at = ? WHERE id = ?').run(
    d.receivedOn ?? cur.receivedOn,
    d.uploaderNotifiedAt ?? cur.uploaderNotifiedAt,
    now.toISOString(),
    id,
  );
}

/** Starts (or restarts, when a date is corrected) a letter's clocks; closed clocks stay closed. */
export function putClocks(db: Db, id: string, clocks: readonly NewClock[]): void {
  const add = db.prepare(
    `INSERT INTO letter_clocks (letter_id, clock, started_at, due_at, due_on, closed_at) VALUES (?, ?, ?, ?, ?, NULL)
     ON CONFLICT (letter_id, clock) DO UPDATE SET started_at = excluded.started_at, due_at = excluded.due_at, due_on = excluded.due_on`,
  );
  for (const c of clocks) add.run(id, c.clock, c.startedAt, c.dueAt, c.dueOn);
}

export interface ClockRow {
  letterId: string;
  clock: string;
  startedAt: string;
  dueAt: string;
  dueOn: string | null;
  closedAt: string | null;
}

interface RawClock {
  letter_id: string;
  clock: string;
  started_at: string;
  due_at: string;
  due_on: string | null;
  closed_at: string | null;
}

const toClock = (r: RawClock): ClockRow => ({ letterId: r.letter_id, clock: r.clock, startedAt: r.started_at, dueAt: r.due_at, dueOn: r.due_on, closedAt: r.closed_at });

/** A letter's clocks. */
export function listClocks(db: Db, letterId: string): ClockRow[] {
  return (db.prepare('SELECT * FROM letter_clocks WHERE letter_id = ? ORDER BY due_at, clock').all(letterId) as RawClock[]).map(toClock);
}

/** Every clock still running (not closed), soonest first. */
export function openClocks(db: Db): ClockRow[] {
  return (db.prepare('SELECT * FROM letter_clocks WHERE closed_at IS NULL ORDER BY due_at, letter_id').all() as RawClock[]).map(toClock);
}

/** Every clock (for the advocacy report). */
export function allClocks(db: Db): ClockRow[] {
  return (db.prepare('SELECT * FROM letter_clocks ORDER BY letter_id, clock').all() as RawClock[]).map(toClock);
}

/** Records a response; a closing outcome stops the letter's clocks and closes it. */
export function insertResponse(db: Db, letterId: string, r: LetterResponse, closes: boolean): void {
  db.prepare('INSERT INTO letter_responses (letter_id, at, outcome, note, actor) VALUES (?, ?, ?, ?, ?)').run(letterId, r.at, r.outcome, r.note, r.actor);
  if (!closes) return;
  db.prepare('UPDATE letter_clocks SET closed_at = ? WHERE letter_id = ? AND closed_at IS NULL').run(r.at, letterId);
  db.prepare("UPDATE letters SET status = 'closed', updated_at = ? WHERE id = ?").run(r.at, letterId);
}

/** A letter's responses, oldest first. */
export function listResponses(db: Db, letterId: string): LetterResponse[] {
  return db.prepare('SELECT at, outcome, note, actor FROM letter_responses WHERE letter_id = ? ORDER BY at, rowid').all(letterId) as LetterResponse[];
}


/** The field texts of a letter's latest export, or null when it was never exported. */
export function lastExportFields(db: Db, letterId: string): { key: string; text: string }[] | null {
  const r = db.prepare('SELECT fields FROM letter_exports WHERE letter_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(letterId) as { fields: string } | undefined;
  return r ? (JSON.parse(r.fields) as { key: string; text: string }[]) : null;
}
