"""Step 3: speaker-verification EER on the held-out speakers, neural model vs a non-neural baseline.

Trials: every pair of held-out segments within a set (LibriSpeech 3-5 s pieces of each held-out
utterance; Speech Commands >= 3 s joins of one speaker's words, each word used once). Target =
same speaker. The first segment of a pair is the clean enrolment side; the second is the test side,
degraded per condition (MP3 64 kb/s, Opus 24 kb/s, 16k->8k->16k), computed in prepare.py.

Baseline (no training): vector = [per-dim mean, per-dim std] of the log-mel over frames, with the
set-wide mean/std of those vectors removed (global normalisation, otherwise every cosine is ~1),
scored by cosine.

Usage: evaluate.py (SEIMON_RUN picks the run; the default run writes models/starter/eval.json)
"""
import os

import torch
import torch.nn.functional as F

from common import (CACHE, LIBRI, MODELS, RUN, SC, as_norm, cmn, cohort_embeddings, embed, eer, load_trained,
                    save_json, set_threads)

CONDS = ("clean", "mp3_64k", "opus_24k", "resample_8k")
SETS = {LIBRI: "librispeech_heldout", SC: "speechcommands_heldout"}


def trials(segs):
    iu = torch.triu_indices(len(segs), len(segs), 1)
    lab = torch.tensor([int(segs[i]["speaker"] == segs[j]["speaker"]) for i, j in iu.T.tolist()])
    return iu[0], iu[1], lab


def baseline_vectors(feats):
    v = torch.stack([torch.cat([f.mean(0), f.std(0)]) for f in feats])
    return v


def baseline_cohort(data, who):
    """Baseline vectors of the cohort speakers (clean training audio, speed 1.0)."""
    d, idx = data["clean"], {(c["set"], c["speaker"]): c["class"] for c in data["classes"] if c["speed"] == 1.0}
    out = []
    for key in who:
        c = idx[key]
        out.append(d["feats"][int(d["starts"][c]):int(d["starts"][c]) + int(d["lens"][c])][:900].float())
    return baseline_vectors(out)


def main():
    set_threads()
    model, _ = load_trained()
    ev = torch.load(os.path.join(CACHE, "eval.pt"))
    data = torch.load(os.path.join(CACHE, "train.pt"))
    # the app scores with AS-norm against the shipped cohort (training speakers): measure that too,
    # for the model and, with the same cohort speakers and normalisation, for the baseline
    who, cohort = cohort_embeddings(model, data)
    b_cohort = baseline_cohort(data, who)
    b_mu, b_sd = b_cohort.mean(0), b_cohort.std(0) + 1e-5
    b_cohort_n = F.normalize((b_cohort - b_mu) / b_sd)
    out = {"trials": {}, "eer_percent": {}, "baseline_eer_percent": {}, "asnorm_eer_percent": {},
           "baseline_asnorm_eer_percent": {}}
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
        b_enrol_n = F.normalize((b_enrol - b_mu) / b_sd)
        for k in ("eer_percent", "baseline_eer_percent", "asnorm_eer_percent", "baseline_asnorm_eer_percent"):
            out[k][name] = {}
        for c in CONDS:
            test = F.normalize(embed(model, [cmn(e["feats"][c]) for e in segs]))
            scores = (enrol[i] * test[j]).sum(1)
            out["eer_percent"][name][c] = round(eer(scores, lab), 2)
            bt = baseline_vectors([e["feats"][c] for e in segs])
            bs = F.cosine_similarity((b_enrol[i] - mu) / sd, (bt[j] - mu) / sd)
            out["baseline_eer_percent"][name][c] = round(eer(bs, lab), 2)
            out["asnorm_eer_percent"][name][c] = round(eer(as_norm(enrol[i], test[j], cohort), lab), 2)
            bt_n = F.normalize((bt - b_mu) / b_sd)
            out["baseline_asnorm_eer_percent"][name][c] = round(eer(as_norm(b_enrol_n[i], bt_n[j], b_cohort_n), lab), 2)
    out["note"] = ("EER in percent. Enrolment side clean, test side per condition. eer_percent: raw cosine. "
                   "baseline_eer_percent: cosine of [mean, std] of log-mel (no training), normalised by the "
                   "test set's own mean/std. asnorm_*: the app's scoring, AS-norm (top-N 300, clamped) against "
                   "the shipped cohort of training speakers; the baseline then uses the same cohort speakers "
                   "for its normalisation and AS-norm.")
    save_json(os.path.join(MODELS, "starter", "eval.json") if RUN == "starter"
              else os.path.join(CACHE, f"eval.{RUN}.json"), out)
    for name in SETS.values():
        for k in ("eer_percent", "baseline_eer_percent", "asnorm_eer_percent", "baseline_asnorm_eer_percent"):
            print(name, k, out[k][name])


if __name__ == "__main__":
    main()
