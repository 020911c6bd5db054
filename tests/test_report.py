"""Tests of the verification reports in quoteverify.report."""

from __future__ import annotations

import json

from hypothesis import given

from quoteverify.report import WIDTH, explain_verification, verification_to_dict
from quoteverify.verify import verify
from tests.corpus import canonical_post
from tests.strategies import mutated_pairs

GLUED = "Iranian Patriots, KEEP PROTESTING — TAKE OVER YOUR INSTITUTIONSHELP IS ON ITS WAY."


def test_explain_names_verdict_then_each_difference() -> None:
    """The first line gives the verdict; then one line per difference, naming its kind."""
    v = verify(GLUED, canonical_post())
    lines = v.explain().splitlines()
    assert lines[0].startswith("ALTERED (score 1.00)")
    assert len(lines) == 1 + len(v.differences)
    for line, difference in zip(lines[1:], v.differences, strict=True):
        assert line.split()[0] == difference.kind.value
    assert '"–" → "—"' in lines[1]
    assert "left out" in lines[3]


def test_explain_fits_eighty_columns() -> None:
    """Every line of a report on a long misquote fits in 80 columns."""
    remarks = (
        "And by the way, to all Iranian patriots, keep protesting, take over your "
        "institutions, if possible, and save the name of the killers and the abusers"
    )
    for line in verify(remarks, canonical_post()).explain().splitlines():
        assert len(line) <= WIDTH


def test_explain_verbatim_is_one_line() -> None:
    """A verbatim quote is reported in one line."""
    assert verify("Help is on its way", "Help is on its way").explain().count("\n") == 0


def test_explain_shows_whitespace_visibly() -> None:
    """A difference of spacing alone shows the white space escaped."""
    text = explain_verification(verify("Help is  on its way", "Help is on its way"))
    assert "whitespace" in text
    assert "' '" in text or "'  '" in text


def test_to_dict_is_json_ready() -> None:
    """to_dict gives verdict, score, both texts and the differences, and survives JSON."""
    v = verify(GLUED, canonical_post())
    record = verification_to_dict(v)
    assert record == json.loads(json.dumps(record))
    assert record["verdict"] == "altered"
    assert record["score"] == 1.0
    assert record["differences"] == [d.to_dict() for d in v.differences]
    assert v.to_dict() == record


@given(mutated_pairs())
def test_reports_never_fail(pair: tuple[str, str]) -> None:
    """Any verification can be explained and turned into JSON."""
    v = verify(*pair)
    assert v.explain().splitlines()[0].startswith(v.verdict.name)
    json.dumps(v.to_dict())
