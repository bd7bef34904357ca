/**
 * Operations of evidence packs, signing keys and evidence settings, spread into the contract.
 * Imports only zod and pure types, like contract.ts. The two that take paths on this computer
 * (`evidenceCliContract`) join the CLI-only operations of contract-cli.ts, which electron/ipc.ts refuses.
 */
import { z } from 'zod';
import { idSchema, optionalText, requiredText } from './fields.js';
import type { EvidenceExport, SigningKeyInfo } from '../domain/cases.js';
import type { EvidenceSettings, PackVerification, TrustedKey } from '../domain/evidence.js';

const exportFileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.zip$/, { error: 'An export file name, not a path' });
const fingerprint = z.string().regex(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/, { error: 'A key fingerprint (64 hex digits in groups of four)' });
const pem = z.string().max(4000).regex(/-----BEGIN PUBLIC KEY-----/, { error: 'A public key in PEM form (-----BEGIN PUBLIC KEY-----)' });
const localPath = z.string().min(1).max(4096);

const exportFields = {
  caseId: idSchema,
  lang: z.enum(['ja', 'en']),
  /** recipient (default): redacted, the only kind letters attach; internal: may include the two below. */
  audience: z.enum(['recipient', 'internal']).default('recipient'),
  includeReferenceAudio: z.boolean().default(false),
  includeOtherPerformers: z.boolean().default(false),
};

export const evidenceContract = {
  /** Writes the pack into <dataDir>/exports/ and returns its record; the shell offers that file for saving. */
  'evidence.export': { input: z.strictObject(exportFields), output: {} as EvidenceExport },
  'evidence.verify': { input: z.strictObject({ fileName: exportFileName }), output: {} as PackVerification },
  'evidence.key': { input: z.strictObject({}), output: {} as SigningKeyInfo },
  'evidence.keys': { input: z.strictObject({}), output: [] as TrustedKey[] },
  'evidence.trustKey': { input: z.strictObject({ publicKeyPem: pem, label: requiredText('Label', 100) }), output: {} as TrustedKey },
  'evidence.untrustKey': { input: z.strictObject({ fingerprint }), output: [] as TrustedKey[] },
  'evidence.rotateKey': { input: z.strictObject({}), output: {} as SigningKeyInfo },
  'evidence.settings': { input: z.strictObject({}), output: {} as EvidenceSettings },
  'evidence.updateSettings': {
    input: z.strictObject({
      examiner: z.strictObject({ name: requiredText('Examiner name', 100), role: requiredText('Examiner role', 100) }).nullish(),
      tsaUrl: optionalText('TSA URL', 500).refine((u) => u == null || /^https?:\/\/[^\s]+$/i.test(u), { error: 'Only http:// or https:// addresses' }),
    }),
    output: {} as EvidenceSettings,
  },
} as const;

/** Evidence operations that take paths on this computer: only the CLI may call them (see contract-cli.ts). */
export const evidenceCliContract = {
  /** Writes the pack to a path the user named. */
  'evidence.exportTo': { input: z.strictObject({ ...exportFields, out: localPath }), output: {} as EvidenceExport & { path: string; files: number } },
  /** Verifies a pack file or extracted folder; `keys` are extra trusted keys (fingerprints or PEM), `tsaCaPems` TSA CA certificates. */
  'evidence.verifyPath': {
    input: z.strictObject({ path: localPath, keys: z.array(z.union([fingerprint, pem])).max(20).default([]), tsaCaPems: z.array(z.string().max(20_000)).max(10).default([]) }),
    output: {} as PackVerification,
  },
} as const;


