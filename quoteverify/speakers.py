"""From a speaker phrase to a ``Speaker``: names resolved to the fullest form the document gives,
roles ("the president") to the person holding them, pronouns to the most recent compatible
speaker or person, and quotes that repeat earlier words to the earlier quote's speaker.

The resolver walks the quotes in order and remembers each speaker it settles, so every look-up
reads a bounded stretch of recent history and the document's people index, never the text again.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import regex

from quoteverify.cues import Finding
from quoteverify.lexicon import source_heads, title_words
from quoteverify.model import Quote, Span, Speaker
from quoteverify.names import Kind, Mention, parse_phrase, strip_possessive
from quoteverify.people import People
from quoteverify.sentences import Token

_HISTORY = 32  # speakers remembered for pronouns
_ECHOES = 64  # attributed quotes remembered for repeated words
_REACH = 1500  # characters searched back for a pronoun's antecedent
_PRONOUN_FACTOR = 0.85
_ECHO_CONFIDENCE = 0.5
_ROLE_CONFIDENCE = 0.9
_WORD = regex.compile(r"[\p{L}\p{N}]++")


class Said(NamedTuple):
    """A speaker the resolver has settled: where its mention starts, its name and what is known."""

    position: int
    name: str
    kind: Kind
    gender: str | None
    plural: bool


class SpeakerResolver:
    """Resolve speaker phrases of one document, in the order of its quotes.

    >>> from quoteverify.sentences import tokenize
    >>> from quoteverify.cues import find_after
    >>> text = "\\ue000\\ue000, President Ann Lee said."
    >>> tokens = tokenize(text, 0, {0: 0})
    >>> speaker = SpeakerResolver(text, People(text, [])).resolve(tokens, find_after(tokens, 0))
    >>> speaker.name, speaker.role, speaker.cue.text(text)
    ('Ann Lee', 'President', 'said')
    """

    def __init__(self, text: str, people: People) -> None:
        self._text = text
        self._people = people
        self._history: deque[Said] = deque(maxlen=_HISTORY)
        # quote texts with their speakers, normalised only when an unattributed quote asks
        self._echoes: deque[_Echo] = deque(maxlen=_ECHOES)
        self._mentions: dict[int, Mention] = {}  # parsed phrase by mention start, for remember()

    def resolve(
        self, tokens: Sequence[Token], finding: Finding, antecedents: Iterable[Mention] = ()
    ) -> Speaker | None:
        """Return the speaker a finding names, or ``None`` if its phrase names nobody.

        ``antecedents`` are the subjects of the sentences around a pronoun, nearest first,
        tried first (read only until one fits).
        """
        mention = parse_phrase(self._text, tokens[finding.lo : finding.hi + 1])
        if mention is None:
            return None
        if mention.kind is Kind.PRONOUN:
            name = self._nearby(mention, antecedents) or self._antecedent(mention)
            confidence = finding.confidence * _PRONOUN_FACTOR
        else:
            name, confidence = self._name(mention, finding.confidence)
        if mention.kind is Kind.PERSON and name is None:
            return None
        self._mentions[finding.mention[0]] = mention
        return Speaker(
            name,
            Span(*finding.mention),
            Span(*finding.cue),
            round(confidence, 2),
            mention.role,
        )

    def _nearby(self, pronoun: Mention, antecedents: Iterable[Mention]) -> str | None:
        for mention in antecedents:
            if mention.start >= pronoun.start or mention.name is None:
                continue
            if not _agrees(pronoun, mention):
                continue
            name = self._name(mention, 1.0)[0]
            gender = mention.gender or (self._people.gender(name) if name else None)
            if name and (pronoun.gender is None or gender in {None, pronoun.gender}):
                return name
        return None

    def _name(self, mention: Mention, confidence: float) -> tuple[str | None, float]:
        if mention.name is None:
            return None, confidence
        if mention.kind is Kind.PERSON:
            name = self._people.canonical(strip_possessive(mention.name))
            if not self._people.knows(name):  # "Northwind" short for "Northwind Foods"
                name = self._people.organisation(name)
            return name, confidence
        if mention.kind is Kind.ORG:
            return self._people.organisation(strip_possessive(mention.name)), confidence
        if mention.kind is Kind.SOURCE and _is_role(mention.name):
            holder = self._people.with_role(mention.name, mention.start, _REACH)
            if holder:
                return holder, confidence * _ROLE_CONFIDENCE
        return mention.name, confidence

    def _antecedent(self, mention: Mention) -> str | None:
        if mention.plural:
            return self._latest(mention.start, lambda said: said.plural or said.kind is Kind.ORG)
        if mention.gender is None:  # "it", "its"
            return self._latest(mention.start, lambda said: said.kind is Kind.ORG)
        for said in self._candidates(mention.start):
            if said.plural or said.kind is Kind.ORG:
                continue
            if said.kind is Kind.SOURCE and not _is_person(Mention(said.kind, said.name, 0, 0)):
                continue  # "at the time": a thing, never "he" or "she"
            if said.gender in {None, mention.gender}:
                return said.name
        return None

    def _latest(self, position: int, accepts: object) -> str | None:
        for said in self._candidates(position):
            if callable(accepts) and accepts(said):
                return said.name
        return None

    def _candidates(self, position: int) -> Iterator[Said]:
        """Speakers settled before ``position`` and people named there, nearest first."""
        spoken = [s for s in reversed(self._history) if s.position < position]
        named = [
            Said(p.start, self._people.canonical(p.name), Kind.PERSON, None, False)
            for p in self._people.before(position, _REACH)
            if p.strong
        ]
        merged = sorted([*spoken, *named], key=lambda s: -s.position)
        for said in merged:
            if position - said.position > _REACH:
                return
            gender = said.gender or (
                self._people.gender(said.name) if said.kind is Kind.PERSON else None
            )
            yield said._replace(gender=gender)

    def remember(self, quote: Quote, speaker: Speaker) -> None:
        """Record a settled speaker, for later pronouns and for quotes repeating these words."""
        if speaker.name and speaker.mention is not None:
            mention = self._mentions.pop(speaker.mention.start, None)
            kind = mention.kind if mention and mention.kind is not Kind.PRONOUN else Kind.PERSON
            gender = mention.gender if mention else None
            plural = bool(mention and mention.plural and mention.kind is not Kind.PRONOUN)
            self._history.append(Said(speaker.mention.start, speaker.name, kind, gender, plural))
        self._echoes.append(_Echo(quote.text, speaker))

    def echo(self, quote: Quote) -> Speaker | None:
        """Return the speaker of an earlier quote whose words this quote repeats, if any."""
        words = _normal(quote.text)
        if not words.strip():
            return None
        for earlier in reversed(self._echoes):
            if words in earlier.words():
                speaker = earlier.speaker
                return Speaker(speaker.name, None, None, _ECHO_CONFIDENCE, speaker.role)
        return None


class _Echo:
    """An attributed quote's text and speaker; its normalised words are worked out once, and
    only if an unattributed quote is compared with it."""

    def __init__(self, text: str, speaker: Speaker) -> None:
        self.text, self.speaker = text, speaker
        self._words: str | None = None

    def words(self) -> str:
        if self._words is None:
            self._words = _normal(self.text)
        return self._words


def _agrees(pronoun: Mention, mention: Mention) -> bool:
    """Whether a pronoun may stand for a mention: "it" for an organisation or a document
    ("Brennan’s plan … It promises"), "they" for a group or an organisation, "he" and "she"
    for one person (never a thing: "at the time")."""
    if pronoun.gender is None and not pronoun.plural:
        return mention.kind is Kind.ORG or mention.document
    plural = mention.plural or mention.kind is Kind.ORG
    if pronoun.plural != plural or mention.document:
        return False
    return pronoun.plural or _is_person(mention)


def _is_person(mention: Mention) -> bool:
    """Whether a mention names a person: a name, or a person word at the head of its
    description ("the official", "a nurse")."""
    if mention.kind is Kind.PERSON:
        return True
    if mention.kind is not Kind.SOURCE or not mention.name:
        return False
    return source_heads().get(mention.name.rsplit(maxsplit=1)[-1].lower()) == "person"


def _is_role(name: str) -> bool:
    # "the president", "the French agriculture minister": a title at the head; every word of it
    # must then appear in the holder's title, which keeps the match strict
    return name.rsplit(maxsplit=1)[-1].lower() in title_words()


def _normal(text: str) -> str:
    # lower() works letter by letter and never across the spaces: one call does every word
    return " " + " ".join(_WORD.findall(text)).lower() + " "
