"""Step 2: train the speaker network with AAM-softmax on random augmented crops of the cache.

Each example = (speaker x speed class, random variant among clean/MP3/Opus/8 kHz, random 2-3 s
crop, optional additive noise mixed in the mel power domain at 0-20 dB SNR, random gain,
SpecAugment-style masks), then per-crop CMN exactly as at inference. Logs per-epoch loss and
validation EER on the held-out speakers to logs/train.log.
"""
import math
import os
import random
import sys
import time

import torch

from common import (CACHE, HERE, LIBRI, RUN, SC, STEM_STRIDE, AAMSoftmax, SpeakerNet, cmn, embed, eer,
                    run_file, seed_all, set_threads)

STEPS = int(os.environ.get("SEIMON_STEPS", "250"))      # steps per epoch
EPOCHS = int(os.environ.get("SEIMON_EPOCHS", "10"))
BATCH, SCALE = 64, 30.0
LR = float(os.environ.get("SEIMON_LR", "2e-3"))
MARGIN = float(os.environ.get("SEIMON_MARGIN", "0.2"))
# crop length range in frames (100 frames/s)
CROP = tuple(map(int, os.environ.get("SEIMON_CROP", "200,300").split(",")))
# Duration-aware sampling (v3): with this probability a batch's crop length is drawn from the short end
# (CROP[0] to 2 s), otherwise from 2 s to CROP[1]; unset = uniform over the whole range.
SHORT_P = os.environ.get("SEIMON_CROP_SHORT_P")
# Large-margin fine-tuning (second phase): start from another run's weights and classifier
# (SEIMON_INIT names that run), with the full margin from the first step.
INIT = os.environ.get("SEIMON_INIT", "")
# With only 366 base speakers the net memorises training speakers quickly (run 1: train accuracy
# 0.88 while held-out EER stalled from epoch 4), so regularise: decoupled weight decay, dropout
# on the pooled statistics, more masking, and an average of the last AVG epochs' weights.
WEIGHT_DECAY, DROPOUT, SPECAUG_P, AVG = 5e-2, 0.25, 0.8, 3
VARIANT_P = dict(zip(("clean", "mp3", "opus", "tel"),
                     map(float, os.environ.get("SEIMON_VARIANT_P", "0.35,0.2,0.2,0.25").split(","))))
# additive noise: probability per example and SNR range in dB
NOISE_P = float(os.environ.get("SEIMON_NOISE_P", "0.3"))
SNR_DB = tuple(map(float, os.environ.get("SEIMON_SNR_DB", "5,20").split(",")))


class Sampler:
    def __init__(self, data, rng):
        self.d, self.rng = data, rng
        self.n_classes = len(data["classes"])
        self.noise = [n.float() for n in data["noise"]]
        self.vnames, self.vw = list(VARIANT_P), list(VARIANT_P.values())

    def crop(self, v, c, L):
        start, n = int(self.d[v]["starts"][c]), int(self.d[v]["lens"][c])
        x = self.d[v]["feats"][start:start + n].float()
        if n < L:                                  # short speakers: loop their speech
            x = x.repeat(math.ceil(L / n), 1)
            n = x.shape[0]
        o = self.rng.randint(0, n - L)
        return x[o:o + L]

    def add_noise(self, x):
        nz = self.rng.choice(self.noise)
        o = self.rng.randint(0, nz.shape[0] - x.shape[0]) if nz.shape[0] > x.shape[0] else 0
        nz = nz[o:o + x.shape[0]]
        if nz.shape[0] < x.shape[0]:
            nz = nz.repeat(math.ceil(x.shape[0] / nz.shape[0]), 1)[: x.shape[0]]
        snr = self.rng.uniform(*SNR_DB)
        # powers add (approximately) in the mel domain: log(e^x + g e^n) with g setting the SNR
        shift = (torch.logsumexp(x, (0, 1)) - torch.logsumexp(nz, (0, 1))) - snr / 10 * math.log(10)
        return torch.logaddexp(x, nz + shift)

    def example(self, L):
        c = self.rng.randrange(self.n_classes)
        v = self.rng.choices(self.vnames, self.vw)[0]
        x = self.crop(v, c, L)
        x = x + self.rng.uniform(-6, 6) / 10 * math.log(10)    # gain (+-6 dB)
        if self.rng.random() < NOISE_P:
            x = self.add_noise(x)
        x = cmn(x)
        if self.rng.random() < SPECAUG_P:                       # SpecAugment-style masks
            f = self.rng.randint(1, 8); f0 = self.rng.randint(0, 80 - f)
            x[:, f0:f0 + f] = 0
            t = self.rng.randint(1, 15); t0 = self.rng.randint(0, L - t)
            x[t0:t0 + t] = 0
        return x, c

    def batch(self):
        L = self.rng.randint(*CROP)             # default 2-3 s crops (100 frames/s)
        if SHORT_P is not None and CROP[0] < 200 < CROP[1]:
            L = self.rng.randint(CROP[0], 199) if self.rng.random() < float(SHORT_P) else self.rng.randint(200, CROP[1])
        xs, ys = zip(*(self.example(L) for _ in range(BATCH)))
        return torch.stack(xs), torch.tensor(ys)


def class_centres(model, data, crops=3, L=300):
    """L2-normalised mean embedding of a few clean crops of every class (initialises a fine-tuning head)."""
    d, out = data["clean"], []
    for c in range(len(data["classes"])):
        start, n = int(d["starts"][c]), int(d["lens"][c])
        f = d["feats"][start:start + n].float()
        if n < L:
            f = f.repeat(math.ceil(L / n), 1)
        step = max(1, (f.shape[0] - L) // max(1, crops - 1))
        xs = torch.stack([cmn(f[o:o + L]) for o in range(0, f.shape[0] - L + 1, step)][:crops])
        model.eval()
        out.append(torch.nn.functional.normalize(torch.nn.functional.normalize(model(xs)).mean(0), dim=0))
    return torch.stack(out)


# Runs after v2 validate on the DEV half of the held-out speakers only (short_eval_split.json), so the
# TEST half is never used to choose between runs; v2's logs used all held-out speakers.
VAL_HALF = os.environ.get("SEIMON_VAL_HALF", "")


def val_segments(ev, s):
    segs = [e for e in ev if e["set"] == s and e["seconds"] >= 3.0]
    if VAL_HALF:
        import json
        keep = set(json.load(open(os.path.join(HERE, "short_eval_split.json")))[VAL_HALF][s])
        segs = [e for e in segs if e["speaker"] in keep]
    return segs


def validate(model, ev, frames=None):
    """EER (%) on held-out clean segments, all pairs, per set (first `frames` frames of each when given)."""
    res = {}
    for s in (LIBRI, SC):
        segs = val_segments(ev, s)
        emb = torch.nn.functional.normalize(embed(model, [cmn(e["feats"]["clean"][:frames]) for e in segs]))
        sc = emb @ emb.T
        spk = [e["speaker"] for e in segs]
        iu = torch.triu_indices(len(segs), len(segs), 1)
        lab = [int(spk[i] == spk[j]) for i, j in iu.T.tolist()]
        res[s] = eer(sc[iu[0], iu[1]], lab)
    return res


def main():
    set_threads()
    seed_all()
    log = open(os.path.join(HERE, "logs", "train.log" if RUN == "starter" else f"train.{RUN}.log"), "w")

    def say(msg):
        print(msg, flush=True)
        log.write(msg + "\n"); log.flush()

    data = torch.load(os.path.join(CACHE, "train.pt"))
    ev = torch.load(os.path.join(CACHE, "eval.pt"))
    sampler = Sampler(data, random.Random(1))
    stride = STEM_STRIDE
    if INIT:
        stride = torch.load(os.path.join(CACHE, f"train_info.{INIT}.pt")).get("stem_stride", 2)
    model = SpeakerNet(dropout=DROPOUT, stride=stride)
    head = AAMSoftmax(192, sampler.n_classes, MARGIN, SCALE)
    if INIT:
        model.load_state_dict(torch.load(os.path.join(CACHE, f"model_last.{INIT}.pt")))
        with torch.no_grad():   # classifier starts at each class's mean embedding (clean 3 s crops)
            head.w.copy_(class_centres(model, data))
    n_params = sum(p.numel() for p in model.parameters())
    say(f"classes={sampler.n_classes} params(model)={n_params} epochs={EPOCHS} steps/epoch={STEPS} "
        f"init={INIT or '-'} crop={CROP} short_p={SHORT_P} stem_stride={stride} variants={VARIANT_P} noise_p={NOISE_P} snr_db={SNR_DB} "
        f"batch={BATCH} lr={LR} wd={WEIGHT_DECAY} dropout={DROPOUT} specaug_p={SPECAUG_P} avg_last={AVG} margin={MARGIN} scale={SCALE} threads={torch.get_num_threads()}")
    opt = torch.optim.AdamW(list(model.parameters()) + list(head.parameters()), lr=LR, weight_decay=WEIGHT_DECAY)
    total, warm = EPOCHS * STEPS, STEPS // 2
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * (
        0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * min(1.0, s / total)))))
    t0, kept = time.time(), []
    for ep in range(1, EPOCHS + 1):
        # margin warm-up: plain softmax first, full margin from epoch 4 (easier early convergence)
        head.margin = MARGIN if INIT else MARGIN * min(1.0, (ep - 1) / 3)
        model.train(); head.train()
        tot, acc = 0.0, 0.0
        for _ in range(STEPS):
            x, y = sampler.batch()
            loss, logits = head(model(x), y)
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
            tot += loss.item(); acc += (logits.argmax(1) == y).float().mean().item()
        v, short = validate(model, ev), validate(model, ev, 150)
        say(f"epoch {ep:2d} loss {tot / STEPS:.3f} train_acc {acc / STEPS:.3f} margin {head.margin:.2f} "
            f"lr {sched.get_last_lr()[0]:.2e} val_eer_librispeech {v[LIBRI]:.2f}% "
            f"val_eer_speechcommands {v[SC]:.2f}% 1.5s: {short[LIBRI]:.2f}% / {short[SC]:.2f}% "
            f"val={VAL_HALF or 'all'} elapsed {(time.time() - t0) / 60:.1f} min")
        if ep > EPOCHS - AVG:
            kept.append({k: v.detach().clone() for k, v in model.state_dict().items()})
    # final model = mean of the last AVG epochs' weights (and BN statistics)
    avg = {k: (sum(sd[k].double() for sd in kept) / len(kept)).to(kept[0][k].dtype) for k in kept[0]}
    model.load_state_dict(avg)
    torch.save(avg, run_file("model_last.pt"))
    v, short = validate(model, ev), validate(model, ev, 150)
    say(f"averaged last {len(kept)} epochs: val_eer_librispeech {v[LIBRI]:.2f}% "
        f"val_eer_speechcommands {v[SC]:.2f}% 1.5s: {short[LIBRI]:.2f}% / {short[SC]:.2f}%")
    say(f"training done in {(time.time() - t0) / 60:.1f} min")
    torch.save({"params": n_params, "train_minutes": (time.time() - t0) / 60, "epochs": EPOCHS,
                "steps": STEPS, "stem_stride": stride, "init": INIT or None}, run_file("train_info.pt"))


if __name__ == "__main__":
    main()
