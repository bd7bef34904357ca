"""Recover the shipped v2 weights from models/starter/seimon-starter-v2.onnx into a training run "v2".

The exporter kept every parameter and BatchNorm statistic as a named initializer (the state-dict names),
so the network is rebuilt exactly; the script checks that torch and the ONNX file agree on a reference
input before it saves $SEIMON_CACHE/model_last.v2.pt and train_info.v2.pt. v3 fine-tunes from these.
"""
import os

import onnx
import torch
from onnx import numpy_helper

from common import CACHE, MODELS, SpeakerNet, cmn, set_threads

ONNX_PATH = os.path.join(MODELS, "starter", "seimon-starter-v2.onnx")
V2_TRAIN_MINUTES = 71.1   # stage 1 (54.5 min) + stage 2 (16.6 min), logs/train.stage1.log and logs/train.log


def main():
    set_threads()
    m = onnx.load(ONNX_PATH)
    init = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in m.graph.initializer}
    model = SpeakerNet(stride=1)
    state = model.state_dict()
    missing = [k for k in state if k not in init and not k.endswith("num_batches_tracked")]
    if missing:
        raise SystemExit(f"initializers missing from the ONNX file: {missing}")
    model.load_state_dict({k: init.get(k, state[k]) for k in state})
    model.eval()
    # reference pair for verify_onnx.cjs (onnxruntime-node against these torch outputs)
    torch.manual_seed(0)
    x = cmn(torch.randn(1, 250, 80) * 3)
    with torch.no_grad():
        y = model(x)
    import json
    with open(os.path.join(CACHE, "onnx_check.v2.json"), "w") as f:
        json.dump({"feats": x.flatten().tolist(), "shape": list(x.shape), "embs": y.flatten().tolist()}, f)
    torch.save(model.state_dict(), os.path.join(CACHE, "model_last.v2.pt"))
    torch.save({"params": sum(p.numel() for p in model.parameters()), "train_minutes": V2_TRAIN_MINUTES,
                "epochs": 14, "steps": 250, "stem_stride": 1, "init": None}, os.path.join(CACHE, "train_info.v2.pt"))
    print("recovered v2 from", ONNX_PATH)


if __name__ == "__main__":
    main()
