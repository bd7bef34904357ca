/**
 * The exit codes of `seimon` (README, "The CLI"):
 * 0 success; 2 the command line or a file it names cannot be used (bad usage, invalid values, audio that
 * cannot be decoded or used, a file that is not a speaker model, a URL install without --sha256);
 * 1 the command could not do its work (locked or too-new database, disk full, unknown id, network,
 * a failed integrity check, internal errors). A batch that could not import every file exits non-zero:
 * 1 when any file failed for a reason of the second kind, else 2.
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;

/** Audio codes that are about this machine, not the file. */
const AUDIO_ENVIRONMENT = new Set(['AUDIO_FFMPEG_MISSING', 'AUDIO_FFMPEG_FAILED', 'AUDIO_VAD_UNAVAILABLE']);

/** Model codes that mean the user must give something else or say more. */
const MODEL_INPUT = new Set([
  'MODEL_PRESET_REQUIRED',
  'MODEL_BAD_PRESET',
  'MODEL_UNKNOWN_SOURCE',
  'MODEL_SHA256_REQUIRED',
  'MODEL_NOT_ONNX',
  'MODEL_BAD_SHAPE',
]);

/** The exit code for an error code. */
export function exitCodeFor(code: string): 1 | 2 {
  if (code === 'INVALID_INPUT') return EXIT_INVALID_INPUT;
  if (code.startsWith('AUDIO_') && !AUDIO_ENVIRONMENT.has(code)) return EXIT_INVALID_INPUT;
  if (MODEL_INPUT.has(code)) return EXIT_INVALID_INPUT;
  return EXIT_FAILURE;
}
