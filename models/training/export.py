"""Step 4: export the trained network to ONNX with sherpa-onnx-style metadata, then write
models/starter/manifest.json and models/starter/cohort.json (embeddings of training speakers).
"""
import hashlib
import json
import os
import sys

import onnx
import torch

from common import CACHE, MODELS, cmn, cohort_embeddings, load_trained, save_json, set_threads

OUT = os.path.join(MODELS, "starter")
NAME = "seimon-starter-v2"
ONNX_PATH = os.path.join(OUT, NAME + ".onnx")
ATTRIBUTION = ("Trained by the Seimon project (models/training) on: LibriSpeech train-clean-100, CC BY 4.0, "
               "(c) 2014 Vassil Panayotov; Speech Commands v0.02, CC BY 4.0, Pete Warden; Free Spoken "
               "Digit Dataset, CC BY-SA 4.0, Z. Jackson et al. Model licence: CC BY-SA 4.0.")


def export(model, dim, onnx_path=None):
    onnx_path = onnx_path or ONNX_PATH
    model.eval()
    dummy = torch.randn(2, 300, 80)
    torch.onnx.export(model, dummy, onnx_path, input_names=["feats"], output_names=["embs"],
                      dynamic_axes={"feats": {0: "batch", 1: "frames"}, "embs": {0: "batch"}},
                      opset_version=13, do_constant_folding=True)
    m = onnx.load(onnx_path)
    meta = {"framework": "3d-speaker", "output_dim": str(dim), "sample_rate": "16000",
            "normalize_samples": "1", "feature_normalize_type": "global-mean", "language": "English",
            "url": "trained by Seimon project, models/training",
            "comment": "Seimon starter speaker model v2: compact ECAPA-style TDNN, 80-dim Kaldi fbank "
                       "(povey window, [-1,1] samples) with per-utterance mean subtraction. " + ATTRIBUTION,
            "seimon_preset": "3dspeaker", "seimon_window_seconds": "3"}
    del m.metadata_props[:]
    for k, v in meta.items():
        m.metadata_props.add(key=k, value=v)
    onnx.checker.check_model(m)
    onnx.save(m, onnx_path)


def cohort(model, data):
    """~200 training speakers (seeded choice), one L2-normalised mean embedding of 3 s crops each."""
    who, embs = cohort_embeddings(model, data)
    items = [{"set": s, "speaker": sp, "embedding": [round(v, 5) for v in e.tolist()]}
             for (s, sp), e in zip(who, embs)]
    save_json(os.path.join(OUT, "cohort.json"),
              {"model": NAME, "embeddingDim": len(items[0]["embedding"]),
               "note": "One L2-normalised embedding per training speaker (mean of up to three 3 s clean "
                       "crops, CMN'd 3dspeaker fbank), for score normalisation (e.g. adaptive s-norm).",
               "attribution": ATTRIBUTION, "count": len(items), "speakers": items})


def train_minutes(info):
    """Training time of the shipped weights, including the run a fine-tuning phase started from."""
    total, seen = info["train_minutes"], set()
    while info.get("init") and info["init"] not in seen:
        seen.add(info["init"])
        info = torch.load(os.path.join(CACHE, f"train_info.{info['init']}.pt"))
        total += info["train_minutes"]
    return total


def main():
    set_threads()
    model, info = load_trained()
    dim = model.fc.out_features
    if "--candidate" in sys.argv:      # a run under evaluation: the ONNX file only, nothing in models/starter
        export(model, dim, sys.argv[sys.argv.index("--candidate") + 1])
        return
    export(model, dim)
    # reference input/output pair so the app (onnxruntime-node) can check the export numerically
    torch.manual_seed(0)
    x = cmn(torch.randn(1, 250, 80) * 3)
    with torch.no_grad():
        y = model(x)
    save_json(os.path.join(CACHE, "onnx_check.json"), {"feats": x.flatten().tolist(), "shape": list(x.shape),
                                                       "embs": y.flatten().tolist()})
    data = torch.load(os.path.join(CACHE, "train.pt"))
    cohort(model, data)
    ev = json.load(open(os.path.join(OUT, "eval.json")))
    raw = open(ONNX_PATH, "rb").read()
    save_json(os.path.join(OUT, "manifest.json"), {
        "id": NAME, "displayName": "Seimon starter v2 (compact, English read speech)",
        "file": NAME + ".onnx", "sha256": hashlib.sha256(raw).hexdigest(), "sizeBytes": len(raw),
        "preset": "3dspeaker", "inputName": "feats", "outputName": "embs", "embeddingDim": dim,
        "windowSeconds": 3, "hopSeconds": 1.5, "language": "English",
        "licence": "CC BY-SA 4.0 (trained partly on FSDD, CC BY-SA 4.0; LibriSpeech and Speech Commands are CC BY 4.0)",
        "sourceUrl": None, "parameters": info["params"], "trainMinutes": round(train_minutes(info), 1),
        "cohort": "cohort.json", "eer": ev["eer_percent"], "baselineEer": ev["baseline_eer_percent"],
        "eerAsNorm": ev.get("asnorm_eer_percent"), "baselineEerAsNorm": ev.get("baseline_asnorm_eer_percent")})
    print("exported", ONNX_PATH, len(raw), "bytes")


if __name__ == "__main__":
    main()
