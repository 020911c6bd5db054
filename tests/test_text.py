"""Tests of tokenisation and the layered normal forms in quoteverify.text."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from quoteverify.text import (
    _TOKEN,
    _WORDISH,
    TokenKind,
    fold_case,
    fold_punctuation,
    fold_spelling,
    scan_words,
    token_key,
    tokenize,
    word_key,
    word_keys,
)
from tests.strategies import news_texts, texts_of_token_shapes

# The tokenizer's pattern before it was restructured for speed, kept as the reference the
# current one must agree with token for token: a restructuring may make a scan faster, never
# change what it finds.
_REFERENCE_JOINERS = (
    "'\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    "\N{MODIFIER LETTER APOSTROPHE}\\-\N{HYPHEN}\N{NON-BREAKING HYPHEN}"
)
_REFERENCE_WORDING = r"""
      (?P<acronym> (?:\p{L}\.){2,12}+ )
    | (?P<word>
        (?:\[\p{L}{1,20}+\])?+
        \p{L} [\p{L}\p{M}\p{Nd}]*+
        (?: [JOINERS] [\p{L}\p{M}\p{Nd}]++ )*+
      )
    | (?P<number> \p{N}++ (?:[.,]\p{N}++)*+ %?+ \p{L}*+ )
    | (?P<bracket> \[ [^\[\]]{0,400}+ \] )
""".replace("JOINERS", _REFERENCE_JOINERS)
_REFERENCE_TOKEN = regex.compile(
    _REFERENCE_WORDING
    + r"""
    | (?P<ellipsis> \N{HORIZONTAL ELLIPSIS} | \.\.\. | \.(?:\p{Zs}\.){2} )
    | (?P<punctuation> [!?]{1,1000}+ | \[ | (?P<mark>[^\s\p{L}\p{N}\[]) (?P=mark){0,1000}+ )
    """,
    regex.VERBOSE,
)
_REFERENCE_WORDISH = regex.compile(
    regex.sub(r"\(\?P<\w+>", "(?:", _REFERENCE_WORDING), regex.VERBOSE
)


def _token_kinds(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    """Each match of a token pattern: its offsets and its kind (initials are words)."""
    kinds = {"acronym": "word"}
    return [
        (m.start(), m.end(), kinds.get(m.lastgroup or "", m.lastgroup or ""))
        for m in pattern.finditer(text)
    ]


def kinds_of(text: str) -> list[tuple[str, str]]:
    """Each token of ``text`` with its kind."""
    return [(t.text, t.kind.value) for t in tokenize(text)]


def test_words_keep_inner_apostrophes_and_hyphens() -> None:
    """Inner apostrophes and hyphens stay inside a word; a closing quote does not."""
    assert kinds_of("you’re anti-regime ‘terrorists’") == [
        ("you’re", "word"),
        ("anti-regime", "word"),
        ("‘", "punctuation"),
        ("terrorists", "word"),
        ("’", "punctuation"),
    ]


def test_numbers() -> None:
    """Grouped, decimal, percent and ordinal numbers are one token each."""
    assert kinds_of("2,000 3.5 25% 1st.") == [
        ("2,000", "number"),
        ("3.5", "number"),
        ("25%", "number"),
        ("1st", "number"),
        (".", "punctuation"),
    ]


def test_punctuation_runs_and_ellipses() -> None:
    """Runs of one mark, and every ellipsis spelling, are single tokens."""
    assert kinds_of("now!!! wait… so... and . . . ?!") == [
        ("now", "word"),
        ("!!!", "punctuation"),
        ("wait", "word"),
        ("…", "ellipsis"),
        ("so", "word"),
        ("...", "ellipsis"),
        ("and", "word"),
        (". . .", "ellipsis"),
        ("?!", "punctuation"),
    ]


def test_brackets() -> None:
    """Bracketed text is one token; an editorial capital stays inside its word."""
    assert kinds_of("MIGA [Make Iran Great Again]!!! [W]e") == [
        ("MIGA", "word"),
        ("[Make Iran Great Again]", "bracket"),
        ("!!!", "punctuation"),
        ("[W]e", "word"),
    ]
    assert kinds_of("an open [bracket") == [
        ("an", "word"),
        ("open", "word"),
        ("[", "punctuation"),
        ("bracket", "word"),
    ]


def test_initials_are_one_word() -> None:
    """Initials with full stops are one word whose key drops the stops."""
    assert kinds_of("the U.S. said") == [("the", "word"), ("U.S.", "word"), ("said", "word")]
    assert word_key("U.S.") == word_key("US")


@given(st.text())
def test_tokens_slice_the_text(text: str) -> None:
    """Every token's span slices the text to the token; tokens are in order and cover it."""
    tokens = tokenize(text)
    at = 0
    for token in tokens:
        assert token.span.text(text) == token.text
        assert token.start >= at
        assert text[at : token.start].strip() == ""
        at = token.end
    assert text[at:].strip() == ""


@given(news_texts)
def test_word_keys_agree_with_tokens(text: str) -> None:
    """word_keys gives the keys of the word and number tokens, in order."""
    expected = [t.key for t in tokenize(text) if t.kind in {TokenKind.WORD, TokenKind.NUMBER}]
    assert word_keys(text) == expected


@given(news_texts)
def test_scan_words_matches_tokenize(text: str) -> None:
    """scan_words keeps exactly the wording tokens of tokenize, with their keys."""
    words = scan_words(text)
    wording = [
        t for t in tokenize(text) if t.kind not in {TokenKind.PUNCTUATION, TokenKind.ELLIPSIS}
    ]
    assert words.texts == [t.text for t in wording]
    assert words.starts == [t.start for t in wording]
    assert words.keys == [t.key for t in wording]


@given(st.one_of(st.text(), news_texts, texts_of_token_shapes))
def test_scan_finds_what_the_reference_pattern_finds(text: str) -> None:
    """The wording scan finds exactly the tokens, at exactly the offsets, of the reference."""
    expected = [m.span() for m in _REFERENCE_WORDISH.finditer(text)]
    assert [m.span() for m in _WORDISH.finditer(text)] == expected
    assert list(zip(scan_words(text).starts, scan_words(text).ends, strict=True)) == expected


@given(st.one_of(st.text(), news_texts, texts_of_token_shapes))
def test_tokenize_finds_what_the_reference_pattern_finds(text: str) -> None:
    """Every token, its offsets and its kind are those of the reference pattern."""
    assert _token_kinds(_TOKEN, text) == _token_kinds(_REFERENCE_TOKEN, text)


@pytest.mark.parametrize(
    "text",
    [
        "U.S. e.g. J.K. A.B.C.D.E.F.G.H.I.J.K.L.M.N. U.S don't don' -x x- [W]e [W] [sic] [",
        "2,000 3.5 25% 1st 2,000,000.5% ½ Ⅻ٣ G7 anti-regime re‐elect you’re ‘quoted’",
    ],
)
def test_reference_agrees_on_every_shape(text: str) -> None:
    """The rare shapes, one by one: initials, editorial letters, numbers, joiners, brackets."""
    assert _token_kinds(_TOKEN, text) == _token_kinds(_REFERENCE_TOKEN, text)
    assert _WORDISH.findall(text) == _REFERENCE_WORDISH.findall(text)


@pytest.mark.parametrize("unit", ["a'", "a-", "1,", "1.", "A.", "[a]", "[", "a", "1"])
def test_scan_is_linear_on_repeated_shapes(unit: str) -> None:
    """Long repetitions of a token's edge shapes scan (no backtracking blow-up)."""
    text = unit * 20_000
    assert _WORDISH.findall(text) == _REFERENCE_WORDISH.findall(text)


def test_case_and_punctuation_folds() -> None:
    """Case folds with compatibility forms; dashes, quotes and repeated marks fold to one."""
    assert fold_case("ＫＥＥＰ Straße") == "keep strasse"
    assert fold_punctuation("–—‐") == "---"
    assert fold_punctuation("‘’“”") == "''\"\""
    assert fold_punctuation("Help!!! Really?? ...") == "Help! Really? …"


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("colour", "color"),
        ("honoured", "honored"),
        ("favourite", "favorite"),
        ("organisation", "organization"),
        ("apologising", "apologizing"),
        ("analysed", "analyzed"),
        ("cancelled", "canceled"),
        ("travellers", "travelers"),
        ("marvellous", "marvelous"),
        ("centre", "center"),
        ("theatres", "theaters"),
        ("centred", "centered"),
        ("catalogue", "catalog"),
        ("dialogues", "dialogs"),
        ("defence", "defense"),
        ("licence", "license"),
        ("programme", "program"),
        ("grey", "gray"),
        ("judgement", "judgment"),
        ("tyres", "tires"),
    ],
)
def test_spelling_pairs_and_rules(british: str, american: str) -> None:
    """A British spelling folds to its American form; the American form is left alone."""
    assert fold_spelling(british) == american
    assert fold_spelling(american) == american


@pytest.mark.parametrize(
    "word",
    [
        "four", "your", "hours", "tour", "detour", "flour",
        "promise", "surprised", "exercise", "advertising", "rise", "noise", "praise",
        "called", "killed", "filled", "timbre", "genre", "acre", "there", "rogue",
        "names", "killers", "protesters",
    ],
)  # fmt: skip
def test_words_the_rules_leave_alone(word: str) -> None:
    """Short words, exceptions and plurals are never rewritten by the spelling rules."""
    assert fold_spelling(word) == word


def test_numbers_and_plurals_are_never_spelling() -> None:
    """2,000 and 20,000 have different keys; so do a word and its plural."""
    assert token_key("2,000", TokenKind.NUMBER) != token_key("20,000", TokenKind.NUMBER)
    assert token_key("2,000", TokenKind.NUMBER) == token_key("2000", TokenKind.NUMBER)
    assert word_key("names") != word_key("name")


def test_word_key_folds_every_layer() -> None:
    """A word's key folds case, apostrophe style and spelling, part by part."""
    assert word_key("Colour’s") == word_key("color's")
    assert word_key("Re-Organised") == "re-organized"
    assert word_key("[W]e") == "we"


def test_long_junk_word_is_left_alone() -> None:
    """A very long run of letters is not rewritten (and costs no more than its length)."""
    junk = "ab" * 50_000 + "our"
    assert fold_spelling(junk) == junk
    assert len(word_keys(junk)) == 1


@pytest.mark.parametrize("bad", [None, b"x", 1])
def test_non_str_raises_type_error(bad: object) -> None:
    """tokenize and word_keys refuse what is not a str, naming its type."""
    with pytest.raises(TypeError, match=type(bad).__name__):
        tokenize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(bad).__name__):
        word_keys(bad)  # type: ignore[arg-type]
