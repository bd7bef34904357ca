#!/usr/bin/env bash
# The v3 candidate (issue 19): v2 fine-tuned for short speech, and the short-speech measurements.
#   bash models/training/train_v3.sh
# Needs what train.sh needs and its cache (bash train.sh, or at least prepare.py). v2's weights come
# from the shipped ONNX file (recover_v2.py checks them against onnxruntime-node), so v2 need not be retrained.
# On the shared 2-core machine: recovery 1 min, fine-tuning 15 min (one thread), short-speech set 5 min.
set -euo pipefail
cd "$(dirname "$0")"
PY=/usr/bin/python3
export PYTHONHASHSEED=0
$PY prepare.py
$PY recover_v2.py
if command -v node >/dev/null && [ -d ../../node_modules/onnxruntime-node ]; then
  (cd ../.. && node models/training/verify_onnx.cjs "${SEIMON_CACHE:-/tmp/seimon-train-cache}/onnx_check.v2.json")
fi
# 3 epochs x 100 steps from v2: crops of 1-3 s, half the batches under 2 s, the stage-2 variant mix,
# validation on the DEV half of the held-out speakers only (short_eval_split.json)
SEIMON_THREADS=1 SEIMON_RUN=v3b SEIMON_INIT=v2 SEIMON_EPOCHS=3 SEIMON_STEPS=100 SEIMON_LR=3e-4 \
  SEIMON_CROP=100,300 SEIMON_CROP_SHORT_P=0.5 SEIMON_VARIANT_P=0.25,0.125,0.125,0.5 SEIMON_VAL_HALF=dev $PY train.py
SEIMON_RUN=v3b $PY evaluate.py                         # -> $SEIMON_CACHE/eval.v3b.json
SEIMON_RUN=v3b $PY export.py --candidate /tmp/seimon-v3b.onnx
$PY short_eval.py                                      # the short-speech set, both halves
for run in v2 v3b; do for half in dev test; do $PY short_eval.py score $run $half; done; done
# the app's front-end on the same set (from the repository root):
#   npx tsx scripts/eval/short-speech.ts --half test --policies widerW6,current --json /tmp/short-test-v2.json
#   npx tsx scripts/eval/short-speech.ts --half test --model /tmp/seimon-v3b.onnx --policies widerW6,current --json /tmp/short-test-v3b.json
#   /usr/bin/python3 models/training/short_table.py /tmp/short-test-v2.json /tmp/short-test-v3b.json v3b
