/** Pure types of takedown letters, platforms, grounds, clocks and the advocacy report (no runtime imports). */

export type Lang = 'ja' | 'en';
export type Text = Record<Lang, string>;

/** Which letter a request is drafted as. */
export const LETTER_REGIMES = ['idpa', 'guideline', 'dmca', 'dsa', 'youtube'] as const;
export type LetterRegime = (typeof LETTER_REGIMES)[number];

/** Which regime an operator falls under (the catalog's designated platforms are 'idpa-designated'). */
export const OPERATOR_REGIMES = ['idpa-designated', 'idpa-other', 'dmca', 'dsa', 'youtube'] as const;
export type OperatorRegime = (typeof OPERATOR_REGIMES)[number];

export const LETTER_FORMATS = ['pdf', 'docx', 'txt'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

/** A platform or operator a request can go to. */
export interface Platform {
  id: string;
  /** Display name: the services, or the name given by the user. */
  name: string;
  operator: string;
  services: string[];
  regime: OperatorRegime;
  /** Designation date (YYYY-MM-DD) for catalog platforms; null for user-added operators. */
  designatedOn: string | null;
  intakeUrl: string | null;
  language: string;
  /** 'catalog' (bundled data file) or 'user' (added in this workbench). */
  source: 'catalog' | 'user';
  /** What kind of operator a user added (AI voice service, video site…); null for catalog entries. */
  kind: string | null;
}

/** A legal ground from the grounds library. */
export interface Ground {
  id: string;
  name: Text;
  basis: Text;
  explanation: Text;
  needs: Record<Lang, string[]>;
}

/** Facts of a case that decide which grounds fit. */
export interface CaseFacts {
  usedActualRecordings: YesNoUnknown;
  hasVideo: boolean;
  commercialUse: YesNoUnknown;
  /** The person concerned is an election candidate (2-day poster inquiry, Act Art 4). */
  electionCandidate: boolean;
}

/** A warning that a chosen ground or regime does not (or may not) fit the case's facts. */
export interface FitWarning {
  /** Ground id, or `regime:<regime>` for a letter-type warning. */
  subject: string;
  level: 'mismatch' | 'caution' | 'info';
  message: Text;
}

/** A case's facts, chosen grounds and the warnings they raise. */
export interface CaseLegal {
  caseId: string;
  facts: CaseFacts;
  grounds: string[];
  warnings: FitWarning[];
}

/** Who sends requests (kept in settings). */
export interface Requester {
  name: string | null;
  organisation: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
}

/** One field of a letter as the editor shows it. */
export interface LetterField {
  key: string;
  label: string;
  /** The text in force: the user's edit when there is one, else the text generated from the case. */
  value: string;
  generated: string;
  edited: boolean;
  /** The platform passes this field to the poster as written. */
  verbatimToPoster: boolean;
  /** Inputs this field still lacks (empty when complete or edited by hand). */
  missing: string[];
}

export interface LetterEdit {
  at: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  actor: string;
}

export interface LetterClock {
  clock: string;
  /** Label and basis in the letter's language (what the letter itself cites). */
  label: string;
  basis: string;
  /** Label and basis in both languages, so the UI can speak its own language whatever the letter's. */
  text: { ja: { label: string; basis: string }; en: { label: string; basis: string } };
  note: string;
  startedAt: string;
  dueAt: string;
  closedAt: string | null;
}

export interface LetterResponse {
  at: string;
  outcome: string;
  note: string | null;
  actor: string;
}

export interface LetterExportRecord {
  id: string;
  format: LetterFormat;
  sha256: string;
  sizeBytes: number;
  createdAt: string;
}

export type LetterStatus = 'draft' | 'sent' | 'closed';

/** A drafted request with its fields, what is missing, warnings, clocks and history. */
export interface LetterDetail {
  id: string;
  caseId: string;
  regime: LetterRegime;
  lang: Lang;
  platform: Platform;
  status: LetterStatus;
  title: string;
  subtitle: string;
  addressee: string;
  /** Who sends it (organisation and name), printed under the addressee; empty until the requester is set. */
  sender: string;
  opening: string;
  closing: string;
  signature: string;
  date: string;
  fields: LetterField[];
  /** Everything missing across fields; export is blocked while this is not empty. */
  missing: string[];
  warnings: FitWarning[];
  notes: string;
  edits: LetterEdit[];
  exports: LetterExportRecord[];
  clocks: LetterClock[];
  responses: LetterResponse[];
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An exported letter: bytes to save, plus per-field text for pasting into web forms. */
export interface LetterExport extends LetterExportRecord {
  fileName: string;
  bytes: Uint8Array;
  fields: { key: string; label: string; text: string }[];
}

/** A running or overdue clock, for the due list. */
export interface DueItem {
  letterId: string;
  caseId: string;
  platformId: string;
  platformName: string;
  regime: LetterRegime;
  clock: string;
  label: Text;
  dueAt: string;
  overdue: boolean;
  hoursLeft: number;
}

/** One row of the advocacy report: one platform in one period. */
export interface AdvocacyRow {
  period: string;
  platformId: string;
  platformName: string;
  sent: number;
  responded: number;
  /** Median hours from sending to the first closing response; null when none responded. */
  medianResponseHours: number | null;
  outcomes: Record<string, number>;
  /** Clocks that ran out before a closing response (still open or closed late). */
  overdue: number;
}

export interface AdvocacyReport {
  from: string | null;
  to: string | null;
  period: 'month' | 'quarter' | 'year';
  rows: AdvocacyRow[];
  generatedAt: string;
}
