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
# are the combining accents a word may carry (a run of letters is matched as one repeat, the
# accents between runs by an outer one: the engine runs a single-class repeat fastest).
_LETTERS = "[^\\W_]++(?:[\u0300-\u036f]++[^\\W_]*+)*+"
# The group that matched names the token's kind, so the tokeniser's loop does not re-read it.
_TOKEN = re.compile(
    rf"""
    (?P<quote>[{_FILLERS}])(?P=quote)*+                 # a masked quoted piece
    | (?P<word>{_LETTERS}(?:[.'’\-]{_LETTERS})*+)       # a word with inner . ' ’ -
      (?P<period>\.)?                                   # and the period after it, if any
    | \S                                                # any other visible character
    """,
    re.VERBOSE,
)
_BEFORE_SPACE = re.compile(rf"[.!?…{_SENTENCE_FILLERS})\]](?=\s)")
_ENDS = frozenset(".!?…" + _SENTENCE_FILLERS)
_BRACKETS = frozenset(")]")
_NEXT_SENTENCE = regex.compile(rf"\s++[\p{{Lu}}\p{{N}}{_FILLERS}(\[•]")
_LAST_WORD = regex.compile(r"(?<!\S)\S{1,24}+$")
_QUOTE_MARK = regex.compile(r"[\p{Quotation_Mark}`´‹›«»]")
_SPACE = regex.compile(r"\s")
# A paragraph is read around its quotes only: a window from WINDOW_BEFORE characters before a
# run of nearby pieces to WINDOW_AFTER after it (enough for the 60 tokens before a quote, the
# sentences before that a pronoun looks back into, and the sentence after), the run at most
# _RUN_CHARACTERS long, so attributing a quote never costs more for a longer sentence.
WINDOW_BEFORE = 2000
WINDOW_AFTER = 800
_RUN_CHARACTERS = 6000
_WORD_REACH = 64  # characters searched for a space to cut a window at
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


class Window(NamedTuple):
    """A bounded stretch of one paragraph read for the pieces ``first``..``last`` (exclusive),
    which masks the pieces ``masks`` (a range of piece numbers) that fall inside it."""

    start: int
    end: int
    first: int
    last: int
    masks: range


def windows(
    text: str, bounds: tuple[int, int], pieces: Sequence[Piece], own: range
) -> list[Window]:
    """Return the windows that read the paragraph ``bounds`` around its pieces ``own``.

    Each window reaches ``WINDOW_BEFORE`` characters before its first piece and
    ``WINDOW_AFTER`` after its last, never past the paragraph, cut at a space and never inside
    another piece.

    >>> text = "He said " + "x " * 3000 + "“a” and “b”."
    >>> pieces = [Piece(6009, 6010, 6008, 6011, 0), Piece(6017, 6018, 6016, 6019, 1)]
    >>> [w[:4] for w in windows(text, (0, len(text)), pieces, range(2))]
    [(4010, 6020, 0, 2)]
    """
    found: list[Window] = []
    i = own.start
    while i < own.stop:
        j = i + 1
        while j < own.stop and pieces[j].outer_start - pieces[i].outer_start <= _RUN_CHARACTERS:
            j += 1
        found.append(_window(text, bounds, pieces, i, j))
        i = j
    return found


def _window(
    text: str, bounds: tuple[int, int], pieces: Sequence[Piece], first: int, last: int
) -> Window:
    start, end = bounds
    lo = max(start, pieces[first].outer_start - WINDOW_BEFORE)
    if lo > start:  # begin after a space, not inside a word
        space = _SPACE.search(text, lo, min(lo + _WORD_REACH, pieces[first].outer_start))
        lo = space.end() if space else lo
    hi = min(end, pieces[last - 1].outer_end + WINDOW_AFTER)
    if hi < end:
        cut = text.rfind(" ", max(hi - _WORD_REACH, pieces[last - 1].outer_end), hi)
        hi = cut if cut >= 0 else hi
    a, b = first, last
    while a > 0 and pieces[a - 1].outer_end > lo:
        a -= 1
    if a < first and pieces[a].outer_start < lo:  # a piece across the edge stays outside
        lo, a = pieces[a].outer_end, a + 1
    while b < len(pieces) and pieces[b].outer_start < hi:
        b += 1
    if b > last and pieces[b - 1].outer_end > hi:
        hi, b = pieces[b - 1].outer_start, b - 1
    return Window(lo, hi, first, last, range(a, b))


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
    >>> sentence_starts("It ended (in 2019.) She said \ue001\ue001\ue001 Later…) 4 more")
    [0, 20, 33, 41]
    """
    starts = [0]
    for mark in _BEFORE_SPACE.finditer(masked_paragraph):
        end = mark.end()
        following = _NEXT_SENTENCE.match(masked_paragraph, end)
        if following is None or not _ends_sentence(masked_paragraph, end):
            continue
        nxt = following.end() - 1
        # only a sentence end whose last character is a period may belong to an abbreviation
        if masked_paragraph[end - 1] == "." and _ends_abbreviation(masked_paragraph, end, nxt):
            continue
        starts.append(nxt)
    return starts


def _ends_sentence(masked_paragraph: str, end: int) -> bool:
    """Whether the marks before ``end`` are end punctuation (or a quote ending a sentence)
    followed only by closing brackets."""
    k = end
    while k > 0 and masked_paragraph[k - 1] in _BRACKETS:
        k -= 1
    return k > 0 and masked_paragraph[k - 1] in _ENDS


def _ends_abbreviation(masked_paragraph: str, end: int, nxt: int) -> bool:
    """Whether the word ending at ``end`` (with its period) is an abbreviation or an initial."""
    last = _LAST_WORD.search(masked_paragraph, max(0, end - 24), end)
    word = last.group().lstrip("([\"'“‘") if last else ""
    return word.endswith(".") and _is_abbreviation(word, masked_paragraph[nxt : nxt + 1])


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
        kind = match.lastgroup  # the last group to close: "period" when a word has one after it
        if kind is None or kind == "word":  # any other visible character, or a word
            text, start = match[0], match.start() + offset
            append(make(Token, (start, start + len(text), text, -1, kind is not None)))
        else:
            _append_quote_or_period(tokens, match, offset, piece_at)
    return tokens


def _append_quote_or_period(
    tokens: list[Token], match: re.Match[str], offset: int, piece_at: dict[int, int]
) -> None:
    """Append a masked quote's token, or a word followed by a period: one token when the period
    is the word's ("Gov.", "U.S."), else the word and the period that ends the sentence."""
    start, end = match.start() + offset, match.end() + offset
    if match.lastgroup == "quote":
        piece = max(piece_at.get(start, 0), 0)
        tokens.append(Token(start, end, match[0], piece))
    elif _keeps_period(match["word"], match.string[match.end() + 1 : match.end() + 2]):
        tokens.append(Token(start, end, match[0], -1, True))
    else:
        tokens.append(Token(start, end - 1, match["word"], -1, True))
        tokens.append(Token(end - 1, end, ".", -1, False))


def _keeps_period(word: str, following: str) -> bool:
    return "." in word or _is_abbreviation(word + ".", following)
