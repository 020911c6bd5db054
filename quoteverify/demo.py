"""``quoteverify demo``: the library's main job on the bundled example articles."""

from __future__ import annotations

from importlib import resources
from typing import TextIO

from quoteverify.extraction import extract

EXAMPLES = "quoteverify.examples"


def example_articles() -> list[tuple[str, str]]:
    """Return ``(file name, text)`` for each bundled article, in name order."""
    folder = resources.files(EXAMPLES)
    names = sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name.endswith(".txt") and entry.name[:3].isdigit()
    )
    # Decoding the bytes ourselves keeps newlines exactly as stored, so offsets are the file's.
    return [(name, (folder / name).read_bytes().decode("utf-8")) for name in names]


def run_demo(out: TextIO) -> None:
    """Print the quotes found in each bundled article."""
    for name, text in example_articles():
        quotes = extract(text)
        out.write(f"{name}: {len(quotes)} quotes\n")
        for quote in quotes:
            out.write(f"  “{quote.text}”\n")
