/** The installable models. Pure data (no Node imports): the API contract shares these types. */
import type { Preset } from './manifest.js';

/** The sherpa-onnx release holding the public speaker models (the tag really is spelled "recongition"). */
export const SHERPA_SPEAKER_MODELS_BASE =
  'https://github.com/k2-fsa/sherpa-onnx/releases/download/speaker-recongition-models/';

/**
 * Where the pinned digests come from. They are the digests and sizes published for these files (download
 * scripts of several independent projects that hard-code them, and the release's own `checksum.txt`, all
 * agreeing; compiled in docs/speaker-models.md). They were not computed here from downloaded bytes (the
 * development machines cannot reach the release), so the installer refuses any file that differs from them.
 */
export const PUBLISHED_DIGEST =
  'published digest: sherpa-onnx release checksum.txt and independent download scripts, compiled in docs/speaker-models.md';

/** A model users may install by id, pinned to the exact bytes by SHA-256 and size. */
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
  /** SHA-256 of the file; the installer refuses any other bytes. */
  sha256: string;
  sizeBytes: number;
  /** Where `sha256` and `sizeBytes` came from. */
  digestSource: string;
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
    sha256: 'f682b514c05d947ee3fa91cd6ec6c5c7543479a128373fa29b1faedccd21fd11',
    sizeBytes: 28_281_138,
    digestSource: PUBLISHED_DIGEST,
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
    sha256: '1a331345f04805badbb495c775a6ddffcdd1a732567d5ec8b3d5749e3c7a5e4b',
    sizeBytes: 39_593_761,
    digestSource: PUBLISHED_DIGEST,
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
    sha256: '5ef208a9da1453335308a6b6f4e6dfbd7e183a38b604de0a57664f45d257fe94',
    sizeBytes: 26_534_365,
    digestSource: PUBLISHED_DIGEST,
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
    sha256: 'e197af7e9d473030cf486b3124149a19bf37014d0e4485e4c70c483b0ec10cb2',
    sizeBytes: 29_292_687,
    digestSource: PUBLISHED_DIGEST,
  },
];

/** A catalog entry by id, or undefined. */
export function findCatalogEntry(id: string): CatalogEntry | undefined {
  return MODEL_CATALOG.find((e) => e.id === id);
}
