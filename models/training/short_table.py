"""Markdown tables for the model card's "Short speech" section from the short-speech runs' JSON files.

  short_table.py APP_V2.json APP_V3.json   (scripts/eval/short-speech.ts --json, test half, policies widerW6,current)
Whole-clip torch figures are read from $SEIMON_CACHE/short-whole.<run>.test.json (short_eval.py score RUN test).
"""
import json
import os
import sys

from common import CACHE

CATS = [("libri", "1s", "1 s cut"), ("libri", "1.5s", "1.5 s cut"), ("libri", "2s", "2 s cut"),
        ("libri", "3s", "3 s cut"), ("libri", "5s", "5 s cut"), ("libri", "whole", "whole rest (5.5-15 s)"),
        ("sc", "words3", "3 joined words (untrimmed)")]


def mean(xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else float("nan")


def main():
    v2, v3 = (json.load(open(p)) for p in sys.argv[1:3])
    whole = {r: json.load(open(os.path.join(CACHE, f"short-whole.{r}.test.json"))) for r in ("v2", sys.argv[3] if len(sys.argv) > 3 else "v3b")}
    w2, w3 = whole.values()
    print("| test side | v2, app before (tight VAD, 3 s windows) | v2, app now | v3, app now | v2, whole clip | v3, whole clip |")
    print("|---|---|---|---|---|---|")
    for s, c, name in CATS:
        row = []
        for d, pol in ((v2, "current"), (v2, "widerW6"), (v3, "widerW6")):
            row.append(mean([d["eer"][pol].get(f"{s} {c} {k}") for k in ("clean", "mp3_64k", "opus_24k")]))
        for w in (w2, w3):
            row.append(mean([w.get(f"{s}-{c}-{k}") for k in ("clean", "mp3_64k", "opus_24k")]))
        print(f"| {name} | " + " | ".join(f"{x:.1f} %" for x in row) + " |")
    print()
    print("| speech in the test side (VAD count) | trials (target / non-target) | v2, app before | v2, app now | v3, app now |")
    print("|---|---|---|---|---|")
    for k in v2["eerBySpeech"]["widerW6"]:
        rng, counts = k.split(" (")
        print(f"| {rng} | {counts.rstrip(')')} | {v2['eerBySpeech']['current'].get(k, float('nan')):.1f} % | "
              f"{v2['eerBySpeech']['widerW6'][k]:.1f} % | {v3['eerBySpeech']['widerW6'].get(k, float('nan')):.1f} % |")


if __name__ == "__main__":
    main()
