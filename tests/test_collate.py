"""Tests of collation: many witnesses of one statement aligned to one reading."""

from __future__ import annotations

import functools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quoteverify as qv
from quoteverify.collate import collate, collation_text
from quoteverify.model import Collation, Quote, Span, Verdict
from quoteverify.witnesses import pieces, segments
from tests.corpus import ARTICLE_IDS, article, canonical_post
from tests.strategies import FragmentedText, fragmented_texts

STATEMENT = "We will rebuild the bridge – and we will do it THIS YEAR. No more delays!!!"


def split_quote(*parts: str) -> Quote:
    """A quote split around an attribution: pieces joined by one space, one span each."""
    spans, at = [], 0
    for part in parts:
        spans.append(Span(at, at + len(part)))
        at += len(part) + 20  # the attribution between the pieces
    return Quote(" ".join(parts), tuple(spans))


def readings(c: Collation) -> list[list[tuple[str, tuple[int, ...]]]]:
    """The apparatus as plain data: per place, each reading and its witnesses."""
    return [[(r.text, r.witnesses) for r in v.readings] for v in c.apparatus]


def test_majority_wins_at_every_place() -> None:
    """Case, dash, spelling and word choices each go to the reading most witnesses give."""
    c = collate(
        [
            STATEMENT,
            "We will rebuild the bridge — and we will do it this year. No more delays!!!",
            "we will rebuild the bridge – and we will do it THIS YEAR. No more delays!",
            "We will rebuild the bridge – and we will do it THIS YEAR",
        ]
    )
    assert c.reading == STATEMENT


def test_fragments_vote_where_they_cover() -> None:
    """Fragments outvote a whole reprint at the places they cover, and nowhere else."""
    full = "Keep Protesting – take over your institutions"
    c = collate([full, "KEEP PROTESTING", "KEEP PROTESTING –", "KEEP"])
    assert c.reading == "KEEP PROTESTING – take over your institutions"


def test_split_comma_does_not_vote() -> None:
    """The comma a quote takes before "he said" is the writer's, not the speaker's."""
    witnesses: list[str | Quote] = [
        split_quote("They will pay a big price,", "I have cancelled all meetings."),
        "They will pay a big price,",
        "pay a big price. I have cancelled",
    ]
    assert (
        collate(witnesses).reading == "They will pay a big price. I have cancelled all meetings."
    )


def test_pieces_follow_the_spans() -> None:
    """A split quote is cut where its spans say; a quote that does not add up is one piece."""
    assert pieces(split_quote("a big price,", "I have")) == ["a big price,", "I have"]
    assert pieces(Quote("a b c", (Span(0, 1), Span(9, 20)))) == ["a b c"]


def test_brackets_and_ellipses_never_enter_the_reading() -> None:
    """Editorial insertions and marked gaps are not the speaker's words."""
    c = collate(
        [
            "Help is on its way. MIGA [Make Iran Great Again]!!!",
            "Help is on its way … MIGA!!!",
            "[H]elp is on its way.",
        ]
    )
    assert c.reading == "Help is on its way. MIGA!!!"


def test_ellipsis_cuts_a_witness_into_segments() -> None:
    """An ellipsis ends a segment: the words on either side vote, the gap does not."""
    cut = segments("Save the names … They will pay")
    assert [segment.keys for segment in cut] == [("save", "the", "names"), ("they", "will", "pay")]
    assert cut[0].tail is None


def test_copies_count_once() -> None:
    """A witness repeated word for word is one piece of evidence, not three."""
    c = collate(["help is on its way"] * 3 + ["HELP IS ON ITS WAY.", "HELP IS ON ITS WAY!"])
    assert c.reading.startswith("HELP IS ON ITS WAY")


def test_ties_do_not_depend_on_order() -> None:
    """Two witnesses that disagree give the same reading in either order."""
    first, second = "They will pay a big price", "They will pay a huge price"
    assert collate([first, second]).reading == collate([second, first]).reading


def test_divergent_witness_does_not_vote() -> None:
    """A version spoken later with words added and changed is set aside and loses its vote."""
    speech = (
        "And by the way, we will rebuild the bridges and the roads, if possible, and we "
        "will do it this year, you know, no more of these delays."
    )
    c = collate([STATEMENT, STATEMENT.lower(), "We will rebuild the bridge", speech])
    assert [w for w, _ in c.divergent] == [speech]
    assert c.reading == STATEMENT
    assert all(speech not in [w for w, _ in c.witnesses[:3]] for _ in [0])
    assert c.witnesses[3][1].verdict is Verdict.MISQUOTE


def test_canonical_given_is_the_reading() -> None:
    """With a canonical text the reading is that text, and every witness is checked against it."""
    c = collate(["we will rebuild the bridge", "No more delays!"], canonical=STATEMENT)
    assert c.reading == STATEMENT
    assert [check.verdict for _, check in c.witnesses] == [Verdict.FAITHFUL, Verdict.FAITHFUL]
    assert readings(c) == [[("We", ()), ("we", (0,))], [("!!!", ()), ("!", (1,))]]


def test_canonical_mode_sets_misquotes_aside() -> None:
    """Against a canonical, a misquote is divergent and stays out of the apparatus."""
    c = collate(["We will rebuild the tunnel", "rebuild the bridge"], canonical=STATEMENT)
    assert [w for w, _ in c.divergent] == ["We will rebuild the tunnel"]
    assert readings(c) == []


def test_apparatus_lists_every_reading_with_its_witnesses() -> None:
    """Each place gives the reading's text first, then the others, most supported first."""
    c = collate(["KEEP PROTESTING – TAKE OVER", "keep protesting", "KEEP PROTESTING — TAKE OVER"])
    assert readings(c) == [
        [("KEEP PROTESTING", (0, 2)), ("keep protesting", (1,))],
        [(" – ", (0,)), (" — ", (2,))],
    ]
    assert [v.reading_span.text(c.reading) for v in c.apparatus] == ["KEEP PROTESTING", " – "]


def test_an_omission_is_one_place() -> None:
    """Words one witness leaves out are one place of the apparatus, not one per word."""
    full = "Take over your institutions!!! Save the names of the killers. Help is on its way."
    c = collate([full, full, "Take over your institutionsHelp is on its way."])
    assert c.reading == full
    assert readings(c)[0] == [("!!! Save the names of the killers. ", (0, 1)), ("", (2,))]


def test_empty_and_wordless_witnesses() -> None:
    """No witnesses give an empty reading; a witness with no words is set aside."""
    assert collate([]) == Collation("", (), (), ())
    c = collate(["keep protesting", "!!!"])
    assert c.reading == "keep protesting"
    assert [w for w, _ in c.divergent] == ["!!!"]


def test_rejects_wrong_types() -> None:
    """Witnesses must be str or Quote, the canonical a str."""
    with pytest.raises(TypeError, match="str or Quote, got int"):
        collate([3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="canonical must be str, got bytes"):
        collate(["a"], canonical=b"a")  # type: ignore[arg-type]


def test_collation_text_fits_the_terminal() -> None:
    """The compact report keeps every line within the width asked for."""
    report = collation_text(collate([STATEMENT, STATEMENT.lower(), "we will rebuild"]), width=60)
    assert report.startswith("Reading of 3 witnesses (0 divergent):")
    assert max(len(line) for line in report.splitlines()) <= 60


@given(fragmented_texts(), st.randoms(use_true_random=False))
def test_fragments_reconstruct_the_covered_text(case: FragmentedText, rng: random.Random) -> None:
    """Fragments of one text, in any order, collate to exactly the stretch they cover."""
    fragments = list(case.fragments)
    rng.shuffle(fragments)
    c = collate(fragments)
    assert c.reading == case.covered
    assert c.divergent == ()
    assert c.apparatus == ()


@given(fragmented_texts(), st.randoms(use_true_random=False))
def test_order_never_changes_the_result(case: FragmentedText, rng: random.Random) -> None:
    """Shuffling witnesses (with a variant among them) permutes indexes and nothing else."""
    witnesses = [*case.fragments, case.covered.upper(), case.covered.upper()]
    order = list(range(len(witnesses)))
    rng.shuffle(order)
    first, second = collate(witnesses), collate([witnesses[i] for i in order])
    assert first.reading == second.reading
    assert normalised(first, list(range(len(witnesses)))) == normalised(second, order)


def normalised(c: Collation, order: list[int]) -> list[list[tuple[str, tuple[int, ...]]]]:
    """The apparatus with witness indexes mapped back to the unshuffled positions."""
    return [
        [(text, tuple(sorted(order[i] for i in witnesses))) for text, witnesses in place]
        for place in readings(c)
    ]


# --- the bundled corpus --------------------------------------------------------------------


@functools.cache
def corpus_quotes() -> tuple[Quote, ...]:
    """Every quote extracted from the five bundled articles."""
    return tuple(q for article_id in ARTICLE_IDS for q in qv.extract(article(article_id)))


def post_group() -> tuple[Quote, ...]:
    """The group of quotes that holds the Truth Social post."""
    [members] = [
        g for g in qv.group(corpus_quotes()) if any("YOUR INSTITUTIONS" in q.text for q in g)
    ]
    return members


def detroit_quotes() -> list[Quote]:
    """The quotes of Trump's spoken remarks in Detroit (article 004)."""
    starts = ("And by the way, to all Iranian patriots", "They’ll pay a very big price")
    return [q for q in corpus_quotes() if q.text.startswith(starts)]


def test_corpus_consensus_is_the_post() -> None:
    """The five reprints, grouped and collated with no canonical, give back the post exactly."""
    members = post_group()
    c = qv.collate(members)
    assert c.reading == canonical_post()
    detroit = detroit_quotes()
    assert detroit, "the extraction should find the Detroit remarks in article 004"
    divergent = [w for w, _ in c.divergent]
    assert all(q in divergent or q not in members for q in detroit)


def test_corpus_detroit_remarks_are_divergent() -> None:
    """Collated together with the post's reprints, the Detroit remarks are set aside."""
    members = [*post_group(), *detroit_quotes()]
    c = qv.collate(members)
    assert c.reading == canonical_post()
    assert {w.text for w, _ in c.divergent if isinstance(w, Quote)} == {
        q.text for q in detroit_quotes()
    }
    assert all(isinstance(w, Quote) for w, _ in c.divergent)


def test_corpus_result_does_not_depend_on_order() -> None:
    """Shuffled reprints give the same reading, the same divergent witnesses."""
    members = [*post_group(), *detroit_quotes()]
    expected = qv.collate(members)
    for seed in range(3):
        shuffled = list(members)
        random.Random(seed).shuffle(shuffled)
        c = qv.collate(shuffled)
        assert c.reading == expected.reading
        assert {id(w) for w, _ in c.divergent} == {id(w) for w, _ in expected.divergent}


def test_corpus_canonical_mode() -> None:
    """Against the post itself, 001's dropped sentences are ALTERED and 004's version FAITHFUL."""
    members = post_group()
    c = qv.collate(members, canonical=canonical_post())
    verdicts = {w.text if isinstance(w, Quote) else w: check.verdict for w, check in c.witnesses}
    glued = next(text for text in verdicts if "INSTITUTIONSHELP" in text)
    assert verdicts[glued] is Verdict.ALTERED
    bracketed = next(text for text in verdicts if "MIGA [Make Iran Great Again]" in text)
    assert verdicts[bracketed] is Verdict.FAITHFUL
