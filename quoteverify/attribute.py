"""Attribution: join split quotes, say what kind each quote is, and who said it.

``attribute_quotes`` takes the passages ``detect.find_quotes`` returns and, reading only the
sentences that hold them (``sentences.py``), finds each one's cue and speaker phrase
(``cues.py``), resolves the phrase to a name (``names.py``: titles stripped; ``people.py``:
aliases and pronouns resolved against the people the document names, indexed once), and sets
its kind.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import attrs

from quoteverify.context import Antecedents, ParagraphBefore, Previous, Read, SentenceTable
from quoteverify.cues import (
    Finding,
    find_after,
    find_before,
    find_later,
)
from quoteverify.errors import require_str
from quoteverify.kinds import is_scare_quote, is_term_cue_before, quote_kind
from quoteverify.lexicon import auxiliaries, pronouns
from quoteverify.model import Quote, QuoteKind, Speaker
from quoteverify.names import Mention
from quoteverify.people import People
from quoteverify.phrases import phrase_back
from quoteverify.sentences import (
    Paragraphs,
    Piece,
    Token,
    Window,
    mark_extent,
    masked,
    sentence_starts,
    tokenize,
    windows,
)
from quoteverify.speakers import SpeakerResolver

_WINDOW_BEFORE = 60  # tokens of a sentence read before a quote
_WINDOW_AFTER = 40  # and after it
_GAP_TOKENS = 24  # longest attribution between two pieces of one split quote
_GAP_CHARACTERS = 400  # and the most characters it may take, read before tokenising
_NEXT_CHARACTERS = 300  # of the sentence after a quote that ends its sentence
_COORDINATION_CHARACTERS = 8
_COORDINATORS = frozenset({"and", "or", ""})
_BULLETS = frozenset("•●▪■◦‣*-–—·")
_CONTINUING = (",", "—", "–", "-", "…", "!", "?")
_CLOSING_MARKS = "'’\"”»›"
_TITLE_WORDS = 6  # longest quoted title read as part of an attribution ("on ANB's “The Hour”")
_TITLE_STAND_IN = "show"


class Local(NamedTuple):
    """A quote piece's own attribution: the tokens the finding indexes, the finding, whether it
    directly follows the piece, and, when its phrase is a pronoun, the subjects of its own
    sentence up to it and of the sentences before (candidate antecedents, nearest first, read
    only as far as the resolver asks)."""

    tokens: Sequence[Token]
    finding: Finding
    adjacent: bool
    antecedents: Iterable[Mention] = ()


def attribute_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """Return ``quotes`` with split quotes joined, and each quote's kind and speaker set.

    >>> from quoteverify.detect import find_quotes
    >>> text = '“We will win,” Ann Lee, a senator, said. “Nobody doubts it.”'
    >>> [(q.text, q.speaker.name, q.kind.value) for q in attribute_quotes(text, find_quotes(text))]
    [('We will win, Nobody doubts it.', 'Ann Lee', 'direct')]
    """
    require_str(text)
    if not quotes:
        return []
    ordered = sorted(quotes, key=lambda q: q.start)
    outer = _outer_quotes(ordered)
    pieces = _pieces(text, ordered, outer)
    people = People(text, [(p.outer_start, p.outer_end) for p in pieces])
    paragraphs = Paragraphs(text)
    local = _local_attributions(text, pieces, paragraphs)
    groups, titles = _join_split_quotes(text, ordered, outer, pieces, local)
    return _attribute_groups(
        text,
        ordered,
        outer,
        groups,
        titles=titles,
        local=local,
        pieces=pieces,
        people=people,
        paragraphs=paragraphs,
    )


def _outer_quotes(quotes: Sequence[Quote]) -> list[int]:
    """Return for each quote the index of the quote it is nested in, or -1."""
    outer: list[int] = []
    open_ends: list[tuple[int, int]] = []  # (end, index) of enclosing candidates
    for i, quote in enumerate(quotes):
        while open_ends and open_ends[-1][0] <= quote.start:
            open_ends.pop()
        outer.append(open_ends[0][1] if open_ends else -1)
        if outer[-1] < 0:
            open_ends = [(quote.end, i)]
    return outer


def _pieces(text: str, quotes: Sequence[Quote], outer: Sequence[int]) -> list[Piece]:
    pieces = []
    for i, quote in enumerate(quotes):
        if outer[i] >= 0:
            continue
        for span in quote.spans:
            lo, hi = mark_extent(text, span.start, span.end)
            pieces.append(Piece(span.start, span.end, lo, hi, i))
    pieces.sort(key=lambda p: p.outer_start)
    return pieces


def _local_attributions(
    text: str, pieces: Sequence[Piece], paragraphs: Paragraphs
) -> dict[int, Local | None]:
    """Find each piece's own attribution, reading a bounded window of its paragraph around each
    run of nearby pieces once."""
    found: dict[int, Local | None] = {}
    i = 0
    while i < len(pieces):
        start, end = paragraphs.bounds(pieces[i].outer_start)
        j = i
        while j < len(pieces) and pieces[j].outer_start < end:
            j += 1
        for window in windows(text, (start, end), pieces, range(i, j)):
            before = ParagraphBefore(text, start, pieces, i) if window.start == start else None
            found.update(_read_window(text, window, pieces, before))
        i = j
    return found


def _read_window(
    text: str, window: Window, pieces: Sequence[Piece], before: ParagraphBefore | None
) -> dict[int, Local | None]:
    start, end = window.start, window.end
    inside = pieces[window.masks.start : window.masks.stop]
    masked_text = masked(text, start, end, inside)
    starts = [*sentence_starts(masked_text), len(masked_text)]
    piece_at = {p.outer_start: window.masks.start + n for n, p in enumerate(inside)}
    own = range(window.first, window.last)
    found: dict[int, Local | None] = {}
    cursor = window.first  # the next piece not yet placed in a sentence: one walk
    read: Read | None = None  # the last sentence tokenised, offered to the next as its previous
    for n, (lo, hi) in enumerate(itertools.pairwise(starts)):
        holds = False
        while cursor < window.last and pieces[cursor].outer_start < start + hi:
            holds = holds or pieces[cursor].outer_start >= start + lo
            cursor += 1
        if not holds:
            if cursor >= window.last:
                break
            continue
        tokens = tokenize(masked_text[lo:hi], start + lo, piece_at)
        own_tokens = len(tokens)
        known = read if read is not None and read.end == start + lo else None
        previous = Previous(text, masked_text, (starts, n), start, before, known=known)
        read = Read(start + lo, start + hi, tokens)
        if len(tokens) == 1 and tokens[0].is_quote and n + 2 < len(starts):
            # "“… INSTITUTIONS!!!” Trump posted on X.": the attribution follows the sentence
            # the quote's own punctuation ended; read it as part of that sentence.
            nxt = masked_text[starts[n + 1] : min(starts[n + 2], starts[n + 1] + _NEXT_CHARACTERS)]
            tokens = tokens + tokenize(nxt, start + starts[n + 1], piece_at)  # read keeps its own
        sentence = SentenceTable(text, tokens)
        for q, token in enumerate(tokens[:own_tokens]):
            if token.piece in own:  # a quote token (words have piece -1) read by this window
                found[token.piece] = _attribute_piece(sentence, q, previous)
    return found


def _attribute_piece(sentence: SentenceTable, q: int, previous: Previous) -> Local | None:
    tokens = sentence.tokens
    lo = max(0, q - _WINDOW_BEFORE)
    window = tokens[lo : q + _WINDOW_AFTER]
    k = q - lo
    headline = sentence.is_headline(lo, lo + len(window))
    after = find_after(window, k, headline=headline)
    if after:
        return _with_antecedents(sentence, Local(window, after, adjacent=True), lo, previous)
    finding = (
        find_before(window, k, headline=headline)
        or _named_before_colon(window, k)
        or find_later(window, k, headline=headline)
    )
    if finding:
        return _with_antecedents(sentence, Local(window, finding, adjacent=False), lo, previous)
    if k == 0 and previous.ends_with_colon():
        tail = previous()[-_WINDOW_BEFORE:]
        anchor = [*tail, Token(tokens[0].start, tokens[0].end, tokens[0].text, 0)]
        intro = find_before(anchor, len(tail))
        return Local(anchor, intro, adjacent=False) if intro else None
    return None


def _with_antecedents(sentence: SentenceTable, local: Local, lo: int, previous: Previous) -> Local:
    """Attach the subjects a pronoun phrase may stand for: those of its own sentence up to the
    pronoun, then of the sentences before, worked out only when the resolver asks."""
    finding = local.finding
    if finding.lo != finding.hi or local.tokens[finding.lo].text.lower() not in pronouns():
        return local
    return local._replace(antecedents=Antecedents(sentence, (lo, lo + finding.lo), previous))


def _named_before_colon(tokens: Sequence[Token], q: int) -> Finding | None:
    """The headline form "Name: “…”": a bare name opening the sentence, then a colon."""
    first = 0
    while first < q and tokens[first].text in _BULLETS:  # "• Minister Karl Hennig: ‘…’"
        first += 1
    if q - first < 2 or tokens[q - 1].text != ":":
        return None
    lo = phrase_back(tokens, q - 2)
    if lo != first or not tokens[first].text[0].isupper():
        return None
    colon = tokens[q - 1]
    return Finding(
        lo, q - 2, (tokens[lo].start, tokens[q - 2].end), (colon.start, colon.end), False, 0.8
    )


def _join_split_quotes(
    text: str,
    quotes: Sequence[Quote],
    outer: Sequence[int],
    pieces: Sequence[Piece],
    local: dict[int, Local | None],
) -> tuple[list[list[int]], set[int]]:
    """Group the top-level quotes: a quote joins the one before when only an attribution stands
    between them and it has no attribution of its own. Also return the quoted titles found
    inside such an attribution (terms)."""
    first_piece: dict[int, int] = {}
    titles: set[int] = set()
    for n, piece in enumerate(pieces):
        first_piece.setdefault(piece.quote, n)
    groups: list[list[int]] = []
    for i, quote in enumerate(quotes):
        if outer[i] >= 0:
            continue
        own = local.get(first_piece[i])
        if groups and _continues(text, quotes[groups[-1][-1]], quote, own):
            groups[-1].append(i)
        elif _continues_past_title(text, quotes, groups, quote, own):
            title = groups.pop()
            titles.add(title[0])
            groups[-1].append(i)
            groups.insert(-1, title)  # read before the quote it interrupts, which goes on
        else:
            groups.append([i])
    return groups, titles


def _continues_past_title(
    text: str,
    quotes: Sequence[Quote],
    groups: Sequence[list[int]],
    quote: Quote,
    own: Local | None,
) -> bool:
    """Whether ``quote`` continues the group before last across a quoted title that sits in the
    attribution between them ("“…,” she said on ANB's “The Hour” on Monday. “…”")."""
    if len(groups) < 2 or len(groups[-1]) != 1:
        return False
    title = quotes[groups[-1][0]]
    if not _is_title(title):
        return False
    return _continues(text, quotes[groups[-2][-1]], quote, own, (title,))


def _is_title(quote: Quote) -> bool:
    """Whether a quote reads as a name: a few words, each capitalised, no sentence end."""
    words = quote.text.split()
    return 0 < len(words) <= _TITLE_WORDS and all(
        w[:1].isupper() or w[:1].isdigit() for w in words
    )


def _without_titles(text: str, start: int, end: int, titles: Sequence[Quote]) -> str:
    """``text[start:end]`` with each title quote in it, marks included, replaced by a plain
    noun of the same length, so offsets stay true."""
    parts: list[str] = []
    at = start
    for title in titles:
        lo, hi = mark_extent(text, title.spans[0].start, title.spans[-1].end)
        if not start <= lo < hi <= end:
            continue
        parts += [text[at:lo], _TITLE_STAND_IN[: hi - lo].ljust(hi - lo)]
        at = hi
    return "".join(parts) + text[at:end]


def _continues(
    text: str, before: Quote, quote: Quote, own: Local | None, titles: Sequence[Quote] = ()
) -> bool:
    if own is not None and own.adjacent:
        return False
    # a first piece closing on a nested quote ("… it said ‘late,’”) continues all the same
    if not before.text.rstrip().rstrip(_CLOSING_MARKS).endswith(_CONTINUING):
        return False
    gap_start = mark_extent(text, before.spans[-1].start, before.spans[-1].end)[1]
    gap_end = mark_extent(text, quote.spans[0].start, quote.spans[0].end)[0]
    if gap_end - gap_start > _GAP_CHARACTERS:
        return False  # too long to be only an attribution; never tokenised
    gap = _without_titles(text, gap_start, gap_end, titles)
    if "\n" in gap and gap[gap.rindex("\n") :].strip():
        return False  # the next paragraph does not open with the quote
    return _is_bare_attribution(gap.split("\n", 1)[0], gap_start)


def _is_bare_attribution(gap: str, offset: int) -> bool:
    tokens = [Token(offset, offset, "\ue000", 0), *tokenize(gap, offset, {})]
    if len(tokens) > _GAP_TOKENS or tokens[-1].text not in {".", ",", ":"}:
        return False
    inner = tokens[1:-1]
    if any(t.text in {".", "!", "?", ";"} or t.text.lower() == "that" for t in inner):
        return False
    return find_after([*tokens[:-1], tokens[-1]], 0) is not None


def _attribute_groups(
    text: str,
    quotes: Sequence[Quote],
    outer: Sequence[int],
    groups: Sequence[list[int]],
    *,
    titles: set[int],
    local: dict[int, Local | None],
    pieces: Sequence[Piece],
    people: People,
    paragraphs: Paragraphs,
) -> list[Quote]:
    resolver = SpeakerResolver(text, people)
    pieces_of: dict[int, list[Local]] = {}
    for n, piece in enumerate(pieces):
        found = local.get(n)
        if found is not None:
            pieces_of.setdefault(piece.quote, []).append(found)
    results: dict[int, Quote] = {}
    group_of = {i: group[0] for group in groups for i in group}
    previous: tuple[int, Speaker] | None = None
    last: tuple[Quote, QuoteKind] | None = None
    for group in groups:
        merged = _merge(quotes, group)
        kind = QuoteKind.TERM if group[0] in titles else quote_kind(text, merged)
        speaker = None
        if group[0] in titles:
            pass  # a title named inside an attribution: nobody's words
        elif (
            last is not None and last[1] is QuoteKind.TERM and _coordinated(text, last[0], merged)
        ):
            kind = QuoteKind.TERM  # "“logistics” and “vendor support”": a list of terms
        elif kind is not QuoteKind.TERM:
            findings = [found for i in group for found in pieces_of.get(i, [])]
            speaker = _best(resolver, findings, merged)
            speaker = speaker or _inherited(previous, paragraphs, merged)
            speaker = speaker or resolver.echo(merged)
            if speaker is None and kind is QuoteKind.PARTIAL and is_scare_quote(text, merged):
                kind = QuoteKind.TERM
        elif not is_term_cue_before(text, merged):
            # "her “once-in-a-generation” moment": a modifier repeating someone's words, or
            # a phrase inside reported speech ("she said the firm made a “fair and final”
            # offer"): hers; one word ("a “source-available” licence") is the trade's term
            findings = [found for i in group for found in pieces_of.get(i, [])]
            speaker = resolver.echo(merged)
            if speaker is None and len(merged.text.split()) > 1:
                speaker = _reporting(text, _best(resolver, findings, merged), merged)
            kind = QuoteKind.PARTIAL if speaker else kind
        last = (merged, kind)
        if speaker is not None:
            resolver.remember(merged, speaker)
            previous = (paragraphs.index(merged.end), speaker)
        results[group[0]] = Quote(merged.text, merged.spans, kind, speaker)
    for i, quote in enumerate(quotes):
        if outer[i] >= 0:
            results[i] = _nested(text, quote, results.get(group_of.get(outer[i], -1)))
    return [results[i] for i in sorted(results, key=lambda i: quotes[i].start)]


def _coordinated(text: str, before: Quote, quote: Quote) -> bool:
    """Whether only "and", "or" or a comma stands between two quotes."""
    gap_start = mark_extent(text, before.spans[-1].start, before.spans[-1].end)[1]
    gap_end = mark_extent(text, quote.spans[0].start, quote.spans[0].end)[0]
    if not 0 < gap_end - gap_start <= _COORDINATION_CHARACTERS:
        return False
    return text[gap_start:gap_end].strip(" ,\u00a0").lower() in _COORDINATORS


def _merge(quotes: Sequence[Quote], group: Sequence[int]) -> Quote:
    if len(group) == 1:
        return quotes[group[0]]
    parts = [quotes[i] for i in group]
    spans = tuple(span for part in parts for span in part.spans)
    return Quote(" ".join(part.text for part in parts), spans)


def _best(resolver: SpeakerResolver, findings: Sequence[Local], quote: Quote) -> Speaker | None:
    ranked = sorted(findings, key=lambda f: -f.finding.confidence)
    for found in ranked:
        speaker = resolver.resolve(found.tokens, found.finding, found.antecedents)
        if speaker is not None:
            return speaker
    return None


def _inherited(
    previous: tuple[int, Speaker] | None, paragraphs: Paragraphs, quote: Quote
) -> Speaker | None:
    """A quote with no attribution of its own takes the speaker of the quote before it in the
    same paragraph, with less confidence."""
    if previous is None or previous[0] != paragraphs.index(quote.start):
        return None
    speaker = previous[1]
    return attrs.evolve(speaker, confidence=round(min(speaker.confidence, 0.6), 2))


def _nested(text: str, quote: Quote, host: Quote | None) -> Quote:
    """A quote inside another is the host speaker's quoting of someone's words or a term."""
    kind = quote_kind(text, quote)
    if kind is QuoteKind.TERM or host is None or host.speaker is None:
        return attrs.evolve(quote, kind=QuoteKind.TERM if kind is not QuoteKind.DIRECT else kind)
    speaker = attrs.evolve(host.speaker, confidence=round(host.speaker.confidence * 0.5, 2))
    return attrs.evolve(quote, kind=QuoteKind.PARTIAL, speaker=speaker)


def _reporting(text: str, speaker: Speaker | None, quote: Quote) -> Speaker | None:
    """The speaker, if the cue reports a clause that holds the quote ("said the board had …",
    "said that …"), not an object ("critics fear a new “…” policy")."""
    if speaker is None or speaker.cue is None or speaker.cue.end > quote.spans[0].start:
        return None
    between = text[speaker.cue.end : quote.spans[0].start].lower().split()
    return speaker if any(w == "that" or w in auxiliaries() for w in between) else None
