"""``extract``: the whole reading pipeline, marks to attributed quotes."""

from __future__ import annotations

from quoteverify.attribute import attribute_quotes
from quoteverify.detect import find_quotes
from quoteverify.errors import require_str
from quoteverify.model import Quote


def extract(text: str) -> list[Quote]:
    """Return every quoted passage of ``text`` in order, with its kind and speaker.

    >>> [(q.text, q.spans[0].start) for q in extract('She said "yes" twice.')]
    [('yes', 10)]
    >>> extract("")
    []
    """
    require_str(text)
    return attribute_quotes(text, find_quotes(text))
