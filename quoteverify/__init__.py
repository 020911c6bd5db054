"""quoteverify: find quotations in news text, attribute them, and verify their wording.

>>> import quoteverify as qv
>>> [q.text for q in qv.extract('He wrote: “Help is on its way.”')]
['Help is on its way.']
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from quoteverify.check import check
from quoteverify.collate import collate
from quoteverify.errors import IndexVersionError, InvalidIndexError, QuoteverifyError
from quoteverify.extraction import extract
from quoteverify.group import group
from quoteverify.index import QuoteIndex
from quoteverify.model import (
    CheckedQuote,
    Collation,
    Difference,
    DifferenceKind,
    Match,
    Quote,
    QuoteKind,
    Reading,
    Span,
    Speaker,
    Statement,
    Variation,
    Verdict,
    Verification,
    Weight,
)
from quoteverify.verify import apply_differences, verify

try:
    __version__ = version("quoteverify")
except PackageNotFoundError:  # pragma: no cover - running from a source tree not installed
    __version__ = "0+unknown"

__all__ = [
    "CheckedQuote",
    "Collation",
    "Difference",
    "DifferenceKind",
    "IndexVersionError",
    "InvalidIndexError",
    "Match",
    "Quote",
    "QuoteIndex",
    "QuoteKind",
    "QuoteverifyError",
    "Reading",
    "Span",
    "Speaker",
    "Statement",
    "Variation",
    "Verdict",
    "Verification",
    "Weight",
    "__version__",
    "apply_differences",
    "check",
    "collate",
    "extract",
    "group",
    "verify",
]
