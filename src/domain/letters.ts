/** Pure types of takedown letters, platforms, grounds, clocks and the advocacy report (no runtime imports). */

export type Lang = 'ja' | 'en';
export type Text = Record<Lang, string>;

/** Which letter a request is drafted as. */
export const LETTER_REGIMES = ['idpa', 'guideline', 'dmca', 'dsa', 'youtube', 'warning'] as const;
export type LetterRegime = (typeof LETTER_REGIMES)[number];

/** The guideline council's two forms: ① defamation/privacy (personality rights) and the copyright form (様式A). */
export const GUIDELINE_FORMS = ['personality', 'copyright'] as const;
export type GuidelineForm = (typeof GUIDELINE_FORMS)[number];

/** In what capacity the requester sends: the performer themself, an agent with a power of attorney
 * (委任状), a lawyer (弁護士), or an organisation (union, agency) in its own name and own interest. */
export const SENDER_CAPACITIES = ['self', 'agent', 'lawyer', 'organisation'] as const;
export type SenderCapacity = (typeof SENDER_CAPACITIES)[number];

/** How a request is delivered; the receipt date defaults to the sending date plus the method's days. */
export const DELIVERY_METHODS = ['web-form', 'email', 'post', 'registered-post', 'hand'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

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
  /** A designated large platform (Act Art 20(1)): only these get the Art 22 request and its 7-day clock. */
  designated: boolean;
  /** Host names of its services (a letter's URLs must be on one of them, or the mismatch is confirmed). */
  hosts: string[];
}

/** A legal ground from the grounds library. */
export interface Ground {
  id: string;
  family: GroundFamily;
  /** Facts it needs confirmed (FactKey names). */
  requires: string[];
  name: Text;
  basis: Text;
  explanation: Text;
  needs: Record<Lang, string[]>;
}

/** Facts of a case that decide which grounds and letters fit ('yes' confirmed, 'no' contradicted). */
export interface CaseFacts {
  usedActualRecordings: YesNoUnknown;
  hasVideo: boolean;
  commercialUse: YesNoUnknown;
  /** The person concerned is an election candidate (2-day poster inquiry, Act Art 4). */
  electionCandidate: boolean;
  /** The use aims exclusively (専ら) at exploiting the performer's customer-attracting power (Pink Lady). */
  exclusiveExploitation: YesNoUnknown;
  /** The voice is shown to be a well-known (周知) or famous (著名) indication of the performer's business. */
  wellKnownVoice: YesNoUnknown;
  /** The AI voice is presented so as to mislead about its origin or endorsement (UCPA Art 2(1)(xx)). */
  misleadingIndication: YesNoUnknown;
  /** A competitor spreads false facts harming the performer's business reputation (UCPA Art 2(1)(xxi)). */
  discreditsBusiness: YesNoUnknown;
  /** The AI voice says things that lower the performer's social reputation (defamation). */
  harmsReputation: YesNoUnknown;
  /** The AI voice says insulting things beyond what is socially tolerable (名誉感情). */
  insulting: YesNoUnknown;
  /** The performer consented to the copied performance being recorded in a cinematographic work (anime, dubbing). */
  cinematographicConsent: YesNoUnknown;
  /** The operator addressed is itself the poster (a 警告書 goes to it directly). */
  operatorIsPoster: YesNoUnknown;
  /** The copied work, identified (title, episode, track), for a DMCA notice. */
  copiedWork: string | null;
  /** Who owns the copyright in that work (for anime audio, usually the producer). */
  workOwner: string | null;
  /** The sender is the owner of the work or authorised by the owner. */
  ownerAuthorised: YesNoUnknown;
  /** The EU or Member-State law the content is illegal under (DSA Art 3(h)). */
  euLegalBasis: string | null;
  capacity: SenderCapacity;
  /** On whose behalf an agent, lawyer or organisation acts (defaults to the case's performers). */
  principal: string | null;
  /** Date (YYYY-MM-DD) of the power of attorney (委任状) an agent or lawyer holds. */
  poaSignedOn: string | null;
  /** The power of attorney itself, stored with the case (its SHA-256 is cited in the letters). */
  poaDocument: { fileName: string; sha256: string; sizeBytes: number } | null;
  /** A non-lawyer agent acts without pay and not as a business (弁護士法72条). */
  agentUnpaid: YesNoUnknown;
  /** The organisation has its own interest in the matter (not only its members'). */
  ownInterest: YesNoUnknown;
  /** The sender is the performer's legal representative (法定代理人), for YouTube's privacy process. */
  legalRepresentative: YesNoUnknown;
}

/** Every fact key, in the order the UI lists them. */
export const FACT_KEYS = [
  'usedActualRecordings',
  'hasVideo',
  'commercialUse',
  'electionCandidate',
  'exclusiveExploitation',
  'wellKnownVoice',
  'misleadingIndication',
  'discreditsBusiness',
  'harmsReputation',
  'insulting',
  'cinematographicConsent',
  'operatorIsPoster',
  'copiedWork',
  'workOwner',
  'ownerAuthorised',
  'euLegalBasis',
  'capacity',
  'principal',
  'poaSignedOn',
  'agentUnpaid',
  'ownInterest',
  'legalRepresentative',
] as const satisfies readonly (keyof CaseFacts)[];
export type FactKey = (typeof FACT_KEYS)[number];

/** Ground families: which letters and guideline forms carry them. */
export const GROUND_FAMILIES = ['personality', 'copyright', 'competition'] as const;
export type GroundFamily = (typeof GROUND_FAMILIES)[number];

/** How a ground's facts stand on a case. */
export interface GroundAssessment {
  id: string;
  name: Text;
  /** 'confirmed': every fact it needs is confirmed; 'belief': some are unknown (put as the requester's
   * belief, marked for review); 'contradicted': a fact it needs is contradicted (never in a letter). */
  status: 'confirmed' | 'belief' | 'contradicted';
  unknown: Text[];
  contradicted: Text[];
}

/** Something that stops a letter being exported; `confirmable` ones are cleared by confirming them. */
export interface LetterBlocker {
  id: string;
  message: Text;
  confirmable: boolean;
}

/** A change of a case's facts or grounds. */
export interface CaseLegalChange {
  at: string;
  actor: string;
  facts: CaseFacts;
  grounds: string[];
}

/** A warning that a chosen ground or regime does not (or may not) fit the case's facts. */
export interface FitWarning {
  /** Ground id, or `regime:<regime>` for a letter-type warning. */
  subject: string;
  level: 'mismatch' | 'review' | 'caution' | 'info';
  message: Text;
}

/** A case's facts, chosen grounds and the warnings they raise. */
export interface CaseLegal {
  caseId: string;
  facts: CaseFacts;
  grounds: string[];
  warnings: FitWarning[];
  assessments: GroundAssessment[];
  history: CaseLegalChange[];
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
  /** The last day of a period counted in days (Japan date), or null for an hours window. */
  dueOn: string | null;
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
  /** The guideline form used (chosen by ground); null for other regimes. */
  form: GuidelineForm | null;
  lang: Lang;
  platform: Platform;
  status: LetterStatus;
  /** The grounds this letter carries, with how their facts stand (contradicted ones are not carried). */
  grounds: GroundAssessment[];
  /** What stops export (export is refused while any is open, with this list). */
  blockers: LetterBlocker[];
  /** Blocker ids the user confirmed for this letter (e.g. a URL host that is not the operator's). */
  confirmed: string[];
  /** What goes with the letter (ID, seal certificate, power of attorney, evidence pack…). */
  attachments: string[];
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
  deliveryMethod: DeliveryMethod | null;
  /** Date (YYYY-MM-DD, Japan) the recipient received it; the day clocks count from. */
  receivedOn: string | null;
  /** When YouTube notified the uploader (its 48 h runs from then), as entered. */
  uploaderNotifiedAt: string | null;
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
