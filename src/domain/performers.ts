/** Pure types of performers and the app (no runtime imports: the renderer sees these). */
import type { ConsentStatement, Recording, VoiceprintStatus } from './workbench.js';

export interface Performer {
  id: string;
  name: string;
  kana: string | null;
  romaji: string | null;
  agency: string | null;
  notes: string | null;
  /** The performer's statement on AI uses of their voice; null when none is recorded. */
  consent: ConsentStatement | null;
  /** Language the performer records in (BCP 47 primary code, e.g. 'ja'); 'ja' unless set. */
  language: string;
  /** Number of reference recordings. */
  referenceCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A performer with their references and voiceprints. */
export interface PerformerDetail extends Performer {
  references: Recording[];
  voiceprints: VoiceprintStatus[];
}

export interface AppInfo {
  version: string;
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
}

