"""``verify``: align a variant with its canonical text, name every difference, give the verdict.

Every difference covers a stretch of the canonical (an empty one where words were added) and
says what the variant has there, so the differences, applied in order to the canonical, give
the variant back exactly (:func:`apply_differences`). The variant's span is ``None`` where the
variant has nothing (an omission, a truncation).

The verdict is the worst weight present (DESIGN.md); white space around the whole text is
recorded but never weighs. A variant that shares no run of ``UNRELATED_RUN`` consecutive words
with the canonical is ``UNRELATED`` when fewer than half of its words are the canonical's in
order (``score < UNRELATED_SCORE``), or when it shares fewer than ``RELATED_CONTENT`` content
words (words not in ``data/function_words.txt``) with it and has content words of its own that
the canonical lacks: "main killers" is not a version of "the names of the killers", while
"help" (its one content word found) is a fragment of "HELP IS ON ITS WAY". A long rewording
(spoken remarks reusing a post) is related by the run it keeps.

Adjacent words that differ only in case are reported as one ``case`` difference over the
whole stretch ("HELP IS ON ITS WAY" → "help is on its way").

``score`` is the share of the variant's words (brackets excluded) that are the canonical's, in
order: the words the alignment matches, over all of the variant's words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import attrs
import regex

from quoteverify.align import WordAlignment, align_words
from quoteverify.errors import require_str
from quoteverify.lexicon import function_words
from quoteverify.model import Difference, DifferenceKind, Span, Verdict, Verification, Weight
from quoteverify.text import WordList, fold_case, fold_punctuation, scan_words

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence


UNRELATED_SCORE = 0.5
"""Below this score a variant is unrelated unless it keeps a run of ``UNRELATED_RUN`` words."""

UNRELATED_RUN = 4
"""A run of this many consecutive canonical words makes a variant related whatever its score."""

RELATED_CONTENT = 2
"""Without a long run, a variant needs this many shared content words, or no unshared ones."""

_VERDICTS = {
    Weight.COSMETIC: Verdict.EQUIVALENT,
    Weight.EDITORIAL: Verdict.FAITHFUL,
    Weight.ALTERING: Verdict.ALTERED,
    Weight.MISQUOTING: Verdict.MISQUOTE,
}

_ELLIPSIS = regex.compile(r"\N{HORIZONTAL ELLIPSIS}|\.\.\.|\.(?:\p{Zs}\.){2}")

K = DifferenceKind


def verify(variant: str, canonical: str) -> Verification:
    """Check ``variant`` against ``canonical``: every difference, the verdict and the score.

    >>> v = verify("keep protesting", "Iranian Patriots, KEEP PROTESTING – TAKE OVER")
    >>> v.verdict.value, sorted({d.kind.value for d in v.differences}), v.score
    ('faithful', ['case', 'truncation'], 1.0)
    >>> verify("Play it again, Sam.", "Play it, Sam.").verdict.value
    'misquote'
    >>> verify(b"x", "x")
    Traceback (most recent call last):
    ...
    TypeError: variant must be str, got bytes: decode it first, e.g. data.decode("utf-8")
    """
    require_str(variant, "variant")
    require_str(canonical, "canonical")
    aligned = align_words(scan_words(variant), scan_words(canonical))
    pair = _Pair(variant, canonical, aligned)
    inner = _differences(pair)
    score = _score(aligned)
    verdict = _verdict(inner, score, aligned)
    (cs, ce), (vs, ve) = pair.c_core, pair.v_core
    leading = _separator(pair, 0, cs, 0, vs, whitespace=True)
    trailing = _separator(pair, ce, len(canonical), ve, len(variant), whitespace=True)
    differences = [*([leading] if leading else []), *inner, *([trailing] if trailing else [])]
    return Verification(variant, canonical, verdict, differences, score)


def apply_differences(canonical: str, differences: Iterable[Difference]) -> str:
    """Rebuild a variant from its canonical text and the differences ``verify`` reported.

    >>> v = verify("Iranian patriots — keep going", "Iranian Patriots – keep protesting")
    >>> apply_differences(v.canonical, v.differences)
    'Iranian patriots — keep going'
    """
    require_str(canonical, "canonical")
    pieces: list[str] = []
    at = 0
    for difference in differences:
        span = difference.canonical
        if span is None or span.start < at or span.end > len(canonical):
            raise ValueError(
                f"cannot replay {difference!r}: differences must cover disjoint stretches of "
                "the canonical text, in order, as verify() returns them"
            )
        pieces += [canonical[at : span.start], difference.variant_text]
        at = span.end
    pieces.append(canonical[at:])
    return "".join(pieces)


def _verdict(inner: Sequence[Difference], score: float, aligned: WordAlignment) -> Verdict:
    """The verdict for the differences other than surrounding white space."""
    if _unrelated(score, aligned):
        return Verdict.UNRELATED
    if not inner:
        return Verdict.VERBATIM
    return _VERDICTS[max(d.kind.weight for d in inner)]


def _unrelated(score: float, aligned: WordAlignment) -> bool:
    """Whether the variant shares too little with the canonical to be a version of it."""
    if max((size for _, _, size in aligned.runs), default=0) >= UNRELATED_RUN:
        return False  # a long enough run makes it related, whatever else: no need to count
    if score < UNRELATED_SCORE:
        return True
    shared, own = _shared_content(aligned)
    return shared < RELATED_CONTENT and own > shared


def _shared_content(aligned: WordAlignment) -> tuple[int, int]:
    """How many of the variant's content words are matched, and how many it has."""
    words = aligned.variant
    shared = sum(_content_words(words, start, start + size) for _, start, size in aligned.runs)
    return shared, _content_words(words, 0, len(words))


def _content_words(words: WordList, start: int, end: int) -> int:
    """How many of ``words[start:end]`` are content words: neither function words nor brackets.

    Counted a whole stretch at a time (a bracket's key, "[...]", is never a function word).
    """
    function = sum(map(function_words().__contains__, words.keys[start:end]))
    return end - start - function - sum(words.brackets[start:end])


def _score(aligned: WordAlignment) -> float:
    """The share of the variant's words (brackets excluded) matched in canonical order."""
    words = aligned.variant
    if words.keys and aligned.origin[-1] == len(words) - 1 and not any(words.brackets):
        # No glued word was split and there are no brackets: every entry is one word.
        return sum(size for _, _, size in aligned.runs) / len(words)
    total = len({aligned.origin[i] for i in range(len(words)) if not words.brackets[i]})
    if total == 0:
        return 0.0 if not all(aligned.canonical.brackets) else 1.0
    matched = {
        aligned.origin[i]
        for _, start, size in aligned.runs
        for i in range(start, start + size)
        if not words.brackets[i]
    }
    return len(matched) / total


@attrs.frozen
class _Pair:
    """The two texts and their alignment, with the bounds of each text inside its white space."""

    variant: str
    canonical: str
    aligned: WordAlignment
    c_core: tuple[int, int] = attrs.field(init=False)
    v_core: tuple[int, int] = attrs.field(init=False)

    @c_core.default
    def _c_core(self) -> tuple[int, int]:
        return _core(self.canonical)

    @v_core.default
    def _v_core(self) -> tuple[int, int]:
        return _core(self.variant)

    def diff(self, kind: DifferenceKind, c0: int, c1: int, v0: int, v1: int) -> Difference:
        """A difference over canonical[c0:c1] and variant[v0:v1]; no variant span if empty."""
        return Difference(
            kind,
            Span(c0, c1),
            Span(v0, v1) if v1 > v0 else None,
            self.canonical[c0:c1],
            self.variant[v0:v1],
        )


def _core(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, max(start, len(text.rstrip()))


class _Gap(NamedTuple):  # a tuple, not attrs: one per gap, and built at tuple speed
    """What lies between two aligned words: canonical words ``[ci0, ci1)`` in canonical[c0:c1],
    variant words ``[vi0, vi1)`` in variant[v0:v1], and whether an end of the text is open."""

    ci0: int
    ci1: int
    vi0: int
    vi1: int
    c0: int
    c1: int
    v0: int
    v1: int
    at_start: bool
    at_end: bool


def _differences(pair: _Pair) -> list[Difference]:
    """Every difference inside the two texts' surrounding white space, in canonical order."""
    segments = list(_segments(pair))
    moved = _moved_gaps([s for s in segments if isinstance(s, _Gap)], pair)
    found: list[Difference] = []
    for segment in segments:
        if isinstance(segment, _Gap):
            found += _gap_differences(pair, segment, moved=id(segment) in moved)
        else:
            found += _run_differences(pair, *segment)
    return found


def _segments(pair: _Pair) -> Iterator[_Gap | tuple[int, int, int]]:
    """The gaps and equal runs of the alignment, in order."""
    cw, vw = pair.aligned.canonical, pair.aligned.variant
    (cs, ce), (vs, ve) = pair.c_core, pair.v_core
    ci = vi = 0
    c_at, v_at = cs, vs
    runs = pair.aligned.runs
    for n, (c, v, size) in enumerate(runs):
        yield _Gap(ci, c, vi, v, c_at, cw.starts[c], v_at, vw.starts[v], n == 0, False)
        yield c, v, size
        ci, vi = c + size, v + size
        c_at, v_at = cw.ends[ci - 1], vw.ends[vi - 1]
    yield _Gap(ci, len(cw), vi, len(vw), c_at, ce, v_at, ve, not runs, True)


def _moved_gaps(gaps: Sequence[_Gap], pair: _Pair) -> set[int]:
    """The gaps whose dropped words reappear, as a whole, as the added words of another gap."""
    c_keys, v_keys = pair.aligned.canonical.keys, pair.aligned.variant.keys
    dropped: dict[tuple[str, ...], list[_Gap]] = {}
    for gap in gaps:
        if gap.ci1 > gap.ci0:
            dropped.setdefault(tuple(c_keys[gap.ci0 : gap.ci1]), []).append(gap)
    moved: set[int] = set()
    for gap in gaps:
        if gap.vi1 > gap.vi0:
            for source in dropped.get(tuple(v_keys[gap.vi0 : gap.vi1]), []):
                if source is not gap:
                    moved |= {id(source), id(gap)}
    return moved


def _run_differences(pair: _Pair, c: int, v: int, size: int) -> list[Difference]:
    """Differences inside a run of aligned words: in the words themselves and between them."""
    cw, vw = pair.aligned.canonical, pair.aligned.variant
    canonical, variant = pair.canonical, pair.variant
    out: list[Difference] = []
    case_from: tuple[int, int] | None = None  # where a stretch of re-cased words starts
    previous = -1
    for i in _changed_words(pair, c, v, 0, size):
        if i != previous + 1:
            case_from = None  # the words skipped in between are written alike
        previous = i
        ci, vi = c + i, v + i
        c_gap, v_gap = (cw.ends[ci - 1], cw.starts[ci]), (vw.ends[vi - 1], vw.starts[vi])
        gap = canonical[c_gap[0] : c_gap[1]]
        if i and gap != variant[v_gap[0] : v_gap[1]]:
            found = _separator(pair, *c_gap, *v_gap)
            out += [found] if found else []
            case_from = None
        if cw.texts[ci] == vw.texts[vi]:
            case_from = None
            continue
        kind = _word_kind(cw.texts[ci], vw.texts[vi])
        c0, v0 = cw.starts[ci], vw.starts[vi]
        if kind is K.CASE and case_from and gap.isspace():
            # Neighbouring re-cased words are one difference ("HELP IS" → "help is").
            out.pop()
            c0, v0 = case_from
        out.append(pair.diff(kind, c0, cw.ends[ci], v0, vw.ends[vi]))
        case_from = (c0, v0) if kind is K.CASE else None
    return out


def _changed_words(pair: _Pair, c: int, v: int, low: int, high: int) -> list[int]:
    """The words ``low`` to ``high`` of a run that are written differently on the two sides.

    A word counts as changed when its text, or what separates it from the run's previous word,
    differs. Halving the stretch until the halves read alike finds the few changed words of a
    long run with a few comparisons of whole stretches, not one step per word.
    """
    canonical = _stretch(pair.canonical, pair.aligned.canonical, c, low, high)
    if canonical == _stretch(pair.variant, pair.aligned.variant, v, low, high):
        return []
    if high - low == 1:
        return [low]
    middle = (low + high) // 2
    return _changed_words(pair, c, v, low, middle) + _changed_words(pair, c, v, middle, high)


def _stretch(text: str, words: WordList, first: int, low: int, high: int) -> str:
    """The text of the words ``low`` to ``high`` of a run starting at word ``first``, with what
    separates them from the run's previous word."""
    start = words.ends[first + low - 1] if low else words.starts[first]
    return text[start : words.ends[first + high - 1]]


def _word_kind(canonical: str, variant: str) -> DifferenceKind:
    """The most specific kind for two aligned words that differ (their keys are equal)."""
    if "[" in canonical + variant:
        return K.BRACKET
    c_case, v_case = fold_case(canonical), fold_case(variant)
    c_glyphs, v_glyphs = fold_punctuation(c_case), fold_punctuation(v_case)
    if c_glyphs != v_glyphs:
        same_letters = _letters(c_glyphs) == _letters(v_glyphs)
        return K.PUNCTUATION if same_letters else K.SPELLING
    if c_case != v_case or canonical.casefold() != variant.casefold():
        return K.PUNCTUATION
    return K.CASE


def _letters(text: str) -> str:
    """A word without the marks that only format it: initials' dots, thousands separators."""
    return text.replace(".", "").replace(",", "")


def _separator(
    pair: _Pair, c0: int, c1: int, v0: int, v1: int, *, whitespace: bool = False
) -> Difference | None:
    """The punctuation or white-space difference between two stretches without words, if any."""
    c_text, v_text = pair.canonical[c0:c1], pair.variant[v0:v1]
    if c_text == v_text:
        return None
    head, tail = _common_ends(c_text, v_text)
    spacing_only = "".join(c_text.split()) == "".join(v_text.split())
    kind = K.WHITESPACE if whitespace or spacing_only else K.PUNCTUATION
    return pair.diff(kind, c0 + head, c1 - tail, v0 + head, v1 - tail)


def _common_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the common start and end of two strings, never cutting a run of one glyph."""
    limit = min(len(a), len(b))
    head = 0
    while head < limit and a[head] == b[head]:
        head += 1
    while head and any(head < len(s) and s[head] == s[head - 1] for s in (a, b)):
        head -= 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    while tail and any(tail < len(s) and s[-1 - tail] == s[-tail] for s in (a, b)):
        tail -= 1
    return head, tail


def _mark_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the common start and end of two strings made of spaces and punctuation only."""
    head, tail = _common_ends(a, b)
    head = next((i for i in range(head) if a[i].isalnum()), head)
    tail = next((i for i in range(tail) if a[-1 - i].isalnum()), tail)
    return head, tail


def _whole(pair: _Pair, kind: DifferenceKind, gap: _Gap) -> Difference:
    """One difference over a whole gap, less the spaces and marks both sides share at its ends."""
    head, tail = _mark_ends(pair.canonical[gap.c0 : gap.c1], pair.variant[gap.v0 : gap.v1])
    return pair.diff(kind, gap.c0 + head, gap.c1 - tail, gap.v0 + head, gap.v1 - tail)


def _gap_differences(pair: _Pair, gap: _Gap, *, moved: bool) -> list[Difference]:
    """The differences of one gap, by what it holds: nothing, dropped words, added words, both."""
    dropped, added = gap.ci1 > gap.ci0, gap.vi1 > gap.vi0
    if not dropped and not added:
        found = _separator(pair, gap.c0, gap.c1, gap.v0, gap.v1)
        return [found] if found else []
    if dropped and not added:
        return _dropped(pair, gap, K.TRANSPOSITION if moved else None)
    kind = K.TRANSPOSITION if moved else _added_kind(pair, gap)
    if not dropped:
        return _added(pair, gap, kind)
    return _replaced(pair, gap, kind)


def _added_kind(pair: _Pair, gap: _Gap) -> DifferenceKind:
    """Bracketed editorial text, or words the speaker did not say."""
    brackets = pair.aligned.variant.brackets[gap.vi0 : gap.vi1]
    if all(brackets):
        return K.BRACKET
    return K.INSERTION if gap.ci1 == gap.ci0 else K.SUBSTITUTION


def _dropped(pair: _Pair, gap: _Gap, kind: DifferenceKind | None) -> list[Difference]:
    """Canonical words missing from the variant: truncation at an open end, else omission."""
    if gap.at_start or gap.at_end:
        return _truncated(pair, gap, kind or K.TRUNCATION)
    cw = pair.aligned.canonical
    variant = pair.variant[gap.v0 : gap.v1]
    words_start, words_end = cw.starts[gap.ci0], cw.ends[gap.ci1 - 1]
    if kind is None and _ELLIPSIS.search(variant):
        return [_whole(pair, K.ELLIPSIS, gap)]
    kind = kind or K.OMISSION
    if variant == pair.canonical[gap.c0 : words_start]:
        return _drop_after_separator(pair, gap, kind, words_start)
    if variant == pair.canonical[words_end : gap.c1]:
        return _drop_before_separator(pair, gap, kind, words_end)
    if variant.isspace():
        # "the plan, which cost millions, had failed" -> "the plan had failed": the commas
        # went with the clause they set off.
        return [_whole(pair, kind, gap)]
    return _drop_after_separator(pair, gap, kind, words_start)


def _truncated(pair: _Pair, gap: _Gap, kind: DifferenceKind) -> list[Difference]:
    """Canonical words before or after all the variant kept; the mark at the cut is cosmetic."""
    cw = pair.aligned.canonical
    variant = pair.variant[gap.v0 : gap.v1]
    if not variant or _ELLIPSIS.search(variant) or (gap.at_start and gap.at_end):
        return [_whole(pair, kind, gap)]
    if gap.at_end:
        kept = pair.canonical[gap.c0 : cw.starts[gap.ci0]].rstrip()
        return _drop_after_separator(pair, gap, kind, gap.c0 + len(kept))
    lead = pair.canonical[cw.ends[gap.ci1 - 1] : gap.c1].lstrip()
    return _drop_before_separator(pair, gap, kind, gap.c1 - len(lead))


def _drop_after_separator(
    pair: _Pair, gap: _Gap, kind: DifferenceKind, cut: int
) -> list[Difference]:
    """canonical[c0:cut] is a separator compared with the variant's; the rest is dropped."""
    separator = _separator(pair, gap.c0, cut, gap.v0, gap.v1)
    dropped = pair.diff(kind, cut, gap.c1, gap.v1, gap.v1)
    return [separator, dropped] if separator else [dropped]


def _drop_before_separator(
    pair: _Pair, gap: _Gap, kind: DifferenceKind, cut: int
) -> list[Difference]:
    """canonical[c0:cut] is dropped; the rest is a separator compared with the variant's."""
    dropped = pair.diff(kind, gap.c0, cut, gap.v0, gap.v0)
    separator = _separator(pair, cut, gap.c1, gap.v0, gap.v1)
    return [dropped, separator] if separator else [dropped]


def _added(pair: _Pair, gap: _Gap, kind: DifferenceKind) -> list[Difference]:
    """Variant words with no canonical counterpart, placed where the canonical separator allows."""
    vw = pair.aligned.variant
    words_start, words_end = vw.starts[gap.vi0], vw.ends[gap.vi1 - 1]
    canonical = pair.canonical[gap.c0 : gap.c1]
    if canonical == pair.variant[words_end : gap.v1]:
        return [pair.diff(kind, gap.c0, gap.c0, gap.v0, words_end)]
    separator = _separator(pair, gap.c0, gap.c1, gap.v0, words_start)
    added = pair.diff(kind, gap.c1, gap.c1, words_start, gap.v1)
    return [separator, added] if separator else [added]


def _replaced(pair: _Pair, gap: _Gap, kind: DifferenceKind) -> list[Difference]:
    """Canonical words replaced by others; at an open end, the far canonical words are cut."""
    cw = pair.aligned.canonical
    near = min(gap.ci1 - gap.ci0, gap.vi1 - gap.vi0)
    if kind is K.TRANSPOSITION or gap.at_start == gap.at_end:
        return [_whole(pair, kind, gap)]
    if gap.at_start:
        cut = cw.starts[gap.ci1 - near]
        replaced = _Gap(
            gap.ci1 - near,
            gap.ci1,
            gap.vi0,
            gap.vi1,
            cut,
            gap.c1,
            gap.v0,
            gap.v1,
            at_start=False,
            at_end=False,
        )
        truncated = pair.diff(K.TRUNCATION, gap.c0, cut, gap.v0, gap.v0)
        return (
            [truncated, _whole(pair, kind, replaced)]
            if cut > gap.c0
            else [_whole(pair, kind, replaced)]
        )
    cut = cw.ends[gap.ci0 + near - 1]
    replaced = _Gap(
        gap.ci0,
        gap.ci0 + near,
        gap.vi0,
        gap.vi1,
        gap.c0,
        cut,
        gap.v0,
        gap.v1,
        at_start=False,
        at_end=False,
    )
    truncated = pair.diff(K.TRUNCATION, cut, gap.c1, gap.v1, gap.v1)
    return (
        [_whole(pair, kind, replaced), truncated]
        if cut < gap.c1
        else [_whole(pair, kind, replaced)]
    )
