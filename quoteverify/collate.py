"""Collation: many witnesses of one statement aligned to one reading.

``collate(witnesses, canonical=None)`` takes strings or quotes (the pieces of a split quote
are separate segments, see :mod:`quoteverify.witnesses`) and returns a
:class:`~quoteverify.model.Collation`:

* ``reading`` is the canonical text when one is given, else the consensus of the witnesses
  (:mod:`quoteverify.consensus`): at each place the reading most of the witnesses covering it
  give, fragments voting where they cover; ellipses and bracketed insertions never enter it.
* ``witnesses`` holds every witness, in the order given, with its
  :class:`~quoteverify.model.Verification` against the reading.
* ``divergent`` holds the witnesses whose verdict against the reading is ``MISQUOTE`` or
  ``UNRELATED`` (the same words spoken later at another event, a different statement): they
  do not vote. Finding them is iterative: a provisional consensus of all witnesses, every
  witness verified against it, the worst divergent voter set aside (and any set-aside
  witness that is no longer divergent taken back), until the set of voters no longer changes
  (at most ``MAX_ROUNDS`` rounds; a set of voters seen before, or none left, also ends the
  search, and then the voters of that round stand).
* ``apparatus`` lists the places where the voting witnesses differ (:mod:`quoteverify.apparatus`),
  each reading with the indexes, in ``witnesses``, of the witnesses that support it.

Nothing depends on the order of the witnesses except the indexes that name them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

import attrs

from quoteverify.apparatus import apparatus
from quoteverify.consensus import (
    Ballot,
    Layout,
    Placed,
    canonical_layout,
    canonical_seed,
    place_all,
    voted_layout,
)
from quoteverify.errors import require_str
from quoteverify.model import Collation, Variation, Verdict, Verification, Witness
from quoteverify.verify import verify
from quoteverify.witnesses import Segment, segments, spaced, witness_text

MAX_ROUNDS = 64
DIVERGENT_VERDICTS = frozenset({Verdict.MISQUOTE, Verdict.UNRELATED})


@attrs.frozen
class _Witnesses:
    """The witnesses as the collation sees them: texts, segments, and who shares whose vote.

    ``voter[i]`` is the index of the first witness with the same voting content as witness
    ``i``: copies of one another count as one vote.
    """

    texts: tuple[str, ...]
    cuts: tuple[tuple[Segment, ...], ...]
    voter: tuple[int, ...]

    @classmethod
    def of(cls, items: Sequence[Witness]) -> _Witnesses:
        texts = tuple(witness_text(item) for item in items)
        cuts = tuple(tuple(segments(item)) for item in items)
        first: dict[tuple[Segment, ...], int] = {}
        voter = tuple(first.setdefault(cut, index) for index, cut in enumerate(cuts))
        return cls(texts, cuts, voter)

    def ballots(self, voting: Iterable[int]) -> list[Ballot]:
        """The segments of the voting witnesses, one copy per voter."""
        voters = sorted({self.voter[index] for index in voting})
        return [(voter, segment) for voter in voters for segment in self.cuts[voter]]

    def weights(self) -> dict[int, int]:
        """Per voter, how many words it quotes: the tie-break between equal counts."""
        return {i: sum(len(s.words) for s in self.cuts[i]) for i in set(self.voter)}

    def members(self, voting: Iterable[int]) -> dict[int, list[int]]:
        """Per voter, the voting witnesses that share its vote."""
        out: dict[int, list[int]] = {}
        for index in sorted(voting):
            out.setdefault(self.voter[index], []).append(index)
        return out


def collate(witnesses: Iterable[Witness], canonical: str | None = None) -> Collation:
    """Align witnesses of one statement to one reading: the canonical, or their consensus.

    >>> c = collate(["KEEP PROTESTING – TAKE OVER", "keep protesting", "KEEP PROTESTING"])
    >>> c.reading
    'KEEP PROTESTING – TAKE OVER'
    >>> [(v.reading_span.to_list(), [(r.text, r.witnesses) for r in v.readings])
    ...  for v in c.apparatus]
    [([0, 15], [('KEEP PROTESTING', (0, 2)), ('keep protesting', (1,))])]
    >>> c = collate(["pay a big price"], canonical="They will pay a big price.")
    >>> c.witnesses[0][1].verdict
    <Verdict.FAITHFUL: 'faithful'>
    """
    items = list(witnesses)
    if canonical is not None:
        require_str(canonical, "canonical")
    seen = _Witnesses.of(items)
    if canonical is None:
        layout, placed, order, verdicts, voting = _consensus(seen)
    else:
        layout, placed, order, verdicts, voting = _against_canonical(seen, canonical)
    checked = tuple(zip(items, verdicts, strict=True))
    variations: tuple[Variation, ...] = apparatus(layout, placed, order, seen.members(voting))
    divergent = tuple(pair for index, pair in enumerate(checked) if index not in voting)
    return Collation(layout.reading, checked, variations, divergent)


_Outcome = tuple[Layout, list[Placed], list[int], list[Verification], set[int]]


def _verify_all(seen: _Witnesses, reading: str) -> list[Verification]:
    done: dict[str, Verification] = {}
    return [done.setdefault(text, verify(text, reading)) for text in seen.texts]


def _divergent(verdicts: Sequence[Verification]) -> set[int]:
    return {i for i, check in enumerate(verdicts) if check.verdict in DIVERGENT_VERDICTS}


def _consensus(seen: _Witnesses) -> _Outcome:
    everyone = set(range(len(seen.texts)))
    voting = set(everyone)
    tried: set[frozenset[int]] = set()
    weights = seen.weights()
    while True:
        skeleton, placed, _ = place_all(seen.ballots(voting))
        layout = voted_layout(skeleton, placed, weights)
        verdicts = _verify_all(seen, layout.reading)
        tried.add(frozenset(voting))
        following = _next_voters(seen, verdicts, voting)
        if following == voting or not following or frozenset(following) in tried:
            return layout, placed, skeleton.order, verdicts, voting
        if len(tried) >= MAX_ROUNDS:
            return layout, placed, skeleton.order, verdicts, voting
        voting = following


def _next_voters(seen: _Witnesses, verdicts: Sequence[Verification], voting: set[int]) -> set[int]:
    """The voters of the next round: the worst divergent voter out, the recovered back in.

    One voter leaves per round (with its copies), the one whose words are least the
    reading's (lowest score, then the longest, then by text), because a provisional reading
    polluted by a long divergent witness can make good witnesses look divergent too.
    """
    divergent = _divergent(verdicts)
    following = voting | (set(range(len(seen.texts))) - voting - divergent)
    bad = sorted(
        divergent & voting, key=lambda i: (verdicts[i].score, -len(seen.texts[i]), seen.texts[i])
    )
    if bad:
        worst = seen.voter[bad[0]]
        following -= {i for i in voting if seen.voter[i] == worst}
    return following


def _against_canonical(seen: _Witnesses, canonical: str) -> _Outcome:
    verdicts = _verify_all(seen, canonical)
    voting = set(range(len(seen.texts))) - _divergent(verdicts)
    seed, spans = canonical_seed(canonical)
    skeleton, placed, seeded = place_all(seen.ballots(voting), seed)
    layout = canonical_layout(canonical, spans, seeded)
    return layout, placed, skeleton.order, verdicts, voting


def collation_text(collation: Collation, width: int = 80) -> str:
    """Return a compact report of a collation, lines at most ``width`` characters.

    The reading, wrapped; one line per place of the apparatus (each reading with the numbers
    of its witnesses, ``(omitted)`` for an empty one); one line per witness with its verdict,
    ``✗`` marking the divergent ones.

    >>> print(collation_text(collate(["KEEP PROTESTING!", "keep protesting", "KEEP PROTESTING"])))
    Reading of 3 witnesses (0 divergent):
      KEEP PROTESTING
    Apparatus:
      KEEP PROTESTING [0 2] | keep protesting [1]
      (omitted) [1 2] | ! [0]
    Witnesses:
      0 equivalent   KEEP PROTESTING!
      1 equivalent   keep protesting
      2 verbatim     KEEP PROTESTING
    """
    divergent = {id(witness) for witness, _ in collation.divergent}
    lines = [f"Reading of {len(collation.witnesses)} witnesses ({len(divergent)} divergent):"]
    lines += textwrap.wrap(collation.reading, width, initial_indent="  ", subsequent_indent="  ")
    if collation.apparatus:
        lines.append("Apparatus:")
    for variation in collation.apparatus:
        readings = " | ".join(
            f"{_shown(reading.text)} [{' '.join(map(str, reading.witnesses))}]"
            for reading in variation.readings
        )
        lines.append(_fit("  " + readings, width))
    lines.append("Witnesses:")
    number_width = len(str(max(len(collation.witnesses) - 1, 0)))
    for number, (witness, check) in enumerate(collation.witnesses):
        mark = "✗" if id(witness) in divergent else " "
        text = spaced(witness_text(witness)).strip()
        lines.append(
            _fit(f"  {number:>{number_width}} {check.verdict.value:<10} {mark} {text}", width)
        )
    return "\n".join(lines)


def _shown(text: str) -> str:
    """A reading as printed: ``(omitted)`` if empty, quoted if it starts or ends with a space."""
    flat = spaced(text)
    if not flat:
        return "(omitted)"
    return f"“{flat}”" if flat != flat.strip() or not flat.strip(" ") else flat


def _fit(line: str, width: int) -> str:
    return line if len(line) <= width else line[: max(width - 1, 0)] + "…"
