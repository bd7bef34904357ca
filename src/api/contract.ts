/**
 * THE list of operations the UI (and CLI, and e2e harness) may call: input schemas and result types.
 * This module imports only zod, so the renderer and the Electron main process can use it safely.
 */
import { z } from 'zod';
import { idSchema, notesText, optionalText, requiredText } from './fields.js';
import type { ModelSummary } from '../models/manifest.js';
import type { CatalogItem } from '../models/catalog.js';

export interface Performer {
  id: string;
  name: string;
  kana: string | null;
  romaji: string | null;
  agency: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
}

const performerFields = {
  name: requiredText('Name'),
  kana: optionalText('Kana'),
  romaji: optionalText('Romaji'),
  agency: optionalText('Agency'),
  notes: notesText('Notes'),
};

export const contract = {
  'app.info': { input: z.strictObject({}), output: {} as AppInfo },
  'performers.list': { input: z.strictObject({}), output: [] as Performer[] },
  'performers.create': { input: z.strictObject(performerFields), output: {} as Performer },
  'performers.update': {
    input: z.strictObject({
      id: idSchema,
      name: performerFields.name.optional(),
      kana: performerFields.kana,
      romaji: performerFields.romaji,
      agency: performerFields.agency,
      notes: performerFields.notes,
    }),
    output: {} as Performer,
  },
  'performers.remove': { input: z.strictObject({ id: idSchema }), output: { id: '' } as { id: string } },
  'models.list': { input: z.strictObject({}), output: [] as ModelSummary[] },
  'models.catalog': { input: z.strictObject({}), output: [] as CatalogItem[] },
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
/** What a caller passes (before validation). */
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
/** What a handler receives (after validation and transforms). */
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = Contract[K]['output'];

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export function isOperationName(op: unknown): op is OperationName {
  return typeof op === 'string' && Object.prototype.hasOwnProperty.call(contract, op);
}

export type { Result, FieldIssue } from '../core/result.js';
export type { ErrorCode } from '../core/errors.js';
export type { ModelSummary, Preset } from '../models/manifest.js';
export type { CatalogItem } from '../models/catalog.js';
