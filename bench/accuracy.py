"""Extraction accuracy against the gold of the corpus (articles 000 to 003).

Run ``python bench/accuracy.py``. For each article and in total it prints:

- recall: gold spans that ``extract`` returns (as one of a quote's pieces, same offsets);
- precision: returned pieces that are gold spans;
- speaker: of the recalled spans whose gold names a speaker or none, those whose speaker agrees
  by the gold's rules (same full name; same last name for a person; or every word of the gold's
  description present in ours; ``None`` agrees only with ``None``);
- kind: of the recalled spans, those with the gold's kind;
- joined: gold groups of several pieces that come back as one quote with exactly those pieces.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quoteverify import extract
from quoteverify.model import Quote
from tests.corpus import GOLD_IDS, article, gold


@dataclass
class Tally:
    """Counts for one article (or the total)."""

    gold: int = 0
    found: int = 0
    recalled: int = 0
    correct_pieces: int = 0
    speakers: int = 0
    kinds: int = 0
    groups: int = 0
    joined: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        for name in ("gold", "found", "recalled", "correct_pieces", "speakers", "kinds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.groups += other.groups
        self.joined += other.joined


def speaker_agrees(ours: str | None, theirs: str | None) -> bool:
    """Whether our speaker name agrees with the gold's, by the gold's rules.

    >>> speaker_agrees("Trump", "Donald Trump"), speaker_agrees("official", "senior official")
    (True, False)
    """
    if ours is None or theirs is None:
        return ours is theirs
    mine, gold_words = _words(ours), _words(theirs)
    personal = all(word[:1].isupper() for word in theirs.split())
    same_last = personal and mine[-1:] == gold_words[-1:]
    return mine == gold_words or same_last or set(gold_words) <= set(mine)


def _words(name: str) -> list[str]:
    return name.lower().replace("’", "'").split()


def score(article_id: str) -> Tally:
    """Score ``extract`` on one gold article."""
    text = article(article_id)
    records = gold(article_id)
    quotes = extract(text)
    piece_of: dict[tuple[int, int], Quote] = {}
    for quote in quotes:
        for span in quote.spans:
            piece_of[span.start, span.end] = quote
    tally = Tally(gold=len(records), found=len(piece_of))
    for record in records:
        _score_record(text, record, piece_of, tally)
    _score_groups(records, piece_of, tally)
    return tally


def _score_record(
    text: str, record: dict[str, Any], piece_of: dict[tuple[int, int], Quote], tally: Tally
) -> None:
    quote = piece_of.get((record["start"], record["end"]))
    if quote is None:
        tally.misses.append(f"missed   {record['text'][:50]!r}")
        return
    tally.recalled += 1
    tally.correct_pieces += 1
    name = quote.speaker.name if quote.speaker else None
    if speaker_agrees(name, record["speaker"]):
        tally.speakers += 1
    else:
        tally.misses.append(f"speaker  {record['text'][:40]!r}: {name!r} ≠ {record['speaker']!r}")
    if quote.kind.value == record["kind"]:
        tally.kinds += 1
    else:
        tally.misses.append(
            f"kind     {record['text'][:40]!r}: {quote.kind.value} ≠ {record['kind']}"
        )


def _score_groups(
    records: list[dict[str, Any]], piece_of: dict[tuple[int, int], Quote], tally: Tally
) -> None:
    groups: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for record in records:
        groups[record["group"]].append((record["start"], record["end"]))
    for spans in groups.values():
        if len(spans) < 2:
            continue
        tally.groups += 1
        quote = piece_of.get(spans[0])
        if quote is not None and [(s.start, s.end) for s in quote.spans] == spans:
            tally.joined += 1
        else:
            tally.misses.append(f"not joined {spans}")


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "


def main() -> None:
    """Print the figures per article and in total, then what was missed."""
    header = f"{'article':<22} {'recall':>7} {'precis.':>7} {'speaker':>7} {'kind':>7} joined"
    print(header)
    total = Tally()
    tallies = {}
    for article_id in GOLD_IDS:
        tally = tallies[article_id] = score(article_id)
        total.add(tally)
        print(_line(article_id, tally))
    print(_line("total", total))
    for article_id, tally in tallies.items():
        for miss in tally.misses:
            print(f"  {article_id[:3]} {miss}")


def _line(label: str, tally: Tally) -> str:
    return (
        f"{label:<22} {_ratio(tally.recalled, tally.gold):>7}"
        f" {_ratio(tally.correct_pieces, tally.found):>7}"
        f" {_ratio(tally.speakers, tally.recalled):>7} {_ratio(tally.kinds, tally.recalled):>7}"
        f" {tally.joined}/{tally.groups}"
    )


if __name__ == "__main__":
    main()
