"""TEMPORARY placeholder: the attribution helper replaces this module entirely."""

from __future__ import annotations

from quoteverify.model import Quote


def attribute_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """Return ``quotes`` with kinds and speakers (placeholder: unchanged)."""
    return quotes
