import { SeimonError } from '../core/errors.js';
import type { Preset } from './manifest.js';
import { PRESETS, isPreset } from './manifest.js';

/**
 * Chooses the front-end preset from sherpa-onnx metadata: `normalize_samples` 0 (int16-range samples)
 * means WeSpeaker, 1 ([-1, 1] floats) means 3D-Speaker; `framework` decides when that key is absent.
 * An explicit choice wins; with neither, the user must choose (MODEL_PRESET_REQUIRED).
 */
export function choosePreset(metadata: Record<string, string>, explicit?: string): Preset {
  if (explicit !== undefined) {
    if (!isPreset(explicit)) {
      throw new SeimonError(
        'MODEL_BAD_PRESET',
        `Unknown preset "${explicit}"; choose one of: ${PRESETS.join(', ')}`,
      );
    }
    return explicit;
  }
  const fromMeta = presetFromMetadata(metadata);
  if (fromMeta) return fromMeta;
  throw new SeimonError(
    'MODEL_PRESET_REQUIRED',
    `This model does not say which audio front-end it was trained with. Choose one (${PRESETS.join(
      ' or ',
    )}): WeSpeaker exports use "wespeaker", 3D-Speaker exports use "3dspeaker" (CLI: --preset).`,
  );
}

/** The preset the metadata implies, or null when it says nothing usable. */
export function presetFromMetadata(metadata: Record<string, string>): Preset | null {
  const own = metadata.seimon_preset?.trim();
  if (isPreset(own)) return own;
  const norm = metadata.normalize_samples?.trim();
  if (norm === '0') return 'wespeaker';
  if (norm === '1') return '3dspeaker';
  const framework = metadata.framework?.trim().toLowerCase();
  if (framework === 'wespeaker') return 'wespeaker';
  if (framework === '3d-speaker' || framework === '3dspeaker') return '3dspeaker';
  return null;
}
