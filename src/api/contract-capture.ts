/**
 * Operations of page captures (captures.*) and of the suspect fields they prefill, spread into the
 * contract. Imports only zod and pure types, like contract.ts.
 */
import { z } from 'zod';
import { idSchema, requiredText } from './fields.js';
import { PAGE_FIELDS } from '../domain/capture.js';
import type { Capture, CaptureMedia, CaptureResult, FieldChange, PrintoutAttachment } from '../domain/capture.js';
import type { Recording, Suspect } from '../domain/workbench.js';

export const captureContract = {
  /** Opens the URL in an isolated browser and records it into the suspect (seconds to a minute). */
  'captures.start': {
    input: z.strictObject({
      suspectId: idSchema,
      // Any text: the capture itself refuses other schemes with CAPTURE_SCHEME_REFUSED, which the UI explains.
      url: requiredText('URL', 2000),
      /** The user confirmed capturing a private or loopback address. */
      allowPrivate: z.boolean().default(false),
    }),
    output: {} as CaptureResult,
  },
  'captures.list': { input: z.strictObject({ suspectId: idSchema }), output: [] as Capture[] },
  /** The screenshot (PNG) or the printout (PDF) of a capture, as bytes. */
  'captures.artefact': {
    input: z.strictObject({ captureId: idSchema, kind: z.enum(['screenshot', 'printout']) }),
    output: new Uint8Array() as Uint8Array,
  },
  'captures.fetchMedia': { input: z.strictObject({ mediaId: idSchema }), output: {} as { media: CaptureMedia; recording: Recording | null } },
  /** The user checked a value the page prefilled. */
  'suspects.confirmField': { input: z.strictObject({ id: idSchema, field: z.enum(PAGE_FIELDS) }), output: {} as Suspect },
  'suspects.fieldHistory': { input: z.strictObject({ id: idSchema }), output: [] as FieldChange[] },
  /** Printouts (URL visible) of the case's captured pages, to attach to a removal request. */
  'letters.printouts': { input: z.strictObject({ caseId: idSchema }), output: [] as PrintoutAttachment[] },
} as const;
