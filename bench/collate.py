"""Speed of grouping and collation on synthetic, seeded quote sets.

Run ``python bench/collate.py`` (``--quick`` for 1k and 10k quotes only). It prints:

- ``group`` on 10k and 100k quotes: seconds, quotes per second, the growth in time from 10k to
  100k (10x means linear), and two quality figures: *purity* (share of quotes whose group's
  most common statement is their own) and *placed* (share of the quotes with two or more
  content words that sit in their statement's main group; quotes with fewer are too generic
  to place, by design);
- ``collate`` of 50 witnesses of a 300-word statement (whole reprints with a few edits, and
  fragments), with and without the canonical, and whether the consensus is the statement.

Statements are drawn from a vocabulary with a Zipf-like frequency skew (function words most
common, a long tail of rare words), so frequent shingles really are frequent. Each statement is
quoted as a few whole variants (re-cased words, a dropped word, a replaced word) and fragments
of 2 to 12 words. Timings are noisy on the shared 2-core machine.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quoteverify import collate, group
from quoteverify.group import content_keys
from quoteverify.lexicon import function_words
from quoteverify.model import Quote, Span

SEED = 20260113
VOCABULARY = 30_000


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Words by rank and the cumulative weights of a Zipf-like law (exponent 1.1)."""
    words = sorted(function_words())
    seen = set(words)
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    while len(words) < VOCABULARY:
        size = rng.randint(2, 4)
        word = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(size))
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(words))]
    return words, list(itertools.accumulate(weights))


def statement(rng: random.Random, words: list[str], weights: list[float], size: int) -> list[str]:
    """A statement of ``size`` words drawn from the skewed vocabulary."""
    drawn = rng.choices(words, cum_weights=weights, k=size)
    drawn[0] = drawn[0].capitalize()
    return drawn


def variant(rng: random.Random, text: list[str], words: list[str]) -> list[str]:
    """A whole reprint with a few edits: a re-cased word, a dropped word, a replaced word."""
    out = list(text)
    for _ in range(rng.randint(0, 2)):
        edit, at = rng.randrange(3), rng.randrange(len(out))
        if edit == 0:
            out[at] = out[at].upper()
        elif edit == 1 and len(out) > 4:
            del out[at]
        else:
            out[at] = rng.choice(words[200:])
    return out


def fragment(rng: random.Random, text: list[str]) -> list[str]:
    """A run of 2 to 12 words of the statement."""
    size = min(len(text), rng.randint(2, 12))
    start = rng.randrange(len(text) - size + 1)
    return text[start : start + size]


def quote(words: list[str]) -> Quote:
    """A one-piece quote of the words."""
    text = " ".join(words)
    return Quote(text, (Span(0, len(text)),))


def quote_set(count: int) -> tuple[list[Quote], list[int]]:
    """``count`` quotes of ``count // 10`` statements, shuffled; and each quote's statement."""
    rng = random.Random(SEED)
    words, weights = vocabulary(rng)
    quotes: list[tuple[Quote, int]] = []
    for number in range(count // 10):
        text = statement(rng, words, weights, rng.randint(15, 60))
        quotes.extend((quote(variant(rng, text, words)), number) for _ in range(3))
        quotes.extend((quote(fragment(rng, text)), number) for _ in range(7))
    rng.shuffle(quotes)
    return [q for q, _ in quotes], [n for _, n in quotes]


def time_group(count: int) -> float:
    """Group ``count`` synthetic quotes; print the figures; return the seconds taken."""
    quotes, truth = quote_set(count)
    started = time.perf_counter()
    groups = group(quotes)
    seconds = time.perf_counter() - started
    statement_of = {id(q): n for q, n in zip(quotes, truth, strict=True)}
    pure = sum(
        Counter(statement_of[id(q)] for q in members).most_common(1)[0][1] for members in groups
    )
    print(
        f"group   {count:>7,} quotes: {seconds:6.2f} s  {count / seconds:9,.0f} quotes/s  "
        f"purity {pure / count:.3f}  placed {placed_share(groups, statement_of):.3f}"
    )
    return seconds


def placed_share(groups: list[tuple[Quote, ...]], statement_of: dict[int, int]) -> float:
    """Share of the quotes with 2+ content words that sit in their statement's main group."""
    main: dict[int, tuple[int, int]] = {}
    for number, members in enumerate(groups):
        for statement_number, size in Counter(statement_of[id(q)] for q in members).items():
            main[statement_number] = max(main.get(statement_number, (0, -1)), (size, number))
    where = {id(q): number for number, members in enumerate(groups) for q in members}
    placeable = [q for members in groups for q in members if len(content_keys(q.text)) >= 2]
    home = sum(1 for q in placeable if where[id(q)] == main[statement_of[id(q)]][1])
    return home / max(len(placeable), 1)


def time_collate(witness_count: int = 50, size: int = 300) -> None:
    """Collate witnesses of one long statement, with and without its canonical text."""
    rng = random.Random(SEED)
    words, weights = vocabulary(rng)
    text = statement(rng, words, weights, size)
    canonical = " ".join(text)
    witnesses: list[str] = []
    for number in range(witness_count):
        if number % 3 == 0:
            witnesses.append(" ".join(variant(rng, text, words)))
        else:
            start = rng.randrange(size - 40)
            witnesses.append(" ".join(text[start : start + rng.randint(20, 40)]))
    started = time.perf_counter()
    consensus = collate(witnesses)
    middle = time.perf_counter()
    collate(witnesses, canonical=canonical)
    done = time.perf_counter()
    print(
        f"collate {witness_count} witnesses of {size} words: consensus {middle - started:.3f} s "
        f"(reading is the statement: {consensus.reading == canonical}, "
        f"{len(consensus.divergent)} divergent), "
        f"with canonical {done - middle:.3f} s"
    )


def main() -> None:
    """Run the benchmarks and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k quotes only")
    small, large = (1_000, 10_000) if parser.parse_args().quick else (10_000, 100_000)
    first = time_group(small)
    second = time_group(large)
    print(f"growth {small:,} -> {large:,}: {second / first:.1f}x time for 10x quotes")
    time_collate()


if __name__ == "__main__":
    main()
