"""Tests for quoteverify.detect: golden spans, data-driven rule cases and properties."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteverify.detect import (
    _NEXT_AT_LIMIT,
    CLOSE,
    PROPOSE,
    UNLESS_ELISION,
    _action,
    find_quotes,
    marks_around,
    paragraph_bounds,
)
from quoteverify.marks import MARKS, PARAGRAPH_BREAKS
from quoteverify.model import Quote, QuoteKind, Span
from tests.corpus import ARTICLE_IDS, CASES, GOLD_IDS, article, gold
from tests.strategies import (
    marked_texts,
    paragraphs_of_quotes,
    quote_free_texts,
    stray_paragraphs,
    well_formed_quotes,
)

_WINDOW_SIDES = st.one_of(
    st.sampled_from([*MARKS, *PARAGRAPH_BREAKS, " ", "\N{IDEOGRAPHIC SPACE}", "a", "n", "N", "6"]),
    st.sampled_from(["б", "漢", "(", ",", "—", ":", "/"]),
    st.characters(),
)


def _cases(name: str) -> list[dict[str, Any]]:
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _pieces(text: str) -> list[list[str]]:
    return [[span.text(text) for span in quote.spans] for quote in find_quotes(text)]


# --- golden --------------------------------------------------------------------------------


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_gold_spans_found_exactly(article_id: str) -> None:
    """Every gold span is found with its exact offsets, and nothing else is found."""
    text = article(article_id)
    found = {(span.start, span.end) for quote in find_quotes(text) for span in quote.spans}
    assert found == {(record["start"], record["end"]) for record in gold(article_id)}


@pytest.mark.parametrize("article_id", GOLD_IDS)
def test_gold_marks_around(article_id: str) -> None:
    """marks_around gives the opening and closing marks the gold records."""
    text = article(article_id)
    for record in gold(article_id):
        span = Span(record["start"], record["end"])
        assert marks_around(text, span) == (record["open"], record["close"])


def test_article_004_nested_scare_quote() -> None:
    """In 004 the nested ‘terrorists’ is its own quote, inside the ISW quote that holds it."""
    text = article(ARTICLE_IDS[4])
    quotes = find_quotes(text)
    inner = [q for q in quotes if q.text == "terrorists"]
    assert len(inner) == 1
    outer = [q for q in quotes if q.start < inner[0].start and inner[0].end < q.end]
    assert len(outer) == 1
    assert outer[0].text.startswith("The regime may be framing protesters as ‘terrorists’")


def test_article_004_brackets_stay_inside() -> None:
    """Editorial brackets are part of the quoted words ([Israel], He [Khamenei])."""
    texts = [q.text for q in find_quotes(article(ARTICLE_IDS[4]))]
    assert any(t.startswith("He [Khamenei] is in closer contact") for t in texts)
    assert any("the occupied territories [Israel] as well" in t for t in texts)


def test_article_004_every_double_opener_closes() -> None:
    """Each “ of 004 opens a quote that its ” closes: as many quotes as opening marks, plus one."""
    text = article(ARTICLE_IDS[4])
    quotes = find_quotes(text)
    doubles = [q for q in quotes if marks_around(text, q.spans[0]) == ("“", "”")]
    assert len(doubles) == text.count("“") == text.count("”")
    assert len(quotes) == len(doubles) + 2  # the ‘Help Is on Its Way’ title and ‘terrorists’


# --- data-driven cases ----------------------------------------------------------------------


def _expected_to_pass(cases: list[dict[str, Any]]) -> list[Any]:
    """The cases as parameters, a case with a ``known_failure`` marked as a strict xfail."""
    return [
        pytest.param(
            case,
            id=case["id"],
            marks=[pytest.mark.xfail(strict=True, reason=case["known_failure"])]
            if "known_failure" in case
            else [],
        )
        for case in cases
    ]


@pytest.mark.parametrize("case", _expected_to_pass(_cases("detect_synthetic.jsonl")))
def test_synthetic_case(case: dict[str, Any]) -> None:
    """Each rule of detection, on a sentence written for it, gives the expected pieces."""
    assert _pieces(case["text"]) == case["quotes"]


@pytest.mark.parametrize("case", _cases("detect_negative.jsonl"), ids=lambda case: case["id"])
def test_negative_case(case: dict[str, Any]) -> None:
    """Apostrophes, inch marks, possessives and stray marks alone yield no quote."""
    assert find_quotes(case["text"]) == []


def test_quotes_are_direct_without_speaker() -> None:
    """Detection leaves kind DIRECT and speaker None for the attribution stage."""
    (quote,) = find_quotes("“Yes,” she said.")
    assert quote == Quote("Yes,", (Span(1, 5),), QuoteKind.DIRECT, None)


def test_multi_paragraph_text_joins_pieces() -> None:
    """A multi-paragraph quote's text is its pieces joined by one space."""
    (quote,) = find_quotes("“We will stay.\n\n“We will win.”")
    assert quote.text == "We will stay. We will win."
    assert len(quote.spans) == 2


def test_quote_left_open_mid_paragraph_is_dropped_but_not_the_next() -> None:
    """An unclosed mark mid-paragraph is a stray; the next paragraph's quotes are unaffected."""
    assert _pieces("He said “we go.\nShe said “stay”.") == [["stay"]]


@pytest.mark.parametrize("value", [None, b"text", 3, 2.5, ["text"]])
def test_wrong_type_raises(value: object) -> None:
    """Non-str input raises TypeError naming the type received."""
    with pytest.raises(TypeError, match=type(value).__name__):
        find_quotes(value)  # type: ignore[arg-type]


def test_bytes_message_says_decode() -> None:
    """The TypeError for bytes says to decode first."""
    with pytest.raises(TypeError, match="decode"):
        find_quotes(b"\xe2\x80\x9cHi\xe2\x80\x9d")  # type: ignore[arg-type]


def test_deep_nesting_is_bounded() -> None:
    """Nesting deeper than the limit does not multiply the output."""
    text = "“a ‘b " * 5_000 + "c’ d” " * 5_000
    assert len(find_quotes(text)) <= 16


def test_quotes_nested_to_the_limit_still_close() -> None:
    """With quotes nested to the limit, later openers are strays but a closer still closes."""
    text = "So “a ‘b «c „d 「e “f ‘g «h „i 「j ‘k z’ y” x.\nShe said “ok”."
    assert [q.text for q in find_quotes(text)] == ["f ‘g «h „i 「j ‘k z’ y", "ok"]


def test_elision_at_the_limit_still_hides_its_mark() -> None:
    """At the limit, the second mark of rock 'n' roll is still no possible closer."""
    text = "“a ‘b «c „d 「e “f ‘g 'h rock 'n' roll y' z"
    assert "h rock 'n' roll y" in [q.text for q in find_quotes(text)]


@given(_WINDOW_SIDES, st.sampled_from(MARKS), _WINDOW_SIDES)
def test_marks_skipped_at_the_limit_only_open(before: str, mark: str, after: str) -> None:
    """A mark skipped at the nesting limit can only open or be ignored, and starts no 'n'."""
    window = before + mark + after
    if _NEXT_AT_LIMIT.match(window, 1) is None:
        action = _action(window)
        assert not action & (CLOSE | PROPOSE)
        assert not (action & UNLESS_ELISION and after in "nN")


# --- helpers for attribution ---------------------------------------------------------------


def test_paragraph_bounds_of_each_line() -> None:
    """paragraph_bounds gives the line that holds an offset, breaks excluded."""
    text = "One.\r\nTwo “x”.\n\nThree"
    assert paragraph_bounds(text, 0) == Span(0, 4)
    assert paragraph_bounds(text, 8).text(text) == "Two “x”."
    assert paragraph_bounds(text, 15) == Span(15, 15)
    assert paragraph_bounds(text, 99).text(text) == "Three"


def test_marks_around_without_a_mark() -> None:
    """marks_around gives ('', None) for a span that no quotation mark opens."""
    assert marks_around("plain text", Span(2, 4)) == ("", None)


# --- properties ------------------------------------------------------------------------------


@given(marked_texts)
def test_spans_slice_to_the_quote_text(text: str) -> None:
    """For any input, spans are ordered, non-empty, within one line and slice to the text."""
    quotes = find_quotes(text)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for quote in quotes:
        slices = [span.text(text) for span in quote.spans]
        assert quote.text == " ".join(slices)
        assert quote.kind is QuoteKind.DIRECT
        assert quote.speaker is None
        for piece in slices:
            assert piece
            assert piece == piece.strip()
            assert not any(char in PARAGRAPH_BREAKS for char in piece)


@given(quote_free_texts, quote_free_texts, well_formed_quotes())
def test_inserted_quote_is_found(before: str, after: str, quote: tuple[str, str]) -> None:
    """A well-formed quote set into quote-free text is found, alone, with the right span."""
    marked, inner = quote
    text = f"{before} {marked} {after}"
    start = len(before) + 2
    assert find_quotes(text) == [Quote(inner, (Span(start, start + len(inner)),))]


@given(
    st.lists(stray_paragraphs(), max_size=3),
    paragraphs_of_quotes(),
    st.lists(stray_paragraphs(), max_size=3),
)
def test_strays_elsewhere_change_nothing(
    above: list[str], paragraph: str, below: list[str]
) -> None:
    """Stray marks in other paragraphs never change the quoted pieces of a paragraph."""

    def pieces_of_paragraph(document: list[str], index: int) -> set[tuple[int, int]]:
        text = "\n".join(document)
        offset = sum(len(p) + 1 for p in document[:index])
        bounds = range(offset, offset + len(document[index]) + 1)
        spans = [s for q in find_quotes(text) for s in q.spans if s.start in bounds]
        return {(s.start - offset, s.end - offset) for s in spans}

    alone = pieces_of_paragraph([paragraph], 0)
    assert alone
    assert pieces_of_paragraph([*above, paragraph, *below], len(above)) == alone
