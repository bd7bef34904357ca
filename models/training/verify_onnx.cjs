// Numeric check of the exported model with onnxruntime-node (the runtime the app uses):
// runs the reference input written by export.py and compares with the PyTorch output.
// Usage (from the repo root): node models/training/verify_onnx.cjs [/tmp/seimon-train-cache/onnx_check.json]
const ort = require('onnxruntime-node');
const fs = require('fs');
const path = require('path');

(async () => {
  const ref = JSON.parse(fs.readFileSync(process.argv[2] || '/tmp/seimon-train-cache/onnx_check.json', 'utf8'));
  const starter = path.join(__dirname, '..', 'starter');
  const model = path.join(starter, JSON.parse(fs.readFileSync(path.join(starter, 'manifest.json'), 'utf8')).file);
  const s = await ort.InferenceSession.create(model);
  console.log('inputs', s.inputNames, 'outputs', s.outputNames);
  const out = await s.run({ feats: new ort.Tensor('float32', Float32Array.from(ref.feats), ref.shape) });
  const y = out.embs.data;
  let maxErr = 0;
  for (let i = 0; i < y.length; i++) maxErr = Math.max(maxErr, Math.abs(y[i] - ref.embs[i]));
  // also a batch of 2 with a different length, to exercise the dynamic axes
  const two = await s.run({ feats: new ort.Tensor('float32', new Float32Array(2 * 137 * 80).fill(0.5), [2, 137, 80]) });
  console.log('dims', out.embs.dims, 'batch2 dims', two.embs.dims, 'max abs diff vs torch', maxErr);
  process.exit(maxErr < 1e-3 ? 0 : 1);
})();
