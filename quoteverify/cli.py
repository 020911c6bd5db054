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
from typing import Any, TextIO, TypeAlias

from quoteverify.errors import QuoteverifyError
from quoteverify.extraction import extract
from quoteverify.model import CheckedQuote, Quote, Verdict
from quoteverify.report import checked_record, collation_record, quote_record, statement_record

EXIT_OK = 0
EXIT_SOME_FILES_FAILED = 1
EXIT_USAGE = 2
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


def write_json(record: dict[str, Any]) -> None:
    """Print one JSON Lines record on standard output."""
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_verify(args: argparse.Namespace) -> int:
    """``quoteverify verify CANONICAL VARIANT...``: the verdict and differences of each variant."""
    from quoteverify.verify import verify  # noqa: PLC0415 (imported by the command that uses it)

    errors: list[str] = []
    paths = list(args.files)
    if args.canonical_text is not None:
        canonical = args.canonical_text
    else:
        if len(paths) < 2:
            print(
                "quoteverify verify: give CANONICAL_FILE and at least one VARIANT_FILE, "
                "or --canonical-text",
                file=sys.stderr,
            )
            return EXIT_USAGE
        canonical_path = paths.pop(0)
        loaded = dict(read_sources([canonical_path], errors))
        if canonical_path not in loaded:
            return EXIT_SOME_FILES_FAILED
        canonical = loaded[canonical_path]
    for path, variant in read_sources(paths, errors):
        verification = verify(variant.strip(), canonical.strip())
        if args.json:
            write_json({"file": path, **verification.to_dict()})
        else:
            sys.stdout.write(f"{path}: {verification.explain()}\n\n")
    return EXIT_SOME_FILES_FAILED if errors else EXIT_OK


def statements_of(path: str, text: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    """Return the statements a file holds: the whole text, or one per non-empty line."""
    texts = [line.strip() for line in text.splitlines()] if args.lines else [text.strip()]
    source = args.source if args.source is not None else path
    return [
        {"text": t, "speaker": args.speaker, "date": args.date, "source": source}
        for t in texts
        if t
    ]


def run_index_add(args: argparse.Namespace) -> int:
    """``quoteverify index add --db FILE FILE...``: store canonical statements."""
    from quoteverify.index import QuoteIndex  # noqa: PLC0415 (imported by the command that uses it)

    errors: list[str] = []
    statements = [
        statement
        for path, text in read_sources(args.files, errors)
        for statement in statements_of(path, text, args)
    ]
    with QuoteIndex(args.db) as index:
        ids = index.add_many(statements)
        total = len(index)
    print(f"added {len(ids)} statement{'' if len(ids) == 1 else 's'} to {args.db} (now {total})")
    return EXIT_SOME_FILES_FAILED if errors else EXIT_OK


def existing_database(path: str) -> bool:
    """Return whether ``path`` exists; if not, say so (a typo must not create an empty index)."""
    if os.path.exists(path):
        return True
    print(
        f"quoteverify: {path}: no such index; create it with `quoteverify index add`",
        file=sys.stderr,
    )
    return False


def run_index_find(args: argparse.Namespace) -> int:
    """``quoteverify index find --db FILE TEXT``: the statements a text may be a version of."""
    from quoteverify.index import QuoteIndex  # noqa: PLC0415 (imported by the command that uses it)

    if not existing_database(args.db):
        return EXIT_USAGE
    with QuoteIndex(args.db) as index:
        matches = index.find(args.text, limit=args.limit)
    for match in matches:
        statement = match.statement
        if args.json:
            write_json({"statement": statement_record(statement), **match.verification.to_dict()})
        else:
            who = statement.speaker or "unknown speaker"
            sys.stdout.write(f"#{statement.id} {who}: “{shorten(statement.text, 60)}”\n")
            sys.stdout.write(indent(match.verification.explain()) + "\n")
    if not matches and not args.json:
        print("no statement of the index matches")
    return EXIT_OK


def indent(text: str, prefix: str = "    ") -> str:
    """Return ``text`` with every line indented by ``prefix``.

    >>> indent("a\\nb", "  ")
    '  a\\n  b'
    """
    return "\n".join(prefix + line for line in text.splitlines())


def print_checked(checked: CheckedQuote, source: str, out: TextIO) -> None:
    """Print one checked quote: who said it, the statement it matches and the verdict."""
    quote, match = checked.quote, checked.match
    out.write(f"  {span_label(quote)}  “{shorten(quote.text, 56)}”\n")
    out.write(f"    said by: {shorten(speaker_label(quote, source), 66)}\n")
    if match is None:
        out.write("    no matching statement in the index\n")
        return
    statement = match.statement
    flag = "  MISATTRIBUTED" if checked.misattributed else ""
    out.write(f"    matches #{statement.id} ({statement.speaker or 'unknown speaker'}){flag}\n")
    out.write(indent(match.verification.explain(), "    ") + "\n")


def run_check(args: argparse.Namespace) -> int:
    """``quoteverify check --db FILE ARTICLE...``: every quote against the index."""
    from quoteverify.check import check  # noqa: PLC0415 (imported by the command that uses it)
    from quoteverify.index import QuoteIndex  # noqa: PLC0415

    if not existing_database(args.db):
        return EXIT_USAGE
    errors: list[str] = []
    with QuoteIndex(args.db) as index:
        for path, source in read_sources(args.files, errors):
            results = check(source, index)
            if args.json:
                for checked in results:
                    write_json(checked_record(path, checked, source))
                continue
            sys.stdout.write(f"{path}: {len(results)} quotes\n")
            for checked in results:
                print_checked(checked, source, sys.stdout)
    return EXIT_SOME_FILES_FAILED if errors else EXIT_OK


def run_collate(args: argparse.Namespace) -> int:
    """``quoteverify collate FILE...``: group the quotes of the files and collate each group."""
    from quoteverify.collate import collate, collation_text  # noqa: PLC0415 (used here only)
    from quoteverify.group import group  # noqa: PLC0415
    from quoteverify.verify import verify  # noqa: PLC0415

    errors: list[str] = []
    canonical = None
    if args.canonical is not None:  # read first: without it there is nothing to collate against
        loaded = dict(read_sources([args.canonical], errors))
        if args.canonical not in loaded:
            return EXIT_SOME_FILES_FAILED
        canonical = loaded[args.canonical].strip()
    quotes = [q for _, source in read_sources(args.files, errors) for q in extract(source)]
    if canonical is None:
        groups = [list(members) for members in group(quotes) if len(members) > 1]
    else:
        groups = [
            [q for q in quotes if verify(q.text, canonical).verdict is not Verdict.UNRELATED]
        ]
    for members in filter(None, groups):
        collation = collate(members, canonical=canonical)
        if args.json:
            write_json(collation_record(collation))
        else:
            sys.stdout.write(collation_text(collation) + "\n\n")
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
    add_extract_command(commands)
    add_verify_command(commands)
    add_collate_command(commands)
    add_index_command(commands)
    add_check_command(commands)
    demo = commands.add_parser("demo", help="run the main job on the bundled example articles")
    demo.set_defaults(run=run_demo)
    return parser


# argparse keeps the type of add_subparsers() private (and not subscriptable at run time).
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    """Give a sub-command the ``--json`` flag."""
    parser.add_argument("--json", action="store_true", help="print JSON Lines")


def add_extract_command(commands: Commands) -> None:
    """``extract FILE... [--json]``."""
    parser = commands.add_parser("extract", help="list the quotes of each file")
    parser.add_argument("files", nargs="+", metavar="FILE", help="text files, - for stdin")
    add_json_flag(parser)
    parser.set_defaults(run=run_extract)


def add_verify_command(commands: Commands) -> None:
    """``verify CANONICAL_FILE VARIANT_FILE... | --canonical-text TEXT VARIANT_FILE...``."""
    parser = commands.add_parser(
        "verify",
        help="check variants against a canonical text",
        description="Verify each variant against the canonical text: the verdict and every "
        "difference. The first FILE is the canonical unless --canonical-text is given.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="[CANONICAL_FILE] VARIANT_FILE..."
    )
    parser.add_argument("--canonical-text", metavar="TEXT", help="the canonical text itself")
    add_json_flag(parser)
    parser.set_defaults(run=run_verify)


def add_collate_command(commands: Commands) -> None:
    """``collate FILE... [--canonical FILE] [--json]``."""
    parser = commands.add_parser(
        "collate",
        help="group the quotes of several articles and collate each statement",
        description="Extract the quotes of every FILE, group the versions of each statement "
        "and print the consensus reading, the apparatus and each witness's verdict. With "
        "--canonical, collate every quote that is a version of that text against it.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files, - for stdin")
    parser.add_argument("--canonical", metavar="FILE", help="the canonical text of the statement")
    add_json_flag(parser)
    parser.set_defaults(run=run_collate)


def add_index_command(commands: Commands) -> None:
    """``index add --db FILE [--speaker --date --source] [--lines] FILE...`` and ``index find``."""
    parser = commands.add_parser("index", help="store canonical statements and look them up")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add statements (one per file, or per line)")
    add.add_argument("--db", required=True, metavar="FILE", help="the index database file")
    add.add_argument("--speaker", help="who made the statements")
    add.add_argument("--date", help="when (free text, e.g. 2026-01-13)")
    add.add_argument("--source", help="where they were published (default: the file name)")
    add.add_argument("--lines", action="store_true", help="one statement per non-empty line")
    add.add_argument("files", nargs="+", metavar="FILE", help="text files, - for stdin")
    add.set_defaults(run=run_index_add)
    find = actions.add_parser("find", help="the statements a text may be a version of")
    find.add_argument("--db", required=True, metavar="FILE", help="the index database file")
    find.add_argument("--limit", type=int, default=5, help="at most this many (default 5)")
    find.add_argument("text", help="the words to look up")
    add_json_flag(find)
    find.set_defaults(run=run_index_find)


def add_check_command(commands: Commands) -> None:
    """``check --db FILE ARTICLE... [--json]``."""
    parser = commands.add_parser("check", help="check every quote of articles against an index")
    parser.add_argument("--db", required=True, metavar="FILE", help="the index database file")
    parser.add_argument("files", nargs="+", metavar="ARTICLE", help="article files, - for stdin")
    add_json_flag(parser)
    parser.set_defaults(run=run_check)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``quoteverify`` command with ``argv`` and return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except QuoteverifyError as error:
        print(f"quoteverify: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do, and keep
        # Python from complaining when it flushes the dead pipe at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return status
