"""``check``: every quote of an article against an index of canonical statements.

Each quote is looked up in the index (``QuoteIndex.find``); its best match, if any, comes with
its ``Verification`` and a flag saying whether the article gives the words to someone else.

Speakers are compared by surname, the last word of the name once a trailing role ("Ali
Khamenei, Supreme Leader"), a possessive and a generational suffix ("Jr.") are set aside, with
case and accents folded: "Trump", "Donald J. Trump" and "President Donald Trump" agree. A
speaker the article only describes ("a senior Iranian official", "Trump's advisers": the last
word is not capitalised) is never called a misattribution, nor is a quote with no resolved
speaker, nor a statement recorded without one.
"""

from __future__ import annotations

import unicodedata

import regex

from quoteverify.errors import require_str
from quoteverify.extraction import extract
from quoteverify.index import QuoteIndex
from quoteverify.model import CheckedQuote, Match, Quote

_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
_NAME_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]++(?:['’\-][\p{L}\p{M}\p{N}]++)*+")
_POSSESSIVE = regex.compile(r"['’]s?$")


def check(article_text: str, index: QuoteIndex) -> list[CheckedQuote]:
    """Return every quote of the article with its best match in ``index`` and the speaker check.

    >>> index = QuoteIndex()
    >>> _ = index.add("We will not back down.", speaker="Ann Lee")
    >>> [(c.quote.text, c.match is not None) for c in check('“We will not back down.”', index)]
    [('We will not back down.', True)]
    """
    require_str(article_text, "article_text")
    if not isinstance(index, QuoteIndex):
        raise TypeError(f"index must be a QuoteIndex, got {type(index).__name__}")
    found: dict[str, Match | None] = {}
    checked = []
    for quote in extract(article_text):
        if quote.text not in found:
            found[quote.text] = next(iter(index.find(quote.text, limit=1)), None)
        checked.append(_checked(quote, found[quote.text]))
    return checked


def _checked(quote: Quote, match: Match | None) -> CheckedQuote:
    said_by = quote.speaker.name if quote.speaker else None
    recorded = match.statement.speaker if match else None
    return CheckedQuote(quote, match, misattributed=speakers_disagree(said_by, recorded))


def speakers_disagree(quoted: str | None, recorded: str | None) -> bool:
    """Return whether two named speakers cannot be the same: their surnames differ.

    >>> speakers_disagree("Trump", "Donald J. Trump"), speakers_disagree("Khamenei", "Trump")
    (False, True)
    >>> speakers_disagree("senior Iranian official", "Ali Khamenei")
    False
    """
    quoted_surname, recorded_surname = surname(quoted), surname(recorded)
    return bool(quoted_surname and recorded_surname and quoted_surname != recorded_surname)


def surname(name: str | None) -> str | None:
    """Return the folded last word of a proper name, or ``None`` for a description or nothing.

    >>> surname("Martin Luther King Jr."), surname("Ali Khamenei, Supreme Leader")
    ('king', 'khamenei')
    >>> surname("Trump’s advisers") is None, surname(None) is None
    (True, True)
    """
    if not name:
        return None
    words = [_POSSESSIVE.sub("", w) for w in _NAME_WORD.findall(name.split(",", 1)[0])]
    words = [w for w in words if w and w.casefold().rstrip(".") not in _NAME_SUFFIXES]
    if not words or words[-1][0].islower():
        return None
    return _fold(words[-1])


def _fold(word: str) -> str:
    """Case-fold and strip accents, so "Zakharová" and "ZAKHAROVA" compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
