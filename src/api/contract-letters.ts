/**
 * Operations of takedown letters (letters.*, platforms.*, grounds.*, reports.advocacy), spread into
 * the contract. Imports only zod and pure types, like contract.ts.
 */
import { z } from 'zod';
import { idSchema, notesText, optionalText, requiredText } from './fields.js';
import { LETTER_FORMATS, LETTER_REGIMES, OPERATOR_REGIMES, YES_NO_UNKNOWN } from '../domain/letters.js';
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
    }),
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
          usedActualRecordings: z.enum(YES_NO_UNKNOWN).optional(),
          hasVideo: z.boolean().optional(),
          commercialUse: z.enum(YES_NO_UNKNOWN).optional(),
          electionCandidate: z.boolean().optional(),
        })
        .optional(),
    }),
    output: {} as CaseLegal,
  },
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
    input: z.strictObject({ caseId: idSchema, regime: z.enum(LETTER_REGIMES).nullish(), lang: lang.default('ja'), platformId: platformId.nullish() }),
    output: {} as LetterDetail,
  },
  'letters.get': { input: z.strictObject({ id: idSchema }), output: {} as LetterDetail },
  'letters.list': { input: z.strictObject({ caseId: idSchema.optional() }), output: [] as LetterDetail[] },
  /** Replaces one field's text; `value: null` goes back to the text generated from the case. */
  'letters.editField': {
    input: z.strictObject({ id: idSchema, field: z.string().regex(/^[a-zA-Z]{1,40}$/), value: notesText('Text', 20000).nullable() }),
    output: {} as LetterDetail,
  },
  /** Fails with LETTER_INCOMPLETE (issues list what is missing) until requester details and URLs are there. */
  'letters.export': { input: z.strictObject({ id: idSchema, format: z.enum(LETTER_FORMATS) }), output: {} as LetterExport },
  'letters.markSent': { input: z.strictObject({ id: idSchema, at: isoTime.optional() }), output: {} as LetterDetail },
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
