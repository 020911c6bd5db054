"""``quoteverify demo``: the library's main job on the bundled example articles.

An in-memory index holds the canonical post; each of the five articles is checked against it,
and every quote of the post is printed with its speaker, verdict and differences. Then the
post is reconstructed from the reprints alone, with no canonical given: extract, group,
collate. Every line fits an 80-column terminal.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from typing import TextIO

from quoteverify.check import check
from quoteverify.collate import collate
from quoteverify.group import group
from quoteverify.index import QuoteIndex
from quoteverify.model import CheckedQuote, Collation, DifferenceKind, Quote, Verdict
from quoteverify.report import difference_line

EXAMPLES = "quoteverify.examples"
CANONICAL_FILE = "truth-social-post.txt"
WIDTH = 80


def read_example(name: str) -> str:
    """Return a bundled file's text, newlines kept exactly as stored (so offsets are the file's).

    >>> read_example("truth-social-post.txt")[:16]
    'Iranian Patriots'
    """
    return (resources.files(EXAMPLES) / name).read_bytes().decode("utf-8")


def example_articles() -> list[tuple[str, str]]:
    """Return ``(file name, text)`` for each bundled article, in name order.

    >>> [name[:3] for name, _ in example_articles()]
    ['000', '001', '002', '003', '004']
    """
    names = sorted(
        entry.name
        for entry in resources.files(EXAMPLES).iterdir()
        if entry.name.endswith(".txt") and entry.name[:3].isdigit()
    )
    return [(name, read_example(name)) for name in names]


def wrapped(text: str, indent: str) -> list[str]:
    """Return ``text`` on one or more lines of at most ``WIDTH`` columns, each indented.

    >>> wrapped("Help   is on\\nits way", "  ")
    ['  Help is on its way']
    """
    flat = " ".join(text.split())
    return textwrap.wrap(flat, WIDTH, initial_indent=indent, subsequent_indent=indent)


def clipped(line: str) -> str:
    """Return ``line`` cut to ``WIDTH`` columns with an ellipsis if it is longer.

    >>> clipped("x" * 100)[-2:], len(clipped("x" * 100))
    ('x…', 80)
    """
    return line if len(line) <= WIDTH else line[: WIDTH - 1] + "…"


def speaker_line(quote: Quote, source: str) -> str:
    """Return who said a quote, with the mention and the cue the article uses.

    >>> from quoteverify.model import Span, Speaker
    >>> text = "“Hi,” his post said."
    >>> speaker = Speaker("Ann Lee", mention=Span(6, 14), cue=Span(15, 19))
    >>> speaker_line(Quote("Hi,", (Span(1, 4),), speaker=speaker), text)
    'Ann Lee (“his post”, said)'
    """
    speaker = quote.speaker
    if speaker is None:
        return "nobody named"
    mention = speaker.mention.text(source) if speaker.mention else None
    details = [f"“{mention}”"] if mention and mention != speaker.name else []
    details += [speaker.cue.text(source)] if speaker.cue else []
    name = speaker.name or "unresolved"
    return f"{name} ({', '.join(details)})" if details else name


def checked_lines(checked: CheckedQuote, source: str) -> list[str]:
    """Return the lines of one quote of the post: its words, speaker, verdict, differences.

    Truncation is said once, in the verdict line ("a fragment"); every other difference gets a
    line of its own.
    """
    assert checked.match is not None  # only quotes of the post are printed
    verification = checked.match.verification
    cut = [d for d in verification.differences if d.kind is DifferenceKind.TRUNCATION]
    others = [d for d in verification.differences if d.kind is not DifferenceKind.TRUNCATION]
    flag = "  ✗ misattributed" if checked.misattributed else ""
    verdict = verification.verdict.name + (", a fragment" if cut else "")
    lines = [clipped(f"  “{' '.join(checked.quote.text.split())}”")]
    lines.append(clipped(f"    {speaker_line(checked.quote, source)}{flag} — {verdict}"))
    lines += [clipped("    " + difference_line(d, verification.canonical)) for d in others]
    return lines


def article_lines(name: str, results: Sequence[CheckedQuote], source: str) -> list[str]:
    """Return the report on one article: a count, then each quote of the post."""
    of_post = [c for c in results if c.match is not None]
    lines = [f"{name}: {len(results)} quotes, {len(of_post)} of them from the post"]
    for checked in of_post:
        lines += checked_lines(checked, source)
    return lines


def summary_lines(checked_articles: Sequence[tuple[str, Sequence[CheckedQuote]]]) -> list[str]:
    """Return one line per article: how many of its quotes are the post's, and their verdicts."""
    lines = ["At a glance: the quotes of the post in each article, by verdict"]
    for name, results in checked_articles:
        verdicts = Counter(c.match.verification.verdict for c in results if c.match is not None)
        tally = ", ".join(f"{verdicts[v]} {v.value}" for v in Verdict if v in verdicts)
        lines.append(clipped(f"  {name:<26} {tally or 'none'}"))
    return lines


def post_group(quotes: Sequence[Quote], canonical: str) -> tuple[Quote, ...]:
    """Return the group of quotes that holds the most words of the canonical post."""
    words = set(canonical.casefold().split())

    def shared(members: tuple[Quote, ...]) -> int:
        return sum(len(words & set(q.text.casefold().split())) for q in members)

    return max(group(quotes), key=shared)


def consensus_lines(collation: Collation, canonical: str) -> list[str]:
    """Return the consensus reading, whether it is the post, and the divergent witnesses."""
    same = "yes, word for word" if collation.reading == canonical else "no"
    counts = f"{len(collation.witnesses)} quotes, {len(collation.divergent)} set aside"
    lines = [f"The post rebuilt from the reprints alone ({counts}):"]
    lines += wrapped(collation.reading, "  ")
    lines.append(f"  Identical to the post: {same}")
    for witness, verification in collation.divergent:
        text = witness if isinstance(witness, str) else witness.text
        lines.append(clipped(f"  ✗ {verification.verdict.value}: “{' '.join(text.split())}”"))
    return lines


def run_demo(out: TextIO) -> None:
    """Check the five bundled articles against the post, then rebuild the post from them."""
    canonical = read_example(CANONICAL_FILE).strip()
    lines = ["The post (bundled truth-social-post.txt), as Donald Trump wrote it:"]
    lines += wrapped(canonical, "  ")
    checked_articles = []
    with QuoteIndex() as index:
        index.add(canonical, speaker="Donald Trump", date="2026-01-13", source="Truth Social")
        for name, source in example_articles():
            results = check(source, index)
            checked_articles.append((name, results))
            lines += ["", *article_lines(name, results, source)]
    quotes = [checked.quote for _, results in checked_articles for checked in results]
    collation = collate(post_group(quotes, canonical))
    lines += ["", *consensus_lines(collation, canonical)]
    lines += ["", *summary_lines(checked_articles)]
    out.write("\n".join(lines) + "\n")
