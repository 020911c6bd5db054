"""How a witness of a statement is cut into the segments whose words and punctuation vote.

A witness is a string or a :class:`~quoteverify.model.Quote`. The *pieces* of a split quote
("…a big price,” Trump wrote. “I have cancelled…") are separate: ``Quote.text`` joins them
with one space, and the length of each span gives the piece boundaries, so piece ``k`` is the
next ``len(spans[k])`` characters of the text after the previous piece and its joining space.
A quote whose text does not add up that way (hand-made, or normalised by its producer) is
taken as one piece.

Each piece is tokenised (:func:`quoteverify.text.tokenize`) and cut again into *segments*
wherever the quoting shows that words are missing or editorial: at an ellipsis, at bracketed
text ("MIGA [Make Iran Great Again]", "He [Khamenei] is") and at a word with an editorial
letter ("[W]e", which is dropped). Within a segment every word votes for its spelling and the
text between two neighbouring words votes for the punctuation there, with runs of white space
read as one space. At the edges:

* the text after a segment's last word (its *tail*) votes only when the segment ends its
  piece, no ellipsis follows it and it does not end in a comma: a comma before the closing
  mark is the quoting convention's ("…a big price,” he wrote"), not the speaker's;
* the text before a segment's first word (its *lead*) votes only when the segment starts its
  piece and nothing editorial precedes it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs
import regex

from quoteverify.model import Quote, Witness
from quoteverify.text import Token, TokenKind, tokenize

_SPACES = regex.compile(r"\s++")
_WORDING = frozenset({TokenKind.WORD, TokenKind.NUMBER})
_BREAKS = frozenset({TokenKind.ELLIPSIS, TokenKind.BRACKET})


@attrs.frozen
class Word:
    """A word of a segment: its key, its spelling as written, and the text up to the next word.

    ``after`` is ``None`` for the last word of a segment.
    """

    key: str
    text: str
    after: str | None


@attrs.frozen
class Segment:
    """A run of a witness's words with nothing editorial between them.

    ``lead`` and ``tail`` are the text before the first and after the last word when they
    vote, else ``None``.
    """

    words: tuple[Word, ...]
    lead: str | None
    tail: str | None

    @property
    def keys(self) -> tuple[str, ...]:
        """The keys of the segment's words."""
        return tuple(word.key for word in self.words)


def witness_text(witness: Witness) -> str:
    """Return the words of a witness as one string: the quote's text, or the string itself.

    >>> witness_text("keep protesting")
    'keep protesting'
    """
    if isinstance(witness, Quote):
        return witness.text
    if isinstance(witness, str):
        return witness
    raise TypeError(f"a witness must be str or Quote, got {type(witness).__name__}")


def pieces(witness: Witness) -> list[str]:
    """Return the pieces of a witness: one per span of a split quote, else the whole text.

    >>> from quoteverify.model import Span
    >>> pieces(Quote("a big price, I have", (Span(10, 22), Span(40, 46))))
    ['a big price,', 'I have']
    >>> pieces("a big price")
    ['a big price']
    """
    text = witness_text(witness)
    if not isinstance(witness, Quote) or len(witness.spans) < 2:
        return [text]
    lengths = [len(span) for span in witness.spans]
    if sum(lengths) + len(lengths) - 1 != len(text):
        return [text]
    out: list[str] = []
    at = 0
    for length in lengths:
        out.append(text[at : at + length])
        at += length + 1
    return out


def spaced(text: str) -> str:
    """Return ``text`` with every run of white space read as one space.

    >>> spaced("price.\\n\\u00a0 I")
    'price. I'
    """
    return _SPACES.sub(" ", text)


def segments(witness: Witness) -> list[Segment]:
    """Return the voting segments of a witness, piece by piece.

    >>> [s.keys for s in segments("Save the names … MIGA [Make Iran Great Again]!!!")]
    [('save', 'the', 'names'), ('miga',)]
    >>> [(s.lead, s.tail) for s in segments("Save the names … MIGA [Make Iran Great Again]!!!")]
    [('', None), (None, '!!!')]
    """
    return [segment for piece in pieces(witness) for segment in piece_segments(piece)]


def piece_segments(piece: str) -> list[Segment]:
    """Return the segments of one piece of a witness (see the module docstring).

    >>> [(s.keys, s.tail) for s in piece_segments("They will pay a big price,")]
    [(('they', 'will', 'pay', 'a', 'big', 'price'), None)]
    """
    tokens = tokenize(piece)
    runs: list[list[Token]] = [[]]
    for token in tokens:
        if token.kind in _BREAKS or (token.kind in _WORDING and "[" in token.text):
            runs.append([])
        elif token.kind in _WORDING:
            runs[-1].append(token)
    last_run = max((number for number, run in enumerate(runs) if run), default=-1)
    out: list[Segment] = []
    for number, run in enumerate(runs):
        if run:
            out.append(_segment(piece, tokens, run, first=not out, last=number == last_run))
    return out


def _segment(
    piece: str, tokens: Sequence[Token], run: list[Token], *, first: bool, last: bool
) -> Segment:
    words = [
        Word(token.key, token.text, spaced(piece[token.end : following.start]))
        for token, following in itertools.pairwise(run)
    ]
    words.append(Word(run[-1].key, run[-1].text, None))
    lead = _lead(piece, tokens, run[0]) if first else None
    tail = _tail(piece, tokens, run[-1]) if last else None
    return Segment(tuple(words), lead, tail)


def _lead(piece: str, tokens: Sequence[Token], first_word: Token) -> str | None:
    before = [t for t in tokens if t.end <= first_word.start]
    if any(t.kind in _BREAKS or t.kind in _WORDING for t in before):
        return None
    return spaced(piece[: first_word.start]).strip()


def _tail(piece: str, tokens: Sequence[Token], last_word: Token) -> str | None:
    after = [t for t in tokens if t.start >= last_word.end]
    if any(t.kind is TokenKind.ELLIPSIS or t.kind in _WORDING for t in after):
        return None
    tail = "".join(t.text for t in after if t.kind is TokenKind.PUNCTUATION)
    return None if tail.endswith(",") else tail
