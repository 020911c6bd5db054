"""The exceptions quoteverify raises, and the type check every public entry point shares.

Every error the library defines derives from ``QuoteverifyError`` and also from the built-in it
resembles, so callers can catch either.
"""

from __future__ import annotations


class QuoteverifyError(Exception):
    """The root of every error quoteverify defines."""


class InvalidIndexError(QuoteverifyError, ValueError):
    """A file opened as a ``QuoteIndex`` is not a quoteverify database (or is damaged)."""


class IndexVersionError(InvalidIndexError):
    """A ``QuoteIndex`` file has a newer schema than this version of quoteverify can read."""


def require_str(value: object, name: str = "text") -> str:
    """Return ``value`` if it is a ``str``; raise a ``TypeError`` that says what was received.

    >>> require_str("ok")
    'ok'
    >>> require_str(b"x")
    Traceback (most recent call last):
    ...
    TypeError: text must be str, got bytes: decode it first, e.g. data.decode("utf-8")
    """
    if isinstance(value, str):
        return value
    received = type(value).__name__
    if isinstance(value, bytes | bytearray | memoryview):
        raise TypeError(
            f'{name} must be str, got {received}: decode it first, e.g. data.decode("utf-8")'
        )
    raise TypeError(f"{name} must be str, got {received}")
