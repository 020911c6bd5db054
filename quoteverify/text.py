"""Tokens with offsets, and the layered normal forms that words are compared under.

A text is cut into words (with inner apostrophes and hyphens, "U.S."-style initials and "[W]e"
with an editorial letter), numbers (``2,000``, ``25%``, ``3.5``), punctuation runs (``!!!``),
ellipses (``…``, ``...``, ``. . .``) and bracketed editorial text (``[Make Iran Great Again]``).
White space is not a token: it is whatever lies between tokens.

Words are compared in layers, so a difference gets the most specific name: case
(:func:`fold_case`), punctuation glyphs inside a word (:func:`fold_punctuation`), then spelling
variants (:func:`fold_spelling`: British/American pairs and rules, with a list of exceptions, both
kept in ``quoteverify/data/``). :func:`word_key` applies all three; :func:`word_keys` gives the
keys of a whole text, fast, for retrieval and alignment.
"""

from __future__ import annotations

import enum
import functools
import unicodedata
from importlib import resources
from typing import TYPE_CHECKING

import attrs
import regex

from quoteverify.errors import require_str
from quoteverify.model import Span

if TYPE_CHECKING:
    from collections.abc import Mapping


class TokenKind(enum.StrEnum):
    """What a token is; only words, numbers and brackets carry the speaker's wording."""

    WORD = "word"
    NUMBER = "number"
    PUNCTUATION = "punctuation"
    ELLIPSIS = "ellipsis"
    BRACKET = "bracket"


@attrs.frozen
class Token:
    """A token of a text: its text as written, its offsets and its kind.

    >>> t = Token("Help", 0, 4, TokenKind.WORD)
    >>> t.span, t.key
    (Span(start=0, end=4), 'help')
    """

    text: str
    start: int
    end: int
    kind: TokenKind

    @property
    def span(self) -> Span:
        """Where the token is in the text it came from."""
        return Span(self.start, self.end)

    @property
    def key(self) -> str:
        """The token's fully normalised form (see :func:`token_key`)."""
        return token_key(self.text, self.kind)


# Characters that join the parts of one word: apostrophes (don’t, Iran’s) and hyphens.
_JOINERS_CLASS = (
    "'\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
    "\N{MODIFIER LETTER APOSTROPHE}\\-\N{HYPHEN}\N{NON-BREAKING HYPHEN}"
)

# The rest of a word after its first letter: letters, marks or digits, then inner apostrophes or
# hyphens each followed by more of them.
_WORD_TAIL = r"[\p{L}\p{M}\p{Nd}]* (?: [JOINERS] [\p{L}\p{M}\p{Nd}]+ )*".replace(
    "JOINERS", _JOINERS_CLASS
)

# The wording alternatives, each picked by its first character. A plain word, the common case,
# is a letter and one cheap run; "U.S."-style initials branch off after the first letter.
# Linear on any input: a repeat with something after it that can fail is possessive and
# bounded; the repeats left plain end their alternative, where nothing can fail after them, so
# the engine never backtracks into them (and plain repeats scan faster than possessive ones).
_WORDING = r"""
      (?P<word>
        \p{L} (?: \. (?:\p{L}\.){1,11}                       # initials: U.S., e.g., J.K.
               | TAIL )                                     # a word: don’t, anti-regime, G7
      | \[\p{L}{1,20}+\] \p{L} TAIL                          # with an editorial letter: [W]e
      )
    | (?P<number> \p{N}+ (?:[.,]\p{N}+)* %? \p{L}* )          # 2,000  3.5  25%  1st
    | (?P<bracket> \[ [^\[\]]{0,400}+ \] )                   # [Make Iran Great Again]
""".replace("TAIL", _WORD_TAIL)

_TOKEN = regex.compile(
    _WORDING
    + r"""
    | (?P<ellipsis> \N{HORIZONTAL ELLIPSIS}
                  | \.\.\.                                   # three full stops
                  | \.(?:\p{Zs}\.){2} )                      # spaced: . . .
    | (?P<punctuation> [!?]{1,1000}+                         # !!!  ?!
                     | \[                                    # an unclosed bracket, alone
                     | (?P<mark>[^\s\p{L}\p{N}\[]) (?P=mark){0,1000}+ )  # a run of one glyph
    """,
    regex.VERBOSE,
)

# Only the tokens that carry wording; a scan with it skips punctuation. Named groups make a
# match slower by half, so this scan has none: a token's kind is read off its first character
# (see ``_wording_kind``).
_WORDISH = regex.compile(regex.sub(r"\(\?P<\w+>", "(?:", _WORDING), regex.VERBOSE)

_KINDS: Mapping[str, TokenKind] = {
    "word": TokenKind.WORD,
    "number": TokenKind.NUMBER,
    "bracket": TokenKind.BRACKET,
    "ellipsis": TokenKind.ELLIPSIS,
    "punctuation": TokenKind.PUNCTUATION,
}


def tokenize(text: str) -> list[Token]:
    """Return the tokens of ``text`` in order, with offsets into ``text``; white space is skipped.

    >>> [(t.text, t.kind.value) for t in tokenize("Save 2,000 names!!! … [sic]")]
    [('Save', 'word'), ('2,000', 'number'), ('names', 'word'), ('!!!', 'punctuation'), ('…', 'ellipsis'), ('[sic]', 'bracket')]
    """  # noqa: E501
    require_str(text)
    return [
        Token(m.group(), m.start(), m.end(), _KINDS[m.lastgroup or "punctuation"])
        for m in _TOKEN.finditer(text)
    ]


@attrs.frozen
class WordList:
    """The wording tokens of a text as parallel lists: the fast form the aligner works on.

    ``keys[i]`` is the normalised key of ``texts[i]``, found at ``text[starts[i]:ends[i]]``;
    ``brackets[i]`` is true for bracketed editorial text (whose key is its bracketed text).
    """

    keys: list[str]
    texts: list[str]
    starts: list[int]
    ends: list[int]
    brackets: list[bool]

    def __len__(self) -> int:
        return len(self.keys)


def scan_words(text: str) -> WordList:
    """Return the word, number and bracket tokens of ``text`` as a :class:`WordList`.

    The last few texts scanned are remembered (a canonical text is usually checked against
    many variants); treat the lists of the result as read-only.

    >>> w = scan_words("MIGA [Make Iran Great Again]!!!")
    >>> w.keys, w.brackets
    (['miga', '[make iran great again]'], [False, True])
    """
    return _scan_words(require_str(text))


@functools.lru_cache(maxsize=32)
def _scan_words(text: str) -> WordList:
    # Each list is built in one pass at C speed: no Python code runs per token.
    matches = list(_WORDISH.finditer(text))
    texts = list(map(regex.Match.group, matches))
    return WordList(
        _keys_of(texts),
        texts,
        list(map(regex.Match.start, matches)),
        list(map(regex.Match.end, matches)),
        list(map(_is_bracket, texts)) if "[" in text else [False] * len(texts),
    )


def word_keys(text: str) -> list[str]:
    """Return the normalised keys of the words and numbers of ``text``, in order.

    Punctuation and bracketed editorial text are left out; keys are case-, punctuation- and
    spelling-folded, so reprints of one statement share them.

    >>> word_keys("I have CANCELLED all meetings [with Iran]: 2,000 of them!")
    ['i', 'have', 'canceled', 'all', 'meetings', '2000', 'of', 'them']
    """
    require_str(text)
    tokens = _WORDISH.findall(text)
    if "[" in text:
        tokens = [token for token in tokens if not _is_bracket(token)]
    return _keys_of(tokens)


def _keys_of(tokens: list[str]) -> list[str]:
    """The keys of wording tokens.

    The hot path of scanning, retrieval and grouping: every token is looked up at C speed, then
    the few keys not yet remembered are filled in.
    """
    keys = list(map(_WORDING_KEYS.get, tokens))
    if None in keys:
        keys = [_wording_key(t) if k is None else k for k, t in zip(keys, tokens, strict=True)]
    return keys  # type: ignore[return-value]  # every None was just replaced


def _is_bracket(token: str) -> bool:
    """Whether a wording token is bracketed editorial text ("[sic]"), not a word like "[W]e"."""
    return token[0] == "[" and token[-1] == "]"


def _wording_kind(token: str) -> str:
    """The kind of a token ``_WORDISH`` found, from its shape: the alternatives can't overlap."""
    if token[0] == "[":
        return "bracket" if token[-1] == "]" else "word"
    return "word" if token[0].isalpha() else "number"


_WORDING_KEYS: dict[str, str] = {}
_WORDING_KEYS_LIMIT = 1 << 17  # a bound on memory, whatever text passes through


def _wording_key(token: str) -> str:
    """The key of a wording token, remembered: news reuses a small vocabulary."""
    key = _WORDING_KEYS.get(token)
    if key is None:
        if len(_WORDING_KEYS) >= _WORDING_KEYS_LIMIT:
            _WORDING_KEYS.clear()
        key = _WORDING_KEYS[token] = _key(token, _wording_kind(token))
    return key


def token_key(text: str, kind: TokenKind) -> str:
    """Return the fully normalised key of a token's text.

    >>> token_key("Colour’s", TokenKind.WORD), token_key("20,000", TokenKind.NUMBER)
    ("color's", '20000')
    """
    group = {TokenKind.WORD: "word", TokenKind.NUMBER: "number", TokenKind.BRACKET: "bracket"}
    return _key(text, group.get(kind, "punctuation"))


@functools.lru_cache(maxsize=1 << 16)
def _key(text: str, kind: str) -> str:
    if kind == "word":
        return word_key(text)
    if kind == "number":
        return _number_key(text)
    return fold_punctuation(fold_case(text))


_THOUSANDS = regex.compile(r"\p{N}{1,3}+(?:,\p{N}{3})++(?![,\p{N}])")


def _number_key(text: str) -> str:
    """A number's key: thousands separators dropped, so ``2,000`` and ``2000`` are one number."""
    folded = fold_case(text)
    if _THOUSANDS.match(folded):
        return folded.replace(",", "")
    return folded


def word_key(word: str) -> str:
    """Return a word's key: case, punctuation and spelling folded.

    >>> word_key("Cancelled"), word_key("[W]e"), word_key("U.S."), word_key("re-organise")
    ('canceled', 'we', 'us', 're-organize')
    """
    folded = fold_punctuation(fold_case(word)).replace("[", "").replace("]", "")
    if _INITIALS.fullmatch(folded):
        return folded.replace(".", "")
    parts = _JOINERS.split(folded)
    return "".join(part if i % 2 else fold_spelling(part) for i, part in enumerate(parts))


_INITIALS = regex.compile(r"(?:\p{L}\.){2,12}+")
_JOINERS = regex.compile(r"(['-])")


def fold_case(text: str) -> str:
    """Return ``text`` in compatibility normal form, case-folded.

    >>> fold_case("KEEP Protesting"), fold_case("Straße")
    ('keep protesting', 'strasse')
    """
    return unicodedata.normalize("NFKC", text).casefold()


# Each glyph of a family folds to one representative.
_DASHES = regex.compile(r"[\p{Pd}\N{MINUS SIGN}]")
_SINGLE_QUOTES = regex.compile(
    "[\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{SINGLE LOW-9 QUOTATION MARK}\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}"
    "\N{MODIFIER LETTER APOSTROPHE}\N{PRIME}\N{GRAVE ACCENT}\N{ACUTE ACCENT}]"
)
_DOUBLE_QUOTES = regex.compile(
    "[\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{DOUBLE LOW-9 QUOTATION MARK}\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}"
    "\N{DOUBLE PRIME}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]"
)
_ELLIPSES = regex.compile(r"\.\.\.|\.(?:\p{Zs}\.){2}")
_REPEATED = regex.compile(r"([!?])\1{1,1000}+")


def fold_punctuation(text: str) -> str:
    """Return ``text`` with every dash, quote and ellipsis style folded, repeated ``!``/``?`` once.

    >>> fold_punctuation("you’re — “no”!!! . . .")
    'you\\'re - "no"! …'
    """
    if text.isascii() and text.isalnum():
        return text  # ASCII letters and digits: none of them is a mark that folds
    text = _DASHES.sub("-", text)
    text = _SINGLE_QUOTES.sub("'", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    text = _ELLIPSES.sub("\N{HORIZONTAL ELLIPSIS}", text)
    return _REPEATED.sub(r"\1", text)


# Spelling rules: a British ending and the American one, inflections kept. ``stem`` must be
# long enough that short words (four, rise, prise) are never touched. The last column is a
# piece of text every word the rule rewrites contains: a cheap test that rules most words out.
_SPELLING_RULES: tuple[tuple[regex.Pattern[str], str, str, str], ...] = tuple(
    (regex.compile(pattern), replacement, base, marker)
    for pattern, replacement, base, marker in (
        # colour, honoured, favourite, savoury
        (
            r"(?P<stem>\p{L}{2,}?)our(?P<end>|s|ed|ing|er|ers|ite|ites|able|ably|ful|less|y)",
            r"\g<stem>or\g<end>",
            "our",
            "our",
        ),
        # realise, organisation, apologising
        (
            r"(?P<stem>\p{L}{3,}?)is(?P<end>e|es|ed|ing|er|ers|ation|ations|ational)",
            r"\g<stem>iz\g<end>",
            "ise",
            "is",
        ),
        # analyse, paralysed
        (r"(?P<stem>\p{L}{2,}?)ys(?P<end>e|es|ed|ing|er|ers)", r"\g<stem>yz\g<end>", "yse", "ys"),
        # cancelled, travelling, counsellor, marvellous: a doubled l after an unstressed vowel
        (
            r"(?P<stem>\p{L}*?[aeiou][^aeiou\W]++[aeiou])ll(?P<end>ed|ing|er|ers|or|ors|ous)",
            r"\g<stem>l\g<end>",
            "",
            "ll",
        ),
        # centre, theatres, fibre, meagre, centred
        (r"(?P<stem>\p{L}{2,}?(?:t|b|g|v|ch))re(?P<end>|s)", r"\g<stem>er\g<end>", "re", "re"),
        (r"(?P<stem>\p{L}{2,}?(?:t|b|g|v|ch))red", r"\g<stem>ered", "re", "red"),
        # catalogue, dialogues
        (r"(?P<stem>\p{L}{3,}?)ogue(?P<end>|s)", r"\g<stem>og\g<end>", "ogue", "ogue"),
        # defence, offences, pretence, licence
        (r"(?P<stem>\p{L}*?(?:fen|ten|cen))ce(?P<end>|s)", r"\g<stem>se\g<end>", "ce", "ence"),
    )
)


_LONGEST_WORD = 40  # longer "words" are junk, not English: left alone, and bound the rules' work


def fold_spelling(word: str) -> str:
    """Return the American spelling of a lower-case ``word``, or the word if it has none.

    Numbers and plurals are never folded: ``names`` stays ``names``.

    >>> [fold_spelling(w) for w in ["colours", "realised", "cancelled", "centre", "grey"]]
    ['colors', 'realized', 'canceled', 'center', 'gray']
    >>> [fold_spelling(w) for w in ["four", "promise", "names", "timbre", "called"]]
    ['four', 'promise', 'names', 'timbre', 'called']
    """
    if len(word) > _LONGEST_WORD:
        return word
    pairs = _spelling_pairs()
    if word in pairs:
        return pairs[word]
    exceptions = _spelling_exceptions()
    for pattern, replacement, base, marker in _SPELLING_RULES:
        if marker not in word:
            continue
        match = pattern.fullmatch(word)
        if match is None:
            continue
        if word in exceptions or match["stem"] + base in exceptions:
            return word
        return match.expand(replacement)
    return word


def _data_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of a file under ``quoteverify/data/``."""
    text = (resources.files("quoteverify") / "data" / name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


@functools.cache
def _spelling_pairs() -> dict[str, str]:
    """British spelling -> American spelling, from ``data/spelling_pairs.txt``."""
    pairs: dict[str, str] = {}
    for line in _data_lines("spelling_pairs.txt"):
        british, american = line.split()
        pairs[british] = american
    return pairs


@functools.cache
def _spelling_exceptions() -> frozenset[str]:
    """Words the spelling rules leave alone, from ``data/spelling_exceptions.txt``."""
    return frozenset(_data_lines("spelling_exceptions.txt"))
