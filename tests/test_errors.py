"""Tests of the error hierarchy and the shared type check."""

from __future__ import annotations

import pytest

from quoteverify.errors import (
    IndexVersionError,
    InvalidIndexError,
    QuoteverifyError,
    require_str,
)


def test_errors_subclass_the_root_and_a_builtin() -> None:
    """Callers can catch either QuoteverifyError or the built-in an error resembles."""
    for error in (InvalidIndexError, IndexVersionError):
        assert issubclass(error, QuoteverifyError)
        assert issubclass(error, ValueError)


@pytest.mark.parametrize(
    ("value", "received"),
    [(None, "NoneType"), (42, "int"), (3.5, "float"), (["a"], "list")],
)
def test_require_str_names_the_type_received(value: object, received: str) -> None:
    """The TypeError says what was received and what is expected."""
    with pytest.raises(TypeError, match=f"must be str, got {received}"):
        require_str(value)


def test_require_str_tells_to_decode_bytes() -> None:
    """Bytes get a hint to decode first."""
    with pytest.raises(TypeError, match="decode it first"):
        require_str(b"caf\xc3\xa9", "variant")
