import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isSeimonError } from '../../core/errors.js';
import { loadSpeechAudio } from '../../audio/pipeline.js';
import { probeAudioFile } from '../../audio/probe.js';
import type { QualityReport } from '../../audio/probe.js';
import type { AudioWarning } from '../../audio/types.js';
import { encodeWavPcm16 } from '../../audio/wav-writer.js';
import { fbankFromFile } from '../../features/extract.js';
import { encodeNpy } from '../../features/npy.js';
import { FBANK_PRESET_NAMES, isFbankPresetName } from '../../features/presets.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { CliFailure, printJson } from '../io.js';

/** Turns audio errors into CLI failures (exit 1, `error CODE: message`). */
async function audioAction<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isSeimonError(e)) throw new CliFailure(1, e.code, e.message);
    if (
      e instanceof Error &&
      'code' in e &&
      (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES')
    ) {
      throw new CliFailure(1, 'AUDIO_CANNOT_READ', e.message);
    }
    throw e;
  }
}

function printWarnings(io: CliIo, warnings: readonly AudioWarning[]): void {
  for (const w of warnings) io.stderr(`warning ${w.code}: ${w.message}\n`);
}

function printReport(io: CliIo, r: QualityReport): void {
  const fmt = (v: number | null, unit: string, digits = 1) =>
    v === null ? 'n/a' : `${v.toFixed(digits)} ${unit}`;
  io.stdout(
    [
      `source:        ${r.source.format.container}/${r.source.format.codec}, ${r.source.sampleRate} Hz, ${r.source.channels} ch`,
      `duration:      ${fmt(r.durationSeconds, 's', 2)}`,
      `speech:        ${fmt(r.speechSeconds, 's', 2)} in ${r.speechSegments.length} segment(s) (${r.vadEngine} VAD)`,
      `SNR (est.):    ${fmt(r.snrDb, 'dB')}`,
      `loudness:      ${fmt(r.loudnessLufs, 'LUFS (approx.)')}, RMS ${fmt(r.rmsDbfs, 'dBFS')}, peak ${fmt(r.peakDbfs, 'dBFS')}`,
      `clipping:      ${(r.clippingRatio * 100).toFixed(3)} %`,
      `DC offset:     ${r.dcOffset.toFixed(4)}`,
      `flatness/ZCR/centroid: ${r.spectralFlatness.toFixed(3)} / ${r.zeroCrossingRate.toFixed(0)} per s / ${r.spectralCentroidHz.toFixed(0)} Hz`,
      ...r.warnings.map((w) => `warning ${w.code}: ${w.message}`),
    ].join('\n') + '\n',
  );
}

/** `seimon decode`, `seimon probe` and `seimon features fbank`: the audio front-end from the shell. */
export function registerAudioCommands(
  program: Command,
  io: CliIo,
  globals: () => GlobalOptions,
): void {
  program
    .command('decode <input>')
    .description('decode any supported audio to canonical 16 kHz mono 16-bit WAV')
    .requiredOption('--out <file>', 'output .wav file')
    .action((input: string, o: { out: string }) =>
      audioAction(async () => {
        const audio = await loadSpeechAudio(input);
        writeFileSync(o.out, encodeWavPcm16(audio.samples, audio.sampleRate));
        printWarnings(io, audio.warnings);
        if (globals().json)
          printJson(io, {
            out: o.out,
            seconds: audio.samples.length / audio.sampleRate,
            source: audio.source,
            warnings: audio.warnings,
          });
        else
          io.stdout(
            `Wrote ${o.out} (${(audio.samples.length / audio.sampleRate).toFixed(2)} s, 16 kHz mono)\n`,
          );
      }),
    );

  program
    .command('probe <input>')
    .description('report duration, speech, SNR, clipping, loudness and other quality measures')
    .option('--json', 'print machine-readable JSON')
    .action((input: string, o: { json?: boolean }) =>
      audioAction(async () => {
        const report = await probeAudioFile(input);
        if (o.json || globals().json) printJson(io, report);
        else printReport(io, report);
      }),
    );

  const features = program.command('features').description('compute model input features');
  features
    .command('fbank <input>')
    .description('Kaldi-compatible 80-bin log-mel fbank as float32 [frames, 80] .npy')
    .requiredOption('--preset <name>', `one of ${FBANK_PRESET_NAMES.join(', ')}`)
    .option('--cmn', 'subtract the per-utterance mean (as the models expect)')
    .requiredOption('--out <file>', 'output .npy file')
    .action((input: string, o: { preset: string; cmn?: boolean; out: string }) =>
      audioAction(async () => {
        const preset = o.preset;
        if (!isFbankPresetName(preset))
          throw new CliFailure(
            2,
            'INVALID_INPUT',
            `unknown preset "${preset}"; use ${FBANK_PRESET_NAMES.join(' or ')}`,
          );
        const { features: m, warnings } = await fbankFromFile(input, preset, {
          cmn: o.cmn ?? false,
        });
        writeFileSync(o.out, encodeNpy(m));
        printWarnings(io, warnings);
        if (globals().json)
          printJson(io, {
            out: o.out,
            frames: m.numFrames,
            bins: m.numBins,
            preset,
            cmn: o.cmn ?? false,
          });
        else
          io.stdout(
            `Wrote ${o.out} (${m.numFrames} frames x ${m.numBins} bins, ${preset}${o.cmn ? ', CMN' : ''})\n`,
          );
      }),
    );
}
