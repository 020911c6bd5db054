"""The sentences around quoted passages, as tokens with offsets into the caller's text.

Attribution reads only the paragraphs that hold a quote. Each such paragraph is copied once with
every quoted passage (marks included) masked by private-use filler characters, so a period or a
speech verb inside a quote can neither end a sentence nor attribute anything; the sentences are
then cut with one linear regex pass, and only the sentences that hold a quote are tokenised.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

import regex

from quoteverify.lexicon import abbreviations

# A masked piece is one run of a single filler character: U+E000 + 2 * (piece parity) + 1 when
# the quoted words end a sentence ("… big price.”), so two touching pieces stay two tokens.
_FILLER_BASE = 0xE000
_FILLERS = "\ue000-\ue003"
_SENTENCE_FILLERS = "\ue001\ue003"

# The standard library's engine is the faster of the two on this short-match loop; the pattern
# is linear (possessive repeats, no nested choice). [^\W_] is a letter or digit; U+0300-U+036F
# are the combining accents a word may carry.
_LETTER = "(?:[^\\W_]|[\u0300-\u036f])"
# The group that matched names the token's kind, so the tokeniser's loop does not re-read it.
_TOKEN = re.compile(
    rf"""
    (?P<quote>[{_FILLERS}])(?P=quote)*+                 # a masked quoted piece
    | (?P<word>[^\W_]{_LETTER}*+(?:[.'’\-][^\W_]{_LETTER}*+)*+)  # a word with inner . ' ’ -
      (?P<period>\.)?                                   # and the period after it, if any
    | \S                                                # any other visible character
    """,
    re.VERBOSE,
)
_SENTENCE_END = regex.compile(
    rf"""
    (?: [.!?…]++ | [{_SENTENCE_FILLERS}]++ )            # end punctuation, or a quote ending so
    [)\]]*+                                             # closing brackets
    (?=\s++[\p{{Lu}}\p{{N}}{_FILLERS}(\[•])              # then space and a capital, digit, quote
    """,
    regex.VERBOSE,
)
_LAST_WORD = regex.compile(r"(?<!\S)\S{1,24}+$")
_QUOTE_MARK = regex.compile(r"[\p{Quotation_Mark}`´‹›«»]")
_INITIAL = regex.compile(r"\p{Lu}")


class Token(NamedTuple):
    """A word, a punctuation mark, or a whole quoted piece (``piece`` >= 0) of a sentence."""

    start: int
    end: int
    text: str
    piece: int = -1
    is_word: bool = False

    @property
    def is_quote(self) -> bool:
        """Whether this token stands for a quoted piece."""
        return self.piece >= 0


class Piece(NamedTuple):
    """One quoted piece: its inner span, its extent with the marks, and its quote's index."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    quote: int


def mark_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span of a quoted piece widened over its opening and closing marks.

    >>> mark_extent('a "b" c', 3, 4)
    (2, 5)
    >>> mark_extent("a b c", 2, 3)
    (2, 3)
    """
    outer_start = start - 1 if start > 0 and _QUOTE_MARK.match(text, start - 1) else start
    outer_end = end + 1 if end < len(text) and _QUOTE_MARK.match(text, end) else end
    return outer_start, outer_end


class Paragraphs:
    """Paragraph bounds of a text (lines between newlines), found in one pass, looked up by bisect.

    >>> p = Paragraphs("one\\ntwo\\n\\nthree")
    >>> p.bounds(5), p.index(5), p.index(12)
    ((4, 7), 1, 3)
    """

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._breaks = [m.start() for m in regex.finditer(r"\n", text)]

    def index(self, position: int) -> int:
        """Return the number of the paragraph holding ``position``."""
        return bisect.bisect_left(self._breaks, position)

    def bounds(self, position: int) -> tuple[int, int]:
        """Return the (start, end) of the paragraph holding ``position``, newline excluded."""
        i = self.index(position)
        start = self._breaks[i - 1] + 1 if i > 0 else 0
        end = self._breaks[i] if i < len(self._breaks) else self._length
        return start, end


def masked(text: str, start: int, end: int, pieces: Sequence[Piece]) -> str:
    """Return ``text[start:end]`` with each piece (marks included) replaced by filler characters.

    >>> masked('He said "Go." Then', 0, 18, [Piece(9, 12, 8, 13, 0)]).count("\\ue001")
    5
    """
    parts: list[str] = []
    cursor = start
    for i, piece in enumerate(pieces):
        lo, hi = max(piece.outer_start, cursor), min(piece.outer_end, end)
        if lo >= hi:
            continue
        ends_sentence = text[piece.start : piece.end].rstrip("'’”\"» )]")[-1:] in {".", "!", "?"}
        parts.append(text[cursor:lo])
        parts.append(chr(_FILLER_BASE + 2 * (i % 2) + ends_sentence) * (hi - lo))
        cursor = hi
    parts.append(text[cursor:end])
    return "".join(parts)


def sentence_starts(masked_paragraph: str) -> list[int]:
    """Return the offsets (into the masked paragraph) where its sentences start.

    >>> sentence_starts("He left. U.S. officials came. They said so.")
    [0, 9, 30]
    """
    starts = [0]
    for match in _SENTENCE_END.finditer(masked_paragraph):
        nxt = match.end()
        while nxt < len(masked_paragraph) and masked_paragraph[nxt].isspace():
            nxt += 1
        last = _LAST_WORD.search(masked_paragraph, max(0, match.end() - 24), match.end())
        word = last.group().lstrip("([\"'“‘") if last else ""
        if word.endswith(".") and _is_abbreviation(word, masked_paragraph[nxt : nxt + 1]):
            continue
        starts.append(nxt)
    return starts


def _is_abbreviation(word: str, following: str) -> bool:
    """Whether a word ending in a period is an abbreviation, or an initial before a name."""
    if word.lower() in abbreviations():
        return True
    stem = word[:-1]
    return len(stem) == 1 and bool(_INITIAL.match(stem)) and following.isalpha()


def tokenize(masked_text: str, offset: int, piece_at: dict[int, int]) -> list[Token]:
    """Return the tokens of a masked stretch (``piece_at``: a piece's outer start to its number).

    >>> [t.text for t in tokenize("Mr. Li’s U.S. visit, he said", 0, {})]
    ['Mr.', 'Li’s', 'U.S.', 'visit', ',', 'he', 'said']
    """
    tokens: list[Token] = []
    append, make = tokens.append, tuple.__new__  # NamedTuple's __new__ is a Python call: hot loop
    for match in _TOKEN.finditer(masked_text):
        start, end = match.span()
        kind = match.lastgroup  # the last group to close: "period" when a word has one after it
        if kind == "word":
            append(make(Token, (start + offset, end + offset, match.group(), -1, True)))
        elif kind is None:
            append(make(Token, (start + offset, end + offset, match.group(), -1, False)))
        elif kind == "quote":
            piece = max(piece_at.get(start + offset, 0), 0)
            append(make(Token, (start + offset, end + offset, match.group(), piece, False)))
        elif _keeps_period(match["word"], masked_text[end + 1 : end + 2]):  # "Gov.", "U.S."
            append(make(Token, (start + offset, end + offset, match.group(), -1, True)))
        else:  # the period ends the sentence: a token of its own
            append(make(Token, (start + offset, end - 1 + offset, match["word"], -1, True)))
            append(make(Token, (end - 1 + offset, end + offset, ".", -1, False)))
    return tokens


def _keeps_period(word: str, following: str) -> bool:
    return "." in word or _is_abbreviation(word + ".", following)
