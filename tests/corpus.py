"""Access to the bundled corpus (articles and gold) for tests; nothing reads ../shared."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

CASES = Path(__file__).parent / "cases"
HELDOUT = CASES / "heldout"
FRESH = CASES / "fresh"
ARTICLE_IDS = (
    "000_09814493ac21565f",
    "001_7ee494f466d0b32a",
    "002_ac85d7f2a849bc03",
    "003_ac1ebcf494377d1c",
    "004_0265edcf60e2e9c4",
)
GOLD_IDS = ARTICLE_IDS[:4]


def article(article_id: str) -> str:
    """Return the text of a bundled article, read exactly as the gold's offsets expect."""
    path = resources.files("quoteverify.examples") / f"{article_id}.txt"
    return path.read_bytes().decode("utf-8")


def gold(article_id: str) -> list[dict[str, Any]]:
    """Return the gold records of an article, one dict per quoted span."""
    return _records(CASES / "gold" / f"{article_id}.jsonl")


ANNOTATED_SETS = {"heldout": HELDOUT, "fresh": FRESH}
"""The annotated sets beyond the corpus: ``heldout`` (used to develop the attribution rules)
and ``fresh`` (kept for measuring only); each holds ``NN_slug.txt`` with ``NN_slug.jsonl``."""


def set_ids(name: str) -> list[str]:
    """Return the ids of the articles of an annotated set, in order.

    >>> set_ids("heldout")[0]
    '01_uk_housing'
    """
    return sorted(path.stem for path in ANNOTATED_SETS[name].glob("*.txt"))


def set_article(name: str, article_id: str) -> str:
    """Return the text of an article of an annotated set, exactly as its gold's offsets expect."""
    return (ANNOTATED_SETS[name] / f"{article_id}.txt").read_bytes().decode("utf-8")


def set_gold(name: str, article_id: str) -> list[dict[str, Any]]:
    """Return the gold records of an article of an annotated set, one dict per quoted span."""
    return _records(ANNOTATED_SETS[name] / f"{article_id}.jsonl")


def _records(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def canonical_post() -> str:
    """Return the canonical text of the Truth Social post, without its final newline."""
    return (CASES / "truth-social-post.txt").read_text(encoding="utf-8").rstrip("\n")
