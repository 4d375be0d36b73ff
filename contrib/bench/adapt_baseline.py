#!/usr/bin/env python3
"""Mycroft Adapt 1.0 on the questions `make bench` asks hiwaic: intent detection alone.

The reference point of issue 12: hiwaic should answer (intent, entities, the answer itself and
its JSON) at least twice as fast per question as Adapt only detects an intent. Adapt gets the
pack's names as entities and the lexicons' cue phrases as required keywords, one IntentBuilder
per intent, which is how Adapt is meant to be used.

Usage: python3 contrib/bench/adapt_baseline.py PACK_DIR [DEV_JSON] [CLINC_VAL_TSV]
(`make bench-adapt` sets up a virtual environment with adapt-parser 1.0.0 and runs it on the
WAIC pack and the 10x synthetic pack.)
"""
import json
import os
import sys
import time

from adapt.engine import IntentDeterminationEngine
from adapt.intent import IntentBuilder


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def names(record, key="name"):
    value = record.get(key) or {}
    return [text for text in value.values() if text]


def engine_for(pack):
    engine = IntentDeterminationEngine()
    entity_words = {
        "Exhibitor": [n for e in load(os.path.join(pack, "exhibitors.json")) for n in names(e)],
        "Topic": [n for t in load(os.path.join(pack, "topics.json")) for n in names(t)],
        "Speaker": [n for s in load(os.path.join(pack, "speakers.json")) for n in names(s)],
        "Session": [n for s in load(os.path.join(pack, "sessions.json")) for n in names(s, "title")],
        "Room": [n for r in load(os.path.join(pack, "venues.json"))["rooms"] for n in names(r)],
    }
    for entity, words in entity_words.items():
        for word in set(words):
            engine.register_entity(word.lower(), entity)
    cues = {}
    lexicon = os.path.join(pack, "lexicon")
    for name in sorted(os.listdir(lexicon)):
        if not name.endswith(".json"):
            continue
        for intent, lists in load(os.path.join(lexicon, name)).get("cues", {}).items():
            cues.setdefault(intent, set()).update(w.lower() for w in lists.get("strong", []))
    for intent, words in cues.items():
        keyword = intent + "Keyword"
        for word in words:
            engine.register_entity(word, keyword)
        builder = IntentBuilder(intent).require(keyword)
        for entity in entity_words:
            builder = builder.optionally(entity)
        engine.register_intent_parser(builder.build())
    return engine


def per_question(engine, questions):
    batch = []
    while len(batch) < 2000:
        batch += questions
    start = time.perf_counter()
    for question in batch:
        for _ in engine.determine_intent(question.lower()):
            break
    return (time.perf_counter() - start) * 1e6 / len(batch), len(batch)


def main():
    pack = sys.argv[1]
    exhibitors = load(os.path.join(pack, "exhibitors.json"))
    exhibitor_questions = []
    for e in exhibitors[:46]:
        exhibitor_questions.append("where is " + (e["name"].get("en") or ""))
        exhibitor_questions.append((e["name"].get("zh") or "") + "在哪里")
    mix = list(exhibitor_questions)
    if len(sys.argv) > 2 and os.path.exists(sys.argv[2]):
        mix += [q["q"] for q in load(sys.argv[2])]
    if len(sys.argv) > 3 and os.path.exists(sys.argv[3]):
        with open(sys.argv[3], encoding="utf-8") as handle:
            rows = [line.split("\t")[0] for line in handle if not line.startswith("#")]
        mix += rows[:1000]
    started = time.perf_counter()
    engine = engine_for(pack)
    print("Adapt 1.0 on %s: engine built in %.0f ms" % (pack, (time.perf_counter() - started) * 1e3))
    for label, questions in (("exhibitor questions", exhibitor_questions), ("a mix", mix)):
        micros, count = per_question(engine, questions)
        print("  %s: %.0f µs per question (intent detection alone) over %d" % (label, micros, count))


if __name__ == "__main__":
    main()
