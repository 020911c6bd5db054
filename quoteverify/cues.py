"""Cues ("said", "his post", "according to", "as X put it") and the speaker phrases they point
to, read in the tokens of one sentence; the phrases themselves are found by ``phrases.py``.

Every search here is bounded: the scans run over one sentence that the caller has already cut
to a bounded window.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from quoteverify.lexicon import (
    VerbForm,
    function_words,
    speech_nouns,
    speech_verbs,
)
from quoteverify.names import is_possessive
from quoteverify.phrases import (
    PHRASE_LIMIT,
    POSSESSIVE_DETERMINERS,
    cue_form,
    leading_subject,
    phrase_back,
    subject_after,
    subject_before,
)
from quoteverify.sentences import Token

_NOUN_MODIFIERS = 3
_APPOSITION_TOKENS = 5  # longest description set off before a name ("her eldest son, Tom")
_CONJUNCTIONS = frozenset({"and", "but", "or", "nor", "while", "whereas", "as", "so", "yet"})
# verbs that move someone else to speak: "prompting the mayor to warn that …"
_CAUSATIVES = frozenset(
    {"prompting", "prompted", "urging", "urged", "leading", "led", "forcing", "forced"}
    | {"pushing", "pushed", "causing", "caused", "spurring", "spurred", "inviting", "invited"}
)


def _lower(token: Token) -> str:
    return token.text.lower()


class Finding(NamedTuple):
    """Where a sentence attributes a quote: the speaker phrase (token range ``lo``..``hi``
    inclusive), the mention's and the cue's character spans, whether the phrase is the possessor
    of a speech noun ("his post"), and how direct the evidence is."""

    lo: int
    hi: int
    mention: tuple[int, int]
    cue: tuple[int, int]
    possessor: bool
    confidence: float


def _noun_possessor(tokens: Sequence[Token], n: int) -> int | None:
    """Return the index of the possessor of the speech noun at ``n`` ("his post", "Trump’s
    social media post"), or ``None``."""
    for k in range(n - 1, max(-1, n - 2 - _NOUN_MODIFIERS), -1):
        token = tokens[k]
        if not token.is_word:
            return None
        word = _lower(token)
        if word in POSSESSIVE_DETERMINERS or is_possessive(token.text):
            return k
        if word in function_words():
            return None
    return None


def _finding(
    tokens: Sequence[Token],
    lo: int,
    hi: int,
    cue: Token,
    *,
    confidence: float,
    mention_hi: int | None = None,
) -> Finding:
    end = tokens[hi if mention_hi is None else mention_hi].end
    return Finding(
        lo,
        hi,
        (tokens[lo].start, end),
        (cue.start, cue.end),
        mention_hi is not None,
        confidence,
    )


def find_after(tokens: Sequence[Token], q: int, *, headline: bool = False) -> Finding | None:
    """Return the attribution that directly follows the quote token ``q``: "“…,” said X",
    "“…,” X said", "“…,” his post continued", "“…,” according to X".

    >>> from quoteverify.sentences import tokenize
    >>> toks = tokenize("\\ue000\\ue000, Ann Lee, 42, said.", 0, {0: 0})
    >>> f = find_after(toks, 0)
    >>> (f.lo, f.hi)
    (2, 3)
    """
    k = q + 1
    while k < len(tokens) and tokens[k].text in {",", "—", "–", "-"}:
        k += 1
    if k >= len(tokens) or not tokens[k].is_word:
        return None
    return _according_to(tokens, k, 0.9) or _attribution_at(tokens, k, headline=headline)


def _attribution_at(tokens: Sequence[Token], k: int, *, headline: bool) -> Finding | None:
    """ "said X" or "X said" starting at ``tokens[k]``, within one clause."""
    form = cue_form(tokens, k, headline=headline)
    if form is VerbForm.ING:
        return None  # "“…,” adding …": the clause's subject is before the quote
    if form is not None:
        after = subject_after(tokens, k)
        return _finding(tokens, after[0], after[1], tokens[k], confidence=0.95) if after else None
    verbs = speech_verbs()
    for v in range(k + 1, min(len(tokens), k + PHRASE_LIMIT + 4)):
        token = tokens[v]
        if token.is_quote or token.text in {".", "!", "?", ";", ":"}:
            return None
        if not _may_cue(token, token.text.lower(), verbs):
            continue
        if cue_form(tokens, v, headline=headline) is not None:
            subject = subject_before(tokens, v)
            if subject is None or not (subject[0] == k or _apposed(tokens, k, subject[0])):
                return None
            return _possessed(tokens, subject, tokens[v], 0.95)
    return None


def _apposed(tokens: Sequence[Token], k: int, name: int) -> bool:
    """Whether ``tokens[k:name]`` is a description set off before the subject's name by a comma
    ("“…,” her son, Tom, said")."""
    between = tokens[k : name - 1]
    return (
        tokens[name - 1].text == ","
        and 0 < len(between) <= _APPOSITION_TOKENS
        and all(t.is_word and _lower(t) not in _CONJUNCTIONS for t in between)
    )


def _possessed(
    tokens: Sequence[Token], subject: tuple[int, int], cue: Token, confidence: float
) -> Finding:
    lo, hi = subject
    if _lower(tokens[hi]) in speech_nouns():
        owner = _noun_possessor(tokens, hi)
        if owner is not None and owner >= lo:
            return _finding(tokens, lo, owner, cue, confidence=confidence, mention_hi=hi)
    return _finding(tokens, lo, hi, cue, confidence=confidence)


def _according_to(tokens: Sequence[Token], k: int, confidence: float) -> Finding | None:
    if _lower(tokens[k]) != "according" or k + 1 >= len(tokens) or _lower(tokens[k + 1]) != "to":
        return None
    after = subject_after(tokens, k + 1)
    if after is None:
        return None
    cue = Token(tokens[k].start, tokens[k + 1].end, "according to")
    return _finding(tokens, after[0], after[1], cue, confidence=confidence)


def find_before(tokens: Sequence[Token], q: int, *, headline: bool = False) -> Finding | None:
    """Return the nearest attribution before the quote token ``q`` in its sentence: a speech
    verb and its subject, "according to X", or a possessed speech noun ("his post").

    >>> from quoteverify.sentences import tokenize
    >>> toks = tokenize("Officials said on Monday that it was \\ue000\\ue000", 0, {36: 0})
    >>> f = find_before(toks, 7)
    >>> (f.lo, f.hi)
    (0, 0)
    """
    possessed: Finding | None = None
    verbs, nouns = speech_verbs(), speech_nouns()
    for k in range(q - 1, -1, -1):
        token = tokens[k]
        if not token.is_word:
            continue
        word = token.text.lower()
        if word == "according":
            found = _according_to(tokens, k, 0.85)
            if found:
                return found
        if word == "it" and k > 0 and _lower(tokens[k - 1]) == "put":
            found = _put_it(tokens, k)
            if found:
                return found
        form = cue_form(tokens, k, headline=headline) if _may_cue(token, word, verbs) else None
        if form is not None:
            return _verb_finding(tokens, k, form) or possessed
        if possessed is None and word in nouns:
            owner = _noun_possessor(tokens, k)
            if owner is not None:
                lo = phrase_back(tokens, owner)
                lo = owner if lo is None else lo
                possessed = _finding(tokens, lo, owner, token, confidence=0.85, mention_hi=k)
    return possessed


def _may_cue(token: Token, word: str, verbs: dict[str, VerbForm]) -> bool:
    """Whether a word (``word``: lower-cased) could be a speech verb, as written or in a
    headline's capitals: the cheap test that spares most words the full one."""
    return token.text in verbs or word in verbs


def _put_it(tokens: Sequence[Token], k: int) -> Finding | None:
    """ "as Quintana put it, “…”": the idiom's subject is the speaker."""
    subject = subject_before(tokens, k - 1)
    if subject is None:
        return None
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    after_as = subject[0] > 0 and _lower(tokens[subject[0] - 1]) == "as"
    if not after_as and not (nxt and (nxt.is_quote or nxt.text in ",:")):
        return None
    cue = Token(tokens[k - 1].start, tokens[k].end, "put it")
    return _finding(tokens, subject[0], subject[1], cue, confidence=0.85)


def _verb_finding(tokens: Sequence[Token], v: int, form: VerbForm) -> Finding | None:
    before = _lower(tokens[v - 1]) if v > 0 else ""
    if before == "to":
        urged = _urged(tokens, v - 1)
        if urged is not None:
            return _possessed(tokens, urged, tokens[v], 0.85)
    if form is not VerbForm.ING and before not in {"to", "and", "or", "but"}:
        subject = subject_before(tokens, v)
        if subject is not None:
            return _possessed(tokens, subject, tokens[v], 0.9)
    elif form is VerbForm.ING:
        subject = _with_subject(tokens, v)
        if subject is not None:
            return _possessed(tokens, subject, tokens[v], 0.85)
    main = main_subject(tokens, v)
    return _possessed(tokens, main, tokens[v], 0.8) if main else None


def _urged(tokens: Sequence[Token], to: int) -> tuple[int, int] | None:
    """The person moved to speak: "…, prompting the mayor to warn that" (the mayor)."""
    lo = phrase_back(tokens, to - 1)
    if lo is None:
        return None
    # a bare name has no determiner to stop the phrase, which then takes in the causative
    # itself ("leading Ms Ode to say"): the person starts after it
    for k in range(to - 2, lo - 1, -1):
        if _lower(tokens[k]) in _CAUSATIVES:
            return k + 1, to - 1
    if lo == 0 or _lower(tokens[lo - 1]) not in _CAUSATIVES:
        return None
    return lo, to - 1


def _with_subject(tokens: Sequence[Token], v: int) -> tuple[int, int] | None:
    """The subject of a participle after "with": "…, with the minister accusing Brussels"."""
    subject = subject_before(tokens, v)
    if subject is None or subject[0] == 0 or _lower(tokens[subject[0] - 1]) != "with":
        return None
    return subject


def main_subject(tokens: Sequence[Token], v: int) -> tuple[int, int] | None:
    """Return the subject a participle or coordinated verb at ``v`` shares with its clause: the
    subject of an earlier speech verb of the sentence, else the sentence's leading subject."""
    verbs = speech_verbs()
    for k in range(v - 1, -1, -1):
        form = cue_form(tokens, k) if tokens[k].text in verbs else None
        if form is not None and form is not VerbForm.ING and _lower(tokens[k - 1]) != "and":
            subject = subject_before(tokens, k)
            if subject is not None and not _is_reported(tokens, subject[0]):
                return subject
    return leading_subject(tokens, v)


def _is_reported(tokens: Sequence[Token], lo: int) -> bool:
    """Whether a subject opens a reported clause ("said [that] the council would …"), so that
    a participle later in the sentence belongs to the reporter's clause, not this one."""
    k = lo - 1
    if k >= 0 and _lower(tokens[k]) == "that":
        k -= 1
    return k >= 0 and tokens[k].text in speech_verbs() and cue_form(tokens, k) is not None


def find_later(tokens: Sequence[Token], q: int, *, headline: bool = False) -> Finding | None:
    """Return an attribution later in the sentence than the quote token ``q`` ("… “x” …, the
    officials said."): the first speech verb with a subject on either side, or "according to"."""
    for k in range(q + 1, len(tokens)):
        token = tokens[k]
        if not token.is_word:
            continue
        found = _according_to(tokens, k, 0.7)
        if found:
            return found
        if cue_form(tokens, k, headline=headline) is None:
            continue
        subject = subject_before(tokens, k)
        if subject is not None and subject[0] > q:
            return _possessed(tokens, subject, token, 0.75)
        after = subject_after(tokens, k)
        if after is not None and tokens[k - 1].text == ",":
            return _finding(tokens, after[0], after[1], token, confidence=0.75)
    return None
