#!/usr/bin/env python3
"""hiwaic against Mycroft Adapt 1.0 in the same minutes: the ratio issue 12 asks for (at least
2x), measured round by round because this kind of machine's speed drifts by a third from one
minute to the next, and two figures taken minutes apart compare the minutes, not the programs.

Each round times Adapt detecting intents on a batch of questions, then `hiwaic ask` answering
the same batch (answer and JSON, start-up left out as `--timing` reports it), each the best of
three runs so that neither side is judged on a stall the other was spared, and prints both and
their ratio; the last line gives the median ratio of the rounds.

Usage: python3 contrib/bench/interleaved.py PACK_DIR DEV_JSON CLINC_VAL_TSV HIWAIC [ROUNDS]
(`make bench-adapt` runs it on the WAIC pack and the 10x synthetic pack.)
"""
import os
import statistics
import subprocess
import sys
import tempfile

from adapt_baseline import engine_for, load, per_question


def questions(pack, dev, clinc):
    """The batch adapt_baseline.py calls a mix: exhibitor names, the dev set, CLINC val."""
    mix = []
    for exhibitor in load(os.path.join(pack, "exhibitors.json"))[:46]:
        mix.append("where is " + (exhibitor["name"].get("en") or ""))
        mix.append((exhibitor["name"].get("zh") or "") + "在哪里")
    mix += [q["q"] for q in load(dev)]
    with open(clinc, encoding="utf-8") as handle:
        mix += [line.split("\t")[0] for line in handle if not line.startswith("#")][:1000]
    return [q.replace("\n", " ") for q in mix]


def hiwaic_per_question(binary, pack, batch_file, count):
    best = float("inf")
    for _ in range(3):
        with open(batch_file, encoding="utf-8") as batch:
            run = subprocess.run(
                [binary, "ask", "--pack", pack, "--format", "jsonl", "--now",
                 "2025-07-26T10:00", "--timing"],
                stdin=batch, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
        # "answered N questions in X ms"
        words = run.stderr.decode().strip().splitlines()[-1].split()
        best = min(best, float(words[4]))
    return best * 1000 / count


def main():
    pack, dev, clinc, binary = sys.argv[1:5]
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    mix = questions(pack, dev, clinc)
    batch = []
    while len(batch) < 2000:
        batch += mix
    engine = engine_for(pack)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as out:
        out.write("\n".join(batch) + "\n")
        batch_file = out.name
    try:
        ratios = []
        print("hiwaic against Adapt 1.0 on %s, %d questions a round:" % (pack, len(batch)))
        for round_number in range(1, rounds + 1):
            adapt = min(per_question(engine, mix)[0] for _ in range(3))
            ours = hiwaic_per_question(binary, pack, batch_file, len(batch))
            ratios.append(adapt / ours)
            print("  round %d: Adapt %.0f µs, hiwaic %.1f µs per question: %.2fx"
                  % (round_number, adapt, ours, adapt / ours))
        print("  median ratio %.2fx (target: at least 2x)" % statistics.median(ratios))
    finally:
        os.unlink(batch_file)


if __name__ == "__main__":
    main()
