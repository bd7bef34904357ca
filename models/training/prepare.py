"""Step 1: build the training cache (features of augmented audio) and the held-out test segments.

Everything heavy (resampling, ffmpeg codec round trips, fbank) happens here, once, into
$SEIMON_CACHE (default /tmp/seimon-train-cache). Audio is read in place from the shared data
folder and never written into the repository.
"""
import math
import os
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import torch

from audio_aug import codec_roundtrip, speed, telephone, trim
from common import (CACHE, FSDD, HERE, LIBRI, SC, SEED, fbank, heldout, list_files, list_speakers,
                    load_audio, save_json, set_threads)

SPEEDS = (1.0, 0.9, 1.1)         # 0.9 and 1.1 become extra speaker classes
VARIANTS = ("clean", "mp3", "opus", "tel")
MP3_KBPS, OPUS_KBPS = (32, 48, 64, 96, 128), (12, 16, 24, 32, 48)
FSDD_CLIPS = 150                 # per speaker: keeps 6 FSDD speakers from dominating the data


def training_sources(held):
    """One long waveform per training speaker: (set, speaker, wav)."""
    out = []
    for spk in list_speakers(LIBRI):
        if spk not in held[LIBRI]:
            out.append((LIBRI, spk, torch.cat([load_audio(f) for f in list_files(LIBRI, spk)])))
    # Speech Commands / FSDD: one-second words of one speaker joined into a longer segment,
    # with silence trimmed so random crops are mostly speech.
    for spk in list_speakers(SC):
        if spk not in held[SC]:
            out.append((SC, spk, torch.cat([trim(load_audio(f)) for f in list_files(SC, spk)])))
    for spk in list_speakers(FSDD):
        files = list_files(FSDD, spk)
        files = random.Random(SEED).sample(files, min(FSDD_CLIPS, len(files)))
        out.append((FSDD, spk, torch.cat([trim(load_audio(f)) for f in sorted(files)])))
    return out


def variants(wav, rng):
    return {"clean": wav,
            "mp3": codec_roundtrip(wav, "mp3", rng.choice(MP3_KBPS)),
            "opus": codec_roundtrip(wav, "opus", rng.choice(OPUS_KBPS)),
            "tel": telephone(wav)}


def build_train(held):
    t0 = time.time()
    sources = training_sources(held)
    jobs = []   # (class id, set, speaker, speed, wav)
    for i, (s, spk, wav) in enumerate(sources):
        for j, f in enumerate(SPEEDS):
            jobs.append((i * len(SPEEDS) + j, s, spk, f, speed(wav, f)))
    print(f"{len(sources)} training speakers, {len(jobs)} classes, "
          f"{sum(j[4].numel() for j in jobs) / 16000 / 60:.0f} min of audio", flush=True)

    def work(job):
        cid, s, spk, f, wav = job
        rng = random.Random(SEED + cid)   # per-job seed: same bitrates whatever the thread order
        return {k: fbank(v).half() for k, v in variants(wav, rng).items()}

    # two ffmpeg-bound workers = the two cores we are allowed; results keep job order
    with ThreadPoolExecutor(2) as ex:
        feats = list(ex.map(work, jobs))
    classes = [{"class": j[0], "set": j[1], "speaker": j[2], "speed": j[3]} for j in jobs]
    data = {"classes": classes}
    for v in VARIANTS:
        lens = [f[v].shape[0] for f in feats]
        data[v] = {"feats": torch.cat([f[v] for f in feats]), "lens": torch.tensor(lens),
                   "starts": torch.tensor([0] + lens[:-1]).cumsum(0)}
    data["noise"] = noise_bank(sources)
    torch.save(data, os.path.join(CACHE, "train.pt"))
    print(f"train cache built in {time.time() - t0:.0f} s", flush=True)


def noise_bank(sources, n=24, seconds=6):
    """Log-mel features of noises, mixed into speech in the power domain during training.

    No noise corpus is available, so: white / pink / brown noise and babble (3-6 overlapped
    training speakers, which are different people from the target speaker most of the time).
    """
    g = torch.Generator().manual_seed(SEED)
    rng = random.Random(SEED)
    N = seconds * 16000
    bank = []
    for k in range(n):
        kind = k % 4
        if kind < 3:
            spec = torch.fft.rfft(torch.randn(N, generator=g))
            fr = torch.arange(spec.numel()).clamp(min=1).float()
            spec = spec / fr.pow(0.5 * kind)     # 0 white, 1 pink (1/f), 2 brown (1/f^2)
            x = torch.fft.irfft(spec, n=N)
        else:
            x = torch.zeros(N)
            for _ in range(rng.randint(3, 6)):
                w = rng.choice(sources)[2]
                w = w.repeat(math.ceil(N / w.numel()) + 1)
                o = rng.randint(0, w.numel() - N)
                seg = w[o:o + N]
                x += seg / seg.std().clamp(min=1e-4)
        bank.append(fbank(0.1 * x / x.abs().max()).half())
    return bank


def heldout_segments(held):
    """Held-out test segments (>= 3 s): list of (set, speaker, index, wav)."""
    segs = []
    for spk in held[LIBRI]:
        wav = torch.cat([load_audio(f) for f in list_files(LIBRI, spk)])
        dur = wav.numel() / 16000
        n = math.ceil(dur / 5)                      # non-overlapping 3-5 s pieces
        if dur / n < 3:                             # short utterance: fewer pieces, never < 3 s
            n = max(1, math.floor(dur / 3))
        L = min(wav.numel() // n, 5 * 16000)
        if L >= 3 * 16000:                          # (one held-out utterance is only 2.7 s: unusable)
            segs += [(LIBRI, spk, i, wav[i * L:(i + 1) * L]) for i in range(n)]
    for spk in held[SC]:
        files = list_files(SC, spk)
        random.Random(SEED).shuffle(files)
        k, i, cur = 0, 0, []
        # each segment uses its own words (disjoint between the two sides of any trial)
        while k < len(files) and i < 6:
            cur.append(load_audio(files[k]))
            k += 1
            if sum(c.numel() for c in cur) >= 3 * 16000:
                segs.append((SC, spk, i, torch.cat(cur)))
                cur, i = [], i + 1
    return segs


def build_eval(held):
    t0 = time.time()
    conds = {"clean": lambda w: w, "mp3_64k": lambda w: codec_roundtrip(w, "mp3", 64),
             "opus_24k": lambda w: codec_roundtrip(w, "opus", 24), "resample_8k": telephone}
    out = []
    for s, spk, i, wav in heldout_segments(held):
        out.append({"set": s, "speaker": spk, "index": i, "seconds": wav.numel() / 16000,
                    "feats": {c: fbank(fn(wav)) for c, fn in conds.items()}})
    torch.save(out, os.path.join(CACHE, "eval.pt"))
    print(f"eval cache: {len(out)} segments in {time.time() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    set_threads()
    os.makedirs(CACHE, exist_ok=True)
    held = heldout()
    save_json(os.path.join(HERE, "heldout_speakers.json"),
              {"seed": SEED, "note": "speaker-disjoint validation split, never trained on", **held})
    if "--force" in sys.argv or not os.path.exists(os.path.join(CACHE, "eval.pt")):
        build_eval(held)
    if "--force" in sys.argv or not os.path.exists(os.path.join(CACHE, "train.pt")):
        build_train(held)
