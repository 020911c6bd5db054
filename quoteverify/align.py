"""Word-level alignment of a variant with its canonical text.

The aligner keeps as many of the variant's words in canonical order as possible (a longest
common subsequence of normalised keys, computed by rapidfuzz in C), then, among the alignments
that keep that many, prefers contiguous ones: a fragment lands as one block rather than
scattered over repeated words like "the" or "of". It is semi-global: words of the canonical
before or after everything the variant kept cost nothing more than any other missing word, and
callers name them ``truncation``. Inside a replaced stretch a word glued to its neighbour across
a dropped passage ("INSTITUTIONSHELP") is split, so its halves align with the two canonical
words it was made from.

Memory stays linear: rapidfuzz's LCS keeps a bit matrix of ``n·m/64`` words, so when that would
pass :data:`CELL_LIMIT` cells the pair is first cut with rapidfuzz's Levenshtein alignment (a
Hirschberg split, linear memory) and only the stretches between its matches go to the LCS.

The collation stage builds on :func:`align_tokens`; verification uses :func:`align_words`.
"""

from __future__ import annotations

import enum
from array import array
from itertools import chain, pairwise
from typing import TYPE_CHECKING

import attrs
from rapidfuzz.distance import Indel, Levenshtein

from quoteverify.text import Token, TokenKind, WordList, token_key, word_key

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterator, Sequence

CELL_LIMIT = 40_000_000
"""Largest ``n·m`` handed to the LCS in one piece (about 5 MB of bits)."""

_GLUE_SEARCH_LIMIT = 64
"""Longest replaced stretch (in variant words) searched for glued words."""


class Op(enum.StrEnum):
    """What a block of an alignment does to the canonical tokens to give the variant's."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


@attrs.frozen
class Block:
    """A stretch of an alignment: token ranges ``[start, end)`` on each side and what happens.

    ``EQUAL`` blocks pair tokens one to one (same length on both sides); ``DELETE`` has only
    canonical tokens, ``INSERT`` only variant tokens, ``REPLACE`` both.
    """

    op: Op
    canonical_start: int
    canonical_end: int
    variant_start: int
    variant_end: int


Match = tuple[int, int, int]
"""An equal run: (canonical start, variant start, length)."""


def align_keys(variant: Sequence[Hashable], canonical: Sequence[Hashable]) -> list[Block]:
    """Align two sequences of keys; return blocks covering both, in order.

    The alignment keeps a longest common subsequence (so its cost, the number of unmatched
    keys on both sides, is minimal) and, among those, prefers fewer and longer equal blocks.

    >>> [(b.op.value, b.canonical_start, b.canonical_end) for b in
    ...  align_keys("the names".split(), "the dog saw the names of".split())]
    [('delete', 0, 3), ('equal', 3, 5), ('delete', 5, 6)]
    """
    return blocks_from_matches(_aligned_runs(variant, canonical), len(variant), len(canonical))


def alignment_cost(blocks: Sequence[Block]) -> int:
    """Return the number of tokens, on both sides, that an alignment leaves unmatched.

    >>> alignment_cost(align_keys(list("abcd"), list("abxd")))
    2
    """
    return sum(
        (b.canonical_end - b.canonical_start) + (b.variant_end - b.variant_start)
        for b in blocks
        if b.op is not Op.EQUAL
    )


def blocks_from_matches(matches: Sequence[Match], n_variant: int, n_canonical: int) -> list[Block]:
    """Turn ordered equal runs into blocks covering both sequences, with the gaps between.

    >>> [b.op.value for b in blocks_from_matches([(1, 0, 2)], 3, 3)]
    ['delete', 'equal', 'insert']
    """
    blocks: list[Block] = []
    c_at = v_at = 0
    for c, v, size in [*matches, (n_canonical, n_variant, 0)]:
        if c > c_at or v > v_at:
            op = Op.REPLACE if c > c_at and v > v_at else Op.DELETE if c > c_at else Op.INSERT
            blocks.append(Block(op, c_at, c, v_at, v))
        if size:
            blocks.append(Block(Op.EQUAL, c, c + size, v, v + size))
        c_at, v_at = c + size, v + size
    return blocks


def _aligned_runs(variant: Sequence[Hashable], canonical: Sequence[Hashable]) -> list[Match]:
    """The equal runs of a contiguity-preferring LCS alignment of the two key sequences."""
    ids = {key: n for n, key in enumerate(dict.fromkeys(chain(variant, canonical)))}
    v_ids = list(map(ids.__getitem__, variant))
    c_ids = list(map(ids.__getitem__, canonical))
    runs = _compact(_lcs_runs(v_ids, c_ids, 0, 0), v_ids, c_ids)
    anchored = _reanchor(runs, v_ids, c_ids)
    return runs if anchored == runs else _compact(anchored, v_ids, c_ids)


def _lcs_runs(variant: list[int], canonical: list[int], c_off: int, v_off: int) -> list[Match]:
    """Equal runs of a longest common subsequence, offsets added; bounded memory."""
    if not variant or not canonical:
        return []
    if len(variant) * len(canonical) <= CELL_LIMIT:
        blocks = Indel.opcodes(canonical, variant).as_matching_blocks()
        return [(b.a + c_off, b.b + v_off, b.size) for b in blocks if b.size]
    return _split_runs(variant, canonical, c_off, v_off)


def _split_runs(variant: list[int], canonical: list[int], c_off: int, v_off: int) -> list[Match]:
    """Cut a pair too big for one LCS at the matches of a linear-memory Levenshtein alignment."""
    runs: list[Match] = []
    c_at = v_at = 0
    coarse = Levenshtein.opcodes(canonical, variant).as_matching_blocks()
    for block in coarse:
        if (
            block.a > c_at
            and block.b > v_at
            and (block.a - c_at) * (block.b - v_at) < len(variant) * len(canonical)
        ):
            gap_v, gap_c = variant[v_at : block.b], canonical[c_at : block.a]
            runs.extend(_lcs_runs(gap_v, gap_c, c_off + c_at, v_off + v_at))
        if block.size:
            runs.append((block.a + c_off, block.b + v_off, block.size))
        c_at, v_at = block.a + block.size, block.b + block.size
    return runs


def _compact(runs: list[Match], variant: list[int], canonical: list[int]) -> list[Match]:
    """Merge equal runs separated by a pure gap when one run can slide across it.

    A run can slide across a gap on one side when the tokens it would land on are the same as
    its own: the number of matches, hence the cost, is unchanged, but the blocks get fewer.
    """
    out: list[Match] = []
    for run in runs:
        if out:
            c, v, size = out[-1]
            if run[0] != c + size and run[1] != v + size:
                out.append(run)  # a gap on both sides: nothing can slide across it
                continue
        out.append(run)
        while len(out) >= 2:
            merged = _merge(out[-2], out[-1], variant, canonical)
            if merged is None:
                break
            out[-2:] = [merged]
    return out


def _merge(left: Match, right: Match, variant: list[int], canonical: list[int]) -> Match | None:
    """The single run that ``left`` and ``right`` become by sliding one of them, if any."""
    lc, lv, ln = left
    rc, rv, rn = right
    c_gap, v_gap = rc - (lc + ln), rv - (lv + ln)
    if c_gap and v_gap:
        return None
    seq, l_at, r_at = (canonical, lc, rc) if c_gap else (variant, lv, rv)
    # Slide the shorter run first: fewer tokens to compare.
    if ln <= rn and seq[l_at : l_at + ln] == seq[r_at - ln : r_at]:
        return (rc - ln, rv - ln, ln + rn) if c_gap else (lc, rv - ln, ln + rn)
    if seq[r_at : r_at + rn] == seq[l_at + ln : l_at + ln + rn]:
        return (lc, lv, ln + rn)
    if ln > rn and seq[l_at : l_at + ln] == seq[r_at - ln : r_at]:
        return (rc - ln, rv - ln, ln + rn) if c_gap else (lc, rv - ln, ln + rn)
    return None


def _reanchor(runs: list[Match], variant: list[int], canonical: list[int]) -> list[Match]:
    """Replace each cluster of runs that is contiguous on one side by one run, if it can be.

    A stretch of the variant matched in pieces (``[a a b]`` spread over ``a a x a b``) is
    searched for as a whole in the canonical between its neighbours; found, it becomes one run
    with the same number of matches. The same is done the other way round.
    """
    for pos, pattern_side, other_side in ((1, variant, canonical), (0, canonical, variant)):
        clustered = any(
            later[pos] == earlier[pos] + earlier[2] for earlier, later in pairwise(runs)
        )
        if clustered:
            haystack = _as_bytes(other_side)
            runs = _reanchor_side(runs, pattern_side, haystack, variant_side=pos == 1)
    return runs


def _reanchor_side(
    runs: list[Match], pattern_side: list[int], haystack: bytes, *, variant_side: bool
) -> list[Match]:
    """Re-anchor the clusters contiguous on the pattern side within the other side."""
    pos = 1 if variant_side else 0  # index of the pattern side's start in a Match
    out: list[Match] = []
    i = 0
    while i < len(runs):
        j = i + 1
        while j < len(runs) and runs[j][pos] == runs[j - 1][pos] + runs[j - 1][2]:
            j += 1
        first, last = runs[i], runs[j - 1]
        start, end = first[pos], last[pos] + last[2]
        low = out[-1][1 - pos] + out[-1][2] if out else 0
        high = runs[j][1 - pos] if j < len(runs) else len(haystack) // _WIDTH
        found = (
            _find(haystack, _as_bytes(pattern_side[start:end]), low, high) if j - i > 1 else None
        )
        if found is None:
            out.extend(runs[i:j])
        else:
            out.append(
                (found, start, end - start) if variant_side else (start, found, end - start)
            )
        i = j
    return out


_WIDTH = array("I").itemsize  # bytes per token id in the byte form used for searching


def _as_bytes(ids: list[int]) -> bytes:
    return array("I", ids).tobytes()


def _find(haystack: bytes, pattern: bytes, low: int, high: int) -> int | None:
    """The first token index in [low, high) where ``pattern`` starts, whole tokens only."""
    at = haystack.find(pattern, low * _WIDTH, high * _WIDTH)
    while at != -1 and at % _WIDTH:
        at = haystack.find(pattern, at + 1, high * _WIDTH)
    return None if at == -1 else at // _WIDTH


@attrs.frozen
class WordAlignment:
    """The alignment of two :class:`WordList` s, after glued words were split.

    ``variant`` may hold more entries than the scan it came from: a glued word becomes two;
    ``origin[i]`` is the index, in the original scan, of the variant word entry ``i`` comes from.
    ``runs`` are the equal runs (canonical start, variant start, length), in order.
    """

    variant: WordList
    canonical: WordList
    runs: tuple[Match, ...]
    origin: tuple[int, ...]


def align_words(variant: WordList, canonical: WordList) -> WordAlignment:
    """Align the words of a variant with those of its canonical text, splitting glued words.

    >>> from quoteverify.text import scan_words
    >>> a = align_words(scan_words("your institutionshelp is"),
    ...                 scan_words("your institutions!!! Save them. Help is"))
    >>> a.variant.texts, a.runs
    (['your', 'institutions', 'help', 'is'], ((0, 0, 2), (4, 2, 2)))
    """
    runs = _aligned_runs(variant.keys, canonical.keys)
    origin = tuple(range(len(variant)))
    split = _split_glued(variant, canonical, runs)
    if split is not None:
        variant, origin = split
        runs = _aligned_runs(variant.keys, canonical.keys)
    return WordAlignment(variant, canonical, tuple(runs), origin)


def _split_glued(
    variant: WordList, canonical: WordList, runs: list[Match]
) -> tuple[WordList, tuple[int, ...]] | None:
    """The variant words with every glued word split in two, or None if there is none."""
    cuts: dict[int, int] = {}
    c_at = v_at = 0
    for c, v, size in [*runs, (len(canonical), len(variant), 0)]:
        c_from, v_from, c_at, v_at = c_at, v_at, c + size, v + size
        if c == c_from or v == v_from or v - v_from > _GLUE_SEARCH_LIMIT:
            continue  # not a replaced stretch, or too long to search
        dropped = canonical.keys[c_from:c]
        first_seen = {key: i for i, key in reversed(list(enumerate(dropped)))}
        last_seen = {key: i for i, key in enumerate(dropped)}
        for i in range(v_from, v):
            if not variant.brackets[i]:
                cut = _glue_point(variant.texts[i], variant.keys[i], first_seen, last_seen)
                if cut is not None:
                    cuts[i] = cut
    if not cuts:
        return None
    return _apply_cuts(variant, cuts)


def _glue_point(
    text: str, key: str, first_seen: dict[str, int], last_seen: dict[str, int]
) -> int | None:
    """Where ``text`` splits into two dropped canonical words, the first before the second."""
    if len(text) > 2 * 40:
        return None
    cuts: Iterator[int]
    if len(key) == len(text):
        # The usual case: folding kept the length, so a cut of the key is a cut of the text.
        cuts = (
            c for c in range(2, len(key) - 1) if key[:c] in first_seen and key[c:] in last_seen
        )
    else:
        cuts = iter(range(2, len(text) - 1))
    for cut in cuts:
        head, tail = word_key(text[:cut]), word_key(text[cut:])
        if head in first_seen and tail in last_seen and first_seen[head] < last_seen[tail]:
            return cut
    return None


def _apply_cuts(variant: WordList, cuts: dict[int, int]) -> tuple[WordList, tuple[int, ...]]:
    """A copy of ``variant`` with entry ``i`` cut in two at ``cuts[i]`` characters."""
    out = WordList([], [], [], [], [])
    origin: list[int] = []
    for i, text in enumerate(variant.texts):
        start, end = variant.starts[i], variant.ends[i]
        cut = cuts.get(i)
        pieces = [(start, end)] if cut is None else [(start, start + cut), (start + cut, end)]
        for piece_start, piece_end in pieces:
            piece = text[piece_start - start : piece_end - start]
            out.keys.append(word_key(piece) if cut is not None else variant.keys[i])
            out.texts.append(piece)
            out.starts.append(piece_start)
            out.ends.append(piece_end)
            out.brackets.append(variant.brackets[i])
            origin.append(i)
    return out, tuple(origin)


_WORDING_KINDS = frozenset({TokenKind.WORD, TokenKind.NUMBER, TokenKind.BRACKET})


@attrs.frozen
class Alignment:
    """Two token sequences aligned: the wording tokens of each side and the blocks over them.

    Block ranges index ``variant`` and ``canonical`` (the wording tokens only: words, numbers,
    brackets; a glued variant word appears as its two halves).
    """

    variant: tuple[Token, ...]
    canonical: tuple[Token, ...]
    blocks: tuple[Block, ...]


def align_tokens(variant_tokens: Sequence[Token], canonical_tokens: Sequence[Token]) -> Alignment:
    """Align the wording tokens of a variant with those of a canonical text.

    Punctuation and ellipsis tokens are dropped; words, numbers and brackets are compared by
    their normalised keys (:func:`quoteverify.text.token_key`).

    >>> from quoteverify.text import tokenize
    >>> a = align_tokens(tokenize("keep protesting!"), tokenize("KEEP PROTESTING – TAKE OVER"))
    >>> [(b.op.value, b.canonical_start, b.canonical_end) for b in a.blocks]
    [('equal', 0, 2), ('delete', 2, 4)]
    """
    variant = [t for t in variant_tokens if t.kind in _WORDING_KINDS]
    canonical = [t for t in canonical_tokens if t.kind in _WORDING_KINDS]
    aligned = align_words(_word_list(variant), _word_list(canonical))
    blocks = blocks_from_matches(aligned.runs, len(aligned.variant), len(canonical))
    return Alignment(_pieces(variant, aligned), tuple(canonical), tuple(blocks))


def _word_list(tokens: Sequence[Token]) -> WordList:
    return WordList(
        [token_key(t.text, t.kind) for t in tokens],
        [t.text for t in tokens],
        [t.start for t in tokens],
        [t.end for t in tokens],
        [t.kind is TokenKind.BRACKET for t in tokens],
    )


def _pieces(tokens: Sequence[Token], aligned: WordAlignment) -> tuple[Token, ...]:
    """The variant tokens as aligned: the given ones, with glued words replaced by halves."""
    words = aligned.variant
    if len(words) == len(tokens):
        return tuple(tokens)
    return tuple(
        Token(words.texts[i], words.starts[i], words.ends[i], tokens[source].kind)
        for i, source in enumerate(aligned.origin)
    )
