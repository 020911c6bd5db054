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
    lines = (CASES / "gold" / f"{article_id}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def heldout_ids() -> list[str]:
    """Return the ids of the held-out articles (``cases/heldout/NN_slug.txt``), in order."""
    return sorted(path.stem for path in HELDOUT.glob("*.txt"))


def heldout_article(article_id: str) -> str:
    """Return the text of a held-out article, read exactly as its gold's offsets expect."""
    return (HELDOUT / f"{article_id}.txt").read_bytes().decode("utf-8")


def heldout_gold(article_id: str) -> list[dict[str, Any]]:
    """Return the gold records of a held-out article, one dict per quoted span."""
    lines = (HELDOUT / f"{article_id}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def fresh_ids() -> list[str]:
    """Return the ids of the fresh articles (``cases/fresh/NN_slug.txt``), in order."""
    return sorted(path.stem for path in FRESH.glob("*.txt"))


def fresh_article(article_id: str) -> str:
    """Return the text of a fresh article, read exactly as its gold's offsets expect."""
    return (FRESH / f"{article_id}.txt").read_bytes().decode("utf-8")


def fresh_gold(article_id: str) -> list[dict[str, Any]]:
    """Return the gold records of a fresh article, one dict per quoted span."""
    lines = (FRESH / f"{article_id}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def canonical_post() -> str:
    """Return the canonical text of the Truth Social post, without its final newline."""
    return (CASES / "truth-social-post.txt").read_text(encoding="utf-8").rstrip("\n")
