"""Reports on a verification: a short text a journalist can read, and a JSON-ready dict."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quoteverify.model import Difference, DifferenceKind, Verdict

if TYPE_CHECKING:
    from quoteverify.model import Verification

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
    lines += [_line(d, v.canonical) for d in v.differences]
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


def _line(difference: Difference, canonical: str) -> str:
    """One line: the kind, what happened in the reader's words, and the words before it."""
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
