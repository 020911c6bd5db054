"""Tests of the whole reading pipeline, qv.extract, against the input contract."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quoteverify as qv


def test_empty_string_gives_no_quotes() -> None:
    """The empty string is valid input with no quotes."""
    assert qv.extract("") == []


@pytest.mark.parametrize(("value", "received"), [(None, "NoneType"), (3, "int"), (b"x", "bytes")])
def test_wrong_types_name_what_was_received(value: object, received: str) -> None:
    """Non-str input raises a TypeError naming the type received."""
    with pytest.raises(TypeError, match=f"got {received}"):
        qv.extract(value)  # type: ignore[arg-type]


def test_a_ten_megabyte_line_is_read_whole() -> None:
    """A 10 MB line without a break still gives its quotes, with exact offsets."""
    filler = "word " * 2_000_000
    text = "“We begin,” she said. " + filler + "He said: “We end.”"
    quotes = qv.extract(text)
    assert [q.text for q in quotes] == ["We begin,", "We end."]
    assert all(q.spans[0].text(text) == q.text for q in quotes)


def test_control_characters_and_scripts_do_not_stop_extraction() -> None:
    """Control characters and other scripts around a quote leave it intact."""
    text = "\x00\x07\x1b[31m Καλημέρα 你好 مرحبا “Hold the line,” the captain said.\x0c\ufeff"
    (quote,) = qv.extract(text)
    assert quote.text == "Hold the line,"
    assert quote.speaker is not None
    assert quote.speaker.name == "captain"


def test_an_unattributed_quote_is_still_returned() -> None:
    """A quote nobody is named for comes back with no speaker, not dropped."""
    (quote,) = qv.extract("The sign read “Closed for repairs” all week.")
    assert quote.text == "Closed for repairs"


@given(st.text(max_size=300))
def test_every_span_slices_to_the_quote(text: str) -> None:
    """For any str, each piece is a slice of the input; one-piece quotes equal their slice."""
    for quote in qv.extract(text):
        pieces = [span.text(text) for span in quote.spans]
        assert quote.text == " ".join(pieces)
        if quote.speaker is not None:
            for span in (quote.speaker.mention, quote.speaker.cue):
                assert span is None or span.end <= len(text)


def test_a_quote_in_a_two_megabyte_sentence_keeps_its_speaker() -> None:
    """A quote inside a 2 MB sentence is attributed to the speaker named right next to it."""
    filler = "and the rain kept falling on the town " * 27_000
    text = "The storm came " + filler + "when Mayor Ana Ruiz said “we are ready” " + filler + "."
    assert len(text) > 2_000_000
    (quote,) = qv.extract(text)
    assert quote.text == "we are ready"
    assert quote.speaker is not None
    assert quote.speaker.name == "Ana Ruiz"


def test_quotes_far_apart_in_one_sentence_each_find_their_speaker() -> None:
    """Two quotes a megabyte apart in one sentence are read each in its own window."""
    filler = "while the river rose " * 50_000
    text = "“Stay inside,” Chief Omar Haddad said " + filler + "and Dr Lena Park said “Wait.”"
    first, second = qv.extract(text)
    assert first.speaker is not None
    assert second.speaker is not None
    assert (first.speaker.name, second.speaker.name) == ("Omar Haddad", "Lena Park")
