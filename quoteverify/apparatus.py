"""The apparatus of a collation: every place where the voting witnesses differ, with each reading.

The reading is cut into *units*: its lead, each word, each gap between two neighbouring words
(with whatever words a witness adds there) and its tail. At each unit every voter that covers
it has a text: the word it writes there, or ``""`` when it leaves the word out; the text
between its two words, or ``""`` when it lacks one of them. A unit is a place of variation
when some voter's text differs from the reading's. Neighbouring places with the same
dissenting camps (the same witnesses, split the same way, differing from the reading) are
merged into one, also across a gap on which they all agree ("Save the names of the killers"
left out by one witness is one place, not eleven); the witnesses listed for the reading's
text are then those that agree with it wherever they cover the place. The first reading of
a place is always the reading's own text (with the witnesses that agree, maybe none); the
others follow, most supported first.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence

import attrs

from quoteverify.consensus import Layout, Placed, tally
from quoteverify.model import Reading, Span, Variation
from quoteverify.witnesses import spaced

Texts = dict[int, str]
"""Per voter, its text at one unit."""


@attrs.frozen
class _Place:
    span: Span
    camps: tuple[tuple[tuple[int, ...], str], ...]  # (witnesses, text), the reading's first

    @property
    def shape(self) -> tuple[tuple[int, ...], ...]:
        """The camps of the witnesses that differ from the reading."""
        return tuple(sorted(witnesses for witnesses, _ in self.camps[1:]))


def apparatus(
    layout: Layout,
    placed: Sequence[Placed],
    order: Sequence[int],
    members: Mapping[int, Sequence[int]],
) -> tuple[Variation, ...]:
    """Return the places where the voters' texts differ from the reading, merged as described.

    ``order`` is the skeleton's column order; ``members`` maps each voter to the indexes of
    the witnesses that share its vote.
    """
    merged: list[_Place] = []
    open_place = False  # whether the last unit was a place, so the next may extend it
    bridge: tuple[str, set[int]] | None = None  # an agreed gap right after that place
    for is_gap, span, own, texts in _units(layout, placed, order):
        place = _place(span, own, texts, members)
        if place is None:
            if open_place and is_gap and bridge is None:
                bridge = own, {w for voter in texts for w in members[voter]}
            else:
                open_place, bridge = False, None
            continue
        if open_place and _extends(merged[-1], place, bridge):
            merged[-1] = _join(merged[-1], place, layout.reading, bridge[0] if bridge else "")
        else:
            merged.append(place)
        open_place, bridge = True, None
    return tuple(
        Variation(place.span, tuple(Reading(text, witnesses) for witnesses, text in place.camps))
        for place in merged
    )


def _extends(left: _Place, right: _Place, bridge: tuple[str, set[int]] | None) -> bool:
    """Whether ``right`` continues ``left``: the same dissenting camps, across at most one
    gap on which every witness covering it agrees (the dissenters among them)."""
    if left.shape != right.shape:
        return False
    return bridge is None or {w for camp in left.shape for w in camp} <= bridge[1]


def _units(
    layout: Layout, placed: Sequence[Placed], order: Sequence[int]
) -> Iterator[tuple[bool, Span, str, Texts]]:
    """Yield each unit of the reading: its span, the reading's text there, the voters' texts."""
    reading = layout.reading
    counts = tally(order, placed)
    number = {column: r for r, column in enumerate(layout.columns)}
    gaps, lead, tail = _edge_and_gap_texts(layout, placed, number)
    yield False, layout.lead, reading[layout.lead.start : layout.lead.end].strip(), lead
    for r, column in enumerate(layout.columns):
        at = counts.position[column]
        texts = {voter: counts.written[at].get(voter, "") for voter in counts.covering[at]}
        yield False, layout.words[r], reading[layout.words[r].start : layout.words[r].end], texts
        if r < len(layout.gaps):
            gap = layout.gaps[r]
            yield True, gap, spaced(reading[gap.start : gap.end]), gaps[r]
    yield False, layout.tail, reading[layout.tail.start : layout.tail.end].strip(), tail


def _edge_and_gap_texts(
    layout: Layout, placed: Sequence[Placed], number: Mapping[int, int]
) -> tuple[list[Texts], Texts, Texts]:
    gaps: list[Texts] = [{} for _ in layout.gaps]
    lead: Texts = {}
    tail: Texts = {}
    last = len(layout.columns) - 1
    for segment in placed:
        at = [(k, number[c]) for k, c in enumerate(segment.columns) if c in number]
        if not at:
            continue
        for (k1, r1), (k2, r2) in itertools.pairwise(at):
            if r2 == r1 + 1:
                gaps[r1].setdefault(segment.voter, _between(segment, k1, k2))
            else:
                for r in range(r1, r2):
                    gaps[r].setdefault(segment.voter, "")
        if at[0] == (0, 0) and segment.lead is not None:
            lead.setdefault(segment.voter, segment.lead)
        if at[-1] == (len(segment.words) - 1, last) and segment.tail is not None:
            tail.setdefault(segment.voter, segment.tail)
    return gaps, lead, tail


def _between(segment: Placed, first: int, second: int) -> str:
    """The text of a segment from after word ``first`` up to word ``second``."""
    parts = [segment.words[first].after or ""]
    for word in segment.words[first + 1 : second]:
        parts += [word.text, word.after or ""]
    return "".join(parts)


def _place(
    span: Span, own: str, texts: Texts, members: Mapping[int, Sequence[int]]
) -> _Place | None:
    if all(text == own for text in texts.values()):
        return None
    camps: dict[str, list[int]] = {own: []}
    for voter, text in texts.items():
        camps.setdefault(text, []).extend(members[voter])
    others = sorted(
        ((tuple(sorted(witnesses)), text) for text, witnesses in camps.items() if text != own),
        key=lambda camp: (-len(camp[0]), camp[1]),
    )
    return _Place(span, ((tuple(sorted(camps[own])), own), *others))


def _join(left: _Place, right: _Place, reading: str, bridge: str) -> _Place:
    span = Span(left.span.start, right.span.end)
    extra = dict(right.camps)
    camps = [(w, text + bridge + extra.get(w, "")) for w, text in left.camps]
    agreeing = tuple(sorted({*left.camps[0][0], *right.camps[0][0]}))
    camps[0] = (agreeing, reading[span.start : span.end])
    return _Place(span, tuple(camps))
