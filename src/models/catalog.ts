/** The installable models. Pure data (no Node imports): the API contract shares these types. */
import type { Preset } from './manifest.js';

/** The sherpa-onnx release holding the public speaker models (the tag really is spelled "recongition"). */
export const SHERPA_SPEAKER_MODELS_BASE =
  'https://github.com/k2-fsa/sherpa-onnx/releases/download/speaker-recongition-models/';

/** A model users may install by id; sizes and hashes are null until pinned from a verified download. */
export interface CatalogEntry {
  id: string;
  displayName: string;
  url: string;
  preset: Preset;
  /** Embedding size as published; the installed manifest takes the size from the session. */
  embeddingDim: number;
  language: string;
  trainedOn: string;
  licence: string;
  sha256: string | null;
  sizeBytes: number | null;
}

/** A catalog entry with the id of the installed model that came from it, if any. */
export interface CatalogItem extends CatalogEntry {
  installedModelId: string | null;
}

const release = (file: string) => SHERPA_SPEAKER_MODELS_BASE + encodeURIComponent(file);

/** The models of docs/speaker-models.md, by stable id. */
export const MODEL_CATALOG: readonly CatalogEntry[] = [
  {
    id: '3dspeaker-campplus-zh-cn',
    displayName: '3D-Speaker CAM++ (zh-cn, 200k speakers)',
    url: release('3dspeaker_speech_campplus_sv_zh-cn_16k-common.onnx'),
    preset: '3dspeaker',
    embeddingDim: 192,
    language: 'Chinese',
    trainedOn: '3D-Speaker common set, about 200k speakers',
    licence: 'Apache-2.0',
    sha256: null,
    sizeBytes: null,
  },
  {
    id: '3dspeaker-eres2net-base',
    displayName: '3D-Speaker ERes2Net base',
    url: release('3dspeaker_speech_eres2net_base_sv_zh-cn_3dspeaker_16k.onnx'),
    preset: '3dspeaker',
    embeddingDim: 512,
    language: 'Chinese',
    trainedOn: '3D-Speaker dataset',
    licence: 'Apache-2.0',
    sha256: null,
    sizeBytes: null,
  },
  {
    id: 'wespeaker-resnet34-voxceleb',
    displayName: 'WeSpeaker ResNet34 (VoxCeleb)',
    url: release('wespeaker_en_voxceleb_resnet34.onnx'),
    preset: 'wespeaker',
    embeddingDim: 256,
    language: 'English',
    trainedOn: 'VoxCeleb2 dev, about 6k speakers',
    licence: 'CC-BY-4.0',
    sha256: null,
    sizeBytes: null,
  },
  {
    id: 'wespeaker-campplus-lm-voxceleb',
    displayName: 'WeSpeaker CAM++ LM (VoxCeleb)',
    url: release('wespeaker_en_voxceleb_CAM++_LM.onnx'),
    preset: 'wespeaker',
    embeddingDim: 512,
    language: 'English',
    trainedOn: 'VoxCeleb2 dev',
    licence: 'CC-BY-4.0',
    sha256: null,
    sizeBytes: null,
  },
];

/** A catalog entry by id, or undefined. */
export function findCatalogEntry(id: string): CatalogEntry | undefined {
  return MODEL_CATALOG.find((e) => e.id === id);
}
