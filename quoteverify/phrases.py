"""Speaker phrases in the tokens of one sentence: which words are speech verbs there, where a
noun phrase ending at a word starts, and the subject of a verb before or after it, or of the
whole sentence.

Every search is bounded: a phrase is at most a dozen tokens, an appositive at most ten, and the
sentence has been cut to a bounded window by the caller.
"""

from collections.abc import Sequence

from quoteverify.lexicon import (
    VerbForm,
    auxiliaries,
    calendar_words,
    function_words,
    ly_nouns,
    pronouns,
    source_heads,
    speech_verbs,
    title_words,
)
from quoteverify.names import AFFILIATIONS, DETERMINERS, is_possessive
from quoteverify.sentences import Token

POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
CONNECTORS = frozenset({"of", "for", "the", "and", "on", "in", "de", "al", "&"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "who", "we", "i"})
_TIME_LEADERS = frozenset(
    {"on", "late", "early", "last", "this", "next", "in", "at", "the", "past"}
)
PHRASE_LIMIT = 12
_APPOSITIVE_LIMIT = 10
_NOUN_MODIFIERS = 3
_DATELINE_LIMIT = 6
_RELATIVES = frozenset({"who", "that", "which"})
_DASHES = frozenset({"—", "–", "-", "--"})
_HEAD_PREPOSITIONS = frozenset({"in", "at", "of", "from", "on", "by"})
_HEAD_REACH = 3  # prepositional phrases looked through back to a subject's head noun


def _lower(token: Token) -> str:
    return token.text.lower()


def _is_adverb(word: str) -> bool:
    return word.islower() and len(word) > 4 and word.endswith("ly") and word not in ly_nouns()


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
    >>> toks = tokenize("A spokesperson for the Harbour Trust said", 0, {})
    >>> phrase_back(toks, 5)
    0
    """
    lo = _phrase_start(tokens, j)
    if lo is not None and lo >= 2:
        head = tokens[lo - 2]
        word = _lower(head)
        if (
            _lower(tokens[lo - 1]) in AFFILIATIONS
            and head.is_word
            and head.text.islower()
            and (word in source_heads() or word in title_words())
        ):  # "a spokesperson for the Harbour Trust": the source, described by employer
            return _phrase_start(tokens, lo - 2)
    return lo


def _phrase_start(tokens: Sequence[Token], j: int) -> int | None:
    if j < 0 or not (tokens[j].is_word or tokens[j].text == ")"):
        return None
    if _lower(tokens[j]) in pronouns():
        return j
    k, capitalised, verbs = j, False, speech_verbs()
    while k >= 0 and j - k < PHRASE_LIMIT:
        token = tokens[k]
        if token.text == ")" and k == j:
            k = _open_bracket(tokens, k)
            continue
        if not token.is_word:
            break
        if k < j and token.text in verbs and cue_form(tokens, k) is not None:
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
    return (_head_start(tokens, lo), j) if lo is not None else None


def _head_start(tokens: Sequence[Token], lo: int) -> int:
    """Step back from a noun phrase over the phrases it hangs from, to the head that opens the
    clause: "An editorial in the local weekly" from "the local weekly"."""
    start = lo
    for _ in range(_HEAD_REACH):
        if start < 2 or _lower(tokens[start - 1]) not in _HEAD_PREPOSITIONS:
            break
        noun = tokens[start - 2]
        if not noun.is_word or not noun.text.islower() or _is_function(noun):
            break
        head = _phrase_start(tokens, start - 2)
        if head is None:
            break
        start = head
        if _lower(tokens[head]) in DETERMINERS and (head == 0 or tokens[head - 1].text == ","):
            return head  # the head opens the clause: the phrases between belong to it
    return lo


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
    if lo is not None and _lower(first) in _RELATIVES:
        lo = _head_start(tokens, lo)
    if lo is not None and _lower(first) in _RELATIVES and _is_appositive(tokens, lo):
        # "X, a partner at the firm Y, which …, said": the relative clause is Y's, the subject X
        k = _skip_back(tokens, lo - 2)
        lo = phrase_back(tokens, k)
    return (lo, k) if lo is not None else None


def _is_appositive(tokens: Sequence[Token], lo: int) -> bool:
    """Whether the phrase at ``lo`` follows a comma and a name: ", a partner at the firm"."""
    return (
        lo >= 2
        and tokens[lo - 1].text == ","
        and _lower(tokens[lo]) in DETERMINERS
        and tokens[lo - 2].is_word
        and tokens[lo - 2].text[0].isupper()
    )


def subject_after(tokens: Sequence[Token], v: int) -> tuple[int, int] | None:
    """Return the token range of an inverted subject after the verb at ``v`` ("said Trump").

    >>> from quoteverify.sentences import tokenize
    >>> toks = tokenize("said Maria Lind, a spokeswoman", 0, {})
    >>> subject_after(toks, 0)
    (1, 2)
    """
    k = v + 1
    while k < len(tokens) and k - v <= PHRASE_LIMIT:
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
