"""Quoted passages: where each quotation opens and closes, with exact offsets.

``find_quotes`` scans the text once for quotation marks and paragraph breaks (one compiled
pattern, so everything between them is skipped at C speed), decides what each mark can be from the
characters on either side of it (``marks.py`` holds the tables), and pairs openers with closers
on a stack per paragraph. The rules, in the order they apply:

- A paragraph is a line: a quote never runs past a paragraph break (``marks.PARAGRAPH_BREAKS``),
  except by the multi-paragraph convention below.
- A quote closes only with a partner of its opening mark (``marks.PAIRS``). A closer whose
  opener is deeper in the stack closes it, and openers above it that never closed are dropped.
- Apostrophes never open or close: between letters or digits (didn’t, Iran’s, 6'2), before an
  elided word ('90s, ’26, rock ’n’ roll, ’em), ’ before a letter (U.S.’s).
- Straight marks are resolved by position: one opens after start, space or opening punctuation
  and before a non-space; one closes after a non-space and before space, punctuation or end.
  Next to a letter of a script written without spaces (他说"我们"), where position can't tell,
  a straight mark closes the open quote it partners, or else opens.
- A ’ or ' after a letter or digit and before a space (protesters’ demands, 6' tall), or a "
  after a digit (6'2" tall), is only a *possible* closer: it closes the innermost open quote of
  its style only if no certain closer comes first. So ('It's the protesters' day,' she said)
  is found whole, and (as ‘terrorists’ and) still closes.
- Two openers of one style in a row do not nest: the first quote ends at its possible closer,
  or is dropped as a stray mark.
- A closing mark hugs the word before it: ” or ’ after a space closes nothing (guillemets,
  spaced in French, excepted), and a mark with space on both sides is a stray.
- Spans leave out the space just inside the marks (French « Bonjour »).
- Quotes nest at most ``marks.NESTING_LIMIT`` deep; deeper openers are strays. This bounds
  the output (each quote's text is a copy of its span) to a few times the input's size. At the
  limit, marks that can only open are skipped at C speed up to the next mark that might close.
- A run of four or more marks is decoration, never quotation. Empty quotations are not reported.
- Multi-paragraph quotes: a paragraph whose outermost quote is still open at its end, followed
  by a paragraph that starts with the same opening mark, continues that quote (one span per
  paragraph). A quote that met a possible closer is closed there instead: scare quotes
  (‘terrorists’ and …) are far commoner than a plural possessive in an unclosed paragraph, so
  "‘We owe the protesters’ families.¶‘And more.’" is read, wrongly, as "We owe the protesters"
  and "And more.".
- A quote left open at the end of its paragraph (and not continued) is reported up to the end
  of the paragraph (trailing space excluded) only when its opening mark starts the paragraph,
  directly followed by text: the whole paragraph is then the quotation, which is the shape of a
  quote whose closing mark was forgotten, and of the last paragraph of a multi-paragraph quote.
  Any other unclosed opening mark is taken for a stray and ignored.

>>> [(q.text, q.spans[0].start) for q in find_quotes('She said: “We won’t go,” and left.')]
[('We won’t go,', 11)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import regex

from quoteverify.errors import require_str
from quoteverify.marks import (
    ALNUM,
    APOSTROPHES,
    BEFORE_OPENING,
    BEHAVIOUR,
    BREAK,
    CLOSES,
    DECORATION_RUN,
    DIGIT,
    ELISION,
    INCHES,
    MARKS,
    NESTING_LIMIT,
    OPEN_AFTER_SPACE,
    OPENING_ONLY,
    PAIRS,
    PARAGRAPH_BREAKS,
    PUNCTUATION,
    SPACE,
    TRAILING_APOSTROPHES,
    UNSPACED,
    WHITESPACE,
    Behaviour,
    is_mark,
    surroundings,
)
from quoteverify.model import Quote, Span

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

_MARK_CLASS: Final = regex.escape(MARKS)
_BREAK_CLASS: Final = regex.escape(PARAGRAPH_BREAKS)
_SPACE_CLASS: Final = regex.escape(WHITESPACE)
_APOSTROPHE_CLASS: Final = regex.escape(APOSTROPHES)
_WORD_CLASS: Final = r"\p{L}\p{N}"
_GUILLEMET_CLASS: Final = regex.escape(
    "".join(mark for mark, how in BEHAVIOUR.items() if how is Behaviour.REVERSIBLE)
)

# One pass finds every event. Marks the rules ignore anyway fail the lookarounds and are
# skipped at C speed: a mark with space on both sides (guillemets may be spaced), an
# apostrophe inside a word (didn’t, 6'2). Each branch starts with a plain class, which keeps
# the scan fast.
_EVENTS: Final = regex.compile(
    rf"""
    [{_MARK_CLASS}]{{{DECORATION_RUN},}}+            # decoration: matched whole, ignored
    | (?P<mark> [{_MARK_CLASS}]
        (?(?<=[{_GUILLEMET_CLASS}]) | (?: (?<=[^{_SPACE_CLASS}].) | (?=[^{_SPACE_CLASS}]) ) )
                                                    # text on one side, « Bonjour » aside
        (?(?<=[{_APOSTROPHE_CLASS}])                                  # an apostrophe-like mark
          (?: (?<=[^{_WORD_CLASS}].) | (?<=\A.) | (?![{_WORD_CLASS}]) )  # at a word's edge
        )
      )
    | (?P<para> [{_BREAK_CLASS}] [{_SPACE_CLASS}]*+ )  # a break, and blank lines after it
    """,
    regex.VERBOSE,
)

# With quotes nested to the limit, openers change nothing. This finds the next event that may
# still matter, skipping at C speed the marks that can only open or be ignored (see ``_action``):
# a mark that might close or propose, ' or ‘ before n (the elided 'n' skips the mark after it),
# or a paragraph break. Decoration is skipped whole, as ``_EVENTS`` reads it, so scanning can
# resume where this stops.
_NEXT_AT_LIMIT: Final = regex.compile(
    rf"""
    [{_MARK_CLASS}]{{{DECORATION_RUN},}}+ (*SKIP)(*FAIL)  # decoration
    | (?! [{regex.escape(OPENING_ONLY)}]                 # „ ‚ 「 『 only open
        | (?<=[{_SPACE_CLASS}])
          (?: [{regex.escape(OPEN_AFTER_SPACE)}]          # “ " open, ” hugs no word
            | [{_APOSTROPHE_CLASS}] (?![nN])              # ' ‘ open, ’ hugs no word
            | [{_GUILLEMET_CLASS}] (?=[A-Za-z0-9])        # «Wir opens
          )
      ) [{_MARK_CLASS}]
    | [{_BREAK_CLASS}]
    """,
    regex.VERBOSE,
)
_LEADING_SPACE: Final = regex.compile(rf"[{_SPACE_CLASS}]*+")
_NEXT_BREAK: Final = regex.compile(rf"[{_BREAK_CLASS}]")
_LAST_BREAK: Final = regex.compile(rf"(?r)[{_BREAK_CLASS}]")


# What a mark does, decided from the mark and its two neighbours (see ``_action``). Plain int
# flags rather than an IntFlag: they are tested once per mark, and enum arithmetic is slow.
IGNORE: Final = 0
OPEN: Final = 1
CLOSE: Final = 2  # closes the innermost open quote it partners, if any
CLOSE_ELSE_OPEN: Final = OPEN | CLOSE  # closes if it has a partner open, else opens
PROPOSE: Final = 4  # a possible closer (protesters’ demands, 6'2" tall)
UNLESS_ELISION: Final = 8  # first check that it does not start an elided word ('90s, ’n’)


def _skip_space(text: str, start: int, end: int) -> int:
    """The first offset from ``start`` (up to ``end``) that is not whitespace."""
    space = _LEADING_SPACE.match(text, start, end)
    return space.end() if space else start


def _opens_here(before: int, after: int) -> bool:
    """A mark after start, space or opening punctuation, and before a non-space, may open."""
    return bool(before & BEFORE_OPENING) and not after & SPACE


def _closes_here(before: int, after: int) -> bool:
    """A mark after a non-space, and before space, punctuation or end, may close."""
    return not before & SPACE and bool(after & (SPACE | PUNCTUATION))


def _closing(char: str, before: int, after: int) -> int:
    """CLOSE, or PROPOSE where the mark may be an apostrophe or an inch mark instead."""
    possible = (char in TRAILING_APOSTROPHES and before & ALNUM) or (
        char in INCHES and before & DIGIT
    )
    if possible and after & SPACE and not after & BREAK:
        return PROPOSE
    return CLOSE


def _opening_only(char: str, before: int, after: int) -> int:
    return OPEN if not after & SPACE else IGNORE


def _closing_only(char: str, before: int, after: int) -> int:
    if before & SPACE:  # a closing mark hugs the word before it
        return IGNORE
    if char in TRAILING_APOSTROPHES and (_opens_here(before, after) or after & ALNUM):
        return IGNORE  # ’s after U.S., ’90s: apostrophes
    return _closing(char, before, after)


def _leaning_open(char: str, before: int, after: int) -> int:
    closes = _closes_here(before, after)
    if after & SPACE:
        return CLOSE if closes else IGNORE
    return CLOSE_ELSE_OPEN if closes else OPEN


def _reversible(char: str, before: int, after: int) -> int:
    if before & BEFORE_OPENING and after & ALNUM:  # «Wir, »Wir
        return OPEN
    return CLOSE_ELSE_OPEN  # spaced « Bonjour » and reversed »Ja« alike: what is open decides


def _symmetric(char: str, before: int, after: int) -> int:
    opens = _opens_here(before, after)
    if _closes_here(before, after):
        return CLOSE_ELSE_OPEN if opens else _closing(char, before, after)
    if opens:
        return OPEN
    return CLOSE_ELSE_OPEN if (before | after) & UNSPACED else IGNORE  # 他说"我们"


_RULES: Final[Mapping[Behaviour, Callable[[str, int, int], int]]] = {
    Behaviour.OPENS: _opening_only,
    Behaviour.CLOSES: _closing_only,
    Behaviour.LEANS_OPEN: _leaning_open,
    Behaviour.REVERSIBLE: _reversible,
    Behaviour.SYMMETRIC: _symmetric,
}


def _action(window: str) -> int:
    """Decide what the middle character of a three-character window does.

    The window is the mark with its neighbours; a missing neighbour is given as a line break.

    >>> _action(" “W") == OPEN, _action("s’ ") == PROPOSE, _action("n’t") == IGNORE
    (True, True, True)
    >>> _action(" 'n") == OPEN | UNLESS_ELISION
    True
    """
    before, char, after = surroundings(window[0]), window[1], surroundings(window[2])
    if char in APOSTROPHES and before & after & ALNUM:
        return IGNORE
    action = _RULES[BEHAVIOUR[char]](char, before, after)
    if char in APOSTROPHES and action & OPEN and not before & ALNUM:
        action |= UNLESS_ELISION
    return action


_WINDOW_CACHE_LIMIT: Final = 65_536
_actions: dict[str, int] = {}


def _cached_action(window: str) -> int:
    action = _actions.get(window)
    if action is None:
        action = _action(window)
        if len(_actions) < _WINDOW_CACHE_LIMIT:  # bounded: hostile text has many windows
            _actions[window] = action
    return action


class _Open:
    """A quotation opened and not yet closed."""

    __slots__ = ("at_paragraph_start", "candidate", "mark", "pieces", "start")

    def __init__(self, mark: str, start: int, at_paragraph_start: bool) -> None:
        self.mark = mark
        self.start = start  # where the words of the current piece begin
        self.at_paragraph_start = at_paragraph_start
        self.candidate: int | None = None  # the first possible closer seen (protesters’ …)
        self.pieces: list[tuple[int, int]] = []  # earlier paragraphs of a multi-paragraph quote


class _Scan:
    """The state of one pass over a text: open quotes, found quotes, the current paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Quote] = []
        self.stack: list[_Open] = []
        self.open_counts: dict[str, int] = dict.fromkeys(PAIRS, 0)
        self.paragraph_start = _skip_space(text, 0, len(text))
        self.carried: _Open | None = None  # a quote continuing into this paragraph
        self.skip_until = 0  # marks before this offset belong to an elision (rock 'n' roll)

    def run(self) -> list[Quote]:
        resume: int | None = 0
        while resume is not None:
            resume = self.scan(resume)
        self.end_paragraph(len(self.text), len(self.text))
        self.found.sort(key=lambda quote: quote.start)
        return self.found

    def scan(self, start: int) -> int | None:
        """Handle the events from ``start`` on; once quotes nest to the limit, stop and return
        where to resume, past the marks that can only open (None at the end of the text)."""
        text, known, mark, stack = self.text, _actions.get, self.mark, self.stack
        for event in _EVENTS.finditer(text, start):
            kind, at = event.lastgroup, event.start()
            if kind == "mark" and at >= self.skip_until:
                window = text[at - 1 : at + 2] if at else "\n" + text[:2]
                if len(window) < 3:
                    window += "\n"  # the end of the text acts as a line break
                action = known(window)
                mark(at, _cached_action(window) if action is None else action)
                if len(stack) >= NESTING_LIMIT:
                    following = _NEXT_AT_LIMIT.search(text, at + 1)
                    return following.start() if following else len(text)
            elif kind == "para":
                if stack:
                    self.end_paragraph(at, event.end())
                self.paragraph_start = event.end()
        return None

    def mark(self, at: int, action: int) -> None:
        if self.carried is not None and at == self.paragraph_start:
            self.resume(at)
        elif action & UNLESS_ELISION and self.is_elision(at):
            return
        elif action & PROPOSE:
            self.propose(at)
        elif action & CLOSE and self.has_opener_for(self.text[at]):
            self.close(at)
        elif action & OPEN:
            self.open(at)

    def is_elision(self, at: int) -> bool:
        """Whether a single mark starts an elided word: '90s, ’em, rock ’n’ roll."""
        elision = ELISION.match(self.text, at + 1)
        if elision is None:
            return False
        self.skip_until = elision.end()
        return True

    # --- the stack -------------------------------------------------------------------------

    def has_opener_for(self, closer: str) -> bool:
        counts = self.open_counts
        return any(counts[opener] for opener in CLOSES[closer])

    def push(self, entry: _Open) -> None:
        self.stack.append(entry)
        self.open_counts[entry.mark] += 1

    def pop(self) -> _Open:
        entry = self.stack.pop()
        self.open_counts[entry.mark] -= 1
        return entry

    def open(self, at: int) -> None:
        char, stack = self.text[at], self.stack
        if len(stack) >= NESTING_LIMIT:  # deeper is not prose; it would only cost time
            return
        if stack and stack[-1].mark == char:  # one style does not nest in itself
            replaced = stack[-1]
            stack[-1] = _Open(char, at + 1, at == self.paragraph_start)
            self.settle(replaced)
        else:
            self.push(_Open(char, at + 1, at == self.paragraph_start))

    def propose(self, at: int) -> None:
        """Note a possible closer on the innermost open quote, if it is that quote's partner."""
        stack = self.stack
        if stack and self.text[at] in PAIRS[stack[-1].mark] and stack[-1].candidate is None:
            stack[-1].candidate = at

    def close(self, at: int) -> None:
        openers = CLOSES[self.text[at]]
        entry = self.pop()
        while entry.mark not in openers:
            self.settle(entry)
            entry = self.pop()
        self.emit(entry, at)

    def settle(self, entry: _Open) -> None:
        """End a quote that will get no closer: at its possible closer, if it had one."""
        if entry.candidate is not None:
            self.emit(entry, entry.candidate)

    def emit(self, entry: _Open, end: int) -> None:
        text, start = self.text, entry.start
        lean = not entry.pieces and end > start  # the common case: one piece, no space inside
        if lean and not (text[start].isspace() or text[end - 1].isspace()):
            self.found.append(Quote(text[start:end], (Span(start, end),)))
            return
        pieces = [self.trimmed(start, stop) for start, stop in (*entry.pieces, (entry.start, end))]
        spans = tuple(Span(start, stop) for start, stop in pieces if stop > start)
        if spans:
            words = " ".join(text[span.start : span.end] for span in spans)
            self.found.append(Quote(words, spans))

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """The piece without the space just inside its marks (« Bonjour »)."""
        start = _skip_space(self.text, start, end)
        return start, start + len(self.text[start:end].rstrip())

    # --- paragraphs ------------------------------------------------------------------------

    def end_paragraph(self, end: int, next_start: int) -> None:
        stack = self.stack
        while len(stack) > 1:
            self.settle(self.pop())
        if stack:
            self.end_outermost(self.pop(), end, next_start)

    def end_outermost(self, entry: _Open, end: int, next_start: int) -> None:
        if entry.candidate is not None:  # a mark in closing position beats the convention
            self.emit(entry, entry.candidate)
        elif self.continues(entry, next_start):
            entry.pieces.append((entry.start, end))
            self.carried = entry
        elif (
            entry.at_paragraph_start and entry.start < end and not self.text[entry.start].isspace()
        ):
            self.emit(entry, end)

    def continues(self, entry: _Open, next_start: int) -> bool:
        """Whether the next paragraph opens with the mark that continues ``entry``."""
        text = self.text
        if next_start + 1 >= len(text) or text[next_start] != entry.mark:
            return False
        event = _EVENTS.match(text, next_start)
        return (
            event is not None
            and event.lastgroup == "mark"
            and not surroundings(text[next_start + 1]) & SPACE
        )

    def resume(self, at: int) -> None:
        entry, self.carried = self.carried, None
        if entry is not None:
            entry.start, entry.candidate, entry.at_paragraph_start = at + 1, None, True
            self.push(entry)


def find_quotes(text: str) -> list[Quote]:
    """Return every quoted passage of ``text``, in order of where its first piece starts.

    Each ``Quote`` is ``DIRECT`` with no speaker (attribution comes later); its spans exclude
    the marks, one span per paragraph of a multi-paragraph quote, and nested quotes in the
    alternate style are returned on their own. See the module docstring for the rules.

    >>> [q.text for q in find_quotes("'It's the rock 'n' roll years,' said Mr Jones.")]
    ["It's the rock 'n' roll years,"]
    >>> [q.text for q in find_quotes("He called them “‘terrorists’ and worse”, at 6'2\\".")]
    ['‘terrorists’ and worse', 'terrorists']
    >>> find_quotes("")
    []
    """
    return _Scan(require_str(text)).run()


def paragraph_bounds(text: str, offset: int) -> Span:
    """Return the span of the paragraph (the line, breaks excluded) that holds ``offset``.

    Offsets outside the text are clamped to it. Cost is proportional to the paragraph's length.

    >>> text = "First line.\\nHe said “yes”.\\n"
    >>> paragraph_bounds(text, 20).text(text)
    'He said “yes”.'
    """
    require_str(text)
    offset = min(max(offset, 0), len(text))
    before = _LAST_BREAK.search(text, 0, offset)
    after = _NEXT_BREAK.search(text, offset)
    return Span(before.end() if before else 0, after.start() if after else len(text))


def marks_around(text: str, span: Span) -> tuple[str, str | None]:
    """Return the opening mark before a quote's span and its closing mark (None if left open).

    The opening mark is "" if the span does not follow a quotation mark.

    >>> text = "“Closed” and „offen"
    >>> marks_around(text, Span(1, 7)), marks_around(text, Span(14, 19))
    (('“', '”'), ('„', None))
    """
    require_str(text)
    opening = text[span.start - 1] if 0 < span.start <= len(text) else ""
    if not is_mark(opening):
        return "", None
    closing = text[span.end] if span.end < len(text) else ""
    return opening, closing if closing and closing in PAIRS.get(opening, "") else None
