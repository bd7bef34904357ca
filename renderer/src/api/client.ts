import type { InputOf, OperationName, OutputOf, Result } from '../../../src/api/contract';

interface SeimonBridge {
  invoke<K extends OperationName>(op: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>;
}

declare global {
  interface Window {
    seimon: SeimonBridge;
  }
}

/** Calls one core operation through the bridge the preload (or the e2e harness) installed. */
export function call<K extends OperationName>(op: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
  return window.seimon.invoke(op, input);
}

export type { Result };
export type {
  Performer,
  PerformerOverview,
  ScoreDistribution,
  PerformerDetail,
  FieldIssue,
  Recording,
  Suspect,
  ConsentStatement,
  AiUse,
  JobStatus,
  ScreeningRun,
  ScreeningMatch,
  Comparison,
  ModelSummary,
  CatalogItem,
  Settings,
  VerdictBandSetting,
} from '../../../src/api/contract';
export type { Capture, CaptureMedia, CaptureResult, FieldChange, FieldSource, PageField, PrintoutAttachment } from '../../../src/api/contract';
