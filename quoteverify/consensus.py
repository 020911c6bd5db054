"""Many witnesses on one skeleton of columns, and the reading they vote for.

The skeleton is a sequence of *columns*, one per word place of the statement. Segments (see
:mod:`quoteverify.witnesses`) are placed on it one at a time with
:func:`quoteverify.align.align_words`: matched words join their column, a replaced word takes
the column it replaces (a substitution), words the skeleton lacks become new columns at that
place. Placement order is fixed by the segments' contents alone (longest first, then by keys
and spellings; a segment sharing no word with the skeleton waits until one that links it is
placed), so the result never depends on the order the witnesses were given in.

Votes are cast by *voters*: witnesses with identical voting content (the same words,
punctuation, lead and tail) are copies of one another and count once. A voter *covers* the
columns from its first to its last word of a segment.

* A column enters the reading when at least as many covering voters have a word there as lack
  it (a word attested by as many voters as omit it is kept).
* Its spelling is the one most voters write; ties go to the spelling whose voters quote more
  words in all, then to the first in code-point order.
* The text between two neighbouring words of the reading is voted the same way by the voters
  whose segment has those two words side by side; with no vote it is one space. The reading's
  lead and tail are voted by the segments that start or end it with a voting lead or tail.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

import attrs

from quoteverify.align import Op, align_words, blocks_from_matches
from quoteverify.model import Span
from quoteverify.text import TokenKind, WordList, tokenize
from quoteverify.witnesses import Segment, Word

MAX_SUBSTITUTION = 3
"""Longest replaced stretch (in words, either side) read as word-for-word substitution."""

Ballot = tuple[int, Segment]
"""A segment and the voter it belongs to."""


@attrs.frozen
class Placed:
    """A segment on the skeleton: its voter, its words (glued words split) and their columns."""

    voter: int
    words: tuple[Word, ...]
    columns: tuple[int, ...]
    lead: str | None
    tail: str | None


@attrs.frozen
class Layout:
    """Where the reading's words and the gaps between them are: the places of the apparatus.

    ``columns[r]`` is the column of the reading's word ``r``, at ``words[r]`` in the reading;
    ``gaps[r]`` is the text between words ``r`` and ``r + 1``; ``lead`` and ``tail`` are the
    text before the first and after the last word.
    """

    reading: str
    columns: tuple[int, ...]
    words: tuple[Span, ...]
    gaps: tuple[Span, ...]
    lead: Span
    tail: Span


def placement_order(ballots: Sequence[Ballot]) -> list[Ballot]:
    """Return the ballots sorted by content alone, best attested first.

    A segment's *support* is the number of its neighbouring-word pairs that another voter
    also has; the skeleton grows from the most supported segments, so a long speech that
    shares a few phrases with the statement cannot impose its word order. Ties go to the
    longer segment, then to keys and spellings.

    >>> from quoteverify.witnesses import segments
    >>> ballots = [(0, *segments("x y z w")), (1, *segments("a b c")), (2, *segments("b c"))]
    >>> [s.keys for _, s in placement_order(ballots)]
    [('a', 'b', 'c'), ('b', 'c'), ('x', 'y', 'z', 'w')]
    """
    voters: dict[tuple[str, str], set[int]] = {}
    for voter, segment in ballots:
        for pair in itertools.pairwise(segment.keys):
            voters.setdefault(pair, set()).add(voter)

    def support(voter: int, segment: Segment) -> int:
        pairs = itertools.pairwise(segment.keys)
        return sum(1 for pair in pairs if len(voters[pair] - {voter}) > 0)

    return sorted(ballots, key=lambda ballot: (-support(*ballot), *_content_key(ballot[1])))


def _content_key(segment: Segment) -> tuple[object, ...]:
    texts = tuple((word.text, word.after or "") for word in segment.words)
    return (-len(segment.words), segment.keys, texts, segment.lead or "", segment.tail or "")


class Skeleton:
    """The columns in order, each with the key and spelling that first defined it."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.texts: list[str] = []
        self.order: list[int] = []

    def new_column(self, word: Word) -> int:
        """Create a column for ``word`` (not yet in the order) and return its id."""
        self.keys.append(word.key)
        self.texts.append(word.text)
        return len(self.keys) - 1

    def word_list(self) -> WordList:
        """The skeleton as the aligner's canonical side."""
        keys = [self.keys[column] for column in self.order]
        texts = [self.texts[column] for column in self.order]
        zeros = [0] * len(keys)
        return WordList(keys, texts, zeros, list(zeros), [False] * len(keys))

    def place(self, voter: int, segment: Segment) -> Placed | None:
        """Put a segment's words on the skeleton; ``None`` if it shares no word with it."""
        if not self.order:
            self.order = [self.new_column(word) for word in segment.words]
            return Placed(voter, segment.words, tuple(self.order), segment.lead, segment.tail)
        aligned = align_words(_word_list(segment.words), self.word_list())
        if not aligned.runs:
            return None
        words = _split_words(
            segment.words, aligned.variant.texts, aligned.variant.keys, aligned.origin
        )
        columns: list[int] = [-1] * len(words)
        order: list[int] = []
        blocks = blocks_from_matches(aligned.runs, len(words), len(self.order))
        for number, block in enumerate(blocks):
            old = self.order[block.canonical_start : block.canonical_end]
            new_words = range(block.variant_start, block.variant_end)
            if block.op is Op.REPLACE:
                # before the first match (block 0) the pairing is right-aligned
                order.extend(self._replace(old, new_words, words, columns, leading=number == 0))
                continue
            if block.op is Op.INSERT:
                old = [self.new_column(words[index]) for index in new_words]
            for column, index in zip(old, new_words, strict=False):
                columns[index] = column
            order.extend(old)
        self.order = order
        return Placed(voter, words, tuple(columns), segment.lead, segment.tail)

    def _replace(
        self,
        old: list[int],
        new_words: range,
        words: tuple[Word, ...],
        columns: list[int],
        *,
        leading: bool,
    ) -> list[int]:
        """Pair replaced words with the columns they replace; extras become new columns.

        Before the first match the pairing is right-aligned (next to the match), elsewhere
        left-aligned, so unpaired skeleton columns fall outside a fragment's coverage. A
        stretch longer than ``MAX_SUBSTITUTION`` words is other wording, not a substitution:
        its words get columns of their own, on the match's side of the columns they replace.
        """
        if max(len(old), len(new_words)) > MAX_SUBSTITUTION:
            fresh = [self.new_column(words[index]) for index in new_words]
            for column, index in zip(fresh, new_words, strict=True):
                columns[index] = column
            return [*old, *fresh] if leading else [*fresh, *old]
        paired = min(len(old), len(new_words))
        if leading:
            extra = [self.new_column(words[i]) for i in new_words[: len(new_words) - paired]]
            for column, index in zip(
                old[len(old) - paired :], new_words[len(new_words) - paired :], strict=True
            ):
                columns[index] = column
            for column, index in zip(extra, new_words, strict=False):
                columns[index] = column
            return [*extra, *old]
        for column, index in zip(old, new_words, strict=False):
            columns[index] = column
        extra = [self.new_column(words[i]) for i in new_words[paired:]]
        for column, index in zip(extra, new_words[paired:], strict=True):
            columns[index] = column
        return [*old, *extra]


def _word_list(words: Sequence[Word]) -> WordList:
    starts, at = [], 0
    for word in words:
        starts.append(at)
        at += len(word.text)
    ends = [start + len(word.text) for start, word in zip(starts, words, strict=True)]
    return WordList(
        [word.key for word in words],
        [word.text for word in words],
        starts,
        ends,
        [False] * len(words),
    )


def _split_words(
    words: tuple[Word, ...], texts: Sequence[str], keys: Sequence[str], origin: Sequence[int]
) -> tuple[Word, ...]:
    """The segment's words as aligned: a glued word becomes its halves, with nothing between."""
    if len(origin) == len(words):
        return words
    out = []
    for index, source in enumerate(origin):
        glued_to_next = index + 1 < len(origin) and origin[index + 1] == source
        after = "" if glued_to_next else words[source].after
        out.append(Word(keys[index], texts[index], after))
    return tuple(out)


def place_all(
    ballots: Sequence[Ballot], seed: Segment | None = None
) -> tuple[Skeleton, list[Placed], Placed | None]:
    """Place every ballot on one skeleton, the seed (voter -1) first if given.

    Returns the skeleton, the placed ballots, and the seed's placement. A ballot that shares
    no word with the others is left out.
    """
    skeleton = Skeleton()
    seeded = skeleton.place(-1, seed) if seed is not None else None
    placed: list[Placed] = []
    pending = placement_order(ballots)
    while pending:
        waiting = []
        for voter, segment in pending:
            result = skeleton.place(voter, segment)
            if result is None:
                waiting.append((voter, segment))
            else:
                placed.append(result)
        if len(waiting) == len(pending):
            break
        pending = waiting
    return skeleton, placed, seeded


@attrs.frozen
class Tally:
    """Per skeleton position: the voters covering it and, per voter, the word written there."""

    position: dict[int, int]
    covering: list[set[int]]
    written: list[dict[int, str]]


def tally(order: Sequence[int], placed: Sequence[Placed]) -> Tally:
    """Count, at every position of the skeleton's ``order``, who covers it and what they write."""
    position = {column: at for at, column in enumerate(order)}
    covering: list[set[int]] = [set() for _ in order]
    written: list[dict[int, str]] = [{} for _ in order]
    for segment in placed:
        first, last = position[segment.columns[0]], position[segment.columns[-1]]
        for at in range(first, last + 1):
            covering[at].add(segment.voter)
        for word, column in zip(segment.words, segment.columns, strict=True):
            written[position[column]].setdefault(segment.voter, word.text)
    return Tally(position, covering, written)


def winner(votes: dict[int, str], weights: dict[int, int]) -> str:
    """Return the text most voters give; ties go to more words quoted, then code-point order.

    >>> winner({0: "HELP", 1: "help", 2: "HELP"}, {0: 1, 1: 1, 2: 1})
    'HELP'
    >>> winner({0: "a", 1: "b"}, {0: 3, 1: 9})
    'b'
    """
    count: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    for voter, text in votes.items():
        count[text] += 1
        weight[text] += weights.get(voter, 0)
    return min(count, key=lambda text: (-count[text], -weight[text], text))


def voted_layout(skeleton: Skeleton, placed: Sequence[Placed], weights: dict[int, int]) -> Layout:
    """Return the consensus reading of the placed segments and where its places are."""
    counts = tally(skeleton.order, placed)
    kept = [
        at
        for at, written in enumerate(counts.written)
        if written and len(written) >= len(counts.covering[at]) - len(written)
    ]
    index = {at: number for number, at in enumerate(kept)}
    gap_votes: list[dict[int, str]] = [{} for _ in kept[1:]]
    lead_votes: dict[int, str] = {}
    tail_votes: dict[int, str] = {}
    for segment in placed:
        numbers = [index.get(counts.position[column]) for column in segment.columns]
        for word, number, following in zip(segment.words, numbers, numbers[1:], strict=False):
            if number is not None and following == number + 1 and word.after is not None:
                gap_votes[number].setdefault(segment.voter, word.after)
        if numbers[0] == 0 and segment.lead is not None:
            lead_votes.setdefault(segment.voter, segment.lead)
        if numbers[-1] == len(kept) - 1 and segment.tail is not None:
            tail_votes.setdefault(segment.voter, segment.tail)
    words = [winner(counts.written[at], weights) for at in kept]
    gaps = [winner(votes, weights) if votes else " " for votes in gap_votes]
    lead = winner(lead_votes, weights) if lead_votes else ""
    tail = winner(tail_votes, weights) if tail_votes else ""
    columns = tuple(skeleton.order[at] for at in kept)
    return _lay_out(lead, words, gaps, tail, columns)


def _lay_out(
    lead: str, words: Sequence[str], gaps: Sequence[str], tail: str, columns: tuple[int, ...]
) -> Layout:
    parts: list[str] = [lead]
    at = len(lead)
    word_spans: list[Span] = []
    gap_spans: list[Span] = []
    for number, word in enumerate(words):
        word_spans.append(Span(at, at + len(word)))
        parts.append(word)
        at += len(word)
        if number < len(gaps):
            gap_spans.append(Span(at, at + len(gaps[number])))
            parts.append(gaps[number])
            at += len(gaps[number])
    parts.append(tail)
    reading = "".join(parts)
    return Layout(
        reading,
        columns,
        tuple(word_spans),
        tuple(gap_spans),
        Span(0, len(lead)),
        Span(at, len(reading)),
    )


def canonical_seed(canonical: str) -> tuple[Segment, list[Span]]:
    """Return the canonical's words as one segment, and the span of each word.

    >>> seed, spans = canonical_seed("Help is on its way. MIGA!!!")
    >>> seed.keys[:2], spans[-1]
    (('help', 'is'), Span(start=20, end=24))
    """
    tokens = [t for t in tokenize(canonical) if t.kind in {TokenKind.WORD, TokenKind.NUMBER}]
    words = [
        Word(token.key, token.text, canonical[token.end : following.start])
        for token, following in itertools.pairwise(tokens)
    ]
    if tokens:
        words.append(Word(tokens[-1].key, tokens[-1].text, None))
    return Segment(tuple(words), None, None), [token.span for token in tokens]


def canonical_layout(canonical: str, spans: Sequence[Span], seeded: Placed | None) -> Layout:
    """Return the canonical text laid out on the columns its words were seeded into."""
    if seeded is None or not spans:
        return Layout(
            canonical, (), (), (), Span(0, len(canonical)), Span(len(canonical), len(canonical))
        )
    gaps = tuple(Span(a.end, b.start) for a, b in itertools.pairwise(spans))
    return Layout(
        canonical,
        seeded.columns,
        tuple(spans),
        gaps,
        Span(0, spans[0].start),
        Span(spans[-1].end, len(canonical)),
    )
