/**
 * Operations of takedown letters (letters.*, platforms.*, grounds.*, reports.advocacy), spread into
 * the contract. Imports only zod and pure types, like contract.ts.
 */
import { z } from 'zod';
import { idSchema, notesText, optionalText, requiredText } from './fields.js';
import { DELIVERY_METHODS, GUIDELINE_FORMS, LETTER_FORMATS, LETTER_REGIMES, OPERATOR_REGIMES, SENDER_CAPACITIES, YES_NO_UNKNOWN } from '../domain/letters.js';
import type { AdvocacyReport, CaseLegal, DueItem, Ground, LetterDetail, LetterExport, Platform, Requester } from '../domain/letters.js';

const lang = z.enum(['ja', 'en']);
const httpUrl = optionalText('URL', 2000).refine((u) => u == null || /^https?:\/\/[^\s]+$/i.test(u), { error: 'Only http:// or https:// addresses' });
const isoTime = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'Use an ISO date and time, e.g. 2025-05-01T09:00:00+09:00' });
/** A platform id: catalog ids are slugs, user-added operators have generated ids. */
const platformId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,60}$/, { error: 'Not a platform id' });
const groundId = z.string().regex(/^[a-z0-9-]{1,40}$/);
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date written YYYY-MM-DD' });
const ynu = z.enum(YES_NO_UNKNOWN).optional();
const hostName = z.string().min(3).max(253).regex(/^[a-zA-Z0-9.:/-]+$/, { error: 'Not a host name' });

/** A document's bytes sent from the UI: a name for the record, never a path. */
const documentUpload = {
  name: z
    .string()
    .min(1)
    .max(255)
    .refine((n) => !/[\\/]/.test(n) && !n.includes('\u0000') && n !== '.' && n !== '..', { error: 'A file name, not a path' }),
  bytes: z
    .instanceof(Uint8Array)
    .refine((b) => b.byteLength > 0, { error: 'The file is empty' })
    .refine((b) => b.byteLength <= 20 * 2 ** 20, { error: 'The file is larger than 20 MiB' }),
};

export const letterContract = {
  'platforms.list': { input: z.strictObject({}), output: [] as Platform[] },
  'platforms.add': {
    input: z.strictObject({
      name: requiredText('Name'),
      operator: requiredText('Operator'),
      services: z.array(requiredText('Service')).max(20).default([]),
      regime: z.enum(OPERATOR_REGIMES),
      intakeUrl: httpUrl,
      language: z.string().min(2).max(10).default('ja'),
      kind: requiredText('Kind', 60),
      /** A designated large platform (only these get the Art 22 request and its 7-day clock). */
      designated: z.boolean().default(false),
      /** Host names of its services (example.jp); a letter's URLs are checked against them. */
      hosts: z.array(hostName).max(20).default([]),
    }),
    output: {} as Platform,
  },
  'platforms.update': {
    input: z.strictObject({ id: platformId, designated: z.boolean().optional(), hosts: z.array(hostName).max(20).optional() }),
    output: {} as Platform,
  },
  'grounds.list': { input: z.strictObject({}), output: [] as Ground[] },
  'grounds.forCase': { input: z.strictObject({ caseId: idSchema }), output: {} as CaseLegal },
  'grounds.setForCase': {
    input: z.strictObject({
      caseId: idSchema,
      grounds: z.array(groundId).max(10).optional(),
      facts: z
        .strictObject({
          usedActualRecordings: ynu,
          hasVideo: z.boolean().optional(),
          commercialUse: ynu,
          electionCandidate: z.boolean().optional(),
          exclusiveExploitation: ynu,
          wellKnownVoice: ynu,
          misleadingIndication: ynu,
          discreditsBusiness: ynu,
          harmsReputation: ynu,
          insulting: ynu,
          cinematographicConsent: ynu,
          operatorIsPoster: ynu,
          copiedWork: optionalText('Copied work', 500),
          workOwner: optionalText('Owner of the work', 200),
          ownerAuthorised: ynu,
          euLegalBasis: optionalText('EU legal basis', 1000),
          capacity: z.enum(SENDER_CAPACITIES).optional(),
          principal: optionalText('Principal', 200),
          poaSignedOn: ymd.nullish(),
          agentUnpaid: ynu,
          ownInterest: ynu,
          legalRepresentative: ynu,
        })
        .optional(),
    }),
    output: {} as CaseLegal,
  },
  /** Stores the power of attorney (委任状) with the case, with its date. */
  'grounds.attachPoa': { input: z.strictObject({ caseId: idSchema, ...documentUpload, signedOn: ymd }), output: {} as CaseLegal },
  /** The stored power of attorney, to save or attach. */
  'grounds.poaDocument': { input: z.strictObject({ caseId: idSchema }), output: {} as { fileName: string; sha256: string; bytes: Uint8Array } },
  'letters.requester': { input: z.strictObject({}), output: {} as Requester },
  'letters.setRequester': {
    input: z.strictObject({
      name: optionalText('Name'),
      organisation: optionalText('Organisation'),
      address: optionalText('Address', 500),
      email: optionalText('Email', 200).refine((e) => e == null || /^[^\s@]+@[^\s@]+$/.test(e), { error: 'Not an email address' }),
      phone: optionalText('Phone', 40),
    }),
    output: {} as Requester,
  },
  'letters.draft': {
    input: z.strictObject({
      caseId: idSchema,
      regime: z.enum(LETTER_REGIMES).nullish(),
      form: z.enum(GUIDELINE_FORMS).nullish(),
      lang: lang.default('ja'),
      platformId: platformId.nullish(),
    }),
    output: {} as LetterDetail,
  },
  /** Confirms a confirmable blocker (a URL host that is not the operator's); `confirmed: false` withdraws it. */
  'letters.confirm': {
    input: z.strictObject({ id: idSchema, blocker: z.string().regex(/^[a-z0-9:.-]{1,300}$/), confirmed: z.boolean().default(true) }),
    output: {} as LetterDetail,
  },
  'letters.get': { input: z.strictObject({ id: idSchema }), output: {} as LetterDetail },
  'letters.list': { input: z.strictObject({ caseId: idSchema.optional() }), output: [] as LetterDetail[] },
  /** Replaces one field's text; `value: null` goes back to the text generated from the case. */
  'letters.editField': {
    input: z.strictObject({ id: idSchema, field: z.string().regex(/^[a-zA-Z]{1,40}$/), value: notesText('Text', 20000).nullable() }),
    output: {} as LetterDetail,
  },
  /** Fails with LETTER_BLOCKED (issues list the blockers) or LETTER_INCOMPLETE (issues list what is missing). */
  'letters.export': { input: z.strictObject({ id: idSchema, format: z.enum(LETTER_FORMATS) }), output: {} as LetterExport },
  'letters.markSent': {
    input: z.strictObject({ id: idSchema, at: isoTime.optional(), deliveryMethod: z.enum(DELIVERY_METHODS).nullish(), receivedOn: ymd.nullish() }),
    output: {} as LetterDetail,
  },
  /** Records the receipt date and/or when YouTube notified the uploader; the clocks follow. */
  'letters.setDates': {
    input: z.strictObject({ id: idSchema, receivedOn: ymd.optional(), uploaderNotifiedAt: isoTime.optional() }),
    output: {} as LetterDetail,
  },
  'letters.recordResponse': {
    input: z.strictObject({ id: idSchema, outcome: z.string().regex(/^[a-z-]{1,40}$/), at: isoTime.optional(), note: notesText('Note', 2000) }),
    output: {} as LetterDetail,
  },
  'letters.due': { input: z.strictObject({ at: isoTime.optional() }), output: [] as DueItem[] },
  'reports.advocacy': {
    input: z.strictObject({
      period: z.enum(['month', 'quarter', 'year']).default('month'),
      from: isoTime.optional(),
      to: isoTime.optional(),
      format: z.enum(['json', 'csv', 'pdf']).default('json'),
      lang: lang.default('ja'),
    }),
    output: {} as { report: AdvocacyReport; fileName: string | null; bytes: Uint8Array | null },
  },
} as const;
