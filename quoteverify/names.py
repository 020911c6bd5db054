"""Speaker phrases to names: titles stripped, organisations and unnamed sources told apart, and
the people of a document indexed once so aliases ("Trump", "the president") resolve to the
fullest name the article gives and pronouns find a compatible antecedent.
"""

from __future__ import annotations

import bisect
import enum
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import regex

from quoteverify.lexicon import (
    calendar_words,
    documents,
    function_words,
    name_particles,
    organisation_words,
    pronouns,
    source_heads,
    speech_verbs,
    title_words,
    titles,
)
from quoteverify.sentences import Token

DETERMINERS = frozenset({"the", "a", "an", "one", "another"})
AFFILIATIONS = frozenset({"for", "at", "with", "of"})  # "a spokesperson for the ministry"
MIN_INITIALS = 3  # an acronym shorter than this is not taken as an organisation's initials
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
_ACRONYM = regex.compile(r"\p{Lu}{2,}+s?")
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


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_title_word(word: str) -> bool:
    return word.lower() in title_words()


def _is_org_word(word: str) -> bool:
    if word in organisation_words():
        return True
    # An acronym ("NATO", "IRGC") starts with two capitals: test that cheaply before the pattern.
    return (
        len(word) > 2
        and word[1].isupper()
        and bool(_ACRONYM.fullmatch(word))
        and word not in {"US", "UK", "EU", "UN"}
    )


def _gender_of(role_words: Sequence[str]) -> str | None:
    table = titles()
    for size in (3, 2, 1):
        for i in range(len(role_words) - size + 1):
            gender = table.get(" ".join(role_words[i : i + size]).lower())
            if gender:
                return gender
    return None


def _name_split(words: Sequence[str]) -> int:
    """Return where the trailing personal name of ``words`` starts (len(words) if none)."""
    lowered = [word.lower() for word in words]
    particles, calendar, title_parts = name_particles(), calendar_words(), title_words()
    i = len(words)
    while i > 0:
        word, low = words[i - 1], lowered[i - 1]
        particle = low in particles and i < len(words)
        name_like = word[:1].isupper() and low not in calendar  # _is_capitalised, inlined
        if not (particle or name_like) or _is_org_word(word):
            break
        # A title word ends the name unless it is itself the surname ("Martin Luther King").
        if low in title_parts and not (i == len(words) and i > 1 and _is_plain_name(words[i - 2])):
            break
        i -= 1
    while i < len(words) and lowered[i] in particles:
        i += 1
    return i


def _is_plain_name(word: str) -> bool:
    return _is_capitalised(word) and not _is_title_word(word) and not _is_org_word(word)


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
        affiliated = Mention(Kind.SOURCE, surface, start, end, None, _gender_of(texts[:1]))
    if affiliated is not None:
        return affiliated
    split = _name_split(texts)
    if _is_titled_person(texts, split):
        return _person_or_role(
            text, body, surface, (start, end), split, has_determiner=has_determiner
        )
    if any(_is_org_word(strip_possessive(t)) for t in texts if _is_capitalised(t)):
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
    if head in source_heads() and (not _is_capitalised(texts[-1]) or len(texts) == 1):
        kind = Kind.ORG if source_heads()[head] == "org" else Kind.SOURCE
        plural = head.endswith("s")
        return Mention(kind, strip_possessive(surface), *bounds, None, _gender_of(texts), plural)
    return None


def _affiliation(
    text: str, body: Sequence[Token], bounds: tuple[int, int], *, has_determiner: bool
) -> Mention | None:
    """Read "A of (the) B": when A ends in an organisation word the whole phrase names the
    organisation ("the Bank of England"); when A is a personal name, the person is the speaker
    and B only their affiliation ("Nadia Farouk of the River Trust")."""
    texts = [w.text for w in body]
    of = next((i for i in range(1, len(texts) - 1) if texts[i] == "of"), None)
    if of is None or any(_is_capitalised(t) and _is_title_word(t) for t in texts[of + 1 :]):
        return None  # "Bank of England Governor Andrew Bailey" is a titled person
    if _is_org_word(texts[of - 1]):
        return Mention(Kind.ORG, _surface(text, body), *bounds)
    if has_determiner or not _is_capitalised(texts[of - 1]) or texts[of - 1].isupper():
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
        and _is_title_word(texts[split - 1])
        and not any(map(_is_org_word, names))
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
    gender = _gender_of(role_words)
    if split == 0 and has_determiner:  # "the Harbour Gulls": people take no article
        return Mention(Kind.ORG, surface, start, end, None, None, texts[-1].endswith("s"))
    if split < len(texts):
        name = _surface(text, body[split:])
        return Mention(Kind.PERSON, name, start, end, role, gender)
    if has_determiner or (role_words and all(_is_title_word(t) for t in role_words)):
        return Mention(Kind.SOURCE, surface, start, end, role, gender, texts[-1].endswith("s"))
    if all(t.isalpha() and t.islower() for t in texts) and texts[-1].endswith("s"):
        # a bare plural common noun names a group: "…,’ say tenants"
        return Mention(Kind.SOURCE, surface, start, end, role, gender, texts[-1].endswith("s"))
    return None


def _surface(text: str, tokens: Sequence[Token]) -> str:
    return " ".join(text[tokens[0].start : tokens[-1].end].split())


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
        if any(map(_is_org_word, words)):
            self._add_organisation(words)
            return
        if is_possessive(words[-1]):
            words[-1] = strip_possessive(words[-1])
        split = _name_split(words)
        name_words = words[split:]
        strong = split > 0 and all(_is_title_word(w) or _is_capitalised(w) for w in words[:split])
        if not name_words or (len(name_words) < 2 and not strong):
            return
        name = " ".join(name_words)
        role = " ".join(words[:split])
        self._people.append(Person(start, name, role, strong))
        self._starts.append(start)
        self._forms[name_words[-1]][name] += 1
        if len(name_words) > 1 and not any(w.lower() in speech_verbs() for w in name_words):
            self._first_names[name_words[0]].add(name)  # not a headline's "Ortiz Calls Vote"
        gender = _gender_of(words[:split]) if split else None
        if gender:
            self._votes[name_words[-1]][gender] += 3

    def _add_organisation(self, words: list[str]) -> None:
        """Index an organisation's name, up to its last organisation word, by its first word."""
        last = max(i for i, word in enumerate(words) if _is_org_word(word))
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
        if len(words) == 1 and _ACRONYM.fullmatch(name):
            spelled = self._organisations.get(name.rstrip("s"))
            return max(spelled.items(), key=lambda item: item[1])[0] if spelled else name
        forms = self._organisations.get(words[0]) if words else None
        if not forms or any(map(_is_org_word, words)):
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


def _may_name(word: str) -> bool:
    """Whether a capitalised word alone may name a person (not "The", "Monday", "Minister")."""
    lower = word.lower()
    return not (
        lower in function_words()
        or lower in calendar_words()
        or _is_title_word(word)
        or _is_org_word(word)
    )


def _is_possessive_word(word: str) -> bool:
    return is_possessive(word) and word.lower() not in {"his", "its"}


def _inside(position: int, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and position < spans[i][1]
