"""Short-speech test set (issue 19): audio that looks like what the app is given, scored by duration.

The held-out speakers of heldout_speakers.json (never trained on by v2 or v3) are split once, seeded,
into a DEV half (used to choose between v3 runs and pipeline settings) and a TEST half (used only for the
figures reported in the model card). The split is written to short_eval_split.json and was committed
before any v3 run.

For each speaker of a half:
- LibriSpeech (one 10-20 s read utterance): enrolment = the first 5 s; test = non-overlapping cuts of 1,
  1.5, 2, 3 and 5 s (up to 3 of each) from the rest, starting 0.25 s after the enrolment ends, and
  "whole" = all of the rest. Cuts fall wherever they fall, mid-word included, like clips cut short.
- Speech Commands (one-second words): enrolment = 5 words joined as recorded (untrimmed, 5 s); test =
  pieces of 3 further words joined untrimmed (3 s files holding about 1.5-2 s of speech), up to 6.
Test sides exist clean and as MP3 64 kb/s and Opus 24 kb/s round trips; enrolment is always clean.
Everything is written as 16-bit WAV under $SEIMON_CACHE/short-eval/<half>/ with one trial list per
(set, duration, codec): "<1|0> <enrol> <test>" per line, every enrolment against every test piece, in
the format `seimon eval --trials` reads.

Usage: short_eval.py            build both halves (skips files that exist)
       short_eval.py score RUN  torch whole-clip scoring (no VAD, one pass over the whole file) of a
                                training run ("v2" = weights recovered from the shipped ONNX)
"""
import json
import os
import random
import sys

import torch
import torch.nn.functional as F

from audio_aug import codec_roundtrip
from common import CACHE, HERE, LIBRI, SC, SR, cmn, eer, fbank, list_files, load_audio, set_threads

SPLIT_SEED = 20261130
SPLIT_FILE = os.path.join(HERE, "short_eval_split.json")
OUT = os.path.join(CACHE, "short-eval")
CUTS = (1.0, 1.5, 2.0, 3.0, 5.0)
CODECS = {"clean": lambda w: w, "mp3_64k": lambda w: codec_roundtrip(w, "mp3", 64),
          "opus_24k": lambda w: codec_roundtrip(w, "opus", 24)}


def split():
    """Seeded dev/test halves of the held-out speakers; written once, then read back."""
    if os.path.exists(SPLIT_FILE):
        return json.load(open(SPLIT_FILE))
    held = json.load(open(os.path.join(HERE, "heldout_speakers.json")))
    rng = random.Random(SPLIT_SEED)
    out = {"seed": SPLIT_SEED, "note": "halves of the held-out speakers: dev chooses, test only reports"}
    for s in (LIBRI, SC):
        spk = sorted(held[s])
        rng.shuffle(spk)
        half = len(spk) // 2
        out.setdefault("dev", {})[s] = sorted(spk[:half])
        out.setdefault("test", {})[s] = sorted(spk[half:])
    with open(SPLIT_FILE, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    return out


def write_wav(path, wav):
    import soundfile as sf
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if not os.path.exists(path):
        sf.write(path, wav.clamp(-1, 1).numpy(), SR, subtype="PCM_16")


def pieces(s, spk):
    """(enrol wav, {category: [test wav, ...]}) for one speaker."""
    if s == LIBRI:
        wav = torch.cat([load_audio(f) for f in list_files(LIBRI, spk)])
        enrol, rest = wav[: 5 * SR], wav[int(5.25 * SR):]
        if rest.numel() < 1.5 * SR:          # (one held-out utterance is only 2.7 s: unusable)
            return None
        tests = {}
        for d in CUTS:
            n = int(d * SR)
            tests[f"{d:g}s"] = [rest[i * n:(i + 1) * n] for i in range(min(3, rest.numel() // n))]
        tests["whole"] = [rest]
        return enrol, tests
    files = list_files(SC, spk)
    random.Random(SPLIT_SEED).shuffle(files)
    words = [load_audio(f) for f in files]
    enrol = torch.cat(words[:5])
    tests = [torch.cat(words[i:i + 3]) for i in range(5, len(words) - 2, 3)][:6]
    return enrol, {"words3": tests}


def build():
    halves = split()
    index = {}
    for half in ("dev", "test"):
        lists = {}   # (set, category, codec) -> [(speaker, path)], enrol paths per set
        enrols = {}
        for s, name in ((LIBRI, "libri"), (SC, "sc")):
            for spk in halves[half][s]:
                got = pieces(s, spk)
                if got is None:
                    continue
                enrol, tests = got
                ep = os.path.join(OUT, half, name, spk, "enrol.wav")
                write_wav(ep, enrol)
                enrols.setdefault(name, []).append((spk, ep))
                for cat, ws in tests.items():
                    for k, w in enumerate(ws):
                        for codec, fn in CODECS.items():
                            p = os.path.join(OUT, half, name, spk, f"{cat}-{k}-{codec}.wav")
                            if not os.path.exists(p):
                                write_wav(p, fn(w)[: w.numel()])
                            lists.setdefault((name, cat, codec), []).append((spk, p))
        index[half] = []
        for (name, cat, codec), tests in sorted(lists.items()):
            lf = os.path.join(OUT, half, f"trials-{name}-{cat}-{codec}.txt")
            lines = [f"{int(es == ts)} {os.path.relpath(ep, os.path.dirname(lf))} {os.path.relpath(tp, os.path.dirname(lf))}"
                     for es, ep in enrols[name] for ts, tp in tests]
            with open(lf, "w") as f:
                f.write("\n".join(lines) + "\n")
            index[half].append({"set": name, "category": cat, "codec": codec, "trials": lf,
                                "target": sum(l[0] == "1" for l in lines), "nontarget": sum(l[0] == "0" for l in lines)})
        print(half, len(index[half]), "trial lists", flush=True)
    with open(os.path.join(OUT, "index.json"), "w") as f:
        json.dump(index, f, indent=1)


def read_trials(lf):
    base = os.path.dirname(lf)
    out = []
    for line in open(lf):
        lab, e, t = line.split()
        out.append((int(lab), os.path.join(base, e), os.path.join(base, t)))
    return out


def score(run, half="dev"):
    """EER (%) per trial list, torch whole-clip scoring: one embedding of the whole file, no VAD."""
    import common
    common.RUN = run
    model, _ = common.load_trained()
    cache = {}

    def emb(p):
        if p not in cache:
            import soundfile as sf
            x, _ = sf.read(p, dtype="float32")
            with torch.no_grad():
                cache[p] = F.normalize(model(cmn(fbank(torch.from_numpy(x))).unsqueeze(0))[0], dim=0)
        return cache[p]

    index = json.load(open(os.path.join(OUT, "index.json")))
    res = {}
    for item in index[half]:
        tr = read_trials(item["trials"])
        sc = torch.stack([(emb(e) * emb(t)).sum() for _, e, t in tr])
        key = f"{item['set']}-{item['category']}-{item['codec']}"
        res[key] = round(eer(sc, [l for l, _, _ in tr]), 2)
        print(key, res[key], f"({item['target']} target / {item['nontarget']} non-target)", flush=True)
    return res


if __name__ == "__main__":
    set_threads()
    if len(sys.argv) > 2 and sys.argv[1] == "score":
        r = score(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "dev")
        with open(os.path.join(CACHE, f"short-whole.{sys.argv[2]}.{sys.argv[3] if len(sys.argv) > 3 else 'dev'}.json"), "w") as f:
            json.dump(r, f, indent=1)
    else:
        build()
