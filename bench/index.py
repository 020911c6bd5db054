"""Benchmark ``QuoteIndex``: build rate, size, ``find`` latency, top-1 accuracy, peak memory.

Statements are synthetic: words drawn from a generated vocabulary with a Zipf-like frequency
skew (a few words are everywhere, most are rare, as in news text), 8 to 40 words each, with
sentence case and some punctuation. Queries are taken from random statements and edited the
way reprints edit quotes: a fragment cut out (holding at least two content words, i.e. words
outside the 100 commonest), a word dropped, replaced or moved, the case
changed. Each size is built into a fresh temporary file; ``find`` runs in a separate process
that opens the file cold, so its peak memory is that of a reader alone.

    python bench/index.py                    # 10k and 100k
    python bench/index.py --sizes 1000000    # the 1M run takes several minutes
    python bench/index.py --quick            # 10k, fewer queries: a smoke run

Targets (issue 5): find p50 <= 10 ms at 1M, p50 at most 2x per tenfold growth, top-1 >= 0.95,
build >= 20k statements/s, peak memory during find <= 200 MB. Timings are noisy on a shared
machine; compare the ratios printed, which are measured within one run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from itertools import accumulate, islice
from pathlib import Path

from quoteverify import QuoteIndex

VOCABULARY = 40_000
ZIPF_EXPONENT = 1.05
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
ENDINGS = ("", "", "s", "ed", "ing", "er", "ly", "tion")
BATCH = 50_000
FUNCTION_WORDS = 100
"""The commonest words, about half of all tokens, play the part of "the", "of" and "said"."""

Query = tuple[str, int, str]  # (kind, source statement id, variant text)


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    """Return ``size`` distinct pronounceable words; short ones first, to be the frequent ones."""
    words: dict[str, None] = {}
    while len(words) < size:
        syllables = min(1 + int(rng.expovariate(0.9)), 5)
        word = "".join(rng.choices(SYLLABLES, k=syllables)) + rng.choice(ENDINGS)
        words[word] = None
    return sorted(words, key=len)


class Corpus:
    """A seeded source of synthetic statements with Zipf-distributed words."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = make_vocabulary(self.rng, VOCABULARY)
        weights = [1 / rank**ZIPF_EXPONENT for rank in range(1, VOCABULARY + 1)]
        self.cumulative = list(accumulate(weights))
        self.function_words = set(self.words[:FUNCTION_WORDS])

    def statement(self) -> str:
        """Return one statement: a sentence or two of skewed words with some punctuation."""
        count = self.rng.randint(8, 40)
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=count)
        words[0] = words[0].capitalize()
        for position in range(3, count - 1, 7):
            if self.rng.random() < 0.4:
                words[position] += ","
        return " ".join(words) + self.rng.choice((".", ".", "!", "!!!", "?"))

    def statements(self, count: int) -> Iterator[str]:
        """Yield ``count`` statements."""
        for _ in range(count):
            yield self.statement()

    def edit(self, words: list[str]) -> list[str]:
        """Return the words with one reprint-like edit: drop, replace, swap or shout."""
        words = list(words)
        where = self.rng.randrange(len(words))
        match self.rng.choice(("drop", "replace", "swap", "upper")):
            case "drop" if len(words) > 3:
                del words[where]
            case "replace":
                words[where] = self.rng.choice(self.words[:2000])
            case "swap" if where + 1 < len(words):
                words[where], words[where + 1] = words[where + 1], words[where]
            case _:
                words = [word.upper() for word in words]
        return words

    def fragment(self, text: str) -> str:
        """Return an edited run of 4 to 10 consecutive words of ``text``, two of them content."""
        words = text.split()
        length = min(len(words), self.rng.randint(4, 10))
        for _ in range(20):
            start = self.rng.randrange(len(words) - length + 1)
            window = words[start : start + length]
            if sum(self.is_content(word) for word in window) >= 2:
                break
        return " ".join(self.edit(window))

    def is_content(self, word: str) -> bool:
        """Return whether a word of a statement is outside the ``FUNCTION_WORDS`` commonest."""
        return word.strip(",.!?").lower() not in self.function_words

    def variant(self, text: str) -> str:
        """Return the whole text with one or two edits."""
        words = text.split()
        for _ in range(self.rng.randint(1, 2)):
            words = self.edit(words)
        return " ".join(words)


def build(
    path: Path, size: int, queries: int, seed: int
) -> tuple[tuple[float, float], list[Query]]:
    """Build an index of ``size`` statements; return wall and CPU seconds, and the queries."""
    corpus = Corpus(seed)
    sources = set(random.Random(seed + 1).sample(range(1, size + 1), min(queries, size)))
    kept: dict[int, str] = {}
    started, cpu_started = time.perf_counter(), time.process_time()
    with QuoteIndex(path) as index:
        texts = corpus.statements(size)
        while batch := list(islice(texts, BATCH)):
            ids = index.add_many(batch)
            kept.update((i, text) for i, text in zip(ids, batch, strict=True) if i in sources)
    elapsed = time.perf_counter() - started, time.process_time() - cpu_started
    planned: list[Query] = []
    for statement_id in sorted(kept):
        planned.append(("fragment", statement_id, corpus.fragment(kept[statement_id])))
        planned.append(("variant", statement_id, corpus.variant(kept[statement_id])))
    return elapsed, planned


def run_finds(path: str, queries: list[Query]) -> dict[str, object]:
    """In a fresh process: run every query, return latencies, hits and peak memory.

    Latencies are taken without tracing; a second, traced pass over the queries measures the
    Python heap, and ``ru_maxrss`` the whole process, SQLite's page cache included.
    """
    latencies: dict[str, list[float]] = {"fragment": [], "variant": []}
    hits: dict[str, int] = {"fragment": 0, "variant": 0}
    with QuoteIndex(path) as index:
        for kind, source, text in queries:
            started = time.perf_counter()
            matches = index.find(text)
            latencies[kind].append(time.perf_counter() - started)
            hits[kind] += bool(matches) and matches[0].statement.id == source
        tracemalloc.start()
        for _, _, text in queries[:200]:
            index.find(text)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return {
        "latencies": latencies,
        "hits": hits,
        "traced_peak": traced_peak,
        "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def percentile(values: list[float], share: float) -> float:
    """Return the ``share`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def bench_size(size: int, queries: int, seed: int) -> float:
    """Build and query one index size; print its figures; return the fragment p50 in ms."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bench.qvdb"
        (elapsed, cpu), planned = build(path, size, queries, seed)
        database_bytes = sum(f.stat().st_size for f in Path(directory).iterdir())
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            result = pool.apply(run_finds, (str(path), planned))
    latencies: dict[str, list[float]] = result["latencies"]  # type: ignore[assignment]
    hits: dict[str, int] = result["hits"]  # type: ignore[assignment]
    print(f"\n== {size:,} statements ==")
    print(f"build            {size / elapsed:>10,.0f} statements/s  ({elapsed:.1f} s wall)")
    print(f"                 {size / cpu:>10,.0f} statements/CPU-s (what a quiet core would do)")
    print(f"database         {database_bytes / size:>10,.0f} bytes/statement")
    for kind, values in latencies.items():
        p50, p95 = percentile(values, 0.5) * 1e3, percentile(values, 0.95) * 1e3
        accuracy = hits[kind] / len(values)
        print(f"find {kind:<11} p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  top-1 {accuracy:.3f}")
    rss, heap = result["max_rss"], result["traced_peak"]
    assert isinstance(rss, int)
    assert isinstance(heap, int)
    print(f"peak memory      {rss / 2**20:>10.1f} MB RSS of the find process")
    print(f"                 {heap / 2**20:>10.1f} MB Python heap during find (tracemalloc)")
    return statistics.median(latencies["fragment"] + latencies["variant"]) * 1e3


def main() -> None:
    """Parse the options and run the benchmark for each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated index sizes")
    parser.add_argument("--queries", type=int, default=500, help="source statements queried")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--quick", action="store_true", help="10k statements, 100 queries")
    options = parser.parse_args()
    sizes = [10_000] if options.quick else [int(s) for s in options.sizes.split(",")]
    queries = 100 if options.quick else options.queries
    print(f"quoteverify index benchmark, pid {os.getpid()}, {os.cpu_count()} CPUs (shared: noisy)")
    medians = [bench_size(size, queries, options.seed) for size in sizes]
    for (small, p_small), (large, p_large) in zip(
        zip(sizes, medians, strict=True), zip(sizes[1:], medians[1:], strict=True), strict=False
    ):
        print(f"\nfind p50 {large:,} / {small:,}: {p_large / p_small:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
