"""Tests of the quoteverify command line, run in-process through cli.main."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quoteverify.cli import main

ARTICLE = "Officials met on Monday.\n\n“We will not back down,” the minister said.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """An article file with one quote, written with its newlines as they are."""
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def test_extract_json_lines_carry_exact_offsets(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints one record per quote whose spans slice the file to the quote's text."""
    assert main(["extract", "--json", str(article)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [record["text"] for record in records] == ["We will not back down,"]
    start, end = records[0]["spans"][0]
    assert ARTICLE[start:end] == "We will not back down,"
    assert records[0]["file"] == str(article)


def test_extract_table_names_file_and_offsets(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The table shows the file, the offsets and the quoted words."""
    assert main(["extract", str(article)]) == 0
    out = capsys.readouterr().out
    start = ARTICLE.index("We")
    assert f"{article}: 1 quote" in out
    assert f"{start}-{start + len('We will not back down,')}" in out
    assert "We will not back down," in out


def test_unreadable_file_is_reported_and_others_still_processed(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing or non-UTF-8 file is named on stderr; the readable file is still processed."""
    binary = tmp_path / "latin1.txt"
    binary.write_bytes(b"\"caf\xe9\" she said")
    status = main(["extract", "--json", str(tmp_path / "missing.txt"), str(binary), str(article)])
    captured = capsys.readouterr()
    assert status == 1
    assert "missing.txt" in captured.err
    assert "latin1.txt: not UTF-8 text" in captured.err
    assert "We will not back down," in captured.out


def test_extract_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """'-' reads the text from standard input."""
    monkeypatch.setattr("sys.stdin", io.StringIO('She said "enough" and left.'))
    assert main(["extract", "--json", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["file"], record["text"]) == ("-", "enough")


def test_demo_runs_on_the_bundled_articles(capsys: pytest.CaptureFixture[str]) -> None:
    """The demo needs no arguments and reports on all five bundled articles."""
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    for article_id in ("000_", "001_", "002_", "003_", "004_"):
        assert article_id in out
