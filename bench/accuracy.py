"""Extraction accuracy against hand-made gold: the corpus (000 to 003), held-out and fresh sets.

Run ``python bench/accuracy.py [--set corpus|heldout|fresh|all] [--detail]``. The ``corpus``
set (the default) is the four gold articles of the shared corpus, the ones the rules were
written against; ``heldout`` is ``tests/cases/heldout/`` (ten articles in other outlets' styles,
written and annotated without running the library, but since used to develop the rules);
``fresh`` is ``tests/cases/fresh/`` (six articles in yet other styles that no rule was ever
tuned on), the honest measure of how the rules generalise. For each article and in total it
prints:

- recall: gold spans that ``extract`` returns (as one of a quote's pieces, same offsets);
- precision: returned pieces that are gold spans;
- speaker: of the recalled spans whose gold names a speaker or none, those whose speaker agrees
  by the gold's rules (same full name; same last name for a person; or every word of the gold's
  description present in ours; ``None`` agrees only with ``None``);
- kind: of the recalled spans, those with the gold's kind;
- joined: gold groups of several pieces that come back as one quote with exactly those pieces.

``--detail`` adds, under each speaker miss, the mention and cue each side found.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quoteverify import extract
from quoteverify.model import Quote, Span
from tests.corpus import GOLD_IDS, article, gold, set_article, set_gold, set_ids


@dataclass(frozen=True)
class Article:
    """One annotated article: its id, its text and its gold records."""

    label: str
    text: str
    records: list[dict[str, Any]]


def corpus_articles() -> list[Article]:
    """The gold articles of the shared corpus (000 to 003)."""
    return [Article(article_id, article(article_id), gold(article_id)) for article_id in GOLD_IDS]


def annotated_articles(name: str) -> list[Article]:
    """The articles of an annotated set of ``tests/cases/`` (``heldout`` or ``fresh``)."""
    return [
        Article(article_id, set_article(name, article_id), set_gold(name, article_id))
        for article_id in set_ids(name)
    ]


SETS: dict[str, Callable[[], list[Article]]] = {
    "corpus": corpus_articles,
    # Used to develop the attribution rules: no longer a measure of unseen text.
    "heldout": lambda: annotated_articles("heldout"),
    # Written to measure unseen text; its first figures were taken before any rule saw it.
    "fresh": lambda: annotated_articles("fresh"),
}


@dataclass
class Tally:
    """Counts for one article (or a total)."""

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


def score(item: Article, *, detail: bool = False) -> Tally:
    """Score ``extract`` on one annotated article."""
    quotes = extract(item.text)
    piece_of: dict[tuple[int, int], Quote] = {}
    for quote in quotes:
        for span in quote.spans:
            piece_of[span.start, span.end] = quote
    tally = Tally(gold=len(item.records), found=len(piece_of))
    gold_spans = {(record["start"], record["end"]) for record in item.records}
    for record in item.records:
        _score_record(item.text, record, piece_of, tally, detail=detail)
    for start, end in sorted(piece_of.keys() - gold_spans):
        tally.misses.append(f"extra    {item.text[start:end][:50]!r}")
    _score_groups(item.records, piece_of, tally)
    return tally


def _score_record(
    text: str,
    record: dict[str, Any],
    piece_of: dict[tuple[int, int], Quote],
    tally: Tally,
    *,
    detail: bool,
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
        if detail:
            tally.misses.append(_evidence(text, record, quote))
    if quote.kind.value == record["kind"]:
        tally.kinds += 1
    else:
        tally.misses.append(
            f"kind     {record['text'][:40]!r}: {quote.kind.value} ≠ {record['kind']}"
        )


def _evidence(text: str, record: dict[str, Any], quote: Quote) -> str:
    """Both sides' mention and cue, for reading a speaker miss."""
    speaker = quote.speaker
    mention = _surface(text, speaker.mention if speaker else None)
    cue = _surface(text, speaker.cue if speaker else None)
    return (
        f"           ours: mention {mention!r} cue {cue!r}"
        f" | gold: mention {record['mention']!r} cue {record['cue']!r}"
    )


def _surface(text: str, span: Span | None) -> str | None:
    return None if span is None else span.text(text)


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


def _line(label: str, tally: Tally) -> str:
    return (
        f"{label:<22} {_ratio(tally.recalled, tally.gold):>7}"
        f" {_ratio(tally.correct_pieces, tally.found):>7}"
        f" {_ratio(tally.speakers, tally.recalled):>7} {_ratio(tally.kinds, tally.recalled):>7}"
        f" {tally.joined}/{tally.groups}"
    )


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--set",
        choices=(*SETS, "all"),
        default="corpus",
        help="which gold to score: the corpus (default), the held-out or fresh articles, or all",
    )
    parser.add_argument(
        "--detail", action="store_true", help="show both sides' mention and cue per speaker miss"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Print the figures per article and in total, then what was missed."""
    options = _arguments(argv)
    names = list(SETS) if options.set == "all" else [options.set]
    print(f"{'article':<22} {'recall':>7} {'precis.':>7} {'speaker':>7} {'kind':>7} joined")
    total = Tally()
    tallies: dict[str, Tally] = {}
    for name in names:
        subtotal = Tally()
        for item in SETS[name]():
            tally = tallies[item.label] = score(item, detail=options.detail)
            subtotal.add(tally)
            print(_line(item.label, tally))
        if len(names) > 1:
            print(_line(f"total {name}", subtotal))
        total.add(subtotal)
    print(_line("total", total))
    for label, tally in tallies.items():
        for miss in tally.misses:
            print(f"  {label.split('_')[0]} {miss}")


if __name__ == "__main__":
    main()
