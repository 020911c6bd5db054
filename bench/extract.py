"""Benchmark quote detection: throughput on news, and cost on hostile inputs.

Prints, for the bundled corpus repeated to at least 1 MB:

- the throughput (MB/s) of ``find_quotes`` (detection alone) and of ``quoteverify.extract``
  (detection and attribution);
- the ratio of detection time to one ``regex`` word-tokenising pass over the same text
  (``regex.findall(r"\\w+", text)``), a baseline measured in the same run;

and for each hostile input of 1 MB (only marks, only opening marks, one 1 MB quote, no
whitespace, thousands of apostrophes, one mark per paragraph, mixed scripts, two denser
worst cases: a meaningful mark every three characters, lone marks between spaces; and two for
attribution: names that are speech verbs around quotes, thousands of tiny quotes in one
sentence) its time relative to 1 MB of news, and the growth factor when the input doubles to
2 MB, for detection alone and for the whole ``extract``.

    python bench/extract.py            # best of 5 runs per figure
    python bench/extract.py --quick    # best of 2 (extract: 1): a smoke run

Targets (issue 2): hostile inputs cost at most 10x news, doubling the input at most 2.5x the
time, detection of news at least 10 MB/s on one core. MB here is 10^6 characters (the corpus
is nearly all ASCII, so about a megabyte). Timings are noisy on a shared machine; the ratios
are measured within one run and are steadier than the absolute figures.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from importlib import resources

import regex

import quoteverify
from quoteverify.detect import find_quotes
from quoteverify.marks import MARKS, PAIRS

MEGA = 1_000_000
ARTICLES = (
    "000_09814493ac21565f",
    "001_7ee494f466d0b32a",
    "002_ac85d7f2a849bc03",
    "003_ac1ebcf494377d1c",
    "004_0265edcf60e2e9c4",
)
TARGET_HOSTILE, TARGET_DOUBLING, TARGET_MBPS = 10.0, 2.5, 10.0
SCRIPTS = (
    "abcdefghijklmnopqrstuvwxyz",  # Latin
    "абвгдежзийклмнопрстуфхцчшщыэюя",  # Cyrillic
    "αβγδεζηθικλμνξοπρστυφχψω",  # Greek
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",  # Arabic
    "אבגדהוזחטיכלמנסעפצקרשת",  # Hebrew
    "कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह",  # Devanagari
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年",  # Han
    "あいうえおかきくけこさしすせそたちつてとなにぬねの",  # Hiragana
    "가나다라마바사아자차카타파하",  # Hangul
    "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอ",  # Thai
)


def corpus() -> str:
    """Return the five bundled articles, separated by blank lines."""
    folder = resources.files("quoteverify.examples")
    texts = [(folder / f"{name}.txt").read_bytes().decode("utf-8") for name in ARTICLES]
    return "\n\n".join(texts)


def repeated(text: str, size: int) -> str:
    """Return ``text`` repeated to at least ``size`` characters (whole copies only)."""
    return text * (size // len(text) + 1)


def cut(text: str, size: int) -> str:
    """Return ``text`` repeated and cut to exactly ``size`` characters."""
    return repeated(text, size)[:size]


def news_words(news: str) -> list[str]:
    """Return the words of the corpus, with their trailing punctuation, marks removed."""
    return [word for word in news.translate({ord(m): None for m in MARKS}).split() if word]


def hostile_inputs(news: str, size: int, seed: int = 2) -> dict[str, str]:
    """Return each hostile input at ``size`` characters."""
    rng = random.Random(seed)
    words = news_words(news)
    openers = "".join(PAIRS)

    def paragraphs_with_one_mark() -> str:
        lines: list[str] = []
        length = 0
        while length < size:
            line = rng.sample(words, 10)
            line.insert(rng.randrange(11), rng.choice(MARKS) + rng.choice(words))
            lines.append(" ".join(line) + "\n")
            length += len(lines[-1])
        return "".join(lines)

    def mixed_scripts() -> str:
        parts: list[str] = []
        length = 0
        while length < size:
            word = "".join(rng.choices(rng.choice(SCRIPTS), k=rng.randint(1, 8)))
            if rng.random() < 0.05:  # a quote every hundred characters or so, as in news
                opening = rng.choice(openers)
                word = opening + word + rng.choice(PAIRS[opening])
            parts.append(word + rng.choice("  ,."))
            length += len(parts[-1])
        return "".join(parts)

    return {
        "only marks": "".join(rng.choices(MARKS, k=size)),
        "only opening marks": "".join(rng.choices(openers, k=size)),
        "one 1 MB quote": "“" + cut(" ".join(words), size - 2) + "”",
        "no whitespace": cut("".join(news.split()), size),
        "thousands of apostrophes": cut(
            "Iran's leaders didn't say; the protesters' demands, rock 'n' roll, the '90s, "
            "’em all, O’Brien’s 6'2\" frame, the boss’ office and the 1990s’ end. ",
            size,
        ),
        "one mark per paragraph": cut(paragraphs_with_one_mark(), size),
        "mixed scripts": cut(mixed_scripts(), size),
        "dense: a mark every 3 chars": cut("“a ‘b «c „d 「e ", size),
        "dense: lone marks": cut("\" “ ” ' ‘ ’ ", size),
        "names that are speech verbs": cut("“Yes,” Mr. Said Said said. ", size),
        "tiny quotes, one sentence": cut("“a,” he said, ", size),
    }


def best_time(function: Callable[[str], object], text: str, repeats: int) -> float:
    """Return the best wall time of ``repeats`` calls of ``function(text)``."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - started)
    return best


def tokenise(text: str) -> list[str]:
    """The baseline: one regex word-tokenising pass."""
    words: list[str] = regex.findall(r"\w+", text)
    return words


def report_news(news: str, repeats: int) -> tuple[float, float]:
    """Print the news figures; return the detection and the extract time of 1 MB of news."""
    text = repeated(news, MEGA)
    megabytes = len(text) / MEGA
    detect = best_time(find_quotes, text, repeats)
    extract = best_time(quoteverify.extract, text, max(1, repeats // 2))
    baseline = best_time(tokenise, text, repeats)
    print(f"news: corpus repeated to {len(text):,} characters, {len(find_quotes(text))} quotes")
    verdict = "ok" if megabytes / detect >= TARGET_MBPS else "MISSED"
    print(f"  detection (find_quotes)        {megabytes / detect:8.1f} MB/s   [{verdict}]")
    print(f"  extract (detection+attribution){megabytes / extract:8.1f} MB/s")
    print(f"  regex word-tokenising pass     {megabytes / baseline:8.1f} MB/s")
    print(f"  detection / tokenising time    {detect / baseline:8.2f}x")
    return detect * MEGA / len(text), extract * MEGA / len(text)


def hostile_row(
    function: Callable[[str], object], texts: tuple[str, str], news_time: float, repeats: int
) -> str:
    """Return one stage's columns for a hostile input (1 MB, then 2 MB): ms, vs news, doubled."""
    one = best_time(function, texts[0], repeats)
    two = best_time(function, texts[1], repeats)
    ratio, growth = one / news_time, two / one
    flags = []
    if ratio > TARGET_HOSTILE:
        flags.append(f"over {TARGET_HOSTILE:g}x")
    if growth > TARGET_DOUBLING:
        flags.append(f"doubling over {TARGET_DOUBLING:g}x")
    note = "[" + "; ".join(flags) + "]" if flags else ""
    return f"{one * 1000:8.1f}{ratio:9.1f}x{growth:9.2f}x  {note:<28}"


def report_hostile(news: str, news_times: tuple[float, float], repeats: int) -> None:
    """Print each hostile input's time relative to news, and its growth when doubled, for
    detection alone and for the whole extract (each against the same stage on news)."""
    single, double = hostile_inputs(news, MEGA), hostile_inputs(news, 2 * MEGA)
    print("\nhostile inputs (1 MB): time vs 1 MB of news, growth when doubled to 2 MB")
    print(f"  {'':<30}{'detection (find_quotes)':<57}extract (detection+attribution)")
    columns = f"{'ms':>8}{'vs news':>10}{'doubled':>10}  {'':<28}"
    print(f"  {'input':<30}{columns}{columns}".rstrip())
    for name, text in single.items():
        texts = (text, double[name])
        detect = hostile_row(find_quotes, texts, news_times[0], repeats)
        extract = hostile_row(quoteverify.extract, texts, news_times[1], max(1, repeats // 2))
        print(f"  {name:<30}{detect}{extract}".rstrip())


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="best of 2 runs instead of 5")
    args = parser.parse_args()
    repeats = 2 if args.quick else 5
    news = corpus()
    news_times = report_news(news, repeats)
    report_hostile(news, news_times, repeats)


if __name__ == "__main__":
    main()
