"""What a quoted passage is: someone's words in full (DIRECT), a fragment of them set in the
reporter's sentence (PARTIAL), or a term, title or name (TERM), read from its form and the few
words around its marks.
"""

from __future__ import annotations

import regex

from quoteverify.lexicon import function_words, speech_verbs, term_cues
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
    before = text[max(0, outer_start - _CONTEXT) : outer_start].rsplit("\n", 1)[-1]
    after = text[outer_end : outer_end + _CONTEXT].split("\n", 1)[0]
    words_before = [w.lower() for w in _LAST_WORDS.findall(before[-_CONTEXT // 2 :])[-2:]]
    inner_words = inner.split(maxsplit=_CLAUSE_WORDS)
    if _introduced_as_term(words_before) or _modifies_noun(
        inner, inner_words, words_before, after
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


def _introduced_as_term(words_before: list[str]) -> bool:
    return bool(words_before) and (
        words_before[-1] in term_cues() or " ".join(words_before) in term_cues()
    )


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
    return any(w in _MODIFIER_DETERMINERS or is_possessive(w) for w in words_before) and (
        not words_before or (words_before[-1] != "to" and words_before[-1] not in speech_verbs())
    )
