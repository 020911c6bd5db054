"""Tests of the frozen value types in quoteverify.model."""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteverify.model import (
    Difference,
    DifferenceKind,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    Verdict,
    Weight,
)


def test_span_rejects_start_after_end() -> None:
    """A span whose start passes its end is refused."""
    with pytest.raises(ValueError, match="start must not pass its end"):
        Span(5, 4)


def test_span_rejects_negative_offsets() -> None:
    """Offsets below zero are refused."""
    with pytest.raises(ValueError, match="must be >= 0"):
        Span(-1, 3)


def test_span_rejects_non_integers() -> None:
    """Offsets must be ints, not floats or strings."""
    with pytest.raises(TypeError):
        Span(1.0, 2)  # type: ignore[arg-type]


@given(st.text(), st.data())
def test_span_text_is_the_slice(source: str, data: st.DataObject) -> None:
    """span.text(source) is always source[start:end]."""
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    assert Span(start, end).text(source) == source[start:end]
    assert len(Span(start, end)) == end - start


def test_values_are_frozen_hashable_and_picklable() -> None:
    """Quotes can be cached, compared and sent to worker processes."""
    quote = Quote("Hi", (Span(1, 3),), QuoteKind.PARTIAL, Speaker("Ann Lee", Span(5, 8)))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quote.text = "Bye"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(quote)) == quote
    assert hash(quote) == hash(Quote("Hi", [Span(1, 3)], QuoteKind.PARTIAL, quote.speaker))


def test_confidence_must_be_a_probability() -> None:
    """A speaker's confidence outside [0, 1] is refused."""
    with pytest.raises(ValueError, match="confidence"):
        Speaker("Ann Lee", confidence=1.5)


def test_enum_values_are_lower_case_names() -> None:
    """Every enum's value is its lower-case name, as DESIGN.md promises."""
    for enum in (QuoteKind, Verdict, DifferenceKind):
        for member in enum:
            assert member.value == member.name.lower()


def test_every_difference_kind_has_a_weight() -> None:
    """The verdict rule needs a weight for each kind; the table of DESIGN.md is respected."""
    assert {kind: kind.weight for kind in DifferenceKind}[DifferenceKind.OMISSION] == (
        Weight.ALTERING
    )
    assert DifferenceKind.TRUNCATION.weight is Weight.EDITORIAL
    assert DifferenceKind.TRANSPOSITION.weight is Weight.MISQUOTING


def test_difference_to_dict_round_trips_spans() -> None:
    """An insertion has no canonical span, and says so in JSON."""
    record = Difference(DifferenceKind.INSERTION, None, Span(3, 9), "", "again,").to_dict()
    assert record == {
        "kind": "insertion",
        "canonical": None,
        "variant": [3, 9],
        "canonical_text": "",
        "variant_text": "again,",
    }
