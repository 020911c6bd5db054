"""Tests of verification: kinds, spans, verdicts, score, replay, and the corpus reprints."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quoteverify as qv
from quoteverify.model import DifferenceKind, Verdict, Verification, Weight
from quoteverify.verify import UNRELATED_RUN, UNRELATED_SCORE, apply_differences, verify
from tests.corpus import CASES, article, canonical_post
from tests.strategies import PlantedEdit, mutated_pairs, news_texts, planted_edits

POST = canonical_post()

VERDICT_OF_WEIGHT = {
    Weight.COSMETIC: Verdict.EQUIVALENT,
    Weight.EDITORIAL: Verdict.FAITHFUL,
    Weight.ALTERING: Verdict.ALTERED,
    Weight.MISQUOTING: Verdict.MISQUOTE,
}


def kinds(v: Verification) -> set[str]:
    """The kinds of a verification's differences, as strings."""
    return {d.kind.value for d in v.differences}


def assert_consistent(v: Verification) -> None:
    """Every span slices its text to the reading it claims, and the differences replay."""
    for d in v.differences:
        assert d.canonical is not None
        assert d.canonical.text(v.canonical) == d.canonical_text
        if d.variant is None:
            assert d.variant_text == ""
        else:
            assert d.variant.text(v.variant) == d.variant_text
    assert apply_differences(v.canonical, v.differences) == v.variant


# --- the corpus ------------------------------------------------------------------------------


def test_glued_reprint_of_001_is_altered() -> None:
    """001's "INSTITUTIONSHELP" is one omission plus lost punctuation: ALTERED."""
    variant = "Iranian Patriots, KEEP PROTESTING — TAKE OVER YOUR INSTITUTIONSHELP IS ON ITS WAY."
    assert variant in article("001_7ee494f466d0b32a")
    v = verify(variant, POST)
    assert v.verdict is Verdict.ALTERED
    assert kinds(v) == {"punctuation", "omission", "truncation"}
    (omission,) = [d for d in v.differences if d.kind is DifferenceKind.OMISSION]
    assert omission.canonical_text.startswith("Save the names")
    assert omission.canonical_text.rstrip().endswith("STOPS.")
    assert v.score == 1.0
    assert_consistent(v)


@pytest.mark.parametrize(
    "fragment", ["keep protesting", "help is on its way", "Help Is on Its Way", "take over"]
)
def test_fragments_are_faithful(fragment: str) -> None:
    """A lower-cased fragment of the post is FAITHFUL: case and truncation only."""
    v = verify(fragment, POST)
    assert v.verdict is Verdict.FAITHFUL
    assert kinds(v) == {"case", "truncation"}
    assert_consistent(v)


def test_split_quote_of_004_is_faithful() -> None:
    """004's two pieces, joined by a space, are FAITHFUL: "canceled" and the bracket."""
    text = article("004_0265edcf60e2e9c4")
    first = "Iranian Patriots, KEEP PROTESTING – TAKE OVER YOUR INSTITUTIONS!!!"
    second = text[text.index("Save the names") : text.index("Again]!!!") + len("Again]!!!")]
    v = verify(first + " " + second, POST)
    assert v.verdict is Verdict.FAITHFUL
    assert kinds(v) == {"spelling", "bracket"}
    bracket = next(d for d in v.differences if d.kind is DifferenceKind.BRACKET)
    assert bracket.variant_text.strip() == "[Make Iran Great Again]"
    assert bracket.canonical is not None
    assert POST[: bracket.canonical.start].endswith("MIGA")
    assert_consistent(v)


def test_detroit_remarks_are_a_misquote() -> None:
    """The spoken Detroit version reuses the post's words with changes: a MISQUOTE."""
    text = article("004_0265edcf60e2e9c4")
    start = text.index("And by the way")
    remarks = text[start : text.index("right,", start) + len("right,")]
    v = verify(remarks, POST)
    assert v.verdict is Verdict.MISQUOTE
    assert {"insertion", "substitution"} <= kinds(v)
    names = next(d for d in v.differences if d.canonical_text == "names")
    assert (names.kind, names.variant_text) == (DifferenceKind.SUBSTITUTION, "name")
    assert_consistent(v)


def test_fragment_with_added_comma_is_not_a_misquote() -> None:
    """A fragment ending with the reporter's comma for "!!!" is cosmetic plus truncation."""
    v = verify("take over your institutions,", POST)
    assert v.verdict is Verdict.FAITHFUL
    marks = [d for d in v.differences if d.kind is DifferenceKind.PUNCTUATION]
    assert [(d.canonical_text, d.variant_text) for d in marks] == [("!!!", ",")]


# --- data-driven cases -----------------------------------------------------------------------


def load_cases() -> list[dict[str, Any]]:
    """The cases of tests/cases/verify_cases.jsonl."""
    lines = (CASES / "verify_cases.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("case", load_cases(), ids=lambda case: case["id"])
def test_case(case: dict[str, Any]) -> None:
    """Each recorded case gets its verdict and exactly its kinds of difference."""
    canonical = POST if case["canonical"] == "@post" else case["canonical"]
    v = verify(case["variant"], canonical)
    assert v.verdict.value == case["verdict"]
    assert kinds(v) == set(case["kinds"])
    assert_consistent(v)


# --- classic misquotes and single rules ------------------------------------------------------


def test_classic_misquotes() -> None:
    """Well-known public misquotes are MISQUOTE: an added word, a replaced word, a move."""
    assert verify("Play it again, Sam.", "Play it, Sam.").verdict is Verdict.MISQUOTE
    luke = verify("Luke, I am your father.", "No, I am your father.")
    assert [(d.kind.value, d.canonical_text, d.variant_text) for d in luke.differences] == [
        ("substitution", "No", "Luke")
    ]
    moved = verify("Tune in, turn on, drop out", "Turn on, tune in, drop out")
    assert moved.verdict is Verdict.MISQUOTE
    assert "transposition" in kinds(moved)


def test_number_change_is_a_substitution() -> None:
    """A number that changes is a substitution, never spelling; a regrouped one is punctuation."""
    changed = verify("About 20,000 people died.", "About 2,000 people died.")
    assert kinds(changed) == {"substitution"}
    regrouped = verify("About 2000 people died.", "About 2,000 people died.")
    assert kinds(regrouped) == {"punctuation"}


def test_plural_change_is_a_substitution() -> None:
    """Dropping a plural is a substitution."""
    assert kinds(verify("save the name", "save the names")) == {"substitution"}


def test_ellipsis_marks_a_gap() -> None:
    """Words left out behind an ellipsis are an ellipsis difference, in any of its spellings."""
    for mark in ["…", "...", ". . ."]:
        v = verify(f"They will pay {mark} price.", "They will pay a big price.")
        assert kinds(v) == {"ellipsis"}
        assert v.verdict is Verdict.FAITHFUL


def test_bracket_replacing_a_word() -> None:
    """A bracketed name for a pronoun, and a bracketed capital, are bracket differences."""
    khamenei = verify("[Khamenei] is in closer contact", "He is in closer contact")
    assert [(d.kind.value, d.canonical_text) for d in khamenei.differences] == [("bracket", "He")]
    capital = verify("[W]e shall fight", "we shall fight")
    assert kinds(capital) == {"bracket"}
    assert capital.verdict is Verdict.FAITHFUL


def test_whitespace_inside_is_cosmetic_and_around_is_verbatim() -> None:
    """Spacing inside a quote is EQUIVALENT; white space around it is still VERBATIM."""
    inside = verify("Help is  on its way", "Help is on its way")
    assert (inside.verdict, kinds(inside)) == (Verdict.EQUIVALENT, {"whitespace"})
    around = verify("  Help is on its way\n", "Help is on its way")
    assert around.verdict is Verdict.VERBATIM
    assert kinds(around) == {"whitespace"}
    assert_consistent(around)


def test_unrelated_threshold() -> None:
    """Below the score threshold and without a long shared run, a text is UNRELATED."""
    assert UNRELATED_SCORE == 0.5
    assert UNRELATED_RUN == 4
    weather = verify("Officials said the weather would stay cold until the weekend.", POST)
    assert weather.verdict is Verdict.UNRELATED
    assert weather.score < UNRELATED_SCORE
    # half the words are the canonical's: related by score
    half = verify("keep protesting, dear friends", POST)
    assert half.score == 0.5
    assert half.verdict is Verdict.MISQUOTE
    # a low score but a run of four canonical words: related by the run
    run = verify("we all know you must take over your institutions, yes, folks, yes", POST)
    assert run.score < UNRELATED_SCORE
    assert run.verdict is Verdict.MISQUOTE


def test_empty_variant_is_unrelated_to_words() -> None:
    """An empty variant shares nothing with a canonical that has words."""
    v = verify("", "Help is on its way")
    assert (v.verdict, v.score) == (Verdict.UNRELATED, 0.0)
    assert_consistent(v)


@pytest.mark.parametrize("bad", [None, b"text", 3, ["a"]])
def test_non_str_raises_type_error(bad: object) -> None:
    """A variant or canonical that is not a str raises a TypeError naming what was received."""
    with pytest.raises(TypeError, match=type(bad).__name__):
        verify(bad, "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(bad).__name__):
        verify("x", bad)  # type: ignore[arg-type]


def test_apply_differences_refuses_overlaps() -> None:
    """Replaying differences out of canonical order is refused with a ValueError."""
    v = verify("keep protesting, sam", "KEEP protesting, Sam")
    assert len(v.differences) == 2
    with pytest.raises(ValueError, match="in order"):
        apply_differences(v.canonical, list(reversed(v.differences)))


def test_case_changes_of_neighbouring_words_are_one_difference() -> None:
    """A re-cased phrase is one case difference; re-cased words apart stay apart."""
    v = verify("help is on its way", "HELP IS ON ITS WAY")
    assert [(d.kind.value, d.canonical_text, d.variant_text) for d in v.differences] == [
        ("case", "HELP IS ON ITS WAY", "help is on its way")
    ]
    apart = verify("keep protesting, sam", "KEEP protesting, Sam")
    assert [d.canonical_text for d in apart.differences] == ["KEEP", "Sam"]


@pytest.mark.parametrize(
    ("variant", "canonical", "verdict"),
    [
        ("main killers", "Save the names of the killers and abusers.", Verdict.UNRELATED),
        ("brutal killing", "until the senseless killing of protesters", Verdict.UNRELATED),
        ("a lot of martyrs", "They will pay a big price for the protesters.", Verdict.UNRELATED),
        ("help", "HELP IS ON ITS WAY.", Verdict.FAITHFUL),
        ("Luke, I am your father.", "No, I am your father.", Verdict.MISQUOTE),
        ("pay a very big price", "They will pay a big price.", Verdict.MISQUOTE),
    ],
)
def test_one_shared_content_word_is_not_a_version(
    variant: str, canonical: str, verdict: Verdict
) -> None:
    """Sharing one content word among others is unrelated; a run or two shared words relate."""
    assert verify(variant, canonical).verdict is verdict


def test_exported_from_package() -> None:
    """verify and apply_differences are part of the flat public API."""
    assert qv.verify is verify
    assert qv.apply_differences is apply_differences


# --- properties --------------------------------------------------------------------------------


@given(st.text())
def test_identity_on_any_text(text: str) -> None:
    """verify(x, x) is VERBATIM with no differences, for arbitrary text."""
    v = verify(text, text)
    assert v.verdict is Verdict.VERBATIM
    assert v.differences == ()


@given(news_texts)
def test_identity_on_news_text(text: str) -> None:
    """verify(x, x) is VERBATIM with no differences, for news-like text."""
    v = verify(text, text)
    assert (v.verdict, v.differences) == (Verdict.VERBATIM, ())


@given(mutated_pairs())
def test_replay_on_edited_pairs(pair: tuple[str, str]) -> None:
    """Applying the differences to the canonical gives the variant back; spans are exact."""
    variant, canonical = pair
    v = verify(variant, canonical)
    assert_consistent(v)
    assert 0.0 <= v.score <= 1.0


@given(st.text(), st.text())
def test_any_pair_gives_a_result(variant: str, canonical: str) -> None:
    """Any two strings give a verification that replays exactly."""
    assert_consistent(verify(variant, canonical))


@given(news_texts, news_texts)
def test_replay_on_unrelated_news_pairs(variant: str, canonical: str) -> None:
    """Two unrelated news-like strings still give differences that replay exactly."""
    assert_consistent(verify(variant, canonical))


PLANTED = [
    "case",
    "punctuation",
    "spelling",
    "omission",
    "ellipsis",
    "bracket",
    "substitution",
    "truncation",
]


@pytest.mark.parametrize("kind", PLANTED)
@given(data=st.data())
def test_planted_edit_is_found(kind: str, data: st.DataObject) -> None:
    """One planted edit is reported alone, with its kind, at its span, with its verdict."""
    edit: PlantedEdit = data.draw(planted_edits(kind))
    v = verify(edit.variant, edit.canonical)
    assert [d.kind.value for d in v.differences] == [kind]
    (found,) = v.differences
    assert found.canonical is not None
    assert (found.canonical.start, found.canonical.end) == (edit.start, edit.end)
    assert v.verdict is VERDICT_OF_WEIGHT[found.kind.weight]
    assert_consistent(v)


@given(planted_edits("transposition"))
def test_planted_swap_is_a_transposition(edit: PlantedEdit) -> None:
    """Two swapped phrases are reported as transpositions inside the swapped stretch."""
    v = verify(edit.variant, edit.canonical)
    assert v.verdict is Verdict.MISQUOTE
    assert kinds(v) <= {"transposition", "punctuation", "whitespace"}
    assert "transposition" in kinds(v)
    # the swapped stretch, widened to the separators around it
    low = len(edit.canonical[: edit.start].rstrip(SEPARATORS))
    rest = edit.canonical[edit.end :]
    high = edit.end + len(rest) - len(rest.lstrip(SEPARATORS))
    for d in v.differences:
        assert d.canonical is not None
        assert low <= d.canonical.start <= d.canonical.end <= high
    assert_consistent(v)


SEPARATORS = " ,.;–"


@given(
    words=st.lists(st.text("abcdefgh", min_size=1, max_size=6), min_size=30, max_size=120),
    data=st.data(),
)
def test_scattered_case_changes_in_a_long_run(words: list[str], data: st.DataObject) -> None:
    """Each stretch of re-cased neighbours in one long run is one case difference, no more."""
    recased = data.draw(st.sets(st.integers(0, len(words) - 1), max_size=8))
    variant_words = [w.upper() if i in recased else w for i, w in enumerate(words)]
    canonical, variant = " ".join(words), " ".join(variant_words)
    starts = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    expected = []
    for first in sorted(recased):
        if first - 1 in recased:
            continue  # inside a stretch already counted
        last = first
        while last + 1 in recased:
            last += 1
        expected.append((DifferenceKind.CASE, starts[first], starts[last] + len(words[last])))
    found = verify(variant, canonical).differences
    assert len(found) == len(expected)
    assert [(d.kind, d.canonical.start, d.canonical.end) for d in found if d.canonical] == expected
    assert apply_differences(canonical, found) == variant
