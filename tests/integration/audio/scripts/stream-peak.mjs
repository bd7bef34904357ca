// Streams one audio file through decode, mix and resample (as probe and enrolment do) in a fresh
// process and prints the decoded seconds and the process's peak resident memory (MiB).
import { register } from 'tsx/esm/api';

register();
const { openAudioStream } = await import('../../../../src/audio/stream.ts');
const { monoChunks } = await import('../../../../src/audio/pipeline.ts');
const stream = await openAudioStream(process.argv[2]);
let samples = 0;
for await (const c of monoChunks(stream)) samples += c.length;
process.stdout.write(JSON.stringify({ seconds: samples / 16000, peakMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
