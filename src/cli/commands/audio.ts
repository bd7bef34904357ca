import type { Command } from 'commander';
import type { AudioWarning, InputOf, QualityReport } from '../../api/contract.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { call, printJson, withScratchCore } from '../io.js';

function printWarnings(io: CliIo, warnings: readonly AudioWarning[]): void {
  for (const w of warnings) io.stderr(`warning ${w.code}: ${w.message}\n`);
}

function printReport(io: CliIo, r: QualityReport): void {
  const fmt = (v: number | null, unit: string, digits = 1) => (v === null ? 'n/a' : `${v.toFixed(digits)} ${unit}`);
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

/** `seimon decode`, `seimon probe` and `seimon features fbank`: the audio front-end from the shell, through the handler map. */
export function registerAudioCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  program
    .command('decode <input>')
    .description('decode any supported audio to canonical 16 kHz mono 16-bit WAV')
    .requiredOption('--out <file>', 'output .wav file')
    .action(async (input: string, o: { out: string }) => {
      const r = await withScratchCore((ctx) => call(ctx, 'audio.decodeFile', { path: input, out: o.out }));
      printWarnings(io, r.warnings);
      if (globals().json) printJson(io, r);
      else io.stdout(`Wrote ${o.out} (${r.seconds.toFixed(2)} s, 16 kHz mono)\n`);
    });

  program
    .command('probe <input>')
    .description('report duration, speech, SNR, clipping, loudness and other quality measures')
    .option('--json', 'print machine-readable JSON')
    .action(async (input: string, o: { json?: boolean }) => {
      const report = await withScratchCore((ctx) => call(ctx, 'audio.probeFile', { path: input }));
      if (o.json || globals().json) printJson(io, report);
      else printReport(io, report);
    });

  const features = program.command('features').description('compute model input features');
  features
    .command('fbank <input>')
    .description('Kaldi-compatible 80-bin log-mel fbank as float32 [frames, 80] .npy')
    .requiredOption('--preset <name>', 'wespeaker or 3dspeaker')
    .option('--cmn', 'subtract the per-utterance mean (as the models expect)')
    .requiredOption('--out <file>', 'output .npy file')
    .action(async (input: string, o: { preset: string; cmn?: boolean; out: string }) => {
      // The operation's schema refuses an unknown preset (INVALID_INPUT, exit 2).
      const preset = o.preset as InputOf<'features.fbankFile'>['preset'];
      const r = await withScratchCore((ctx) => call(ctx, 'features.fbankFile', { path: input, preset, cmn: o.cmn ?? false, out: o.out }));
      printWarnings(io, r.warnings);
      if (globals().json) printJson(io, { out: r.out, frames: r.frames, bins: r.bins, preset: r.preset, cmn: r.cmn });
      else io.stdout(`Wrote ${o.out} (${r.frames} frames x ${r.bins} bins, ${preset}${r.cmn ? ', CMN' : ''})\n`);
    });
}
