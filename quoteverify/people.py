"""The people and organisations a document names, indexed once, so aliases ("Trump", "the
president") resolve to the fullest name the article gives and pronouns find a compatible
antecedent.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import regex

from quoteverify.lexicon import calendar_words, function_words, pronouns, speech_verbs
from quoteverify.names import (
    ACRONYM,
    gender_of,
    is_capitalised,
    is_org_word,
    is_possessive,
    is_title_word,
    name_split,
    strip_possessive,
)

MIN_INITIALS = 3  # an acronym shorter than this is not taken as an organisation's initials
# A run of capitalised words (with name particles between them) or a personal pronoun.
# Two or more capitalised words, with name particles between them ("Ursula von der Leyen").
_NAME_WORD = r"\p{Lu}(?:[\p{L}\p{M}'’\-]|\.(?=\p{L})){0,40}+"  # "Lee", "U.S", "O’Neil"
# The lookahead is the cheap part of the same test: a capitalised word (at most 42 characters,
# no space inside), a space, perhaps a particle, then a capital. Most capitals (a sentence's first
# word, a single name) fail it, and are never tried against the full pattern.
_NAME_RUN = regex.compile(
    rf"""
    \b(?=\p{{Lu}}[^ \u00a0]{{0,41}}+[ \u00a0](?:[a-z]{{2,3}}[ \u00a0])?\p{{Lu}})
    {_NAME_WORD}
    (?:(?:(?<=\b\p{{Lu}}\p{{Ll}}{{0,3}})\.)?[ \u00a0]           # "Mr. Lee": a short title's period
       (?:(?:al|bin|ibn|abu|von|van|der|den|de|la|le|du|da|di|el|dos|del)[ \u00a0])?
       {_NAME_WORD}){{1,6}}+
    """,
    regex.VERBOSE,
)
_GENDERED_PRONOUN = regex.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|him)\b")
_PRONOUN_REACH = 400
# a capitalised word inside a sentence: perhaps a person named by one word
_CAPITALISED = regex.compile(r"(?<=[\p{Ll},.] )\p{Lu}\p{Ll}{1,40}+\b")


class Person(NamedTuple):
    """A person named in the document: where, the name without titles, its role."""

    start: int
    name: str
    role: str
    strong: bool


class People:
    """The people a document names, indexed in one pass, with their aliases and gender evidence.

    >>> people = People("US President Donald Trump spoke. Later Trump said he would act.", [])
    >>> people.canonical("Trump"), people.gender("Donald Trump")
    ('Donald Trump', 'm')
    """

    def __init__(self, text: str, masked_spans: Sequence[tuple[int, int]]) -> None:
        self._people: list[Person] = []
        self._starts: list[int] = []
        self._forms: dict[str, Counter[str]] = defaultdict(Counter)
        self._first_names: dict[str, set[str]] = defaultdict(set)
        self._votes: dict[str, Counter[str]] = defaultdict(Counter)
        self._organisations: dict[str, Counter[str]] = defaultdict(Counter)
        span_starts = [s for s, _ in masked_spans]
        for match in _NAME_RUN.finditer(text):
            if not _inside(match.start(), masked_spans, span_starts):
                self._add_run(match.start(), match.group())
        self._lone: list[tuple[int, str]] = [
            (m.start(), m.group())
            for m in _CAPITALISED.finditer(text)
            if _may_name(m.group()) and not _inside(m.start(), masked_spans, span_starts)
        ]
        for match in _GENDERED_PRONOUN.finditer(text):
            if not _inside(match.start(), masked_spans, span_starts):
                self._vote_pronoun(match.start(), match.group().lower())

    def _add_run(self, start: int, run: str) -> None:
        words = run.replace("\u00a0", " ").split(" ")
        while words and (words[0].lower() in function_words() or _is_possessive_word(words[0])):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2:
            return
        if any(map(is_org_word, words)):
            self._add_organisation(words)
            return
        if is_possessive(words[-1]):
            words[-1] = strip_possessive(words[-1])
        split = name_split(words)
        name_words = words[split:]
        strong = split > 0 and all(is_title_word(w) or is_capitalised(w) for w in words[:split])
        if not name_words or (len(name_words) < 2 and not strong):
            return
        name = " ".join(name_words)
        role = " ".join(words[:split])
        self._people.append(Person(start, name, role, strong))
        self._starts.append(start)
        self._forms[name_words[-1]][name] += 1
        if len(name_words) > 1 and not any(w.lower() in speech_verbs() for w in name_words):
            self._first_names[name_words[0]].add(name)  # not a headline's "Ortiz Calls Vote"
        gender = gender_of(words[:split]) if split else None
        if gender:
            self._votes[name_words[-1]][gender] += 3

    def _add_organisation(self, words: list[str]) -> None:
        """Index an organisation's name, up to its last organisation word, by its first word."""
        last = max(i for i, word in enumerate(words) if is_org_word(word))
        if last > 0:
            name = " ".join(words[: last + 1])
            self._organisations[words[0]][name] += 1
            initials = "".join(w[0] for w in words[: last + 1] if w[0].isupper())
            # "ALWU" for the union it abbreviates; two letters are too often a country ("US")
            if len(initials) >= MIN_INITIALS:
                self._organisations[initials][name] += 1

    def organisation(self, name: str) -> str:
        """Return the fullest name the document gives an organisation that ``name`` shortens
        ("Northwind" → "Northwind Foods"), or ``name`` itself.

        >>> People("Northwind Foods cut jobs. Northwind said so.", []).organisation("Northwind")
        'Northwind Foods'
        >>> People("the Dock Workers Union (DWU) met.", []).organisation("DWU")
        'Dock Workers Union'
        >>> People("the United Steelworkers met.", []).organisation("US")
        'US'
        """
        words = name.split()
        if len(words) == 1 and ACRONYM.fullmatch(name):
            spelled = self._organisations.get(name.rstrip("s"))
            return max(spelled.items(), key=lambda item: item[1])[0] if spelled else name
        forms = self._organisations.get(words[0]) if words else None
        if not forms or any(map(is_org_word, words)):
            return name
        longer = [f for f in forms.items() if f[0].split()[: len(words)] == words]
        if not longer:
            return name
        return max(longer, key=lambda item: (len(item[0].split()), item[1]))[0]

    def _vote_pronoun(self, position: int, pronoun: str) -> None:
        gender = pronouns()[pronoun].gender
        i = bisect.bisect_left(self._starts, position) - 1
        if gender and i >= 0 and position - self._people[i].start < _PRONOUN_REACH:
            if not self._people[i].strong:
                return
            surname = self._people[i].name.split()[-1]
            # a name alone since ("… told Kowalczyk. She …") is the nearer antecedent: the
            # pronoun votes for it if it is a known surname, else for nobody
            j = bisect.bisect_left(self._lone, (position, "")) - 1
            if j >= 0 and self._lone[j][0] > self._people[i].start + len(self._people[i].name):
                lone = self._lone[j][1]
                if lone not in self._forms:
                    return  # someone the index does not know: no evidence either way
                surname = lone
            self._votes[surname][gender] += 1

    def canonical(self, name: str) -> str:
        """Return the fullest form the document gives of a person's name ("Trump" → "Donald
        Trump"; a first name alone, "Maria" → "Maria Lopez", when only one person has it), or
        the name itself.

        >>> People("Her daughter Maria Lopez came. Maria said so.", []).canonical("Maria")
        'Maria Lopez'
        """
        surname = name.rsplit(maxsplit=1)[-1]
        forms = self._forms.get(surname)
        if not forms:
            return self._by_first_name(name)
        best = max(forms.items(), key=lambda item: (len(item[0].split()), item[1]))[0]
        return best if len(best.split()) >= len(name.split()) and best.endswith(name) else name

    def _by_first_name(self, name: str) -> str:
        """The one full name a lone first name stands for, or the name itself."""
        if " " in name:
            return name
        full = self._first_names.get(name)
        return next(iter(full)) if full and len(full) == 1 else name

    def knows(self, name: str) -> bool:
        """Whether the document names a person with this surname."""
        return name.rsplit(maxsplit=1)[-1] in self._forms

    def gender(self, name: str) -> str | None:
        """Return ``"m"`` or ``"f"`` when the text gives evidence of this person's gender."""
        votes = self._votes.get(name.rsplit(maxsplit=1)[-1])
        if not votes:
            return None
        (best, count), *rest = [*votes.most_common(2), ("", 0)]
        return best if count > rest[0][1] else None

    def before(self, position: int, reach: int) -> Iterator[Person]:
        """Yield the people named in the ``reach`` characters before ``position``, nearest
        first."""
        i = bisect.bisect_left(self._starts, position) - 1
        while i >= 0 and position - self._people[i].start <= reach:
            yield self._people[i]
            i -= 1

    def after(self, position: int, reach: int) -> Iterator[Person]:
        """Yield the people named in the ``reach`` characters after ``position``, nearest
        first."""
        i = bisect.bisect_right(self._starts, position)
        while i < len(self._people) and self._people[i].start - position <= reach:
            yield self._people[i]
            i += 1

    def with_role(self, role: str, position: int, reach: int) -> str | None:
        """Return the nearest person before ``position`` whose title includes ``role``, else the
        nearest after it (a lede names the role, the next paragraph the person)."""
        wanted = role.lower().split()
        if not wanted:
            return None
        for person in itertools.chain(self.before(position, reach), self.after(position, reach)):
            have = person.role.lower().split()
            if all(word in have for word in wanted):
                return self.canonical(person.name)
        return None


@functools.lru_cache(maxsize=8192)  # a pure test of one word, asked for every capitalised word
def _may_name(word: str) -> bool:
    """Whether a capitalised word alone may name a person (not "The", "Monday", "Minister")."""
    lower = word.lower()
    return not (
        lower in function_words()
        or lower in calendar_words()
        or is_title_word(word)
        or is_org_word(word)
    )


def _is_possessive_word(word: str) -> bool:
    return is_possessive(word) and word.lower() not in {"his", "its"}


def _inside(position: int, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and position < spans[i][1]
