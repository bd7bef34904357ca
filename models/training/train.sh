#!/usr/bin/env bash
# Reproducible pipeline for the bundled starter model (Seimon issue 5).
#   bash models/training/train.sh
# Needs Debian's /usr/bin/python3 with torch 1.13, torchaudio 0.13, soundfile, onnx; ffmpeg with
# libmp3lame and libopus; the speech sets under ../shared/data/speech next to the repository (override: SEIMON_SPEECH).
# Cache (features, codec round trips, checkpoints) goes to /tmp/seimon-train-cache (SEIMON_CACHE);
# no audio is written into the repository. About 70-90 min on 2 CPU cores. `--force` rebuilds the cache.
set -euo pipefail
cd "$(dirname "$0")"
PY=/usr/bin/python3
mkdir -p logs
export PYTHONHASHSEED=0
$PY prepare.py "$@"        # held-out split, augmented feature cache, held-out test segments
# stage 1: 10 epochs from scratch -> logs/train.stage1.log, $SEIMON_CACHE/model_last.stage1.pt
SEIMON_RUN=stage1 $PY train.py
# stage 2: 4 epochs from stage 1 with more telephone-band examples and a lower learning rate
# -> logs/train.log, $SEIMON_CACHE/model_last.pt (the shipped weights)
SEIMON_INIT=stage1 SEIMON_EPOCHS=4 SEIMON_LR=3e-4 SEIMON_VARIANT_P=0.25,0.125,0.125,0.5 $PY train.py
$PY evaluate.py            # -> ../starter/eval.json
$PY export.py              # -> ../starter/seimon-starter-v2.onnx, manifest.json, cohort.json
if command -v node >/dev/null && [ -d ../../node_modules/onnxruntime-node ]; then
  node verify_onnx.cjs     # onnxruntime-node vs torch on a reference input
fi
