"""A synthetic news corpus for tests and benchmarks, written for tollwatch (no real
articles): short reports of casualty and force figures, distinct enough that no two
documents are near-duplicates."""

from __future__ import annotations

import json
import random
from pathlib import Path

PLACES = ["Varno", "Kestrel Bay", "Ostrava Hills", "Lindmark", "Port Adel", "Sable Ridge",
          "Tamsin", "Greywater", "Horvat", "Elmsbridge", "Qarun Valley", "Mirelle",
          "Duncastle", "Fenwick Pass", "Arbel", "Carrow", "Northmere", "Zelin", "Pellan",
          "Brisk Harbour", "Oakhollow", "Stavin", "Rimeport", "Castellan", "Yarrow Fields"]
ACTORS = ["the army", "rebel fighters", "the coastal militia", "government troops",
          "the northern brigade", "border guards", "the insurgents", "marines",
          "the police", "volunteer units", "the federal forces", "the Azure Front",
          "the Red Lantern movement", "separatist units", "the navy"]
SOURCES = ["the health ministry", "a local hospital director", "the regional governor",
           "a United Nations monitor", "the defence ministry", "an aid agency spokesperson",
           "village elders", "a military spokesman", "the interior ministry",
           "a human rights group", "the mayor", "emergency services"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
VERBS = [("killed", "were killed"), ("injured", "were wounded"), ("displaced", "fled their homes"),
         ("captured", "were taken prisoner"), ("missing", "remain unaccounted for")]
ASIDES = ["amid heavy rain", "as fuel ran short", "while talks stalled abroad",
          "after a night of artillery fire", "despite a promised truce",
          "as convoys waited at the checkpoint", "with power cut across the district",
          "while schools stayed shut", "after the bridge was closed",
          "as winter arrived early", "with phone lines down", "during a funeral procession"]
TEMPLATES = [
    "At least {n} people {verb} in {place} on {day} {aside}, {source} said.",
    "{Source} reported that {n} civilians {verb} when {actor} shelled {place} {aside}.",
    "According to {source}, {actor} lost {n} soldiers near {place} on {day}.",
    "Around {n} residents of {place} {verb} {aside}, according to {source}.",
    "{Actor} said on {day} that they had detained {n} suspects in {place}.",
    "More than {n} families fled {place} {aside}, {source} told reporters.",
    "{Source} denied claims that {n} fighters {verb} in {place}.",
    "Some {n} troops were deployed to {place} on {day}, {source} announced.",
    "Between {n} and {m} people {verb} in the strike on {place}, {source} estimated.",
    "Local officials in {place} counted {n} dead and {m} injured {aside}.",
]


def _sentence(rng: random.Random) -> str:
    t = rng.choice(TEMPLATES)
    n = rng.randint(2, 900)
    source = rng.choice(SOURCES)
    actor = rng.choice(ACTORS)
    return t.format(n=n, m=n + rng.randint(5, 200), verb=rng.choice(VERBS)[1],
                    place=rng.choice(PLACES), day=rng.choice(DAYS), aside=rng.choice(ASIDES),
                    source=source, Source=source[0].upper() + source[1:], actor=actor,
                    Actor=actor[0].upper() + actor[1:])


def make_document(i: int, rng: random.Random, sentences: int = 8) -> dict[str, object]:
    body = " ".join(_sentence(rng) for _ in range(sentences))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return {"id": f"syn-{i:06d}", "text": f"Report {i} from {rng.choice(PLACES)}.\n{body}",
            "published": f"2024-{month:02d}-{day:02d}", "url": f"https://news.example/{i}",
            "outlet": rng.choice(["Example Post", "Sample Times", "Demo Wire"])}


def make_corpus(n: int, seed: int = 7, sentences: int = 8) -> list[dict[str, object]]:
    rng = random.Random(seed)
    return [make_document(i, rng, sentences) for i in range(n)]


def write_jsonl(path: Path, docs: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path
