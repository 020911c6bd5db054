"""Reports: the short text a journalist reads, and the JSON-ready records of every result.

``explain_verification`` and ``verification_to_dict`` back ``Verification.explain()`` and
``.to_dict()``; ``quote_record``, ``statement_record``, ``checked_record`` and
``collation_record`` are the JSON forms the command line prints with ``--json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quoteverify.model import Difference, DifferenceKind, Verdict

if TYPE_CHECKING:
    from quoteverify.model import CheckedQuote, Collation, Quote, Statement, Verification

WIDTH = 80
"""Lines of ``explain_verification`` stay within this many columns where they can."""

_MEANINGS = {
    Verdict.VERBATIM: "the speaker's words exactly",
    Verdict.EQUIVALENT: "same words; only case, punctuation or spelling differ",
    Verdict.FAITHFUL: "the speaker's words, cut or marked up openly",
    Verdict.ALTERED: "the speaker's words, but some left out unmarked",
    Verdict.MISQUOTE: "words added, replaced or moved",
    Verdict.UNRELATED: "too little in common to be a version of it",
}

K = DifferenceKind


def explain_verification(verification: Verification) -> str:
    """Return the verdict, then one line per difference with both readings in context.

    >>> from quoteverify.verify import verify
    >>> print(explain_verification(verify("Play it again, Sam.", "Play it, Sam.")))
    MISQUOTE (score 0.75): words added, replaced or moved
      insertion     "again" added after "Play it"
    """
    v = verification
    lines = [f"{v.verdict.name} (score {v.score:.2f}): {_MEANINGS[v.verdict]}"]
    lines += [difference_line(d, v.canonical) for d in v.differences]
    return "\n".join(lines)


def verification_to_dict(verification: Verification) -> dict[str, Any]:
    """Return the JSON-ready form of a verification.

    >>> from quoteverify.verify import verify
    >>> d = verification_to_dict(verify("keep protesting", "KEEP PROTESTING"))
    >>> d["verdict"], d["score"], [x["kind"] for x in d["differences"]]
    ('equivalent', 1.0, ['case'])
    """
    v = verification
    return {
        "verdict": v.verdict.value,
        "score": v.score,
        "variant": v.variant,
        "canonical": v.canonical,
        "differences": [d.to_dict() for d in v.differences],
    }


def difference_line(difference: Difference, canonical: str) -> str:
    """Return one line on a difference: its kind, what happened, and the words before it.

    >>> from quoteverify.verify import verify
    >>> v = verify("They will pay a very big price.", "They will pay a big price.")
    >>> difference_line(v.differences[0], v.canonical)
    '  insertion     "very" added after "will pay a"'
    """
    d = difference
    reading, changed = _show(d.canonical_text), _show(d.variant_text)
    if d.kind is K.TRUNCATION and d.canonical and d.canonical.start == 0:
        text = f"starts later: {reading} cut"
    elif d.kind is K.TRUNCATION:
        text = f"ends earlier: {reading} cut"
    elif not d.variant_text:
        text = f"{reading} left out"
    elif not d.canonical_text:
        text = f"{changed} added"
    else:
        text = f"{reading} → {changed}"
    line = f"  {d.kind.value:<13} {text}"
    before = _words_before(d, canonical)
    if before and d.kind is not K.TRUNCATION:
        line += f' after "{before}"'
    return _fit(line)


def _words_before(d: Difference, canonical: str) -> str:
    """Up to three canonical words just before the difference, to say where it is."""
    if d.canonical is None or d.canonical.start == 0:
        return ""
    words = canonical[max(0, d.canonical.start - 60) : d.canonical.start].split()[-3:]
    return _flat(" ".join(words))


def _show(text: str, width: int = 30) -> str:
    """A reading in quotes, white space made visible when that is all there is."""
    if text and not text.strip():
        return repr(text)
    return f'"{_clip(_flat(text.strip()), width)}"'


def _flat(text: str) -> str:
    return " ".join(text.split()) if "\n" in text else text


def _clip(text: str, width: int) -> str:
    """``text`` shortened in the middle to about ``width`` characters."""
    if len(text) <= width:
        return text
    half = max(1, (width - 3) // 2)
    return f"{text[:half]} … {text[-half:]}"


def _fit(line: str) -> str:
    """The line, shortened at its end if it passes ``WIDTH`` columns."""
    return line if len(line) <= WIDTH else line[: WIDTH - 1] + "…"


def quote_record(path: str, quote: Quote, source: str) -> dict[str, Any]:
    """Return the JSON-ready record of one quote found in ``path``; mentions and cues as text.

    >>> from quoteverify.model import Quote, Span, Speaker
    >>> text = "“Yes,” she said."
    >>> record = quote_record("a.txt", Quote("Yes,", [Span(1, 5)], speaker=Speaker(None, Span(7, 10))), text)
    >>> record["spans"], record["speaker"]["mention"], record["speaker"]["name"]
    ([[1, 5]], 'she', None)
    """  # noqa: E501
    speaker = quote.speaker
    speaker_record: dict[str, Any] | None = None
    if speaker is not None:
        speaker_record = {
            "name": speaker.name,
            "role": speaker.role,
            "mention": speaker.mention.text(source) if speaker.mention else None,
            "mention_span": speaker.mention.to_list() if speaker.mention else None,
            "cue": speaker.cue.text(source) if speaker.cue else None,
            "cue_span": speaker.cue.to_list() if speaker.cue else None,
            "confidence": round(speaker.confidence, 3),
        }
    return {
        "file": path,
        "text": quote.text,
        "spans": [span.to_list() for span in quote.spans],
        "kind": quote.kind.value,
        "speaker": speaker_record,
    }


def statement_record(statement: Statement) -> dict[str, Any]:
    """Return the JSON-ready form of a stored statement.

    >>> from quoteverify.model import Statement
    >>> statement_record(Statement(7, "Help is on its way.", speaker="Donald Trump"))["speaker"]
    'Donald Trump'
    """
    return {
        "id": statement.id,
        "text": statement.text,
        "speaker": statement.speaker,
        "date": statement.date,
        "source": statement.source,
    }


def checked_record(path: str, checked: CheckedQuote, source: str) -> dict[str, Any]:
    """Return the JSON-ready record of one checked quote: the quote's record, then its match.

    >>> from quoteverify.model import CheckedQuote, Quote, Span
    >>> record = checked_record("a.txt", CheckedQuote(Quote("Hi", [Span(1, 3)]), None), "“Hi”")
    >>> record["text"], record["statement"], record["misattributed"]
    ('Hi', None, False)
    """
    match = checked.match
    return {
        **quote_record(path, checked.quote, source),
        "statement": statement_record(match.statement) if match else None,
        "verification": match.verification.to_dict() if match else None,
        "misattributed": checked.misattributed,
    }


def collation_record(collation: Collation) -> dict[str, Any]:
    """Return the JSON-ready form of a collation; witnesses are named by their index.

    >>> from quoteverify.collate import collate
    >>> record = collation_record(collate(["KEEP PROTESTING!", "keep protesting"]))
    >>> record["reading"], [w["verdict"] for w in record["witnesses"]]
    ('KEEP PROTESTING', ['equivalent', 'equivalent'])
    """
    divergent = {id(witness) for witness, _ in collation.divergent}
    return {
        "reading": collation.reading,
        "witnesses": [
            {
                "text": witness if isinstance(witness, str) else witness.text,
                "divergent": id(witness) in divergent,
                **verification.to_dict(),
            }
            for witness, verification in collation.witnesses
        ],
        "apparatus": [
            {
                "reading_span": variation.reading_span.to_list(),
                "readings": [
                    {"text": reading.text, "witnesses": list(reading.witnesses)}
                    for reading in variation.readings
                ],
            }
            for variation in collation.apparatus
        ],
    }
