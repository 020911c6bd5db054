"""Speaker phrases to names: titles stripped, organisations and unnamed sources told apart
(the document's index of people and organisations is ``people.py``).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence
from typing import NamedTuple

import regex

from quoteverify.lexicon import (
    calendar_words,
    documents,
    name_particles,
    organisation_words,
    pronouns,
    source_heads,
    title_words,
    titles,
)
from quoteverify.sentences import Token

DETERMINERS = frozenset({"the", "a", "an", "one", "another"})
AFFILIATIONS = frozenset({"for", "at", "with", "of"})  # "a spokesperson for the ministry"
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
ACRONYM = regex.compile(r"\p{Lu}{2,}+s?")


class Kind(enum.Enum):
    """What a speaker phrase names."""

    PERSON = "person"  # a named person: "Spokeswoman Maria Zakharova"
    ORG = "org"  # an organisation: "the Institute for the Study of War (ISW)", "the ministry"
    SOURCE = "source"  # an unnamed source or a role: "a senior Iranian official", "the president"
    PRONOUN = "pronoun"  # "he", "they"


class Mention(NamedTuple):
    """A parsed speaker phrase: what it names, the name as the article words it, and what it says
    of the speaker (role, gender ``"m"``/``"f"``, plural); ``document`` when the phrase is a
    document or plan of the one it names ("Brennan’s plan"), which only "it" may stand for."""

    kind: Kind
    name: str | None
    start: int
    end: int
    role: str | None = None
    gender: str | None = None
    plural: bool = False
    document: bool = False


def is_possessive(word: str) -> bool:
    """Whether a word is a possessive ("Trump’s", "officials'").

    >>> is_possessive("Trump’s"), is_possessive("Trumps")
    (True, False)
    """
    return word.endswith(_POSSESSIVE_ENDINGS)


def strip_possessive(word: str) -> str:
    """Return a word without its possessive ending.

    >>> strip_possessive("Trump’s"), strip_possessive("officials'")
    ('Trump', 'officials')
    """
    if word[-2:] in {"’s", "'s"}:
        return word[:-2]
    if word[-1:] in {"’", "'"}:
        return word[:-1]
    return word


def is_capitalised(word: str) -> bool:
    """Return whether ``word`` starts with a capital letter.

    >>> is_capitalised("Trump"), is_capitalised("officials")
    (True, False)
    """
    return word[:1].isupper()


def is_title_word(word: str) -> bool:
    """Return whether ``word`` is (part of) a title or role in ``data/titles.txt``.

    >>> is_title_word("Spokeswoman"), is_title_word("Zakharova")
    (True, False)
    """
    return word.lower() in title_words()


@functools.lru_cache(maxsize=8192)  # a pure test of one word, asked for every capitalised word
def is_org_word(word: str) -> bool:
    """Return whether ``word`` marks an organisation's name: a word like "Council", an acronym.

    >>> is_org_word("Council"), is_org_word("IRGC"), is_org_word("Maria")
    (True, True, False)
    """
    if word in organisation_words():
        return True
    # An acronym ("NATO", "IRGC") starts with two capitals: test that cheaply before the pattern.
    return (
        len(word) > 2
        and word[1].isupper()
        and bool(ACRONYM.fullmatch(word))
        and word not in {"US", "UK", "EU", "UN"}
    )


def gender_of(role_words: Sequence[str]) -> str | None:
    """Return the gender a title gives (``"f"``, ``"m"``) or ``None`` if it gives none.

    >>> gender_of(["Spokeswoman"]), gender_of(["Minister"])
    ('f', None)
    """
    table = titles()
    for size in (3, 2, 1):
        for i in range(len(role_words) - size + 1):
            gender = table.get(" ".join(role_words[i : i + size]).lower())
            if gender:
                return gender
    return None


def name_split(words: Sequence[str]) -> int:
    """Return where the trailing personal name of ``words`` starts (len(words) if none).

    >>> name_split(["US", "President", "Donald", "Trump"])
    2
    """
    lowered = [word.lower() for word in words]
    particles, calendar, title_parts = name_particles(), calendar_words(), title_words()
    i = len(words)
    while i > 0:
        word, low = words[i - 1], lowered[i - 1]
        particle = low in particles and i < len(words)
        name_like = word[:1].isupper() and low not in calendar  # is_capitalised, inlined
        if not (particle or name_like) or is_org_word(word):
            break
        # A title word ends the name unless it is itself the surname ("Martin Luther King").
        if low in title_parts and not (i == len(words) and i > 1 and _is_plain_name(words[i - 2])):
            break
        i -= 1
    while i < len(words) and lowered[i] in particles:
        i += 1
    return i


def _is_plain_name(word: str) -> bool:
    return is_capitalised(word) and not is_title_word(word) and not is_org_word(word)


def parse_phrase(text: str, tokens: Sequence[Token]) -> Mention | None:
    """Parse a speaker phrase (word tokens of ``text``) into a mention, or ``None`` if it names
    nobody.

    >>> from quoteverify.sentences import tokenize
    >>> def parse(s):
    ...     m = parse_phrase(s, tokenize(s, 0, {}))
    ...     return m and (m.kind.value, m.name, m.role, m.gender)
    >>> parse("Spokeswoman Maria Zakharova")
    ('person', 'Maria Zakharova', 'Spokeswoman', 'f')
    >>> parse("a senior Iranian official")
    ('source', 'senior Iranian official', None, None)
    >>> parse("the Institute for the Study of War (ISW)")
    ('org', 'Institute for the Study of War (ISW)', None, None)
    >>> parse("Brennan’s water plan")
    ('person', 'Brennan’s', None, None)
    >>> parse("a spokesperson for the Pacific Minerals Consortium")
    ('source', 'spokesperson for the Pacific Minerals Consortium', None, None)
    """
    words = [t for t in tokens if not t.is_quote]
    if not words:
        return None
    if len(words) == 1 and words[0].text.lower() in pronouns():
        pronoun = pronouns()[words[0].text.lower()]
        plural = pronoun.number == "pl"
        return Mention(
            Kind.PRONOUN, None, words[0].start, words[0].end, None, pronoun.gender, plural
        )
    return _owner_of_document(text, words) or _parse_noun_phrase(text, words)


def _owner_of_document(text: str, words: Sequence[Token]) -> Mention | None:
    """ "Brennan’s plan", "the company’s annual report": the owner, marked as a document's."""
    if len(words) < 2 or words[-1].text.lower() not in documents():
        return None
    owner = next((i for i in range(len(words) - 1) if is_possessive(words[i].text)), None)
    if owner is None:
        return None
    mention = _parse_noun_phrase(text, words[: owner + 1])
    if mention is None or mention.kind is Kind.PRONOUN:
        return None
    return mention._replace(start=words[0].start, end=words[-1].end, document=True)


def _parse_noun_phrase(text: str, words: Sequence[Token]) -> Mention | None:
    start, end = words[0].start, words[-1].end
    lowered = [w.text.lower() for w in words]
    has_determiner = lowered[0] in DETERMINERS
    body = words[1:] if has_determiner else list(words)
    if not body:
        return None
    surface = _surface(text, body)
    texts = [w.text for w in body]
    affiliated = _affiliation(text, body, (start, end), has_determiner=has_determiner)
    if affiliated is None and _is_affiliated_source(texts):
        affiliated = Mention(Kind.SOURCE, surface, start, end, None, gender_of(texts[:1]))
    if affiliated is not None:
        return affiliated
    split = name_split(texts)
    if _is_titled_person(texts, split):
        return _person_or_role(
            text, body, surface, (start, end), split, has_determiner=has_determiner
        )
    if any(is_org_word(strip_possessive(t)) for t in texts if is_capitalised(t)):
        return Mention(Kind.ORG, surface, start, end)
    unnamed = _unnamed(texts, surface, (start, end))
    if unnamed is not None:
        return unnamed
    return _person_or_role(text, body, surface, (start, end), split, has_determiner=has_determiner)


def _unnamed(texts: Sequence[str], surface: str, bounds: tuple[int, int]) -> Mention | None:
    """A phrase naming a group or an unnamed source: "China and Russia", "senior officials"."""
    if "and" in texts[1:-1]:  # "China and Russia", "Arab and European officials"
        return Mention(Kind.SOURCE, surface, *bounds, None, None, plural=True)
    head = strip_possessive(texts[-1]).lower()
    # a capitalised head is a name ("Ministry"), unless it stands alone ("Prosecutors say")
    if head in source_heads() and (not is_capitalised(texts[-1]) or len(texts) == 1):
        kind = Kind.ORG if source_heads()[head] == "org" else Kind.SOURCE
        plural = head.endswith("s")
        return Mention(kind, strip_possessive(surface), *bounds, None, gender_of(texts), plural)
    return None


def _affiliation(
    text: str, body: Sequence[Token], bounds: tuple[int, int], *, has_determiner: bool
) -> Mention | None:
    """Read "A of (the) B": when A ends in an organisation word the whole phrase names the
    organisation ("the Bank of England"); when A is a personal name, the person is the speaker
    and B only their affiliation ("Nadia Farouk of the River Trust")."""
    texts = [w.text for w in body]
    of = next((i for i in range(1, len(texts) - 1) if texts[i] == "of"), None)
    if of is None or any(is_capitalised(t) and is_title_word(t) for t in texts[of + 1 :]):
        return None  # "Bank of England Governor Andrew Bailey" is a titled person
    if is_org_word(texts[of - 1]):
        return Mention(Kind.ORG, _surface(text, body), *bounds)
    if has_determiner or not is_capitalised(texts[of - 1]) or texts[of - 1].isupper():
        return None
    owner = _parse_noun_phrase(text, body[:of])
    if owner is None or owner.kind is not Kind.PERSON:
        return None
    return owner._replace(start=bounds[0], end=bounds[1])


def _is_affiliated_source(texts: Sequence[str]) -> bool:
    """An unnamed source described by where they work: "spokesperson for the Trust"."""
    return (
        len(texts) > 2
        and texts[1] in AFFILIATIONS
        and texts[0].islower()
        and (texts[0] in source_heads() or texts[0] in title_words())
    )


def _is_titled_person(texts: Sequence[str], split: int) -> bool:
    """A title (ending at ``split``, where the name starts) with a personal name after it:
    "European Commission President Ursula von der Leyen" is a person even though "Commission"
    names an organisation."""
    names = texts[split:]
    return (
        0 < split < len(texts)
        and is_title_word(texts[split - 1])
        and not any(map(is_org_word, names))
    )


def _person_or_role(
    text: str,
    body: Sequence[Token],
    surface: str,
    bounds: tuple[int, int],
    split: int,
    *,
    has_determiner: bool,
) -> Mention | None:
    start, end = bounds
    texts = [w.text for w in body]
    role_words = texts[:split]
    role = _surface(text, body[:split]) if split else None
    gender = gender_of(role_words)
    if split == 0 and has_determiner:  # "the Harbour Gulls": people take no article
        return Mention(Kind.ORG, surface, start, end, None, None, texts[-1].endswith("s"))
    if split < len(texts):
        name = _surface(text, body[split:])
        return Mention(Kind.PERSON, name, start, end, role, gender)
    if has_determiner or (role_words and all(is_title_word(t) for t in role_words)):
        return Mention(Kind.SOURCE, surface, start, end, role, gender, texts[-1].endswith("s"))
    if all(t.isalpha() and t.islower() for t in texts) and texts[-1].endswith("s"):
        # a bare plural common noun names a group: "…,’ say tenants"
        return Mention(Kind.SOURCE, surface, start, end, role, gender, texts[-1].endswith("s"))
    return None


def _surface(text: str, tokens: Sequence[Token]) -> str:
    return " ".join(text[tokens[0].start : tokens[-1].end].split())
