"""Shared pieces of the Seimon starter-model pipeline: paths, the front-end, the network.

The front-end here MUST stay identical to the app's `3dspeaker` preset (see
/work/shared/docs/speaker-models.md): torchaudio's Kaldi fbank on [-1, 1] floats, then
per-utterance mean subtraction. The ONNX model receives the mean-subtracted features.
"""
import json
import os
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchaudio

SR = 16000
# ../shared/data/speech next to the repository (as for the app's tests), unless SEIMON_SPEECH says otherwise.
_REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.environ.get("SEIMON_SPEECH", os.path.join(os.path.dirname(_REPO), "shared", "data", "speech"))
CACHE = os.environ.get("SEIMON_CACHE", "/tmp/seimon-train-cache")
HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.dirname(HERE)
LIBRI, SC, FSDD = "librispeech-train-clean-100-1utt", "speech-commands-v002", "fsdd"
SEED = 20251126
# Experiments name a run (SEIMON_RUN) so checkpoints and logs of different recipes never overwrite
# each other; the shipped recipe is the default run "starter".
RUN = os.environ.get("SEIMON_RUN", "starter")
STEM_STRIDE = int(os.environ.get("SEIMON_STEM_STRIDE", "1"))


def run_file(name):
    """Per-run file in the cache: model_last.pt -> model_last.<run>.pt for runs other than the default."""
    if RUN == "starter":
        return os.path.join(CACHE, name)
    base, ext = os.path.splitext(name)
    return os.path.join(CACHE, f"{base}.{RUN}{ext}")


def load_trained():
    """The network of this run with its trained weights, built with the stem stride it was trained with."""
    info = torch.load(run_file("train_info.pt"))
    model = SpeakerNet(stride=info.get("stem_stride", 2))
    model.load_state_dict(torch.load(run_file("model_last.pt")))
    model.eval()
    return model, info


def set_threads():
    # The dev machine has 2 cores shared with other engineers: never ask for more.
    torch.set_num_threads(int(os.environ.get("SEIMON_THREADS", "2")))
    torch.set_num_interop_threads(1)


def seed_all(seed=SEED):
    random.seed(seed)
    torch.manual_seed(seed)


def fbank(wav):
    """`3dspeaker` preset log-mel fbank (no CMN). wav: 1-D float tensor in [-1, 1] at 16 kHz."""
    if wav.numel() < 400:  # snip_edges: fewer than one frame -> zero frames
        return torch.zeros(0, 80)
    return torchaudio.compliance.kaldi.fbank(
        wav.unsqueeze(0), num_mel_bins=80, frame_length=25.0, frame_shift=10.0, dither=0.0,
        window_type="povey", preemphasis_coefficient=0.97, remove_dc_offset=True,
        round_to_power_of_two=True, snip_edges=True, low_freq=20.0, high_freq=0.0,
        energy_floor=0.0, use_energy=False, sample_frequency=SR)


def cmn(feats):
    """Per-utterance mean normalisation over frames (feature_normalize_type=global-mean)."""
    return feats - feats.mean(dim=-2, keepdim=True)


def load_audio(path):
    """Load any file as mono float32 at 16 kHz (FSDD is 8 kHz and gets upsampled)."""
    import soundfile as sf
    x, sr = sf.read(path, dtype="float32", always_2d=True)
    x = torch.from_numpy(x.mean(axis=1))
    if sr != SR:
        x = torchaudio.functional.resample(x, sr, SR)
    return x


def list_speakers(corpus):
    root = os.path.join(DATA, corpus)
    return sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))


def list_files(corpus, spk):
    root = os.path.join(DATA, corpus, spk)
    return [os.path.join(root, f) for f in sorted(os.listdir(root)) if f.endswith(".flac")]


def heldout():
    """Speaker-disjoint validation split, chosen deterministically (seeded, from sorted ids).

    40 LibriSpeech speakers; 30 Speech Commands speakers among those with >= 9 clips so each
    gives at least three disjoint 3-second test segments. FSDD (6 speakers) is all training.
    """
    rng = random.Random(SEED)
    libri = sorted(rng.sample(list_speakers(LIBRI), 40))
    eligible = [s for s in list_speakers(SC) if len(list_files(SC, s)) >= 9]
    sc = sorted(rng.sample(eligible, 30))
    return {LIBRI: libri, SC: sc}


def save_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


# ---------------------------------------------------------------- network
class SEBlock(nn.Module):
    def __init__(self, c, r=8):
        super().__init__()
        self.fc1, self.fc2 = nn.Conv1d(c, c // r, 1), nn.Conv1d(c // r, c, 1)

    def forward(self, x):
        s = torch.sigmoid(self.fc2(F.relu(self.fc1(x.mean(dim=2, keepdim=True)))))
        return x * s


class TDNNBlock(nn.Module):
    """Bottleneck residual TDNN block (ECAPA-lite without Res2Net splits): 1x1 -> dilated k3 -> 1x1 -> SE."""

    def __init__(self, c, b, dilation):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(c, b, 1), nn.ReLU(), nn.BatchNorm1d(b),
            nn.Conv1d(b, b, 3, dilation=dilation, padding=dilation), nn.ReLU(), nn.BatchNorm1d(b),
            nn.Conv1d(b, c, 1), nn.ReLU(), nn.BatchNorm1d(c), SEBlock(c))

    def forward(self, x):
        return x + self.net(x)


class AttentiveStatsPool(nn.Module):
    """Channel-wise attentive statistics pooling: weighted mean and std over time."""

    def __init__(self, c, hidden=128):
        super().__init__()
        self.att = nn.Sequential(nn.Conv1d(c, hidden, 1), nn.Tanh(), nn.Conv1d(hidden, c, 1))

    def forward(self, x):
        w = torch.softmax(self.att(x), dim=2)
        mu = (x * w).sum(dim=2)
        var = (x * x * w).sum(dim=2) - mu * mu
        return torch.cat([mu, torch.sqrt(var.clamp(min=1e-5))], dim=1)


class SpeakerNet(nn.Module):
    """Compact ECAPA-style TDNN. Input CMN'd fbank [B, T, 80] -> embedding [B, emb]."""

    def __init__(self, channels=256, bottleneck=128, mfa=768, emb=192, dropout=0.0, stride=None):
        super().__init__()
        # stride 2 in the first layer halves every later layer's cost (20 ms frame rate); stride 1
        # keeps the 10 ms frames. The choice is recorded in train_info.pt (see arch()).
        stride = STEM_STRIDE if stride is None else stride
        self.stem = nn.Sequential(nn.Conv1d(80, channels, 5, stride=stride, padding=2), nn.ReLU(),
                                  nn.BatchNorm1d(channels))
        self.blocks = nn.ModuleList([TDNNBlock(channels, bottleneck, d) for d in (2, 3, 4)])
        self.mfa = nn.Sequential(nn.Conv1d(3 * channels, mfa, 1), nn.ReLU(), nn.BatchNorm1d(mfa))
        self.pool = AttentiveStatsPool(mfa)
        self.bn = nn.BatchNorm1d(2 * mfa)
        self.drop = nn.Dropout(dropout)   # training-time regulariser only (identity in eval/ONNX)
        self.fc = nn.Linear(2 * mfa, emb)

    def forward(self, feats):
        x = self.stem(feats.transpose(1, 2))
        outs = []
        for blk in self.blocks:
            x = blk(x)
            outs.append(x)
        x = self.mfa(torch.cat(outs, dim=1))
        return self.fc(self.drop(self.bn(self.pool(x))))


class AAMSoftmax(nn.Module):
    """Additive angular margin softmax (ArcFace) head, used only in training."""

    def __init__(self, emb, n_classes, margin=0.2, scale=30.0):
        super().__init__()
        self.w = nn.Parameter(torch.randn(n_classes, emb) * 0.01)
        self.margin, self.scale = margin, scale

    def forward(self, x, y):
        cos = F.linear(F.normalize(x), F.normalize(self.w)).clamp(-1 + 1e-7, 1 - 1e-7)
        theta = torch.acos(cos)
        target = torch.cos(theta + self.margin)
        # keep the logit monotonic when theta + m passes pi (standard "easy margin" fix)
        target = torch.where(theta + self.margin < torch.pi, target, cos - self.margin * torch.sin(torch.tensor(self.margin)))
        onehot = F.one_hot(y, cos.shape[1]).bool()
        logits = self.scale * torch.where(onehot, target, cos)
        return F.cross_entropy(logits, y), logits


def cohort_embeddings(model, data):
    """The shipped score-normalisation cohort: ~200 training speakers (seeded choice), one L2-normalised
    mean embedding of up to three clean 3 s crops each. Returns (list of (set, speaker), [N, dim])."""
    rng = random.Random(SEED)
    spk = [(c["set"], c["speaker"], c["class"]) for c in data["classes"] if c["speed"] == 1.0]
    chosen = []
    for s, n in {LIBRI: 130, SC: 64, FSDD: 6}.items():
        cands = [x for x in spk if x[0] == s]
        chosen += sorted(rng.sample(cands, min(n, len(cands))))
    d = data["clean"]
    embs = []
    for _, _, c in chosen:
        f = d["feats"][int(d["starts"][c]):int(d["starts"][c]) + int(d["lens"][c])].float()
        crops = [f[o:o + 300] for o in range(0, max(1, f.shape[0] - 299), 300)][:3]
        embs.append(F.normalize(F.normalize(embed(model, [cmn(x) for x in crops])).mean(0), dim=0))
    return [(s, sp) for s, sp, _ in chosen], torch.stack(embs)


# The app's AS-norm (src/scoring/normalization.ts): top-N cohort scores per side, N = min(300, cohort).
AS_NORM_TOP_N = 300


def as_norm(enrol, test, cohort, top_n=AS_NORM_TOP_N):
    """Adaptive symmetric normalisation of the cosines of row-paired L2-normalised enrol/test embeddings,
    as the app computes it (population standard deviation of the top-N cohort scores of each side)."""
    k = min(top_n, cohort.shape[0])
    raw = (enrol * test).sum(1)
    te, tt = (enrol @ cohort.T).topk(k, 1).values, (test @ cohort.T).topk(k, 1).values
    z = lambda t: (raw - t.mean(1)) / t.std(1, unbiased=False).clamp(min=1e-4)
    return 0.5 * (z(te) + z(tt))


def embed(model, feats_list, max_frames=3000):
    """Embed a list of CMN'd [T, 80] features one at a time (variable lengths)."""
    model.eval()
    out = []
    with torch.no_grad():
        for f in feats_list:
            out.append(model(f[:max_frames].unsqueeze(0))[0])
    return torch.stack(out)


def eer(scores, labels):
    """Equal error rate (%) from scores and 0/1 labels."""
    scores, labels = torch.as_tensor(scores, dtype=torch.float64), torch.as_tensor(labels)
    order = torch.argsort(scores, descending=True)
    lab = labels[order].double()
    n_t, n_n = lab.sum(), (1 - lab).sum()
    fa = torch.cumsum(1 - lab, 0) / n_n          # accept everything above threshold
    fr = 1 - torch.cumsum(lab, 0) / n_t
    i = torch.argmin(torch.abs(fa - fr))
    return float((fa[i] + fr[i]) / 2 * 100)
