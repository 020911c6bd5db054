"""Tests of the sentence stage: bounded windows around quoted pieces."""

from __future__ import annotations

import itertools
import re

import regex
from hypothesis import given
from hypothesis import strategies as st

from quoteverify.sentences import (
    WINDOW_AFTER,
    WINDOW_BEFORE,
    Piece,
    _ends_abbreviation,
    sentence_starts,
    tokenize,
    windows,
)

# The sentence end as one pattern, the definition the faster scan must agree with.
_REFERENCE_END = regex.compile(
    r"(?:[.!?…]++|[\ue001\ue003]++)[)\]]*+(?=\s++[\p{Lu}\p{N}\ue000-\ue003(\[•])"
)
# Characters that end, open or almost end sentences, in every kind of space and script.
_SENTENCE_ALPHABET = ". !?…)](•[\n\t\x1c\u00a0\u2003\u0301aAz1٣ЖñMr”’\ue000\ue001\ue002\ue003"


# A word as one repeat of letters or accents, the definition the faster pattern must agree with.
_REFERENCE_WORD = re.compile(
    r"[^\W_](?:[^\W_]|[\u0300-\u036f])*+(?:[.'’\-][^\W_](?:[^\W_]|[\u0300-\u036f])*+)*+"
)
_WORD_ALPHABET = "ab.'’-_ \u0301\u0300\u036fA1٣.Mr\ue000\ue001\ue002 ,"


def _reference_starts(masked: str) -> list[int]:
    """Sentence starts found with the one-pattern definition."""
    starts = [0]
    for match in _REFERENCE_END.finditer(masked):
        end = nxt = match.end()
        while nxt < len(masked) and masked[nxt].isspace():
            nxt += 1
        if masked[end - 1] == "." and _ends_abbreviation(masked, end, nxt):
            continue
        starts.append(nxt)
    return starts


def _pieces(gaps: list[int]) -> tuple[str, list[Piece]]:
    """A paragraph of words with a two-letter quote after each gap of words."""
    parts: list[str] = []
    pieces: list[Piece] = []
    cursor = 0
    for n, gap in enumerate(gaps):
        words = "ab " * gap
        parts.append(words + "“q” ")
        start = cursor + len(words)
        pieces.append(Piece(start + 1, start + 2, start, start + 3, n))
        cursor += len(parts[-1])
    parts.append("end.")
    return "".join(parts), pieces


@given(st.lists(st.integers(min_value=0, max_value=3000), min_size=1, max_size=8))
def test_windows_read_each_piece_once_within_bounded_reach(gaps: list[int]) -> None:
    """Every piece is read by exactly one window, which holds it whole and reaches no further
    than the bounded distances around its run of pieces, never cutting another piece."""
    text, pieces = _pieces(gaps)
    found = windows(text, (0, len(text)), pieces, range(len(pieces)))
    assert [n for w in found for n in range(w.first, w.last)] == list(range(len(pieces)))
    for window in found:
        first, last = pieces[window.first], pieces[window.last - 1]
        assert window.start <= first.outer_start
        assert last.outer_end <= window.end
        assert first.outer_start - window.start <= WINDOW_BEFORE
        assert window.end - last.outer_end <= WINDOW_AFTER
        for n, piece in enumerate(pieces):
            inside = window.start <= piece.outer_start and piece.outer_end <= window.end
            outside = piece.outer_end <= window.start or window.end <= piece.outer_start
            assert inside or outside
            assert inside == (n in window.masks)


def test_a_short_paragraph_is_read_whole() -> None:
    """A paragraph shorter than the reach is one window over all of it."""
    text, pieces = _pieces([3, 5])
    (window,) = windows(text, (0, len(text)), pieces, range(2))
    assert (window.start, window.end, window.masks) == (0, len(text), range(2))


@given(st.text(alphabet=_SENTENCE_ALPHABET, max_size=40))
def test_sentence_starts_agree_with_the_one_pattern_definition(masked: str) -> None:
    """The scan for marks before a space finds exactly the sentence ends the single pattern
    (end marks, closing brackets, space, then a capital, digit, quote or bracket) finds."""
    assert sentence_starts(masked) == _reference_starts(masked)


def test_sentence_starts_in_news() -> None:
    """Abbreviations, initials, brackets and quotes that end a sentence cut where a reader
    would."""
    text = "Mr. Li met J. Smith (in Paris.) \ue001\ue001 The U.S. said so. 4 more came…"
    starts = sentence_starts(text)
    assert [text[a:b].strip() for a, b in itertools.pairwise([*starts, len(text)])] == [
        "Mr. Li met J. Smith (in Paris.)",
        "\ue001\ue001",
        "The U.S. said so.",
        "4 more came…",
    ]


@given(st.text(alphabet=_WORD_ALPHABET, max_size=30))
def test_words_agree_with_the_one_repeat_definition(masked: str) -> None:
    """Each word token is a letter or digit followed by letters, digits, accents and inner
    periods, apostrophes or hyphens, as long as it can be."""
    words = [t.text.rstrip(".") for t in tokenize(masked, 0, {}) if t.is_word]
    assert words == [w.rstrip(".") for w in _REFERENCE_WORD.findall(masked)]
