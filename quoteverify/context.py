"""The context a quote's sentence offers for pronouns: its own subjects, worked out once per
sentence, and the sentences before it (in its paragraph, or the paragraph before), read only
when a pronoun asks.

Everything here is computed once per sentence and looked up per quote, so a sentence holding
thousands of quotes costs time in proportion to its length, not to its length times its quotes.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from quoteverify.lexicon import VerbForm
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
    for v in range(upto):
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
        long, capitals = [0], [0]
        for token in self.tokens:
            word = token.text
            is_long = token.is_word and len(word) >= 4 and word.isalpha()
            long.append(long[-1] + is_long)
            capitals.append(capitals[-1] + (is_long and word[0].isupper()))
        self._long, self._capitals = long, capitals

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


class Previous:
    """The sentences before sentence ``n`` of a paragraph (at most two, within
    ``PREVIOUS_CHARACTERS``), tokenised only if asked for; for the paragraph's first sentence,
    the last sentences of the paragraph before it."""

    def __init__(
        self,
        text: str,
        masked_text: str,
        cuts: tuple[Sequence[int], int],
        offset: int,
        before: ParagraphBefore | None,
    ) -> None:
        starts, n = cuts
        first = max(0, n - _SENTENCES_BACK)
        self._lo = max(starts[first], starts[n] - PREVIOUS_CHARACTERS) if n else 0
        self._hi = starts[n] if n else 0
        self._text, self._masked_text, self._offset = text, masked_text, offset
        self._before = before if n == 0 else None
        self._sentences: list[list[Token]] | None = None
        self._antecedents: tuple[Mention, ...] | None = None

    def sentences(self) -> list[list[Token]]:
        """Return the tokens of each sentence before, in order."""
        if self._sentences is None:
            if self._before is not None:
                stretch, offset = self._before.last_sentences()
            else:
                stretch = self._masked_text[self._lo : self._hi]
                offset = self._offset + self._lo
            cuts = [*sentence_starts(stretch)[-_SENTENCES_BACK:], len(stretch)]
            self._sentences = [
                tokenize(stretch[lo:hi], offset + lo, {}) for lo, hi in itertools.pairwise(cuts)
            ]
        return self._sentences

    def __call__(self) -> list[Token]:
        """Return the tokens of the sentence just before."""
        sentences = self.sentences()
        return sentences[-1] if sentences else []

    def antecedents(self) -> tuple[Mention, ...]:
        """Return the subjects of the sentences before, in order (worked out once)."""
        if self._antecedents is None:
            self._antecedents = tuple(
                mention
                for tokens in self.sentences()
                for _, mention in subject_mentions(self._text, tokens, len(tokens))
            )
        return self._antecedents

    def ends_with_colon(self) -> bool:
        """Whether the sentence before ends with a colon, read without tokenising it."""
        return self._masked_text[self._lo : self._hi].rstrip().endswith(":")
