"""The word lists attribution reads: speech verbs and nouns, titles, source heads, pronouns.

Each list is a plain text file under ``quoteverify/data/``, read the first time it is asked for
and cached, so importing the package reads nothing. Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import enum
import functools
from importlib import resources
from typing import NamedTuple


class VerbForm(enum.Enum):
    """How a speech verb is inflected, which decides where its subject is found."""

    PRESENT = "present"  # say, says: needs a subject or an auxiliary next to it
    PAST = "past"  # said, has said, was quoted: a finite verb or a participle
    ING = "ing"  # saying, warning: a participle clause, its subject is the clause's


class Pronoun(NamedTuple):
    """A pronoun's gender (``"m"``, ``"f"`` or ``None`` for either) and number."""

    gender: str | None
    number: str


def _lines(name: str) -> list[str]:
    """Return the non-comment, non-blank lines of a data file, stripped at the end."""
    text = (resources.files("quoteverify.data") / name).read_text(encoding="utf-8")
    return [line.rstrip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _columns(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)]


def _verb_form(word: str, position: int) -> VerbForm:
    if word.endswith("ing"):
        return VerbForm.ING
    if word.endswith("ed"):
        return VerbForm.PAST
    if position == 0 or (position == 1 and word.endswith("s")):
        return VerbForm.PRESENT
    return VerbForm.PAST


@functools.cache
def speech_verbs() -> dict[str, VerbForm]:
    """Return every inflected speech or writing verb, mapped to its form.

    >>> speech_verbs()["said"].name, speech_verbs()["warning"].name, speech_verbs()["says"].name
    ('PAST', 'ING', 'PRESENT')
    """
    verbs: dict[str, VerbForm] = {}
    for line in _lines("speech_verbs.txt"):
        for position, word in enumerate(line.split()):
            verbs.setdefault(word, _verb_form(word, position))
    return verbs


@functools.cache
def speech_nouns() -> frozenset[str]:
    """Return the nouns that carry an attribution ("statement", "post", "remarks").

    >>> "statement" in speech_nouns()
    True
    """
    return frozenset(_lines("speech_nouns.txt"))


@functools.cache
def titles() -> dict[str, str | None]:
    """Return every title or role, lower-cased, mapped to the gender it implies (or ``None``).

    >>> titles()["spokeswoman"], titles()["president"]
    ('f', None)
    """
    return {row[0].lower(): (row[1] if len(row) > 1 else None) for row in _columns("titles.txt")}


@functools.cache
def title_words() -> frozenset[str]:
    """Return every single word that occurs in a title ("supreme", "leader", "sen.").

    >>> "envoy" in title_words()
    True
    """
    return frozenset(word for title in titles() for word in title.split())


@functools.cache
def source_heads() -> dict[str, str]:
    """Return the heads of unnamed-source and lower-case organisation phrases and their kind.

    >>> source_heads()["officials"], source_heads()["ministry"]
    ('people', 'org')
    """
    return {row[0]: row[1] for row in _columns("sources.txt")}


@functools.cache
def organisation_words() -> frozenset[str]:
    """Return the capitalised words that mark a name as an organisation's ("Ministry").

    >>> "Institute" in organisation_words()
    True
    """
    return frozenset(_lines("organisations.txt"))


@functools.cache
def pronouns() -> dict[str, Pronoun]:
    """Return the pronouns that can stand for a speaker, lower-cased.

    >>> pronouns()["she"]
    Pronoun(gender='f', number='sg')
    """
    return {
        row[0]: Pronoun(None if row[1] == "-" else row[1], row[2])
        for row in _columns("pronouns.txt")
    }


@functools.cache
def name_particles() -> frozenset[str]:
    """Return the particles that may sit inside a person's name, lower-cased ("von", "al").

    >>> "bin" in name_particles()
    True
    """
    return frozenset(_lines("name_particles.txt"))


@functools.cache
def function_words() -> frozenset[str]:
    """Return the function words (articles, prepositions, auxiliaries), lower-cased.

    >>> "the" in function_words(), "minister" in function_words()
    (True, False)
    """
    return frozenset(_lines("function_words.txt"))


@functools.cache
def abbreviations() -> frozenset[str]:
    """Return the abbreviations whose final period does not end a sentence, lower-cased.

    >>> "u.s." in abbreviations()
    True
    """
    return frozenset(_lines("abbreviations.txt"))


@functools.cache
def calendar_words() -> frozenset[str]:
    """Return the days, months and time words that are never part of a name, lower-cased.

    >>> "tuesday" in calendar_words()
    True
    """
    return frozenset(_lines("calendar.txt"))


@functools.cache
def term_cues() -> frozenset[str]:
    """Return the words that mark the quote after them as a term or a title, lower-cased.

    >>> "so-called" in term_cues(), "the phrase" in term_cues()
    (True, True)
    """
    return frozenset(_lines("term_cues.txt"))


@functools.cache
def auxiliaries() -> frozenset[str]:
    """Return the auxiliaries and adverbs that may sit between a subject and its verb.

    >>> "has" in auxiliaries(), "reportedly" in auxiliaries()
    (True, True)
    """
    return frozenset(_lines("auxiliaries.txt"))


@functools.cache
def documents() -> frozenset[str]:
    """Return the nouns for documents and plans that "it" may stand for ("plan", "report").

    >>> "plan" in documents(), "minister" in documents()
    (True, False)
    """
    return frozenset(_lines("documents.txt"))


@functools.cache
def naming_verbs() -> frozenset[str]:
    """Return the inflected verbs that give something a name ("labelled", "dubbed").

    >>> "label" in naming_verbs(), "said" in naming_verbs()
    (True, False)
    """
    return frozenset(_lines("naming_verbs.txt"))


@functools.cache
def ly_nouns() -> frozenset[str]:
    """Return the nouns that end in "-ly" and so look like adverbs ("family", "weekly").

    >>> "family" in ly_nouns(), "firmly" in ly_nouns()
    (True, False)
    """
    return frozenset(_lines("ly_nouns.txt"))
