"""Grouping: which quotes, gathered from many documents, are versions of one statement.

A group is a statement: quotes belong together when their words are versions of the same
passage, whoever they are attributed to (a misattributed reprint still quotes the statement, and
finding that out is the job of ``check``, not of grouping).

How two quotes are compared
    Each quote is reduced to its *content keys*: the normalised keys of its words
    (``text.word_keys``) without the function words listed in ``data/function_words.txt``
    ("the", "is", "very", ...). Its *shingles* are the pairs of neighbouring content keys, so
    "help is on its way" has the one shingle ("help", "way"), and shingles keep word order and
    contiguity while ignoring small words a reprint may drop or change.

Three kinds of quote, three rules (the thresholds are the module constants below)
    * An *anchor* has at least ``ANCHOR_MIN_CONTENT`` (4) content keys. Two anchors link when
      they share at least ``ANCHOR_MIN_SHARED`` (3) shingles, those shingles are at least
      ``MIN_SHARE`` (60 %) of the smaller quote's shingles, and the longest common subsequence
      of their content keys covers at least ``MIN_SHARE`` of the smaller quote's content keys
      (the ordered alignment that confirms a candidate). Linked anchors are merged (union-find).
    * A *short* quote has 2 or 3 content keys ("keep protesting", "pay a big price"). It never
      merges groups: it attaches to the one group whose quotes hold every one of its shingles
      (the earliest such group when there are several), or else starts its own.
    * A quote with fewer than 2 content keys ("help", "very", "MIGA") is too generic to say
      which statement it comes from: it only joins quotes with exactly the same word keys.

Near-linear time
    Candidates come from an inverted index from shingle to quotes, holding at most one quote
    per group and shingle. A shingle found in more than ``MAX_POSTINGS`` (64) groups is too
    common to point at a statement and stops proposing candidates. Each quote is confirmed
    against at most ``MAX_CANDIDATES`` (8) groups, so the work per quote is bounded and no two
    quotes are ever compared just because they exist.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs
from rapidfuzz.distance import LCSseq

from quoteverify.lexicon import function_words
from quoteverify.model import Quote
from quoteverify.text import word_keys

ANCHOR_MIN_CONTENT = 4
SHORT_MIN_CONTENT = 2
ANCHOR_MIN_SHARED = 3
MIN_SHARE = 0.6
MAX_POSTINGS = 64
MAX_CANDIDATES = 8

Shingle = tuple[str, str]


def content_keys(text: str) -> tuple[str, ...]:
    """Return the normalised keys of the words of ``text`` that carry content, in order.

    >>> content_keys("Help is on its way.")
    ('help', 'way')
    """
    stop = function_words()
    return tuple(key for key in word_keys(text) if key not in stop)


def shingles(keys: Sequence[str]) -> frozenset[Shingle]:
    """Return the pairs of neighbouring keys.

    >>> sorted(shingles(("keep", "protesting", "take")))
    [('keep', 'protesting'), ('protesting', 'take')]
    """
    return frozenset(itertools.pairwise(keys))


@attrs.frozen
class _Profile:
    """What grouping knows of one quote: its position, all keys, content keys and shingles."""

    position: int
    keys: tuple[str, ...]
    content: tuple[str, ...]
    shingles: frozenset[Shingle]


def _profile(position: int, quote: Quote) -> _Profile:
    if not isinstance(quote, Quote):
        raise TypeError(f"group takes Quote objects, got {type(quote).__name__}")
    keys = tuple(word_keys(quote.text))
    stop = function_words()
    content = tuple(key for key in keys if key not in stop)
    return _Profile(position, keys, content, shingles(content))


class _Forest:
    """Union-find over quote positions; a root is always the earliest position of its set."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:  # path compression keeps later finds cheap
            parent[item], item = root, parent[item]
        return root

    def union(self, first: int, second: int) -> int:
        a, b = self.find(first), self.find(second)
        low, high = min(a, b), max(a, b)
        self.parent[high] = low
        return low


class _ShingleIndex:
    """Shingle → quotes holding it, at most one per group, capped for very common shingles."""

    def __init__(self, forest: _Forest) -> None:
        self.forest = forest
        self.postings: dict[Shingle, list[int]] = {}

    def groups_sharing(self, profile: _Profile) -> dict[int, Counter[int]]:
        """Return, per group root, how often each of its quotes shares a shingle."""
        found: dict[int, Counter[int]] = {}
        for shingle in profile.shingles:
            posting = self.postings.get(shingle)
            if not posting or len(posting) > MAX_POSTINGS:
                continue
            roots_seen: set[int] = set()
            for member in posting:
                root = self.forest.find(member)
                if root not in roots_seen:  # two entries merged since: count the shingle once
                    roots_seen.add(root)
                    found.setdefault(root, Counter())[member] += 1
        return found

    def add(self, profile: _Profile) -> None:
        """Enter ``profile`` under each shingle its group has no entry for yet."""
        root = self.forest.find(profile.position)
        for shingle in profile.shingles:
            posting = self.postings.setdefault(shingle, [])
            if len(posting) > MAX_POSTINGS:
                continue
            if all(self.forest.find(member) != root for member in posting):
                posting.append(profile.position)


def anchors_link(first: _Profile, second: _Profile) -> bool:
    """Tell whether two anchors share enough content, in order, to be one statement."""
    shared = len(first.shingles & second.shingles)
    smaller = min(len(first.shingles), len(second.shingles))
    if shared < ANCHOR_MIN_SHARED or shared < MIN_SHARE * smaller:
        return False
    in_order = LCSseq.similarity(first.content, second.content)
    return bool(in_order >= MIN_SHARE * min(len(first.content), len(second.content)))


def _ranked(found: dict[int, Counter[int]]) -> list[tuple[int, int, int]]:
    """Return ``(shared, root, best member)`` per group, most shared first, then earliest."""
    ranked = []
    for root, members in found.items():
        best, _ = min(members.items(), key=lambda item: (-item[1], item[0]))
        ranked.append((sum(members.values()), root, best))
    ranked.sort(key=lambda entry: (-entry[0], entry[1]))
    return ranked[:MAX_CANDIDATES]


def _join_anchor(profile: _Profile, profiles: list[_Profile], index: _ShingleIndex) -> None:
    for shared, _root, best in _ranked(index.groups_sharing(profile)):
        if shared < ANCHOR_MIN_SHARED:
            break
        if anchors_link(profile, profiles[best]):
            index.forest.union(profile.position, best)
    index.add(profile)


def _attach_short(profile: _Profile, index: _ShingleIndex) -> None:
    needed = len(profile.shingles)
    for shared, root, _best in _ranked(index.groups_sharing(profile)):
        if shared == needed:
            index.forest.union(profile.position, root)
            break
    index.add(profile)


def _join_identical(profiles: Iterable[_Profile], forest: _Forest) -> None:
    first_with: dict[tuple[str, ...], int] = {}
    for profile in profiles:
        if profile.keys:
            forest.union(profile.position, first_with.setdefault(profile.keys, profile.position))


def group(quotes: Iterable[Quote]) -> list[tuple[Quote, ...]]:
    """Return the quotes gathered into statements, each group in input order.

    Groups come in the order of their first quote; every quote is in exactly one group (a
    quote that matches nothing is a group of its own). See the module docstring for the rules.

    >>> from quoteverify.model import Span
    >>> post = "Keep protesting, take over your institutions! Help is on its way."
    >>> texts = [post, "keep protesting", "We will lower the price of milk.", "help"]
    >>> groups = group(Quote(text, (Span(0, len(text)),)) for text in texts)
    >>> [[quote.text for quote in members] for members in groups]
    [['Keep protesting, take over your institutions! Help is on its way.', 'keep protesting'], \
['We will lower the price of milk.'], ['help']]
    """
    items = list(quotes)
    profiles = [_profile(position, quote) for position, quote in enumerate(items)]
    forest = _Forest(len(items))
    index = _ShingleIndex(forest)
    for profile in profiles:
        if len(profile.content) >= ANCHOR_MIN_CONTENT:
            _join_anchor(profile, profiles, index)
    shorts = [p for p in profiles if SHORT_MIN_CONTENT <= len(p.content) < ANCHOR_MIN_CONTENT]
    for profile in sorted(shorts, key=lambda p: (-len(p.content), p.position)):
        _attach_short(profile, index)
    _join_identical((p for p in profiles if len(p.content) < SHORT_MIN_CONTENT), forest)
    members: dict[int, list[Quote]] = {}
    for position, quote in enumerate(items):
        members.setdefault(forest.find(position), []).append(quote)
    return [tuple(members[root]) for root in sorted(members)]
