/** The model registry's public surface: what the embedding engine, the API and the CLI use. */
export type { Dim, ModelManifest, ModelSummary, Preset } from './manifest.js';
export {
  DEFAULT_HOP_SECONDS,
  DEFAULT_WINDOW_SECONDS,
  FEATURE_DIM,
  PRESETS,
  isPreset,
} from './manifest.js';
export type { VerifiedModel } from './registry.js';
export {
  getDefaultModel,
  getModel,
  listInstalledModels,
  openVerifiedModel,
  resolveModel,
  setDefaultModel,
} from './registry.js';
export type { BundledRegistration } from './bundled.js';
export { defaultBundledDir, registerBundledModels } from './bundled.js';
export type { AcceptedModel } from './accept.js';
export type { ImportOptions } from './import.js';
export { importModelFile } from './import.js';
export type { InstallOptions } from './install.js';
export { installModel } from './install.js';
export type { DownloadProgress } from './download.js';
export type { ModelCheck } from './verify.js';
export { verifyAllModels } from './verify.js';
export type { CatalogEntry, CatalogItem } from './catalog.js';
export { catalogWithStatus } from './catalog-status.js';
export { MODEL_CATALOG, findCatalogEntry } from './catalog.js';
export type { ModelInspection } from './inspect.js';
export { inspectModelFile } from './inspect.js';
export { modelFilePath, modelsDir } from './paths.js';
