"""Tests for quoteverify.marks: the inventory is complete, consistent and named."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteverify.marks import (
    ALNUM,
    APOSTROPHES,
    BEFORE_OPENING,
    BEHAVIOUR,
    BREAK,
    CLOSES,
    DIGIT,
    ELISION,
    MARKS,
    PAIRS,
    PARAGRAPH_BREAKS,
    PUNCTUATION,
    SPACE,
    STYLES,
    UNSPACED,
    WHITESPACE,
    Behaviour,
    is_mark,
    surroundings,
)

ISSUE_STYLES = [
    ('"', '"'),
    ("'", "'"),
    ("“", "”"),
    ("‘", "’"),
    ("„", "“"),
    ("„", "”"),
    ("‚", "‘"),
    ("«", "»"),
    ("‹", "›"),
    ("»", "«"),
    ("›", "‹"),
    ("「", "」"),
    ("『", "』"),
    ("＂", "＂"),
]


@pytest.mark.parametrize(("opening", "closing"), ISSUE_STYLES)
def test_every_style_of_the_issue_pairs(opening: str, closing: str) -> None:
    """Each mark style the issue names is an opening mark with its partner."""
    assert closing in PAIRS[opening]
    assert opening in CLOSES[closing]


def test_every_mark_has_a_behaviour_and_every_opener_a_style() -> None:
    """The tables agree: every mark in a pair has a behaviour, every opener a style name."""
    in_pairs = set(PAIRS) | {mark for closers in PAIRS.values() for mark in closers}
    assert in_pairs == set(BEHAVIOUR) == set(MARKS)
    assert set(STYLES) == set(PAIRS)
    assert len(set(STYLES.values())) == len(STYLES)


def test_behaviours_match_the_pairs() -> None:
    """Marks that only open never close, marks that only close never open."""
    for mark, behaviour in BEHAVIOUR.items():
        if behaviour is Behaviour.OPENS:
            assert mark in PAIRS
            assert not CLOSES[mark]
        if behaviour is Behaviour.CLOSES:
            assert mark not in PAIRS
        if behaviour is Behaviour.SYMMETRIC:
            assert PAIRS[mark] == mark


def test_marks_are_quotation_marks_to_unicode() -> None:
    """Every mark is punctuation in Unicode (Pi, Pf, Ps, Pe or Po)."""
    for mark in MARKS:
        assert unicodedata.category(mark) in {"Pi", "Pf", "Ps", "Pe", "Po"}, mark


def test_apostrophe_marks_are_single() -> None:
    """Only single marks can be apostrophes."""
    assert set(APOSTROPHES) == {"'", "’", "‘"}


def test_whitespace_is_what_str_isspace_says() -> None:
    """WHITESPACE holds exactly the characters str.isspace accepts."""
    assert all(char.isspace() for char in WHITESPACE)
    sample = [chr(code) for code in range(0x3100)]
    assert {c for c in sample if c.isspace()} <= set(WHITESPACE)


def test_paragraph_breaks_are_what_splitlines_splits_on() -> None:
    """PARAGRAPH_BREAKS are exactly the separators str.splitlines uses."""
    sample = [chr(code) for code in range(0x3100)]
    splitting = {c for c in sample if len(f"a{c}b".splitlines()) == 2}
    assert splitting == set(PARAGRAPH_BREAKS)


@pytest.mark.parametrize(
    ("after_mark", "elided"),
    [
        ("90s were", True),
        ("26 budget", True),
        ("n' roll", True),
        ("n’ roll", True),
        ("em all", True),
        ("Tis the", True),
        ("2026 was", False),
        ("Nancy said", False),
        ("emerald", False),
        ("90x", False),
    ],
)
def test_elision(after_mark: str, elided: bool) -> None:
    """ELISION knows elided years and words, and nothing longer that starts like them."""
    assert bool(ELISION.match(after_mark)) is elided


@pytest.mark.parametrize(
    ("char", "flags"),
    [
        (" ", SPACE | BEFORE_OPENING),
        ("\n", SPACE | BEFORE_OPENING | BREAK),
        ("(", BEFORE_OPENING | PUNCTUATION),
        ("—", BEFORE_OPENING | PUNCTUATION),
        (",", PUNCTUATION),
        ("a", ALNUM),
        ("٣", ALNUM | DIGIT),
        ("漢", ALNUM | UNSPACED),
        ("+", 0),
    ],
)
def test_surroundings(char: str, flags: int) -> None:
    """surroundings classifies the neighbours of a mark."""
    assert surroundings(char) == flags


@given(st.characters())
def test_surroundings_is_total_and_stable(char: str) -> None:
    """Every character has flags, and asking twice gives the same answer."""
    assert surroundings(char) == surroundings(char) >= 0


@given(st.text(max_size=3))
def test_is_mark(text: str) -> None:
    """is_mark is true exactly for one character of the inventory."""
    assert is_mark(text) == (len(text) == 1 and text in MARKS)
