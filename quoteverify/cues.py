"""Cues ("said", "his post", "according to") and the speaker phrases they point to, read in the
tokens of one sentence.

Every search here is bounded: a speaker phrase is at most a dozen tokens, an appositive at most
ten, and the scans run over one sentence that the caller has already cut to a bounded window.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from quoteverify.lexicon import (
    VerbForm,
    auxiliaries,
    calendar_words,
    function_words,
    pronouns,
    source_heads,
    speech_nouns,
    speech_verbs,
    title_words,
)
from quoteverify.names import DETERMINERS, is_possessive
from quoteverify.sentences import Token

POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
CONNECTORS = frozenset({"of", "for", "the", "and", "on", "in", "de", "al", "&"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "who", "we", "i"})
_TIME_LEADERS = frozenset(
    {"on", "late", "early", "last", "this", "next", "in", "at", "the", "past"}
)
_PHRASE_LIMIT = 12
_APPOSITIVE_LIMIT = 10
_NOUN_MODIFIERS = 3
_DATELINE_LIMIT = 6
_RELATIVES = frozenset({"who", "that", "which"})
_DASHES = frozenset({"—", "–", "-", "--"})


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


def _lower(token: Token) -> str:
    return token.text.lower()


def _is_adverb(word: str) -> bool:
    return word.islower() and len(word) > 4 and word.endswith("ly")


def _previous_word(tokens: Sequence[Token], i: int) -> int:
    j = i - 1
    while j >= 0 and tokens[j].is_word and _is_adverb(tokens[j].text):
        j -= 1
    return j


def cue_form(tokens: Sequence[Token], i: int, *, headline: bool = False) -> VerbForm | None:
    """Return the form of the speech verb at ``tokens[i]``, or ``None`` if it is not one here.

    >>> from quoteverify.sentences import tokenize
    >>> toks = tokenize("his post said officials say the state", 0, {})
    >>> [cue_form(toks, i) for i in range(len(toks))][1:5]
    [None, <VerbForm.PAST: 'past'>, None, <VerbForm.PRESENT: 'present'>]
    """
    token = tokens[i]
    form = speech_verbs().get(token.text if not headline else token.text.lower())
    if form is None:
        return None
    j = _previous_word(tokens, i)
    before = _lower(tokens[j]) if j >= 0 else ""
    if before in DETERMINERS or before in POSSESSIVE_DETERMINERS or is_possessive(before):
        return None  # a noun: "the post", "his call"
    if form is VerbForm.PRESENT and not headline and not _present_ok(tokens, i, j):
        return None
    return form


def _present_ok(tokens: Sequence[Token], i: int, j: int) -> bool:
    if j < 0:
        return False
    before = tokens[j]
    word = _lower(before)
    if before.text == "," or before.is_quote:  # inverted: "…, say Arab and European officials."
        return i + 1 < len(tokens) and tokens[i + 1].is_word
    if not before.is_word:
        return False
    return (
        word in SUBJECT_PRONOUNS
        or word in auxiliaries()
        or word == "to"
        or word in source_heads()
        or (before.text[0].isupper() and word not in function_words())
    )


def _skip_back(tokens: Sequence[Token], j: int) -> int:
    """Step back from ``j`` over auxiliaries, adverbs and time phrases ("on Tuesday")."""
    while j >= 0 and tokens[j].is_word:
        word = _lower(tokens[j])
        if word in auxiliaries() or _is_adverb(tokens[j].text):
            j -= 1
        elif word in calendar_words() or word.isdigit():
            j -= 1
            while j >= 0 and _lower(tokens[j]) in _TIME_LEADERS:
                j -= 1
        elif word == "as" and j > 0 and _lower(tokens[j - 1]) in {"quoted", "cited"}:
            j -= 2
        else:
            break
    return j


def phrase_back(tokens: Sequence[Token], j: int) -> int | None:
    """Return where the noun phrase ending at ``tokens[j]`` starts, or ``None`` if none ends there.

    >>> from quoteverify.sentences import tokenize
    >>> toks = tokenize("Meanwhile, the Institute for the Study of War (ISW) wrote", 0, {})
    >>> " ".join(t.text for t in toks[phrase_back(toks, 11) : 12])
    'the Institute for the Study of War ( ISW )'
    """
    if j < 0 or not (tokens[j].is_word or tokens[j].text == ")"):
        return None
    if _lower(tokens[j]) in pronouns():
        return j
    k, capitalised = j, False
    while k >= 0 and j - k < _PHRASE_LIMIT:
        token = tokens[k]
        if token.text == ")" and k == j:
            k = _open_bracket(tokens, k)
            continue
        if not token.is_word or (k < j and cue_form(tokens, k) is not None):
            break
        word = _lower(token)
        if _is_function(token) and word not in POSSESSIVE_DETERMINERS:
            if capitalised and word in CONNECTORS and _capital_before(tokens, k):
                k -= 1
                continue
            if word in DETERMINERS:
                return k
            break
        if word in POSSESSIVE_DETERMINERS:
            return k
        capitalised = capitalised or token.text[0].isupper()
        k -= 1
    return k + 1 if k < j else None


def _is_function(token: Token) -> bool:
    # "US" and "IT" in capitals are names, not the pronouns
    return _lower(token) in function_words() and not token.text.isupper()


def _open_bracket(tokens: Sequence[Token], k: int) -> int:
    for i in range(k - 1, max(-1, k - 6), -1):
        if tokens[i].text == "(":
            return i - 1
    return k - 1


def _capital_before(tokens: Sequence[Token], k: int) -> bool:
    for i in range(k - 1, max(-1, k - 3), -1):
        if tokens[i].is_word and (tokens[i].text[0].isupper() or tokens[i].text.isdigit()):
            return True  # "Local 412 of the … Union"
        if _lower(tokens[i]) not in CONNECTORS:
            return False
    return False


def subject_before(tokens: Sequence[Token], v: int) -> tuple[int, int] | None:
    """Return the token range of the subject of the verb at ``v`` (appositives and relative
    pronouns looked through), or ``None``.

    >>> from quoteverify.sentences import tokenize
    >>> toks = tokenize("Maria Lind, a spokeswoman, has said", 0, {})
    >>> subject_before(toks, 7)
    (0, 1)
    """
    j = _skip_back(tokens, v - 1)
    if j >= 0 and tokens[j].text == ",":
        return _subject_at_comma(tokens, j)
    if j >= 0 and _lower(tokens[j]) in _RELATIVES:  # "the office, which said": its antecedent
        k = j - 1 if j > 0 and tokens[j - 1].text == "," else j
        lo = phrase_back(tokens, k - 1)
        return (lo, k - 1) if lo is not None else None
    lo = phrase_back(tokens, j)
    return (lo, j) if lo is not None else None


def _subject_at_comma(tokens: Sequence[Token], j: int) -> tuple[int, int] | None:
    p = j - 1
    while p >= 0 and j - p <= _APPOSITIVE_LIMIT and tokens[p].text != ",":
        p -= 1
    if p < 0 or tokens[p].text != "," or p == j - 1:
        return None
    first = tokens[p + 1]
    if first.is_word and first.text[0].isupper() and _lower(first) not in function_words():
        return p + 1, j - 1  # "the president’s spokeswoman, Karine Lopez, said"
    k = _skip_back(tokens, p - 1)
    lo = phrase_back(tokens, k)
    return (lo, k) if lo is not None else None


def subject_after(tokens: Sequence[Token], v: int) -> tuple[int, int] | None:
    """Return the token range of an inverted subject after the verb at ``v`` ("said Trump").

    >>> from quoteverify.sentences import tokenize
    >>> toks = tokenize("said Maria Lind, a spokeswoman", 0, {})
    >>> subject_after(toks, 0)
    (1, 2)
    """
    k = v + 1
    while k < len(tokens) and k - v <= _PHRASE_LIMIT:
        token = tokens[k]
        if not token.is_word and token.text not in "()":
            break
        if k > v + 1 and _lower(token) in function_words() and not _connects(tokens, k):
            break
        k += 1
    if k == v + 1:
        return None
    hi = k - 1
    return (v + 1, hi) if phrase_back(tokens, hi) is not None else None


def _connects(tokens: Sequence[Token], k: int) -> bool:
    word = _lower(tokens[k])
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if word not in CONNECTORS or nxt is None or not nxt.is_word:
        return False
    return nxt.text[0].isupper() or _lower(nxt) in CONNECTORS


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
    for v in range(k + 1, min(len(tokens), k + _PHRASE_LIMIT + 4)):
        if tokens[v].is_quote or tokens[v].text in {".", "!", "?", ";", ":"}:
            return None
        if cue_form(tokens, v, headline=headline) is not None:
            subject = subject_before(tokens, v)
            if subject is None or subject[0] != k:
                return None
            return _possessed(tokens, subject, tokens[v], 0.95)
    return None


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
    for k in range(q - 1, -1, -1):
        token = tokens[k]
        if not token.is_word:
            continue
        if _lower(token) == "according":
            found = _according_to(tokens, k, 0.85)
            if found:
                return found
        form = cue_form(tokens, k, headline=headline)
        if form is not None:
            return _verb_finding(tokens, k, form) or possessed
        if possessed is None and _lower(token) in speech_nouns():
            owner = _noun_possessor(tokens, k)
            if owner is not None:
                lo = phrase_back(tokens, owner)
                lo = owner if lo is None else lo
                possessed = _finding(tokens, lo, owner, token, confidence=0.85, mention_hi=k)
    return possessed


def _verb_finding(tokens: Sequence[Token], v: int, form: VerbForm) -> Finding | None:
    before = _lower(tokens[v - 1]) if v > 0 else ""
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


def _with_subject(tokens: Sequence[Token], v: int) -> tuple[int, int] | None:
    """The subject of a participle after "with": "…, with the minister accusing Brussels"."""
    subject = subject_before(tokens, v)
    if subject is None or subject[0] == 0 or _lower(tokens[subject[0] - 1]) != "with":
        return None
    return subject


def main_subject(tokens: Sequence[Token], v: int) -> tuple[int, int] | None:
    """Return the subject a participle or coordinated verb at ``v`` shares with its clause: the
    subject of an earlier speech verb of the sentence, else the sentence's leading subject."""
    for k in range(v - 1, -1, -1):
        form = cue_form(tokens, k)
        if form is not None and form is not VerbForm.ING and _lower(tokens[k - 1]) != "and":
            subject = subject_before(tokens, k)
            if subject is not None:
                return subject
    return leading_subject(tokens, v)


def leading_subject(tokens: Sequence[Token], upto: int) -> tuple[int, int] | None:
    """Return the subject that opens a sentence, after introductory phrases ("On Tuesday, …").

    >>> from quoteverify.sentences import tokenize
    >>> toks = tokenize("Inside Iran, Supreme Leader Ali Khamenei praised them", 0, {})
    >>> leading_subject(toks, 8)
    (3, 6)
    """
    k = _skip_introductions(tokens, upto)
    if k >= upto or not tokens[k].is_word:
        return None
    if _lower(tokens[k]) in SUBJECT_PRONOUNS:
        return k, k
    for v in range(k + 1, upto + 1):
        token = tokens[v] if v < len(tokens) else None
        if token is None or not token.is_word or _ends_subject(tokens, v):
            j = _skip_back(tokens, v - 1)
            lo = phrase_back(tokens, j)
            return (lo, j) if lo is not None and lo >= k else None
    return None


def _ends_subject(tokens: Sequence[Token], v: int) -> bool:
    word = _lower(tokens[v])
    if cue_form(tokens, v) is not None:
        return True
    if tokens[v].text[0].isupper() or word in source_heads() or word in CONNECTORS:
        return False
    if _is_role_before_name(tokens, v):
        return False
    return (
        word not in DETERMINERS
        and word not in POSSESSIVE_DETERMINERS
        and (word in auxiliaries() or word not in function_words())
        and not is_possessive(tokens[v - 1].text)
        and (word in function_words() or not _is_modifier(tokens, v))
    )


def _is_role_before_name(tokens: Sequence[Token], v: int) -> bool:
    """A lower-case role between a capitalised word and a name: "Anchors coach Phil Varga"."""
    nxt = tokens[v + 1] if v + 1 < len(tokens) else None
    return (
        _lower(tokens[v]) in title_words()
        and tokens[v - 1].is_word
        and tokens[v - 1].text[0].isupper()
        and nxt is not None
        and nxt.is_word
        and nxt.text[0].isupper()
    )


def _is_modifier(tokens: Sequence[Token], v: int) -> bool:
    # a lower-case word before a source head is part of the phrase: "the attorney general"
    nxt = tokens[v + 1] if v + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and _lower(nxt) in source_heads()


def skip_dateline(tokens: Sequence[Token]) -> int:
    """Return where a sentence starts after an all-capitals dateline ("STRASBOURG — …").

    >>> from quoteverify.sentences import tokenize
    >>> skip_dateline(tokenize("NEW YORK — The mayor said", 0, {}))
    3
    """
    k = 0
    while k < min(len(tokens), _DATELINE_LIMIT) and (
        (tokens[k].is_word and tokens[k].text.isupper()) or (k and tokens[k].text == ",")
    ):
        k += 1
    if 0 < k < len(tokens) and tokens[k].text in _DASHES:
        return k + 1
    return 0


def _skip_introductions(tokens: Sequence[Token], upto: int) -> int:
    k = skip_dateline(tokens)
    for _ in range(3):
        if k >= upto or not tokens[k].is_word:
            return k
        word = _lower(tokens[k])
        opens_aside = (
            (word in function_words() and word not in SUBJECT_PRONOUNS)
            or _is_adverb(tokens[k].text)
            or _is_participle(tokens, k)
        )
        if not opens_aside or word in DETERMINERS:
            return k
        comma = next((i for i in range(k, min(upto, k + 14)) if tokens[i].text == ","), None)
        if comma is None:
            return k
        k = comma + 1
    return k


def _is_participle(tokens: Sequence[Token], k: int) -> bool:
    """A participle opening an aside ("Speaking to reporters, …", "Asked about it, …")."""
    word = _lower(tokens[k])
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return word.endswith(("ing", "ed")) and nxt is not None and nxt.is_word and nxt.text.islower()


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
