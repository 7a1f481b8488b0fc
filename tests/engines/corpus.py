"""A small corpus written for the engine tests (invented places, people and figures):
about forty documents across JSONL, text and HTML files, with an exact copy, a near copy,
an id clash and bad inputs."""

from __future__ import annotations

import json
import random
from pathlib import Path

TOWNS = ["Brellin", "Quorra", "Vastmoor", "Ilden Cross", "Saltreach", "Kovany", "Tepwick",
         "Mardun", "Oreth Falls", "Lusk", "Palvane", "Hesketh Moor", "Drayle", "Umber Gate"]
SIDES = ["the Western Guard", "river militias", "the Ninth Corps", "coastal rangers",
         "the Free Hill brigades", "state gendarmes", "the Ashfield Front", "marine infantry"]
VOICES = ["the provincial health office", "a spokeswoman for the Red Crescent",
          "the district prefect", "an emergency coordinator", "the ministry of defence",
          "Dr Ilse Maren, who runs the main clinic", "a refugee agency official",
          "the commander of the garrison"]
OPENERS = [
    "{Voice} said on {day} that {n} people had been killed in {town}.",
    "At least {n} civilians were wounded when shells hit the market in {town}, {voice} said.",
    "{Side} lost about {n} fighters in the battle for {town}, according to {voice}.",
    "Nearly {n} families have fled {town} since the fighting began, {voice} reported.",
    "{Voice} told reporters that {n} soldiers were captured near {town} on {day}.",
    "Some {n} residents of {town} remain missing after the raid, {voice} said.",
    "More than {n} troops from {side} were sent to {town} on {day}.",
]
MIDDLES = [
    "Roads out of {town} were blocked for most of the day.",
    "The claim could not be independently verified.",
    "Earlier reports had put the toll between {n} and {m}.",
    "{Voice} added that {n} of the wounded were children.",
    "A convoy carrying flour and medicine reached the outskirts by nightfall.",
    "Officials said {n} people were detained for questioning.",
    "{Side} denied that {n} of its men had been killed.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _sentence(template: str, rng: random.Random) -> str:
    voice, side = rng.choice(VOICES), rng.choice(SIDES)
    n = rng.randint(3, 4000)
    return template.format(n=f"{n:,}", m=f"{n + rng.randint(10, 900):,}",
                           town=rng.choice(TOWNS), day=rng.choice(DAYS), voice=voice,
                           Voice=_cap(voice), side=side, Side=_cap(side))


def article(i: int, rng: random.Random) -> str:
    parts = [_sentence(rng.choice(OPENERS), rng)]
    for _ in range(rng.randint(2, 6)):
        parts.append(_sentence(rng.choice(MIDDLES + OPENERS), rng))
    return f"Dispatch {i} ({rng.choice(TOWNS)})\n" + " ".join(parts)


def write_corpus(root: Path, *, seed: int = 11, poison: str | None = None) -> list[str]:
    """Write the corpus under ``root``; the inputs to give ``ingest``, in order."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    texts = [article(i, rng) for i in range(36)]
    lines = []
    for i, t in enumerate(texts[:28]):
        rec = {"id": f"wire-{i:03d}", "text": t, "published": f"2025-0{1 + i % 9}-{10 + i % 18}",
               "url": f"https://wire.example/{i}", "outlet": "Example Wire"}
        lines.append(json.dumps(rec))
    lines.insert(9, "{not json")
    lines.insert(17, json.dumps({"id": "no-text"}))
    if poison is not None:
        lines.insert(5, json.dumps({"id": "poisoned", "text": texts[3] + f" {poison}."}))
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = root / "inbox"
    folder.mkdir(exist_ok=True)
    for i, t in enumerate(texts[28:], 28):
        (folder / f"story-{i}.txt").write_text(t, encoding="utf-8")
    (folder / "copy-of-wire-2.txt").write_text(texts[2], encoding="utf-8")
    (folder / "near-wire-4.txt").write_text("UPDATED. " + texts[4], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "page.html").write_text(
        "<html lang='en'><head><title>Night raid on Kovany</title></head><body><article>"
        "<h1>Night raid on Kovany</h1><p>" + texts[0].split("\n")[1] + "</p><p>"
        "The district prefect said 14 people were killed and 31 wounded in the raid on "
        "Kovany on Friday night, and that 200 families had left the town.</p>"
        "</article></body></html>", encoding="utf-8")
    clash = root / "clash"
    clash.mkdir(exist_ok=True)
    (clash / "wire-001.txt").write_text(texts[5] + " A later edition.", encoding="utf-8")
    return [str(root / "wire.jsonl"), str(folder), str(clash), str(root / "missing.txt")]
