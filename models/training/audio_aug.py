"""Waveform-level degradations shared by data preparation and evaluation.

Codec round trips go through ffmpeg (libmp3lame, libopus) exactly once per file and are cached,
so training epochs never call ffmpeg.
"""
import subprocess

import torch
import torchaudio

SR = 16000


def codec_roundtrip(wav, codec, kbps):
    """Encode 16 kHz mono float audio with MP3 or Opus at `kbps` and decode back to 16 kHz."""
    lib, fmt = {"mp3": ("libmp3lame", "mp3"), "opus": ("libopus", "ogg")}[codec]
    pcm = (wav.clamp(-1, 1) * 32767).round().to(torch.int16).numpy().tobytes()
    base = ["ffmpeg", "-nostdin", "-v", "error", "-threads", "1"]
    enc = subprocess.run(base + ["-f", "s16le", "-ar", str(SR), "-ac", "1", "-i", "pipe:0",
                                 "-c:a", lib, "-b:a", f"{kbps}k", "-f", fmt, "pipe:1"],
                         input=pcm, capture_output=True, check=True).stdout
    dec = subprocess.run(base + ["-i", "pipe:0", "-f", "s16le", "-ar", str(SR), "-ac", "1", "pipe:1"],
                         input=enc, capture_output=True, check=True).stdout
    return torch.frombuffer(bytearray(dec), dtype=torch.int16).float() / 32768.0


def telephone(wav):
    """16 kHz -> 8 kHz -> 16 kHz round trip (removes everything above 4 kHz)."""
    return torchaudio.functional.resample(torchaudio.functional.resample(wav, SR, 8000), 8000, SR)


def speed(wav, factor):
    """Kaldi-style speed perturbation: resample, so pitch and tempo both change."""
    if factor == 1.0:
        return wav
    # factor 1.1 -> play 11 samples in the time of 10: resample 11 -> 10 (and 0.9: 9 -> 10)
    num = round(factor * 10)
    return torchaudio.functional.resample(wav, num, 10)


def trim(wav, pad=0.1, floor_db=40.0):
    """Cut leading/trailing near-silence of a short clip (keeps `pad` s around the speech)."""
    frame = 400
    n = wav.numel() // frame
    if n < 2:
        return wav
    e = wav[: n * frame].view(n, frame).pow(2).mean(1).clamp(min=1e-10).log10() * 10
    on = (e > e.max() - floor_db).nonzero().flatten()
    p = int(pad * SR)
    start, end = max(0, int(on[0]) * frame - p), min(wav.numel(), (int(on[-1]) + 1) * frame + p)
    return wav[start:end]
