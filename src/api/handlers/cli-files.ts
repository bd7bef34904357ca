// Handlers of the CLI-only operations (see contract-cli.ts): they read and write paths on this machine,
// so electron/ipc.ts refuses them; the CLI reaches them through invoke like every other operation.
import { writeFileSync } from 'node:fs';
import { loadSpeechAudio } from '../../audio/pipeline.js';
import { probeAudioFile } from '../../audio/probe.js';
import { encodeWavPcm16 } from '../../audio/wav-writer.js';
import { fbankFromFile } from '../../features/extract.js';
import { encodeNpy } from '../../features/npy.js';
import { registerBundledModels } from '../../models/bundled.js';
import { importModelFile } from '../../models/import.js';
import { checkUrlInstall } from '../../models/install.js';
import { verifyAllModels } from '../../models/verify.js';
import { runDoctor } from '../../workbench/doctor.js';
import { installJob } from './models.js';
import type { HandlerGroup } from './types.js';
import { SeimonError } from '../../core/errors.js';

type CliFileOps =
  | 'models.importPath'
  | 'models.installUrl'
  | 'models.verify'
  | 'audio.decodeFile'
  | 'audio.probeFile'
  | 'features.fbankFile'
  | 'doctor.run';

/** A file the user named that cannot be read or written is their input's fault, said plainly. */
async function onLocalFiles<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'ENOTDIR') {
      throw new SeimonError('AUDIO_CANNOT_READ', (e as Error).message);
    }
    throw e;
  }
}

export const cliFileHandlers: HandlerGroup<CliFileOps> = {
  'models.importPath': async (ctx, input) => {
    await registerBundledModels(ctx);
    return importModelFile(ctx, input.path, { preset: input.preset ?? undefined, displayName: input.displayName ?? undefined });
  },

  'models.installUrl': async (ctx, input) => {
    await registerBundledModels(ctx);
    const { url, sha256 } = checkUrlInstall(input.url, input.sha256 ?? undefined);
    return installJob(ctx, url, {
      sha256,
      preset: input.preset ?? undefined,
      displayName: input.displayName ?? undefined,
      stallTimeoutMs: input.stallTimeoutSeconds * 1000,
    });
  },

  'models.verify': async (ctx) => {
    await registerBundledModels(ctx);
    return verifyAllModels(ctx);
  },

  'audio.decodeFile': (_ctx, input) =>
    onLocalFiles(async () => {
      const audio = await loadSpeechAudio(input.path);
      writeFileSync(input.out, encodeWavPcm16(audio.samples, audio.sampleRate));
      return { out: input.out, seconds: audio.samples.length / audio.sampleRate, source: audio.source, warnings: audio.warnings };
    }),

  'audio.probeFile': (_ctx, input) => onLocalFiles(() => probeAudioFile(input.path)),

  'features.fbankFile': (_ctx, input) =>
    onLocalFiles(async () => {
      const { features: m, warnings } = await fbankFromFile(input.path, input.preset, { cmn: input.cmn });
      writeFileSync(input.out, encodeNpy(m));
      return { out: input.out, frames: m.numFrames, bins: m.numBins, preset: input.preset, cmn: input.cmn, warnings };
    }),

  'doctor.run': (ctx, input) => runDoctor(ctx, { fix: input.fix }),
};
