"""Benchmark verification: time per pair, and ratios to difflib and raw rapidfuzz in the same run.

(a) a 40-word fragment against a 300-word canonical; (b) 2,000-word pairs with 5 % edits.
For each, the aligner (``align_words``) and the whole ``verify`` are timed, and the aligner is
compared with ``difflib.SequenceMatcher(None, a, b).get_opcodes()`` and with raw
``rapidfuzz.distance.Indel.opcodes`` on the same token key lists.

(c) one 20,000-word pair; (d) the tokenizer's throughput (``word_keys``, an uncached
``scan_words``) against the plainest scan of the same text.

Run: ``.venv/bin/python bench/verify.py [--pairs N]``. Timings are noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import difflib
import random
import time
from typing import TYPE_CHECKING

import regex
from rapidfuzz.distance import Indel

from quoteverify import text
from quoteverify.align import align_words
from quoteverify.text import scan_words, word_keys
from quoteverify.verify import verify

if TYPE_CHECKING:
    from collections.abc import Callable

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "was",
    "he",
    "for",
    "it",
    "with",
    "as",
    "his",
    "on",
    "be",
    "at",
    "by",
    "had",
    "not",
    "are",
    "but",
    "from",
    "or",
    "have",
    "an",
    "they",
    "which",
    "one",
    "you",
    "were",
    "her",
    "all",
    "she",
    "there",
    "would",
    "their",
    "we",
    "him",
    "been",
    "has",
    "when",
    "who",
    "will",
    "more",
    "no",
    "if",
    "out",
    "so",
    "said",
    "what",
    "up",
    "its",
    "about",
    "into",
    "than",
    "them",
    "can",
    "only",
    "other",
    "new",
    "some",
    "could",
    "time",
    "these",
    "two",
    "may",
    "then",
    "do",
    "first",
    "any",
    "my",
    "now",
    "such",
    "like",
    "our",
    "over",
    "man",
    "me",
    "even",
    "most",
    "made",
    "after",
    "also",
    "did",
    "many",
    "before",
    "must",
    "through",
    "back",
    "years",
    "where",
    "much",
    "your",
    "way",
    "well",
    "down",
    "should",
    "because",
    "each",
    "just",
    "those",
    "people",
    "mr",
    "how",
    "too",
    "little",
    "state",
    "good",
    "very",
    "make",
    "world",
    "still",
    "own",
    "see",
    "men",
    "work",
    "long",
    "get",
    "here",
    "between",
    "both",
    "life",
    "being",
    "under",
    "never",
    "day",
    "same",
    "another",
    "know",
    "while",
    "last",
    "might",
    "us",
    "great",
    "old",
    "year",
    "off",
    "come",
    "since",
    "against",
    "go",
    "came",
    "right",
    "used",
    "take",
    "three",
    "protesters",
    "killing",
    "officials",
    "meetings",
    "price",
    "names",
    "killers",
    "abusers",
    "institutions",
    "patriots",
]


def sentence(rng: random.Random, n: int) -> str:
    """``n`` random words with news-like punctuation between them."""
    marks = [" "] * 12 + [", ", ". ", " – ", "; ", "!!! "]
    return "".join(rng.choice(WORDS) + rng.choice(marks) for _ in range(n)).strip()


def edited(rng: random.Random, text: str, rate: float) -> str:
    """``text`` with about ``rate`` of its words replaced, dropped, added or re-cased."""
    words = text.split(" ")
    for _ in range(max(1, int(len(words) * rate))):
        i = rng.randrange(len(words))
        choice = rng.random()
        if choice < 0.3:
            words[i] = rng.choice(WORDS)
        elif choice < 0.55:
            del words[i]
        elif choice < 0.8:
            words.insert(i, rng.choice(WORDS))
        else:
            words[i] = words[i].upper()
    return " ".join(words)


def per_call(function: Callable[[], object], repeat: int) -> float:
    """Best mean seconds per call over three rounds of ``repeat`` calls."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeat):
            function()
        best = min(best, (time.perf_counter() - start) / repeat)
    return best


def cold_verify(variant: str, canonical: str) -> object:
    """verify with the scan cache emptied first, so both texts are tokenised again."""
    text._scan_words.cache_clear()
    return verify(variant, canonical)


def measure(label: str, pairs: list[tuple[str, str]], repeat: int) -> None:
    """Print the timings of one scenario, averaged over its pairs."""
    ours = full = cold = lib = raw = 0.0
    for variant, canonical in pairs:
        v_words, c_words = scan_words(variant), scan_words(canonical)
        a, b = c_words.keys, v_words.keys
        ours += per_call(lambda: align_words(v_words, c_words), repeat)  # noqa: B023
        full += per_call(lambda: verify(variant, canonical), repeat)  # noqa: B023
        cold += per_call(lambda: cold_verify(variant, canonical), repeat)  # noqa: B023
        lib += per_call(lambda: difflib.SequenceMatcher(None, a, b).get_opcodes(), repeat)  # noqa: B023
        raw += per_call(lambda: Indel.opcodes(a, b), repeat)  # noqa: B023
    n = len(pairs)
    print(f"{label}")
    print(f"  align_words     {ours / n * 1e3:8.3f} ms/pair")
    print(f"  verify (warm)   {full / n * 1e3:8.3f} ms/pair  (texts scanned before, as when")
    print("                                  one canonical is checked against many variants)")
    print(f"  verify (cold)   {cold / n * 1e3:8.3f} ms/pair  (both texts scanned every call)")
    print(f"  difflib         {lib / n * 1e3:8.3f} ms/pair")
    print(f"  raw rapidfuzz   {raw / n * 1e3:8.3f} ms/pair")
    print(f"  align / difflib {ours / lib:8.3f}×    cold verify / difflib {cold / lib:8.3f}×")
    print(f"  align / raw     {ours / raw:8.3f}×    cold verify / raw     {cold / raw:8.3f}×")


def main() -> None:
    """Build the scenarios and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5, help="pairs per scenario (default 5)")
    args = parser.parse_args()
    rng = random.Random(2026)
    fragments = []
    for _ in range(args.pairs):
        canonical = sentence(rng, 300)
        words = canonical.split(" ")
        start = rng.randrange(len(words) - 40)
        fragments.append((" ".join(words[start : start + 40]).lower(), canonical))
    long_pairs = []
    for _ in range(args.pairs):
        canonical = sentence(rng, 2000)
        long_pairs.append((edited(rng, canonical, 0.05), canonical))
    measure("(a) 40-word fragment vs 300-word canonical (target: < 0.3 ms)", fragments, 200)
    measure("(b) 2,000-word pairs, 5 % edits (target: ≤ 0.25× difflib, ≤ 5× raw)", long_pairs, 5)
    big = sentence(rng, 20_000)
    big_variant = edited(rng, big, 0.05)
    began = time.perf_counter()
    verify(big_variant, big)
    print(f"(c) one 20,000-word pair, 5 % edits: verify {time.perf_counter() - began:.3f} s")
    tokenizer_throughput(big)


def tokenizer_throughput(sample: str) -> None:
    """Print how fast ``word_keys`` and a cold ``scan_words`` read text, in MB of UTF-8 a second.

    The baseline is the cheapest scan of the same text with the same engine: one character
    class run per word, ``[\\p{L}\\p{M}\\p{Nd}]+``, which finds no numbers, joiners or brackets.
    """
    megabytes = len(sample.encode()) / 1e6
    plain = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")
    word_keys(sample)  # fill the key cache, as a long run of retrieval or grouping has
    keys = per_call(lambda: word_keys(sample), 5)
    scan = per_call(lambda: text._scan_words.__wrapped__(sample), 5)
    baseline = per_call(lambda: plain.findall(sample), 5)
    print(f"(d) tokenizer on {megabytes:.2f} MB of text")
    print(f"  word_keys       {megabytes / keys:8.1f} MB/s")
    print(f"  scan_words      {megabytes / scan:8.1f} MB/s  (uncached)")
    print(f"  plain findall   {megabytes / baseline:8.1f} MB/s  (one class run per word)")


if __name__ == "__main__":
    main()
