"""The quotation-mark inventory as data: which marks pair, how each may act, what surrounds it.

Detection (``detect.py``) reads these tables and nothing else about marks, so supporting a new
house style is a change here. Characters are written by name.

Each mark has a *behaviour*:

- ``OPENS``: only ever opens (low-9 „ ‚, corner brackets 「 『);
- ``CLOSES``: only ever closes (” ’ 」 』); ``’`` is also the apostrophe;
- ``LEANS_OPEN``: opens, except that it closes a low-9 quotation („Ja“, ‚ja‘): “ and ‘;
- ``REVERSIBLE``: guillemets, which open or close depending on what is open («…» and »…«);
- ``SYMMETRIC``: one glyph for both ends (straight " and ', full-width ＂), resolved by the
  characters on either side of it, never by counting marks.

>>> PAIRS["\N{DOUBLE LOW-9 QUOTATION MARK}"]
'“”'
>>> BEHAVIOUR['"'] is Behaviour.SYMMETRIC
True
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import regex


class Behaviour(enum.Enum):
    """How a mark may act: see the module docstring."""

    OPENS = "opens"
    CLOSES = "closes"
    LEANS_OPEN = "leans open"
    REVERSIBLE = "reversible"
    SYMMETRIC = "symmetric"


LDQ: Final = "\N{LEFT DOUBLE QUOTATION MARK}"
RDQ: Final = "\N{RIGHT DOUBLE QUOTATION MARK}"
LSQ: Final = "\N{LEFT SINGLE QUOTATION MARK}"
RSQ: Final = "\N{RIGHT SINGLE QUOTATION MARK}"
LOW_DQ: Final = "\N{DOUBLE LOW-9 QUOTATION MARK}"
LOW_SQ: Final = "\N{SINGLE LOW-9 QUOTATION MARK}"
LEFT_GUILLEMET: Final = "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
RIGHT_GUILLEMET: Final = "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
LEFT_SINGLE_GUILLEMET: Final = "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
RIGHT_SINGLE_GUILLEMET: Final = "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
LEFT_CORNER: Final = "\N{LEFT CORNER BRACKET}"
RIGHT_CORNER: Final = "\N{RIGHT CORNER BRACKET}"
LEFT_WHITE_CORNER: Final = "\N{LEFT WHITE CORNER BRACKET}"
RIGHT_WHITE_CORNER: Final = "\N{RIGHT WHITE CORNER BRACKET}"
FULLWIDTH_DQ: Final = "\N{FULLWIDTH QUOTATION MARK}"
STRAIGHT_DQ: Final = "\N{QUOTATION MARK}"
STRAIGHT_SQ: Final = "\N{APOSTROPHE}"

#: Every opening mark and the marks that may close it. A quote closes only with a partner.
PAIRS: Final[Mapping[str, str]] = MappingProxyType(
    {
        LDQ: RDQ,  # “English”
        LSQ: RSQ,  # ‘English’
        LOW_DQ: LDQ + RDQ,  # „German“ and „Polish”
        LOW_SQ: LSQ + RSQ,  # ‚German‘ and ‚Polish’
        LEFT_GUILLEMET: RIGHT_GUILLEMET,  # «French»
        RIGHT_GUILLEMET: LEFT_GUILLEMET,  # »German, Danish«
        LEFT_SINGLE_GUILLEMET: RIGHT_SINGLE_GUILLEMET,  # ‹French›
        RIGHT_SINGLE_GUILLEMET: LEFT_SINGLE_GUILLEMET,  # ›German‹
        LEFT_CORNER: RIGHT_CORNER,  # 「Japanese, Chinese」
        LEFT_WHITE_CORNER: RIGHT_WHITE_CORNER,  # 『nested CJK』
        FULLWIDTH_DQ: FULLWIDTH_DQ,  # ＂full-width＂
        STRAIGHT_DQ: STRAIGHT_DQ,  # "typewriter"
        STRAIGHT_SQ: STRAIGHT_SQ,  # 'typewriter'
    }
)

#: The style each opening mark starts; an inner quote normally uses the alternate style.
STYLES: Final[Mapping[str, str]] = MappingProxyType(
    {
        LDQ: "double",
        LSQ: "single",
        LOW_DQ: "low-9 double",
        LOW_SQ: "low-9 single",
        LEFT_GUILLEMET: "guillemet",
        RIGHT_GUILLEMET: "reversed guillemet",
        LEFT_SINGLE_GUILLEMET: "single guillemet",
        RIGHT_SINGLE_GUILLEMET: "reversed single guillemet",
        LEFT_CORNER: "corner",
        LEFT_WHITE_CORNER: "white corner",
        FULLWIDTH_DQ: "full-width",
        STRAIGHT_DQ: "straight double",
        STRAIGHT_SQ: "straight single",
    }
)

BEHAVIOUR: Final[Mapping[str, Behaviour]] = MappingProxyType(
    {
        LOW_DQ: Behaviour.OPENS,
        LOW_SQ: Behaviour.OPENS,
        LEFT_CORNER: Behaviour.OPENS,
        LEFT_WHITE_CORNER: Behaviour.OPENS,
        RDQ: Behaviour.CLOSES,
        RSQ: Behaviour.CLOSES,
        RIGHT_CORNER: Behaviour.CLOSES,
        RIGHT_WHITE_CORNER: Behaviour.CLOSES,
        LDQ: Behaviour.LEANS_OPEN,
        LSQ: Behaviour.LEANS_OPEN,
        LEFT_GUILLEMET: Behaviour.REVERSIBLE,
        RIGHT_GUILLEMET: Behaviour.REVERSIBLE,
        LEFT_SINGLE_GUILLEMET: Behaviour.REVERSIBLE,
        RIGHT_SINGLE_GUILLEMET: Behaviour.REVERSIBLE,
        FULLWIDTH_DQ: Behaviour.SYMMETRIC,
        STRAIGHT_DQ: Behaviour.SYMMETRIC,
        STRAIGHT_SQ: Behaviour.SYMMETRIC,
    }
)

#: Every quotation mark, in one string (the character class detection scans for).
MARKS: Final = "".join(BEHAVIOUR)

#: For each mark that can close, the opening marks it closes.
CLOSES: Final[Mapping[str, str]] = MappingProxyType(
    {mark: "".join(o for o, closers in PAIRS.items() if mark in closers) for mark in MARKS}
)

#: Marks that may also be an apostrophe (didn’t, ’90s) or a foot mark (6').
APOSTROPHES: Final = STRAIGHT_SQ + RSQ + LSQ

#: Marks that may also be an inch mark after a digit (6'2").
INCHES: Final = STRAIGHT_DQ

#: Marks that may also be a foot mark or a dropped letter after a word (protesters’ demands).
TRAILING_APOSTROPHES: Final = STRAIGHT_SQ + RSQ

#: A run of this many marks or more is decoration ('''', „“„“), never quotation.
DECORATION_RUN: Final = 4

#: Quotes nested deeper than this are not prose: their openers are taken for strays.
NESTING_LIMIT: Final = 8

#: Marks that only ever open: once quotes nest to the limit, they change nothing.
OPENING_ONLY: Final = "".join(mark for mark, how in BEHAVIOUR.items() if how is Behaviour.OPENS)

#: Marks that, after a space, can only open or be ignored (” after a space hugs no word): once
#: quotes nest to the limit they change nothing either. Left out: guillemets, which may close
#: after a space (« Bonjour »), and apostrophes, which may start an elided word (rock 'n' roll).
OPEN_AFTER_SPACE: Final = "".join(
    mark
    for mark, how in BEHAVIOUR.items()
    if how in {Behaviour.CLOSES, Behaviour.LEANS_OPEN, Behaviour.SYMMETRIC}
    and mark not in APOSTROPHES
)

#: Line and paragraph separators, as ``str.splitlines`` knows them: a quote never spans one
#: except by the multi-paragraph convention.
PARAGRAPH_BREAKS: Final = "\n\r\v\f\x1c\x1d\x1e\x85\N{LINE SEPARATOR}\N{PARAGRAPH SEPARATOR}"

#: Characters ``str.isspace`` accepts (the regex module's ``\s`` leaves out \x1c-\x1f).
WHITESPACE: Final = (
    "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\N{NO-BREAK SPACE}\N{OGHAM SPACE MARK}"
    + "".join(map(chr, range(ord("\N{EN QUAD}"), ord("\N{HAIR SPACE}") + 1)))
    + "\N{LINE SEPARATOR}\N{PARAGRAPH SEPARATOR}"
    "\N{NARROW NO-BREAK SPACE}\N{MEDIUM MATHEMATICAL SPACE}\N{IDEOGRAPHIC SPACE}"
)

#: Words that start with an apostrophe rather than a quotation (rock ’n’ roll, ’em, '90s);
#: matched right after the mark. Every branch is bounded, so matching is linear.
ELISION: Final = regex.compile(
    r"""
    (?: \d{2} s? (?!\w)               # elided years: '90s, ’26
      | n [\N{APOSTROPHE}\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}]
        (?!\w)                        # rock 'n' roll, rock ’n’ roll
      | (?: em | tis | twas ) (?!\w)  # ’em, ’Tis, ’Twas
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Character classes around a mark, as bit flags (cached per character by ``surroundings``).
SPACE: Final = 1  # whitespace, or nothing (start or end of a paragraph)
BEFORE_OPENING: Final = 2  # may stand just before an opening mark: space, brackets, dashes…
PUNCTUATION: Final = 4  # may stand just after a closing mark: any punctuation
ALNUM: Final = 8  # a letter or digit of any script
DIGIT: Final = 16
BREAK: Final = 32  # a paragraph break
UNSPACED: Final = 64  # a letter of a script written without spaces (Han, kana, Thai…)

# Scripts written without spaces between words: there, a straight mark between two letters
# can't be placed by the space around it, only by whether a quote is open.
_UNSPACED_SCRIPTS: Final = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]"
)

_OPENING_CATEGORIES: Final = frozenset({"Ps", "Pi", "Pf", "Pd"})  # ( „ “ ” — and kin
_OPENING_EXTRAS: Final = MARKS + ":;/"  # said:"yes"  and/'or'


def _classify(char: str) -> int:
    category = unicodedata.category(char)
    flags = 0
    if char.isspace():
        flags |= SPACE | BEFORE_OPENING
    if char in PARAGRAPH_BREAKS:
        flags |= BREAK
    if category in _OPENING_CATEGORIES or char in _OPENING_EXTRAS:
        flags |= BEFORE_OPENING
    if category[0] == "P":
        flags |= PUNCTUATION
    if char.isalnum():
        flags |= ALNUM
    if char.isdigit():
        flags |= DIGIT
    if _UNSPACED_SCRIPTS.match(char):
        flags |= UNSPACED
    return flags


_SURROUNDINGS: dict[str, int] = {}


def surroundings(char: str) -> int:
    """Return the bit flags that say how ``char`` may stand next to a quotation mark.

    >>> surroundings(" ") & SPACE == SPACE, surroundings("(") & BEFORE_OPENING > 0
    (True, True)
    >>> surroundings("7") == ALNUM | DIGIT
    True
    """
    flags = _SURROUNDINGS.get(char)
    if flags is None:
        flags = _SURROUNDINGS[char] = _classify(char)
    return flags


def is_mark(char: str) -> bool:
    """Return whether ``char`` is one of the quotation marks of the inventory.

    >>> is_mark("«"), is_mark("x"), is_mark("")
    (True, False, False)
    """
    return len(char) == 1 and char in MARKS
