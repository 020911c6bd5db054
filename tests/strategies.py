"""Hypothesis strategies shared by the test modules.

Each stage adds its own section below; add to this file, never rewrite it wholesale.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from quoteverify.marks import ELISION, MARKS, PAIRS, PARAGRAPH_BREAKS

# --- verification (text.py, align.py, verify.py) -------------------------------------------

NEWS_ALPHABET = st.sampled_from(
    [
        *"abcdefghij ABCDE  ,.;:!?'\"-–—…[]()0123456789\n\t",
        *["’", "“", "”", "\N{NO-BREAK SPACE}", "é", "ß", "İ", "\u0301"],
    ]
)
"""Characters news text is made of, weighted toward words, spaces and marks."""

news_texts = st.text(NEWS_ALPHABET, max_size=80)
"""Short strings of news-like characters: words, numbers, marks, brackets, odd white space."""

TOKEN_SHAPE_PIECES = st.sampled_from(
    [
        *"aZé.,%[]'’‘ʼ-‐‑… !?\n",
        *["U.S.", "e.g.", "J.K.R.", "[W]e", "[sic]", "2,000", "3.5", "25%", "1st", "don’t"],
        *["anti-regime", "G7", "٣", "½", "Ⅻ", "\u0301", "İ", "ǅ"],
        *["A." * 13, "[" + "x" * 21 + "]e"],
    ]
)
texts_of_token_shapes = st.lists(TOKEN_SHAPE_PIECES, max_size=30).map("".join)
"""Texts glued from the rare shapes the tokenizer handles (initials, editorial letters, numbers,
joiners, brackets) and the characters at their edges, to probe every branch of its pattern."""

BRITISH_SPELLINGS = (
    ("colour", "color"),
    ("realised", "realized"),
    ("centre", "center"),
    ("cancelled", "canceled"),
    ("programme", "program"),
    ("defence", "defense"),
    ("catalogue", "catalog"),
    ("analyse", "analyze"),
    ("travelling", "traveling"),
    ("grey", "gray"),
)
"""British spellings and their American forms, for planted spelling edits."""


@st.composite
def mutated_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A news-like canonical text and a variant made from it by a few random cuts and pastes."""
    canonical = draw(news_texts)
    variant = canonical
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(variant)))
        end = draw(st.integers(start, min(len(variant), start + 12)))
        variant = variant[:start] + draw(st.text(NEWS_ALPHABET, max_size=6)) + variant[end:]
    return variant, canonical


@attrs.frozen
class PlantedEdit:
    """A canonical text, a variant with one known edit, its kind and its canonical span."""

    canonical: str
    variant: str
    kind: str
    start: int
    end: int


_WORD = st.text("bcdfghklmnprstvz", min_size=2, max_size=3).map(lambda s: s[0] + "a" + s[1:] + "o")


@st.composite
def plain_statements(draw: st.DrawFn, min_words: int = 4) -> tuple[str, list[tuple[int, int]]]:
    """A statement of distinct lower-case words and its word spans; separators vary."""
    words = draw(st.lists(_WORD, min_size=min_words, max_size=14, unique=True))
    separators = draw(
        st.lists(
            st.sampled_from([" ", " ", " ", ", ", ". ", " – ", "; "]),
            min_size=len(words) - 1,
            max_size=len(words) - 1,
        )
    )
    text, spans = "", []
    for word, separator in zip(words, [*separators, ""], strict=True):
        spans.append((len(text), len(text) + len(word)))
        text += word + separator
    return text, spans


Spans = list[tuple[int, int]]


def _case(text: str, spans: Spans, i: int, j: int, k: int) -> tuple[str, str, int, int]:
    (si, ei) = spans[i]
    return text, text[:si] + text[si:ei].upper() + text[ei:], si, ei


def _dash(text: str, spans: Spans, i: int, j: int, k: int) -> tuple[str, str, int, int]:
    text = text[: spans[i][1]] + " – " + text[spans[i + 1][0] :]
    dash = spans[i][1] + 1
    return text, text[:dash] + "—" + text[dash + 1 :], dash, dash + 1


def _omission(text: str, spans: Spans, i: int, j: int, k: int) -> tuple[str, str, int, int]:
    start, resume = spans[i][0], spans[j + 1][0]
    return text, text[:start] + text[resume:], start, resume


def _ellipsis(text: str, spans: Spans, i: int, j: int, k: int) -> tuple[str, str, int, int]:
    start, end = spans[i][0], spans[j][1]
    return text, text[:start] + "…" + text[end:], start, end


def _bracket(text: str, spans: Spans, i: int, j: int, k: int) -> tuple[str, str, int, int]:
    end = spans[i][1]
    return text, text[:end] + " [the editor]" + text[end:], end, end


def _substitution(text: str, spans: Spans, i: int, j: int, k: int) -> tuple[str, str, int, int]:
    (si, ei) = spans[i]
    return text, text[:si] + "quux" + text[ei:], si, ei


def _cut_start(text: str, spans: Spans, i: int, j: int, k: int) -> tuple[str, str, int, int]:
    return text, text[spans[i][0] :], 0, spans[i][0]


def _cut_end(text: str, spans: Spans, i: int, j: int, k: int) -> tuple[str, str, int, int]:
    return text, text[: spans[j][1]], spans[j][1], len(text)


def _swap(text: str, spans: Spans, i: int, j: int, k: int) -> tuple[str, str, int, int]:
    start, end = spans[i][0], spans[k][1]
    first, second = text[start : spans[j][1]], text[spans[j + 1][0] : end]
    between = text[spans[j][1] : spans[j + 1][0]]
    return text, text[:start] + second + between + first + text[end:], start, end


_EDITS = {
    "case": (_case,),
    "punctuation": (_dash,),
    "omission": (_omission,),
    "ellipsis": (_ellipsis,),
    "bracket": (_bracket,),
    "substitution": (_substitution,),
    "truncation": (_cut_start, _cut_end),
    "transposition": (_swap,),
}


@st.composite
def planted_edits(draw: st.DrawFn, kind: str) -> PlantedEdit:
    """One edit of ``kind`` (a DifferenceKind value) planted in a plain statement."""
    text, spans = draw(plain_statements())
    n = len(spans)
    i = draw(st.integers(1, n - 3))
    j = draw(st.integers(i, n - 2))
    k = draw(st.integers(j + 1, n - 1))
    if kind == "spelling":
        british, american = draw(st.sampled_from(BRITISH_SPELLINGS))
        (si, ei) = spans[i]
        canonical = text[:si] + british + text[ei:]
        variant = text[:si] + american + text[ei:]
        return PlantedEdit(canonical, variant, kind, si, si + len(british))
    edit = draw(st.sampled_from(_EDITS[kind]))
    canonical, variant, start, end = edit(text, spans, i, j, k)
    return PlantedEdit(canonical, variant, kind, start, end)


# --- detection (marks.py, detect.py) -------------------------------------------------------

MARKED_ALPHABET = st.one_of(
    st.sampled_from([*MARKS, *PARAGRAPH_BREAKS, " ", " ", "a", "s", "6", ".", ",", "(", "\x00"]),
    st.characters(),
)
"""Any character, weighted toward quotation marks, breaks and the neighbours rules look at."""

marked_texts = st.text(MARKED_ALPHABET, max_size=120)
"""Arbitrary Unicode text, dense in quotation marks, breaks and control characters."""

_QUOTE_FREE = st.characters(exclude_characters=MARKS)
_QUOTE_FREE_LINE = st.characters(exclude_characters=MARKS + PARAGRAPH_BREAKS)

quote_free_texts = st.text(_QUOTE_FREE, max_size=60)
"""Any text without a quotation mark (paragraph breaks allowed)."""

quote_free_lines = st.text(_QUOTE_FREE_LINE, max_size=40)
"""Any text without a quotation mark or a paragraph break."""


@st.composite
def quote_inners(draw: st.DrawFn) -> str:
    """The words of a quotation: one line, no marks, no space at either end, no elision."""
    inner = draw(st.text(_QUOTE_FREE_LINE, min_size=1, max_size=30))
    inner = inner.strip()
    if not inner or ELISION.match(inner):
        inner = "words" + inner
    return inner


@st.composite
def well_formed_quotes(draw: st.DrawFn) -> tuple[str, str]:
    """A quotation in any style, written correctly: (whole quotation with marks, inner words)."""
    opening = draw(st.sampled_from(sorted(PAIRS)))
    closing = draw(st.sampled_from(PAIRS[opening]))
    inner = draw(quote_inners())
    return opening + inner + closing, inner


@st.composite
def paragraphs_of_quotes(draw: st.DrawFn) -> str:
    """One paragraph of quote-free words and well-formed quotes, each quote set off by spaces."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(quote_free_lines).strip() or "text")
        parts.append(draw(well_formed_quotes())[0])
    return " ".join(parts)


@st.composite
def stray_paragraphs(draw: st.DrawFn) -> str:
    """One paragraph of any text with quotation marks strewn through it, matched or not."""
    text = draw(quote_free_lines)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(MARKS)) + text[at:]
    return text


# --- attribution (attribute.py, cues.py, names.py, speakers.py, kinds.py) --------------------

_SPEAKER_PHRASES = st.sampled_from(
    [
        "Ana Ruiz",
        "US President Ann Lee",
        "the ministry",
        "a senior official",
        "he",
        "she",
        "they",
        "Officials",
        "Lee",
        "the president’s spokeswoman, Maria Lind,",
    ]
)
_CUES = st.sampled_from(["said", "told reporters", "wrote on X", "added", "has warned", "posted"])
_QUOTED = st.sampled_from(
    ["We will win,", "a disgrace", "Nobody knows.", "help", "This is over!", "and we stay."]
)


@st.composite
def news_paragraphs(draw: st.DrawFn) -> str:
    """Paragraphs of attributed and unattributed curly quotes in the common news patterns."""
    sentences = []
    for _ in range(draw(st.integers(1, 6))):
        speaker, cue, words = draw(_SPEAKER_PHRASES), draw(_CUES), draw(_QUOTED)
        pattern = draw(st.integers(0, 4))
        sentences.append(
            [
                f"“{words}” {speaker} {cue}.",
                f"{speaker} {cue}: “{words}”",
                f"{speaker} {cue} the plan was “{words}” again.",
                f"“{words}” said {speaker}.",
                f"The vote was “{words}”",
            ][pattern]
        )
    separators = draw(st.lists(st.sampled_from([" ", "\n\n", "\n"]), min_size=len(sentences)))
    return "".join(s + sep for s, sep in zip(sentences, separators, strict=False))


# --- grouping and collation (group.py, collate.py) -----------------------------------------

_COLLATION_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", "; ", " – ", ": ", "!!! ", ". "])
_CASINGS = st.sampled_from([str.lower, str.upper, str.title])


@attrs.frozen
class FragmentedText:
    """A text, fragments of it that overlap in a chain, and the stretch they cover together."""

    text: str
    fragments: tuple[str, ...]
    covered: str


@st.composite
def fragmented_texts(draw: st.DrawFn) -> FragmentedText:
    """A text of distinct words with mixed case and punctuation, cut into overlapping fragments.

    Consecutive fragments of the chain share at least one word and each reaches past the
    previous one, so every gap between two covered words lies inside some fragment; extra
    fragments are cut anywhere inside the covered stretch.
    """
    words = draw(st.lists(_WORD, min_size=3, max_size=24, unique=True))
    text, spans = "", []
    for number, word in enumerate(words):
        spans.append((len(text), len(text) + len(word)))
        text += draw(_CASINGS)(word)
        if number < len(words) - 1:
            text += draw(_COLLATION_SEPARATORS)
    n = len(words)
    first = draw(st.integers(0, n - 2))
    end = draw(st.integers(first + 1, n))
    chain = [(first, end)]
    while end < n and draw(st.booleans()):
        start = draw(st.integers(chain[-1][0] + 1, end - 1)) if end - chain[-1][0] > 1 else end - 1
        end = draw(st.integers(end + 1, n))
        chain.append((start, end))
    last = chain[-1][1]
    extra = draw(st.lists(st.tuples(st.integers(first, last - 1), st.integers(1, 4)), max_size=4))
    cuts = chain + [(start, min(start + size, last)) for start, size in extra]
    fragments = tuple(text[spans[i][0] : spans[j - 1][1]] for i, j in cuts)
    return FragmentedText(text, fragments, text[spans[first][0] : spans[last - 1][1]])


_GROUP_VOCABULARY = (
    "help is on its way keep protesting take over your institutions very the price big pay "
    "meetings killing protesters stops save names of killers and abusers"
)
_GROUP_WORDS = st.sampled_from(_GROUP_VOCABULARY.split(" "))

quote_texts_for_grouping = st.lists(st.lists(_GROUP_WORDS, max_size=12).map(" ".join), max_size=30)
"""Lists of quote texts drawn from one small vocabulary, so many of them share words."""

# --- statement index (index.py, check.py) ---------------------------------------------------

INDEX_FUNCTION_WORDS = ("the", "of", "and", "to", "a", "in", "is", "we", "will", "not")
"""Everyday words that statements share and that alone point to no statement."""

index_content_words = st.text("bcdfghklmnprstvz" + "aeiou", min_size=4, max_size=9).filter(
    lambda word: word not in INDEX_FUNCTION_WORDS
)
"""Made-up content words: the words that make a fragment point to one statement."""


@st.composite
def indexed_fragments(draw: st.DrawFn) -> tuple[list[str], int, str]:
    """Statements of content and function words, the index of one, and an excerpt of it.

    The excerpt is a run of the chosen statement's words holding at least two content words,
    sometimes shouted in capitals, as a reprint might quote it.
    """
    words = st.one_of(index_content_words, st.sampled_from(INDEX_FUNCTION_WORDS))
    statements: list[list[str]] = []
    for _ in range(draw(st.integers(1, 12))):
        body = draw(st.lists(words, max_size=20))
        body += draw(st.lists(index_content_words, min_size=2, max_size=2))
        statements.append(draw(st.permutations(body)))
    chosen = draw(st.integers(0, len(statements) - 1))
    body = statements[chosen]
    content = [i for i, word in enumerate(body) if word not in INDEX_FUNCTION_WORDS]
    first = draw(st.integers(0, len(content) - 2))
    last = draw(st.integers(first + 1, len(content) - 1))
    excerpt = " ".join(body[content[first] : content[last] + 1])
    if draw(st.booleans()):
        excerpt = excerpt.upper()
    texts = [" ".join(body).capitalize() + draw(st.sampled_from(".!?")) for body in statements]
    return texts, chosen, excerpt
