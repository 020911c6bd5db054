"""Tests of grouping quotes into statements (quoteverify.group)."""

from __future__ import annotations

import pytest
from hypothesis import given

import quoteverify as qv
from quoteverify.group import MAX_POSTINGS, content_keys, group
from quoteverify.model import Quote, Span, Speaker
from tests.strategies import quote_texts_for_grouping

SPEECH = (
    "We will build new schools in every district, and teachers will get the raise they were "
    "promised last spring."
)
BUDGET = "The budget cuts will hurt hospitals, and nurses will pay the price for this decision."


def quote(text: str, speaker: str | None = None) -> Quote:
    """A one-piece quote of ``text``, attributed to ``speaker`` if given."""
    return Quote(text, (Span(0, len(text)),), speaker=Speaker(speaker) if speaker else None)


def texts(groups: list[tuple[Quote, ...]]) -> list[list[str]]:
    """The texts of each group's quotes."""
    return [[member.text for member in members] for members in groups]


def test_fragments_join_their_statement() -> None:
    """A whole reprint, a re-cased fragment and a short fragment all join one group."""
    quotes = [
        quote(SPEECH),
        quote("teachers will get the raise they were promised"),
        quote("new schools"),
        quote(BUDGET),
    ]
    assert texts(group(quotes)) == [
        [SPEECH, "teachers will get the raise they were promised", "new schools"],
        [BUDGET],
    ]


def test_generic_word_does_not_glue_statements() -> None:
    """One shared generic word ("help", "very") links neither statement to the other."""
    first = "Help is coming to the farmers of the valley, very soon, with new loans."
    second = "We need help from the federal government to rebuild the bridge, very badly."
    groups = group([quote(first), quote("help"), quote(second), quote("very")])
    assert texts(groups) == [[first], ["help"], [second], ["very"]]


def test_short_fragment_never_merges_two_statements() -> None:
    """A two-word fragment found in two statements joins one of them and merges nothing."""
    first = "The senseless killing of protesters must stop before any talks can start."
    second = "Officials called the senseless killing of protesters a crime against the nation."
    groups = group([quote(first), quote(second), quote("senseless killing")])
    assert texts(groups) == [[first, "senseless killing"], [second]]


def test_identical_one_word_quotes_group_together() -> None:
    """Quotes too short to place, such as "help", group only with the same words."""
    groups = group([quote("help"), quote("Help!"), quote("hope")])
    assert texts(groups) == [["help", "Help!"], ["hope"]]


def test_speakers_do_not_split_a_statement() -> None:
    """Quotes of the same words attributed to different speakers are one statement."""
    groups = group([quote(BUDGET, "Ann Lee"), quote(BUDGET, "Bo Chen")])
    assert len(groups) == 1


def test_groups_in_order_of_first_appearance() -> None:
    """Groups come by their first quote, members in input order."""
    quotes = [quote(BUDGET), quote(SPEECH), quote("nurses will pay the price"), quote("x")]
    assert texts(group(quotes)) == [
        [BUDGET, "nurses will pay the price"],
        [SPEECH],
        ["x"],
    ]


def test_different_statements_sharing_a_phrase_stay_apart() -> None:
    """Two long statements that share one phrase are not the same statement."""
    first = "Iranian officials met in Geneva on Monday to discuss new sanctions on oil exports."
    second = "Iranian officials denied any role in the attack and blamed foreign agents for it."
    assert len(group([quote(first), quote(second)])) == 2


def test_very_common_shingles_stop_proposing_candidates() -> None:
    """A phrase in more statements than the posting cap no longer links anything."""
    statements = [
        f"the prime minister said {n} new {n}x houses would open in town number {n}"
        for n in range(MAX_POSTINGS + 10)
    ]
    late = quote("the prime minister said")
    groups = group([*(quote(s) for s in statements), late])
    assert (late,) in groups


def test_content_keys_skip_function_words() -> None:
    """Content keys keep the words that carry a statement, normalised."""
    assert content_keys("They will pay a VERY big price!") == ("pay", "big", "price")


def test_rejects_non_quotes() -> None:
    """Grouping takes Quote objects only."""
    with pytest.raises(TypeError, match="Quote objects, got str"):
        group(["help is on its way"])  # type: ignore[list-item]


def test_empty_input() -> None:
    """No quotes, no groups."""
    assert group([]) == []


@given(quote_texts_for_grouping)
def test_grouping_never_loses_or_duplicates(quote_texts: list[str]) -> None:
    """Every quote is in exactly one group, members in input order, groups by first member."""
    quotes = [quote(text) for text in quote_texts]
    groups = group(quotes)
    flat = [id(member) for members in groups for member in members]
    assert sorted(flat) == sorted(id(q) for q in quotes)
    position = {id(q): n for n, q in enumerate(quotes)}
    firsts = [position[id(members[0])] for members in groups]
    assert firsts == sorted(firsts)
    for members in groups:
        order = [position[id(member)] for member in members]
        assert order == sorted(order)


def test_corpus_post_fragments_group_together() -> None:
    """On the bundled articles, fragments such as "keep protesting" join the post's group."""
    from tests.corpus import ARTICLE_IDS, article  # noqa: PLC0415 (corpus only here)

    quotes = [q for article_id in ARTICLE_IDS for q in qv.extract(article(article_id))]
    post_groups = [g for g in group(quotes) if any("TAKE OVER YOUR" in q.text for q in g)]
    assert len(post_groups) == 1
    members = {q.text.strip(",.").lower() for q in post_groups[0]}
    assert {"keep protesting", "help is on its way", "iranian patriots"} <= members
    assert "help" not in members
