"""Step 3: speaker-verification EER on the held-out speakers, neural model vs a non-neural baseline.

Trials: every pair of held-out segments within a set (LibriSpeech 3-5 s pieces of each held-out
utterance; Speech Commands >= 3 s joins of one speaker's words, each word used once). Target =
same speaker. The first segment of a pair is the clean enrolment side; the second is the test side,
degraded per condition (MP3 64 kb/s, Opus 24 kb/s, 16k->8k->16k), computed in prepare.py.

Baseline (no training): vector = [per-dim mean, per-dim std] of the log-mel over frames, with the
set-wide mean/std of those vectors removed (global normalisation, otherwise every cosine is ~1),
scored by cosine.

Usage: evaluate.py [torch state_dict, default $SEIMON_CACHE/model_last.pt] -> models/starter/eval.json
"""
import os
import sys

import torch
import torch.nn.functional as F

from common import CACHE, LIBRI, MODELS, SC, SpeakerNet, cmn, embed, eer, save_json, set_threads

CONDS = ("clean", "mp3_64k", "opus_24k", "resample_8k")
SETS = {LIBRI: "librispeech_heldout", SC: "speechcommands_heldout"}


def trials(segs):
    iu = torch.triu_indices(len(segs), len(segs), 1)
    lab = torch.tensor([int(segs[i]["speaker"] == segs[j]["speaker"]) for i, j in iu.T.tolist()])
    return iu[0], iu[1], lab


def baseline_vectors(feats):
    v = torch.stack([torch.cat([f.mean(0), f.std(0)]) for f in feats])
    return v


def main():
    set_threads()
    ckpt = sys.argv[1] if len(sys.argv) > 1 else os.path.join(CACHE, "model_last.pt")
    model = SpeakerNet()
    model.load_state_dict(torch.load(ckpt))
    ev = torch.load(os.path.join(CACHE, "eval.pt"))
    out = {"trials": {}, "eer_percent": {}, "baseline_eer_percent": {}}
    for s, name in SETS.items():
        segs = [e for e in ev if e["set"] == s and e["seconds"] >= 3.0]   # test segments >= 3 s
        i, j, lab = trials(segs)
        out["trials"][name] = {"speakers": len({e["speaker"] for e in segs}), "segments": len(segs),
                               "target": int(lab.sum()), "nontarget": int((1 - lab).sum()),
                               "min_seconds": round(min(e["seconds"] for e in segs), 2),
                               "max_seconds": round(max(e["seconds"] for e in segs), 2)}
        enrol = F.normalize(embed(model, [cmn(e["feats"]["clean"]) for e in segs]))
        b_enrol = baseline_vectors([e["feats"]["clean"] for e in segs])
        mu, sd = b_enrol.mean(0), b_enrol.std(0) + 1e-5      # set-wide normalisation, clean side
        out["eer_percent"][name], out["baseline_eer_percent"][name] = {}, {}
        for c in CONDS:
            test = F.normalize(embed(model, [cmn(e["feats"][c]) for e in segs]))
            scores = (enrol[i] * test[j]).sum(1)
            out["eer_percent"][name][c] = round(eer(scores, lab), 2)
            bt = baseline_vectors([e["feats"][c] for e in segs])
            bs = F.cosine_similarity((b_enrol[i] - mu) / sd, (bt[j] - mu) / sd)
            out["baseline_eer_percent"][name][c] = round(eer(bs, lab), 2)
    out["note"] = ("EER in percent. Enrolment side clean, test side per condition. Baseline: cosine of "
                   "globally normalised [mean, std] of log-mel (no training).")
    save_json(os.path.join(MODELS, "starter", "eval.json"), out)
    for name in SETS.values():
        print(name, "model", out["eer_percent"][name], "baseline", out["baseline_eer_percent"][name])


if __name__ == "__main__":
    main()
