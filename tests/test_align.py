"""Tests of the word aligner in quoteverify.align."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteverify import align
from quoteverify.align import Op, align_keys, align_tokens, align_words, alignment_cost
from quoteverify.text import scan_words, tokenize

small_keys = st.lists(st.sampled_from("abcd"), max_size=12)


def reference_cost(variant: list[str], canonical: list[str]) -> int:
    """The insert/delete edit distance by the textbook dynamic programme."""
    rows = [[0] * (len(canonical) + 1) for _ in range(len(variant) + 1)]
    for i in range(len(variant) + 1):
        for j in range(len(canonical) + 1):
            if i == 0 or j == 0:
                rows[i][j] = i + j
            elif variant[i - 1] == canonical[j - 1]:
                rows[i][j] = rows[i - 1][j - 1]
            else:
                rows[i][j] = 1 + min(rows[i - 1][j], rows[i][j - 1])
    return rows[-1][-1]


@given(small_keys, small_keys)
def test_cost_equals_reference(variant: list[str], canonical: list[str]) -> None:
    """On inputs of up to 12 tokens the aligner's cost equals the reference programme's."""
    assert alignment_cost(align_keys(variant, canonical)) == reference_cost(variant, canonical)


@given(small_keys, small_keys)
def test_blocks_cover_both_sides(variant: list[str], canonical: list[str]) -> None:
    """Blocks tile both sequences in order, and equal blocks pair equal keys."""
    c_at = v_at = 0
    for block in align_keys(variant, canonical):
        assert (block.canonical_start, block.variant_start) == (c_at, v_at)
        c_at, v_at = block.canonical_end, block.variant_end
        if block.op is Op.EQUAL:
            assert variant[block.variant_start : v_at] == canonical[block.canonical_start : c_at]
    assert (c_at, v_at) == (len(canonical), len(variant))


@given(st.lists(st.sampled_from("ab"), min_size=1, max_size=30), st.data())
def test_fragment_aligns_as_one_block(canonical: list[str], data: st.DataObject) -> None:
    """A contiguous fragment of a repetitive text aligns as a single equal block."""
    start = data.draw(st.integers(0, len(canonical) - 1))
    end = data.draw(st.integers(start + 1, len(canonical)))
    blocks = align_keys(canonical[start:end], canonical)
    assert [b.op for b in blocks if b.op is not Op.DELETE] == [Op.EQUAL]


def test_fragment_is_not_scattered_over_repeated_words() -> None:
    """ "the names of the" lands next to "names", not on the first "the" of the text."""
    canonical = ["the", "king", "saw", "the", "names", "of", "the", "killers"]
    blocks = align_keys(["the", "names", "of", "the"], canonical)
    assert [(b.op.value, b.canonical_start, b.canonical_end) for b in blocks] == [
        ("delete", 0, 3),
        ("equal", 3, 7),
        ("delete", 7, 8),
    ]


def test_glued_word_is_split() -> None:
    """A word glued across a dropped passage splits into the two words it was made of."""
    aligned = align_words(
        scan_words("TAKE OVER YOUR INSTITUTIONSHELP IS ON ITS WAY."),
        scan_words("TAKE OVER YOUR INSTITUTIONS!!! Save the names. HELP IS ON ITS WAY."),
    )
    assert aligned.variant.texts[3:5] == ["INSTITUTIONS", "HELP"]
    assert aligned.origin[3:5] == (3, 3)
    assert aligned.runs == ((0, 0, 4), (7, 4, 5))


def test_word_that_is_not_glued_is_left_whole() -> None:
    """An unknown word is not split when its halves are not dropped canonical words."""
    aligned = align_words(scan_words("save the name"), scan_words("save the names"))
    assert aligned.variant.texts == ["save", "the", "name"]


@given(
    st.lists(st.sampled_from("abcdef"), max_size=40),
    st.lists(st.sampled_from("abcdef"), max_size=40),
)
def test_bounded_memory_path_stays_valid(variant: list[str], canonical: list[str]) -> None:
    """Cut by the linear-memory path, the alignment still tiles both sides with equal blocks."""
    limit = align.CELL_LIMIT
    align.CELL_LIMIT = 16
    try:
        blocks = align_keys(variant, canonical)
    finally:
        align.CELL_LIMIT = limit
    matched = 0
    for block in blocks:
        if block.op is Op.EQUAL:
            assert (
                variant[block.variant_start : block.variant_end]
                == canonical[block.canonical_start : block.canonical_end]
            )
            matched += block.variant_end - block.variant_start
    assert alignment_cost(blocks) == len(variant) + len(canonical) - 2 * matched


def test_long_texts_take_the_bounded_path() -> None:
    """Two long unrelated texts align through the split path with equal blocks only where equal."""
    canonical = [f"w{i % 997}" for i in range(7000)]
    variant = [f"w{(i * 7) % 991}" for i in range(7000)]
    limit = align.CELL_LIMIT
    align.CELL_LIMIT = 1_000_000
    try:
        blocks = align_keys(variant, canonical)
    finally:
        align.CELL_LIMIT = limit
    assert blocks[-1].canonical_end == len(canonical)
    assert blocks[-1].variant_end == len(variant)


def test_align_tokens_for_collation() -> None:
    """align_tokens drops punctuation and returns blocks over the wording tokens."""
    aligned = align_tokens(tokenize("keep protesting!"), tokenize("KEEP PROTESTING – TAKE OVER"))
    assert [t.text for t in aligned.variant] == ["keep", "protesting"]
    assert [t.text for t in aligned.canonical] == ["KEEP", "PROTESTING", "TAKE", "OVER"]
    assert [b.op for b in aligned.blocks] == [Op.EQUAL, Op.DELETE]


def test_align_tokens_splits_glued_tokens() -> None:
    """align_tokens returns the halves of a glued token, with their own offsets."""
    variant = "YOUR INSTITUTIONSHELP IS"
    aligned = align_tokens(tokenize(variant), tokenize("YOUR INSTITUTIONS!!! Save. HELP IS"))
    assert [t.span.text(variant) for t in aligned.variant] == [
        "YOUR",
        "INSTITUTIONS",
        "HELP",
        "IS",
    ]


@pytest.mark.parametrize(("variant", "canonical"), [([], []), ([], ["a"]), (["a"], [])])
def test_empty_sides(variant: list[str], canonical: list[str]) -> None:
    """An empty side gives one block of the other, or nothing."""
    assert alignment_cost(align_keys(variant, canonical)) == len(variant) + len(canonical)
