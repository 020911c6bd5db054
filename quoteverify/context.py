"""The context a quote's sentence offers for pronouns: its own subjects, worked out once per
sentence, and the sentences before it (in its paragraph, or the paragraph before), read only
when a pronoun asks.

Everything here is computed once per sentence and looked up per quote, so a sentence holding
thousands of quotes costs time in proportion to its length, not to its length times its quotes.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from quoteverify.lexicon import VerbForm, speech_verbs
from quoteverify.names import Kind, Mention, parse_phrase
from quoteverify.phrases import cue_form, leading_subject, subject_before
from quoteverify.sentences import Piece, Token, masked, sentence_starts, tokenize

PREVIOUS_CHARACTERS = 600  # of the sentences before, read for antecedents
_SENTENCES_BACK = 2  # sentences read back for a pronoun's antecedents
_BLANK_REACH = 200  # blank characters looked back over for the paragraph before
_ANTECEDENTS = 8  # nearest subjects of a sentence offered to one pronoun
_PLACE_WORDS = frozenset({"in", "at", "from", "to", "near"})


def clause_subjects(
    tokens: Sequence[Token], upto: int
) -> list[tuple[Sequence[Token], tuple[int, int]]]:
    """Return the subjects of a sentence before ``upto``: its leading subject and the subject of
    each finite speech verb, in order (each with the tokens it indexes).

    >>> from quoteverify.sentences import tokenize
    >>> toks = tokenize("An aide told Reuters that Ann Lee said so", 0, {})
    >>> [r for _, r in clause_subjects(toks, len(toks))]
    [(0, 1), (5, 6)]
    """
    found: set[tuple[int, int]] = set()
    leading = leading_subject(tokens, upto)
    if leading is not None:
        found.add(leading)
    verbs = speech_verbs()
    for v in range(upto):
        if tokens[v].text not in verbs:  # most words are not: skip the full test
            continue
        form = cue_form(tokens, v)
        if form is not None and form is not VerbForm.ING:
            subject = subject_before(tokens, v)
            if subject is not None:
                found.add(subject)
    return [(tokens, subject) for subject in sorted(found)]


def subject_mentions(text: str, tokens: Sequence[Token], upto: int) -> list[tuple[int, Mention]]:
    """Return the non-pronoun subjects of a sentence before ``upto``, each with the index of
    the token that anchors it (its verb, or its own last token for the leading subject).

    >>> from quoteverify.sentences import tokenize
    >>> s = "Ann Lee said so and he said no"
    >>> [(i, m.name) for i, m in subject_mentions(s, tokenize(s, 0, {}), 8)]
    [(2, 'Ann Lee')]
    """
    found: list[tuple[int, Mention]] = []
    for _, (lo, hi) in clause_subjects(tokens, upto):
        if lo > 0 and tokens[lo - 1].text.lower() in _PLACE_WORDS:
            continue  # "in Paris": a place, not an antecedent
        mention = parse_phrase(text, tokens[lo : hi + 1])
        if mention is not None and mention.kind is not Kind.PRONOUN:
            anchor = _anchor(tokens, hi, upto)
            found.append((anchor, mention))
    found.sort(key=lambda item: item[0])
    return found


def _anchor(tokens: Sequence[Token], hi: int, upto: int) -> int:
    """The index a subject counts from: the first word after it (its verb, near enough)."""
    return min(hi + 1, upto)


class SentenceTable:
    """One sentence's tokens with what quotes in it ask again and again: whether a stretch
    reads as a headline, and the subjects before a position.

    >>> from quoteverify.sentences import tokenize
    >>> s = "Ann Lee said taxes would fall"
    >>> table = SentenceTable(s, tokenize(s, 0, {}))
    >>> table.is_headline(0, 6), [m.name for m in table.antecedents(0, 6)]
    (False, ['Ann Lee'])
    >>> SentenceTable("Lee Says Taxes Will Fall", tokenize("Lee Says Taxes Will Fall", 0, {})
    ...               ).is_headline(0, 5)
    True
    """

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text, self.tokens = text, tokens
        self._long: list[int] | None = None  # prefix counts of long alphabetic words
        self._capitals: list[int] = []  # and of those capitalised
        self._anchors: list[int] | None = None
        self._mentions: list[Mention] = []

    def is_headline(self, lo: int, hi: int) -> bool:
        """Whether tokens ``lo``..``hi`` read as a headline: no final period, and three in
        four of their longer words capitalised."""
        if hi <= lo or self.tokens[hi - 1].text == ".":
            return False
        if self._long is None:
            self._count_words()
        assert self._long is not None
        words = self._long[hi] - self._long[lo]
        capitals = self._capitals[hi] - self._capitals[lo]
        return words >= 2 and capitals >= 0.75 * words

    def _count_words(self) -> None:
        long = [t.is_word and len(t.text) >= 4 and t.text.isalpha() for t in self.tokens]
        capital = [
            is_long and t.text[0].isupper() for is_long, t in zip(long, self.tokens, strict=True)
        ]
        self._long = list(itertools.accumulate(long, initial=0))
        self._capitals = list(itertools.accumulate(capital, initial=0))

    def antecedents(self, lo: int, upto: int) -> tuple[Mention, ...]:
        """Return the nearest subjects anchored in tokens ``lo``..``upto``, in order."""
        if self._anchors is None:
            found = subject_mentions(self.text, self.tokens, len(self.tokens))
            self._anchors = [anchor for anchor, _ in found]
            self._mentions = [mention for _, mention in found]
        first = bisect.bisect_left(self._anchors, lo)
        last = bisect.bisect_right(self._anchors, upto)
        return tuple(self._mentions[max(first, last - _ANTECEDENTS) : last])


class ParagraphBefore:
    """The paragraph before one that holds quotes: its last stretch, masked, found on demand."""

    def __init__(self, text: str, start: int, pieces: Sequence[Piece], first: int) -> None:
        self._text, self._start, self._pieces, self._first = text, start, pieces, first

    def last_sentences(self) -> tuple[str, int]:
        """Return the masked last ``PREVIOUS_CHARACTERS`` of the paragraph before, cut at a
        sentence start, and the offset of that stretch."""
        text, end = self._text, self._start - 1
        if end <= 0:
            return "", 0  # the first paragraph has none before it
        floor = max(0, end - _BLANK_REACH)
        while end > floor and text[end - 1].isspace():
            end -= 1
        lo = max(0, end - PREVIOUS_CHARACTERS)
        newline = text.rfind("\n", lo, end)
        lo = newline + 1 if newline >= 0 else lo
        k = self._first
        while k > 0 and self._pieces[k - 1].outer_end > lo:
            k -= 1
        stretch = masked(text, lo, end, self._pieces[k : self._first])
        starts = sentence_starts(stretch)
        # a stretch cut inside a paragraph opens mid-sentence: drop that partial sentence
        cut = starts[1] if len(starts) > 1 and lo > 0 and newline < 0 else 0
        return stretch[cut:], lo + cut


class Read(NamedTuple):
    """A sentence already tokenised (its quote tokens numbered), by its character bounds."""

    start: int
    end: int
    tokens: list[Token]


class Previous:
    """The sentences before sentence ``n`` of a paragraph (at most two, within
    ``PREVIOUS_CHARACTERS``), each tokenised only if asked for; for the paragraph's first
    sentence, the last sentences of the paragraph before it. A sentence the caller has already
    tokenised (``known``) is not tokenised again: only the numbers of its quote tokens differ,
    and nothing read from the sentences before looks at those."""

    def __init__(
        self,
        text: str,
        masked_text: str,
        cuts: tuple[Sequence[int], int],
        offset: int,
        before: ParagraphBefore | None,
        *,
        known: Read | None = None,
    ) -> None:
        starts, n = cuts
        first = max(0, n - _SENTENCES_BACK)
        self._lo = max(starts[first], starts[n] - PREVIOUS_CHARACTERS) if n else 0
        self._hi = starts[n] if n else 0
        self._text, self._masked_text, self._offset = text, masked_text, offset
        self._before = before if n == 0 else None
        self._known = known
        self._stretch: tuple[str, int, list[int]] | None = None
        self._tokens: dict[int, list[Token]] = {}  # by sentence number counted from the last
        self._subjects: dict[int, list[Mention]] = {}

    def _cut(self) -> tuple[str, int, list[int]]:
        """The stretch before, its offset, and where its last sentences start and end."""
        if self._stretch is None:
            if self._before is not None:
                stretch, offset = self._before.last_sentences()
            else:
                stretch = self._masked_text[self._lo : self._hi]
                offset = self._offset + self._lo
            cuts = [*sentence_starts(stretch)[-_SENTENCES_BACK:], len(stretch)]
            self._stretch = stretch, offset, cuts
        return self._stretch

    def _sentence(self, back: int) -> list[Token] | None:
        """The tokens of the sentence ``back`` sentences before (0: the one just before), or
        ``None`` when there are not that many."""
        if back not in self._tokens:
            stretch, offset, cuts = self._cut()
            if back + 1 >= len(cuts):
                return None
            lo, hi = cuts[-back - 2], cuts[-back - 1]
            known = self._known
            if known is not None and (known.start, known.end) == (offset + lo, offset + hi):
                self._tokens[back] = known.tokens
            else:
                self._tokens[back] = tokenize(stretch[lo:hi], offset + lo, {})
        return self._tokens[back]

    def __call__(self) -> list[Token]:
        """Return the tokens of the sentence just before."""
        return self._sentence(0) or []

    def nearest_subjects(self) -> Iterator[Mention]:
        """Yield the subjects of the sentences before, nearest first; each sentence is read
        only when the caller asks past the one after it."""
        for back in range(_SENTENCES_BACK):
            if back not in self._subjects:
                tokens = self._sentence(back)
                if tokens is None:
                    return
                found = subject_mentions(self._text, tokens, len(tokens))
                self._subjects[back] = [mention for _, mention in reversed(found)]
            yield from self._subjects[back]

    def ends_with_colon(self) -> bool:
        """Whether the sentence before ends with a colon, read without tokenising it."""
        return self._masked_text[self._lo : self._hi].rstrip().endswith(":")


class Antecedents:
    """What a pronoun in a sentence may stand for, nearest first: the subjects of its own
    sentence before it, then those of the sentences before; each sentence is read only when the
    resolver asks past the nearer ones, so a pronoun settled nearby costs no look further back.

    >>> from quoteverify.sentences import tokenize
    >>> s = "Ann Lee said taxes would fall and Tom Orr said so"
    >>> table = SentenceTable(s, tokenize(s, 0, {}))
    >>> [m.name for m in Antecedents(table, (0, 10), Previous(s, s, ([0], 0), 0, None))]
    ['Tom Orr', 'Ann Lee']
    """

    def __init__(self, sentence: SentenceTable, span: tuple[int, int], previous: Previous) -> None:
        self._sentence, self._span, self._previous = sentence, span, previous

    def __iter__(self) -> Iterator[Mention]:
        yield from reversed(self._sentence.antecedents(*self._span))
        yield from self._previous.nearest_subjects()
