"""Detection on the annotated sets beyond the corpus (``tests/cases/heldout`` and ``fresh``).

Their gold was written by hand, without running the library. Only detection is asserted here
(spans, marks, multi-paragraph pieces); attribution on these articles is measured, not
asserted: ``python bench/accuracy.py --set heldout`` (or ``fresh``, ``all``).
"""

from __future__ import annotations

from typing import Any

import pytest

from quoteverify.detect import find_quotes, marks_around
from quoteverify.model import QuoteKind, Span
from tests.corpus import ANNOTATED_SETS, set_article, set_gold, set_ids

SET_SIZES = {"heldout": 10, "fresh": 6}
ARTICLES = [(name, article_id) for name in ANNOTATED_SETS for article_id in set_ids(name)]
FIELDS = {"start", "end", "text", "open", "close", "kind", "speaker", "mention", "cue", "group"}


@pytest.mark.parametrize(("name", "size"), SET_SIZES.items())
def test_set_is_present(name: str, size: int) -> None:
    """Each set holds its articles, each with its gold."""
    assert len(set_ids(name)) == size
    assert all(set_gold(name, article_id) for article_id in set_ids(name))


@pytest.mark.parametrize(("name", "article_id"), ARTICLES)
def test_gold_is_well_formed(name: str, article_id: str) -> None:
    """Each gold record slices its article to its text and uses the corpus schema."""
    text = set_article(name, article_id)
    for record in set_gold(name, article_id):
        assert record.keys() >= FIELDS
        assert text[record["start"] : record["end"]] == record["text"]
        assert record["kind"] in {kind.value for kind in QuoteKind}
        if record["kind"] == QuoteKind.TERM:
            assert record["speaker"] is None


@pytest.mark.parametrize(("name", "article_id"), ARTICLES)
def test_gold_spans_found_exactly(name: str, article_id: str) -> None:
    """Every gold span is found with its exact offsets, and nothing else is found."""
    text = set_article(name, article_id)
    found = {(span.start, span.end) for quote in find_quotes(text) for span in quote.spans}
    assert found == {(r["start"], r["end"]) for r in set_gold(name, article_id)}


@pytest.mark.parametrize(("name", "article_id"), ARTICLES)
def test_gold_marks_around(name: str, article_id: str) -> None:
    """marks_around gives the opening and closing marks the gold records."""
    text = set_article(name, article_id)
    for record in set_gold(name, article_id):
        span = Span(record["start"], record["end"])
        assert marks_around(text, span) == (record["open"], record["close"])


@pytest.mark.parametrize(("name", "article_id"), ARTICLES)
def test_open_pieces_continue_in_one_quote(name: str, article_id: str) -> None:
    """A piece left open is found as one quote with the next piece of its group."""
    text = set_article(name, article_id)
    quote_of = {(s.start, s.end): q for q in find_quotes(text) for s in q.spans}
    for record, following in _open_pieces(set_gold(name, article_id)):
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
