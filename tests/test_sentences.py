"""Tests of the sentence stage: bounded windows around quoted pieces."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quoteverify.sentences import WINDOW_AFTER, WINDOW_BEFORE, Piece, windows


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
