"""Tests for check(): every quote of an article against an index, and the speaker check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteverify import QuoteIndex, Verdict, check
from quoteverify.check import speakers_disagree, surname
from tests.corpus import ARTICLE_IDS, article, canonical_post
from tests.strategies import news_texts

ARTICLE = (
    "“We will keep the pressure on Tehran,” Senator Jane Doe said on Tuesday. "
    "Donald Trump wrote on Sunday: “Help is on its way to every family.” "
    "Officials called the plan “a grave mistake.”"
)


@pytest.fixture
def index(tmp_path: Path) -> Iterator[QuoteIndex]:
    """An index file of three statements, two with a recorded speaker."""
    with QuoteIndex(tmp_path / "record.qvdb") as index:
        index.add("We will keep the pressure on Tehran.", speaker="Donald Trump")
        index.add("Help is on its way to every family.", speaker="President Donald J. Trump")
        index.add("The harbour will be dredged in spring.")
        yield index


def test_every_quote_is_checked_in_order(index: QuoteIndex) -> None:
    """One result per quote of the article, in order, each with its best match or none."""
    checked = check(ARTICLE, index)
    assert [c.quote.text.rstrip(",.") for c in checked] == [
        "We will keep the pressure on Tehran",
        "Help is on its way to every family",
        "a grave mistake",
    ]
    assert [c.match.statement.id if c.match else None for c in checked] == [1, 2, None]
    assert checked[2].verification is None


def test_words_given_to_someone_else_are_misattributed(index: QuoteIndex) -> None:
    """Trump's words credited to Jane Doe are flagged; Trump's own are not."""
    jane, trump, _ = check(ARTICLE, index)
    assert jane.quote.speaker is not None
    assert jane.quote.speaker.name == "Jane Doe"
    assert jane.misattributed
    assert not trump.misattributed
    assert trump.verification is not None
    assert trump.verification.verdict is Verdict.VERBATIM


def test_statement_without_speaker_is_never_misattributed(index: QuoteIndex) -> None:
    """A statement recorded with no speaker cannot contradict the article."""
    (quoted,) = check("“The harbor will be dredged in spring,” the mayor said.", index)
    assert quoted.match is not None
    assert quoted.match.statement.id == 3
    assert not quoted.misattributed


def test_corpus_articles_match_the_post(tmp_path: Path) -> None:
    """Each of the five reprints quotes the post, and no quote of it is given to another name."""
    with QuoteIndex(tmp_path / "post.qvdb") as index:
        index.add(canonical_post(), speaker="Donald Trump", source="Truth Social")
        for article_id in ARTICLE_IDS:
            matched = [c for c in check(article(article_id), index) if c.match]
            assert matched, article_id
            for checked in matched:
                name = checked.quote.speaker.name if checked.quote.speaker else None
                assert checked.misattributed == speakers_disagree(name, "Donald Trump")


def test_wrong_types_raise_type_error(index: QuoteIndex) -> None:
    """A non-str article or a non-index raises TypeError."""
    with pytest.raises(TypeError, match="bytes"):
        check(b"text", index)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="QuoteIndex"):
        check("text", "index.qvdb")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("quoted", "recorded", "disagree"),
    [
        ("Trump", "Donald Trump", False),
        ("Donald J. Trump", "President Donald Trump", False),
        ("Trump’s", "Donald Trump", False),
        ("Martin Luther King Jr.", "Dr. King", False),
        ("Maria Zakharová", "ZAKHAROVA", False),
        ("Ali Khamenei, Supreme Leader", "Khamenei", False),
        ("Jane Doe", "Donald Trump", True),
        ("the White House", "the Pentagon", True),
        ("senior Iranian official", "Ali Khamenei", False),
        ("Trump’s advisers", "Donald Trump", False),
        (None, "Donald Trump", False),
        ("Donald Trump", None, False),
        ("", "", False),
    ],
)
def test_speakers_compared_by_surname(quoted: str | None, recorded: str, disagree: bool) -> None:
    """Same surname agrees; descriptions and missing names are never a disagreement."""
    assert speakers_disagree(quoted, recorded) is disagree


@given(news_texts, news_texts)
def test_speaker_comparison_is_symmetric(first: str, second: str) -> None:
    """Whether two speakers disagree does not depend on which side each is on."""
    assert speakers_disagree(first, second) == speakers_disagree(second, first)


@given(st.text(max_size=30))
def test_a_name_agrees_with_itself(name: str) -> None:
    """Any name, in any case, never disagrees with itself."""
    assert not speakers_disagree(name, name.upper())
    assert surname(name) is None or surname(name) == surname(name.strip())


@given(news_texts)
def test_check_never_raises_on_text(text: str) -> None:
    """Any article text gives a list of checked quotes."""
    with QuoteIndex() as index:
        index.add("Help is on its way.", speaker="Donald Trump")
        assert isinstance(check(text, index), list)
