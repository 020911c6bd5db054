"""Detection on the fresh articles: gold written without running the library or reading its rules.

The fresh set measures; it must never be used to tune rules. Only detection is asserted here
(spans, marks, multi-paragraph pieces); attribution is measured by
``python bench/accuracy.py --set fresh``.
"""

from __future__ import annotations

from typing import Any

import pytest

from quoteverify.detect import find_quotes, marks_around
from quoteverify.model import QuoteKind, Span
from tests.corpus import fresh_article, fresh_gold, fresh_ids

FRESH_IDS = fresh_ids()
FIELDS = {"start", "end", "text", "open", "close", "kind", "speaker", "mention", "cue", "group"}


def test_fresh_set_is_present() -> None:
    """The fresh set holds six articles, each with its gold."""
    assert len(FRESH_IDS) == 6
    assert all(fresh_gold(article_id) for article_id in FRESH_IDS)


@pytest.mark.parametrize("article_id", FRESH_IDS)
def test_gold_is_well_formed(article_id: str) -> None:
    """Each gold record slices its article to its text and uses the corpus schema."""
    text = fresh_article(article_id)
    for record in fresh_gold(article_id):
        assert record.keys() >= FIELDS
        assert text[record["start"] : record["end"]] == record["text"]
        assert record["kind"] in {kind.value for kind in QuoteKind}
        if record["kind"] == QuoteKind.TERM:
            assert record["speaker"] is None


@pytest.mark.parametrize("article_id", FRESH_IDS)
def test_gold_spans_found_exactly(article_id: str) -> None:
    """Every gold span is found with its exact offsets, and nothing else is found."""
    text = fresh_article(article_id)
    found = {(span.start, span.end) for quote in find_quotes(text) for span in quote.spans}
    assert found == {(record["start"], record["end"]) for record in fresh_gold(article_id)}


@pytest.mark.parametrize("article_id", FRESH_IDS)
def test_gold_marks_around(article_id: str) -> None:
    """marks_around gives the opening and closing marks the gold records."""
    text = fresh_article(article_id)
    for record in fresh_gold(article_id):
        span = Span(record["start"], record["end"])
        assert marks_around(text, span) == (record["open"], record["close"])


@pytest.mark.parametrize("article_id", FRESH_IDS)
def test_open_pieces_continue_in_one_quote(article_id: str) -> None:
    """A piece left open is found as one quote with the next piece of its group."""
    text = fresh_article(article_id)
    quote_of = {(s.start, s.end): q for q in find_quotes(text) for s in q.spans}
    records = fresh_gold(article_id)
    for record, following in _open_pieces(records):
        quote = quote_of[record["start"], record["end"]]
        assert (following["start"], following["end"]) in {(s.start, s.end) for s in quote.spans}


def _open_pieces(
    records: list[dict[str, Any]],
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Each gold piece left open, with the next piece of its group."""
    pairs = []
    for index, record in enumerate(records):
        if record["close"] is not None:
            continue
        following = [r for r in records[index + 1 :] if r["group"] == record["group"]]
        pairs.append((record, following[0]))
    return pairs
