"""The ``quoteverify`` command: extract, verify, collate, index, check, and the demo.

Every sub-command reads UTF-8 text files (``-`` is standard input), keeps going when one file
cannot be read (it is named on standard error and the exit status is 1), prints a readable
table by default and JSON Lines with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from quoteverify.extraction import extract
from quoteverify.model import Quote

EXIT_OK = 0
EXIT_SOME_FILES_FAILED = 1
EXIT_BROKEN_PIPE = 141


def read_source(path: str) -> str:
    """Return the text of ``path`` (``-`` for standard input) exactly as stored.

    Newlines are kept as written (``newline=""``), so offsets match other tools that read the
    file as bytes decoded from UTF-8.
    """
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def read_sources(paths: Sequence[str], errors: list[str]) -> Iterator[tuple[str, str]]:
    """Yield ``(path, text)`` for each readable file; note each unreadable one in ``errors``."""
    for path in paths:
        try:
            yield path, read_source(path)
        except (OSError, UnicodeDecodeError) as error:
            errors.append(path)
            reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
            print(f"quoteverify: {path}: {reason}", file=sys.stderr)


def shorten(text: str, width: int) -> str:
    """Return ``text`` on one line, cut to ``width`` characters with an ellipsis if longer.

    >>> shorten("Help is\\non its way", 12)
    'Help is on …'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def span_label(quote: Quote) -> str:
    """Return the offsets of a quote's pieces as ``start-end+start-end``.

    >>> from quoteverify.model import Span
    >>> span_label(Quote("a b", (Span(1, 2), Span(5, 6))))
    '1-2+5-6'
    """
    return "+".join(f"{span.start}-{span.end}" for span in quote.spans)


def quote_record(path: str, quote: Quote, source: str) -> dict[str, Any]:
    """Return the JSON-ready record of one quote found in ``path``."""
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


def speaker_label(quote: Quote, source: str) -> str:
    """Return who said a quote as ``name (mention) [cue]``, or ``-`` when nobody is named.

    >>> from quoteverify.model import Span, Speaker
    >>> text = "“Hi,” he said."
    >>> speaker_label(Quote("Hi,", (Span(1, 4),), speaker=Speaker("Ann Lee", Span(6, 8), Span(9, 13))), text)
    'Ann Lee (he) [said]'
    """  # noqa: E501
    speaker = quote.speaker
    if speaker is None:
        return "-"
    name = speaker.name or "?"
    mention = speaker.mention.text(source) if speaker.mention else ""
    label = name if mention in ("", name) else f"{name} ({mention})"
    return f"{label} [{speaker.cue.text(source)}]" if speaker.cue else label


def print_quote_table(path: str, quotes: Sequence[Quote], source: str, out: TextIO) -> None:
    """Print the file name, then two lines per quote: offsets, kind, speaker; the words."""
    width = max(shutil.get_terminal_size((80, 24)).columns, 40)
    out.write(f"{path}: {len(quotes)} quote{'' if len(quotes) == 1 else 's'}\n")
    for quote in quotes:
        out.write(f"  {span_label(quote):<15} {quote.kind.value:<7}  ")
        out.write(shorten(speaker_label(quote, source), width - 28) + "\n")
        out.write("      “" + shorten(quote.text, width - 8) + "”\n")


def run_extract(args: argparse.Namespace) -> int:
    """``quoteverify extract FILE...``: print every quote of every file."""
    errors: list[str] = []
    for path, source in read_sources(args.files, errors):
        quotes = extract(source)
        if args.json:
            for quote in quotes:
                sys.stdout.write(json.dumps(quote_record(path, quote, source), ensure_ascii=False))
                sys.stdout.write("\n")
        else:
            print_quote_table(path, quotes, source, sys.stdout)
    return EXIT_SOME_FILES_FAILED if errors else EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    """``quoteverify demo``: the main job on the bundled example articles."""
    from quoteverify.demo import run_demo as demo  # noqa: PLC0415 (only the demo needs it)

    demo(sys.stdout)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``quoteverify`` command."""
    parser = argparse.ArgumentParser(
        prog="quoteverify",
        description="Find quotations in news text, attribute them, verify their wording.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract_parser = commands.add_parser("extract", help="list the quotes of each file")
    extract_parser.add_argument("files", nargs="+", metavar="FILE", help="text files, - for stdin")
    extract_parser.add_argument("--json", action="store_true", help="print JSON Lines")
    extract_parser.set_defaults(run=run_extract)

    demo_parser = commands.add_parser("demo", help="run on the bundled example articles")
    demo_parser.set_defaults(run=run_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``quoteverify`` command with ``argv`` and return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do, and keep
        # Python from complaining when it flushes the dead pipe at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return status
