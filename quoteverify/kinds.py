"""What a quoted passage is: someone's words in full (DIRECT), a fragment of them set in the
reporter's sentence (PARTIAL), or a term, title or name (TERM), read from its form and the few
words around its marks.
"""

from __future__ import annotations

import regex

from quoteverify.lexicon import function_words, naming_verbs, speech_verbs, term_cues
from quoteverify.model import Quote, QuoteKind
from quoteverify.names import DETERMINERS, is_possessive
from quoteverify.sentences import mark_extent

_CONTEXT = 48  # characters read on each side of a quote
_WORD = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’\-](?=[\p{L}\p{N}]))*+")
_LAST_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*+")
_FIRST_CHARACTER = regex.compile(r"[\p{L}\p{N}]")
_QUOTATION_MARK = regex.compile(r"\p{Quotation_Mark}")
_OPENERS = frozenset(".!?:,;—–-([•…")
_SENTENCE_END = frozenset(".!?")
_TERM_WORDS = 4
# present tense names a thing ("the team calls it …"); "called the plan …" reports a remark
_CALL = frozenset({"call", "calls"})
_NAMING_REACH = 4  # words before a quote searched for a naming verb
# The end of a sentence: a term cue must stand in the quote's own sentence.
_SENTENCE_BREAK = regex.compile(r"[.!?][\"”’']?+\s++")
_SENTENCE_WORDS = 3
_CLAUSE_WORDS = 4
_MODIFIER_DETERMINERS = DETERMINERS | {
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
}


def quote_kind(text: str, quote: Quote) -> QuoteKind:
    """Return the kind of ``quote`` (its first piece decides) from its form and surroundings.

    >>> from quoteverify.model import Span
    >>> def kind(s):
    ...     start = s.index("“") + 1
    ...     return quote_kind(s, Quote("", (Span(start, s.index("”")),))).value
    >>> kind("She said: “We will stay.”"), kind("She called it “a mistake” twice.")
    ('direct', 'partial')
    >>> kind("the so-called “peace plan” failed"), kind("a broader “maximum pressure” campaign")
    ('term', 'term')
    """
    if not quote.spans:
        return QuoteKind.DIRECT
    span = quote.spans[0]
    outer_start, outer_end = mark_extent(text, span.start, span.end)
    inner = text[span.start : span.end]
    before = _line_before(text, outer_start)
    after = text[outer_end : outer_end + _CONTEXT].split("\n", 1)[0]
    recent = _recent_words(before)
    words_before = recent[-2:]
    inner_words = inner.split(maxsplit=_CLAUSE_WORDS)
    if (
        _introduced_as_term(recent)
        or _modifies_noun(inner, inner_words, words_before, after)
        or _is_title(inner, inner_words, words_before, after)
    ):
        return QuoteKind.TERM
    first = _FIRST_CHARACTER.search(inner)
    if first is None or not (first.group().isupper() or first.group().isdigit()):
        return QuoteKind.PARTIAL
    opener = before.rstrip()[-1:]
    if opener == "" or opener in _OPENERS or _QUOTATION_MARK.match(opener):
        return QuoteKind.DIRECT
    if len(inner_words) >= _CLAUSE_WORDS:  # a capitalised clause is given as someone's words
        return QuoteKind.DIRECT
    closes = after.lstrip()[:1]
    ends = inner.rstrip()[-1:] in _SENTENCE_END or closes in {"", *_SENTENCE_END}
    return QuoteKind.DIRECT if ends and len(inner_words) >= _SENTENCE_WORDS else QuoteKind.PARTIAL


def is_term_cue_before(text: str, quote: Quote) -> bool:
    """Whether the words before a quote present it as a term ("so-called", "known locally
    as", "to label the payments").

    >>> from quoteverify.model import Span
    >>> text = "the site, known locally as ‘the Crescent’, is empty"
    >>> is_term_cue_before(text, Quote("the Crescent", (Span(28, 40),)))
    True
    >>> text = "They refused to label it. “We go on,” she said."
    >>> is_term_cue_before(text, Quote("We go on,", (Span(27, 36),)))
    False
    """
    if not quote.spans:
        return False
    outer_start = mark_extent(text, quote.spans[0].start, quote.spans[0].end)[0]
    before = _line_before(text, outer_start)
    return _introduced_as_term(_recent_words(before))


def _line_before(text: str, outer_start: int) -> str:
    """The text just before a quote's opening mark, up to ``_CONTEXT`` characters, in its line."""
    return text[max(0, outer_start - _CONTEXT) : outer_start].rsplit("\n", 1)[-1]


def _recent_words(before: str) -> list[str]:
    """The last few words before a quote, lower-cased, from its own sentence only: a cue at
    the end of the previous sentence ("…declined to rename it. “…”") does not name the quote."""
    sentence = _SENTENCE_BREAK.split(before)[-1]
    return [w.lower() for w in _LAST_WORDS.findall(sentence)[-_NAMING_REACH:]]


def _introduced_as_term(recent: list[str]) -> bool:
    """A term cue in the last words, an adverb allowed inside it ("known locally as"), or a
    naming verb a few words back ("label the transfers “…”")."""
    if not naming_verbs().isdisjoint(recent) or _names_a_thing(recent):
        return True
    words = [w for w in recent[-3:] if not _is_adverb(w)][-2:]
    return bool(words) and (words[-1] in term_cues() or " ".join(words) in term_cues())


def _names_a_thing(recent: list[str]) -> bool:
    """ "calls the phenomenon “…”": a naming "call" with a noun phrase for its object."""
    return len(recent) >= 3 and recent[-3] in _CALL and recent[-2] in _MODIFIER_DETERMINERS


def is_scare_quote(text: str, quote: Quote) -> bool:
    """Whether a quote nobody is said to speak reads as scare quotes: one or two lower-case
    words closing a noun phrase ("his own water “framework” in 2019").

    >>> from quoteverify.model import Span
    >>> is_scare_quote("his own water “framework” in 2019", Quote("", (Span(15, 24),)))
    True
    >>> is_scare_quote("trade would “collapse” soon", Quote("", (Span(13, 21),)))
    False
    """
    if not quote.spans:
        return False
    span = quote.spans[0]
    outer_start = mark_extent(text, span.start, span.end)[0]
    before = _line_before(text, outer_start)
    recent = [w.lower() for w in _LAST_WORDS.findall(before)[-_NAMING_REACH:]]
    inner = text[span.start : span.end]
    return _is_scare_quote(inner, inner.split(maxsplit=_CLAUSE_WORDS), recent)


def _is_scare_quote(inner: str, inner_words: list[str], recent: list[str]) -> bool:
    if not 0 < len(inner_words) <= 2 or not inner[:1].islower():
        return False
    if inner.rstrip()[-1:] in {*_SENTENCE_END, ",", ";", ":"}:
        return False
    if any(w in speech_verbs() or w == "to" for w in recent):
        return False
    if not recent:
        return False
    last = recent[-1]
    if last in _MODIFIER_DETERMINERS or is_possessive(last):
        return True  # "the “framework”"
    # "his own water “framework”", not "the line would “hold firm”"
    opens = any(w in _MODIFIER_DETERMINERS or is_possessive(w) for w in recent[-3:-1])
    return opens and last not in function_words()


def _is_adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly")


def _is_title(inner: str, inner_words: list[str], words_before: list[str], after: str) -> bool:
    """A name in capitals after "the" or a titled work's noun, ending no sentence: "a copy of
    the “Riverside Charter” in 2023"."""
    if not words_before or not 0 < len(inner_words) <= _TERM_WORDS:
        return False
    last = words_before[-1]
    if last != "the" and "the " + last not in term_cues() and not is_possessive(last):
        return False  # "the “Riverside Charter”", "whose 2019 book “The Quiet Abyss”", "the
        # network’s “Morning Desk”"
    if inner.rstrip()[-1:] in {*_SENTENCE_END, ",", ";", ":"}:
        return False
    capitalised = [w for w in inner_words if w.lower() not in function_words()]
    return bool(capitalised) and all(w[:1].isupper() for w in capitalised) and bool(after)


def _modifies_noun(
    inner: str, inner_words: list[str], words_before: list[str], after: str
) -> bool:
    """A short quote between a determiner and a noun is a name used as a modifier: a “maximum
    pressure” campaign."""
    if not 0 < len(inner_words) <= _TERM_WORDS or inner.rstrip()[-1:] in {
        *_SENTENCE_END,
        ",",
        ";",
        ":",
    }:
        return False
    following = _WORD.match(after.lstrip())
    if following is None or after[:1] not in {" ", "\u00a0"} or not following.group().islower():
        return False
    word = following.group()
    if word in function_words() or word in speech_verbs():
        return False
    return any(w in _MODIFIER_DETERMINERS or is_possessive(w) for w in words_before) and not any(
        w == "to" or w in speech_verbs() for w in words_before
    )  # "what she called a “…” plan" is her word for it, not a name
