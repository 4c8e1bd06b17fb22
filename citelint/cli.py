"""The command line: ``citelint check``, ``citelint rules``, ``citelint rule NAME``.

Exit status (as ruff): 0 nothing at or above ``--fail-on``, 1 findings, 2 usage error or unreadable input.
"""

from __future__ import annotations

import os
import sys
from typing import Optional

import click

from citelint import __version__
from citelint.model import Severity
from citelint.report import FORMATS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


def _use_color(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citelint")
def cli() -> None:
    """citelint: find broken citations in wiki text."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="rich", show_default=True,
              help="Report format.")
@click.option("--input-format", type=click.Choice(["wikitext", "plaintext"]), default=None,
              help="Read every input as this kind instead of detecting it.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (names, codes or code prefixes; comma-separated).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules.")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Add rules to the selection.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit status 1 (default: warning).")
@click.option("--offline", is_flag=True, help="Check no links over the network.")
@click.option("--stdin-filename", default="-", metavar="NAME", help="Name to report for input read from '-'.")
@click.option("--baseline", "baseline_path", metavar="FILE", default=None,
              help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", metavar="FILE", default=None,
              help="Record the findings in this baseline file and exit 0 (with --baseline: keep only the "
                   "entries still found, a ratchet).")
@click.option("-o", "--output", "output_path", metavar="FILE", default=None,
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--all-revisions", is_flag=True,
              help="XML dumps: check every revision of each page (default: only the newest).")
@click.option("--namespace", "namespaces", multiple=True, type=int, metavar="N",
              help="XML dumps: only pages in namespace N (repeatable; 0 = articles).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Check documents in N processes (default: the number of CPUs).")
@click.option("-v", "--verbose", is_flag=True, help="Say more.")
def check(paths: tuple[str, ...], output_format: str, input_format: Optional[str], select, ignore, extend_select,
          fail_on: Optional[str], offline: bool, stdin_filename: str, verbose: bool,
          baseline_path: Optional[str] = None, write_baseline: Optional[str] = None,
          output_path: Optional[str] = None, all_revisions: bool = False, namespaces: tuple[int, ...] = (),
          jobs: Optional[int] = None) -> None:
    """Check wiki files, MediaWiki XML exports (.xml, .xml.bz2/.gz/.xz/.lzma), folders of them,
    or '-' for standard input."""
    from citelint.runner import run
    from citelint.selection import SelectionError, resolve
    from citelint.settings import Settings

    if not paths:
        raise click.UsageError("give at least one file or folder to check (or '-' for standard input)")
    try:
        chosen = resolve(_split(select) or None, _split(ignore), _split(extend_select))
    except SelectionError as e:
        raise click.UsageError(str(e))
    settings = Settings(select=chosen, input_format=input_format,
                        fail_on=Severity.parse(fail_on) if fail_on else Severity.WARNING,
                        all_revisions=all_revisions, namespaces=frozenset(namespaces) if namespaces else None)

    def on_error(err) -> None:
        click.echo(f"citelint: {'error' if getattr(err, 'fatal', True) else 'note'}: {err}", err=True)

    stdin_text = stdin_stream = None
    if "-" in paths:
        from citelint.dumps import sniff_stream

        stream, is_dump = sniff_stream(sys.stdin.buffer, stdin_filename)
        if is_dump:
            stdin_stream = stream
        else:
            stdin_text = _read_stdin(stream)
    base = _load_baseline(baseline_path)
    from citelint import progress as _progress
    from citelint.parallel import default_jobs

    bar = _progress.DumpProgress() if _progress.wanted() else None
    try:
        result = run(paths, settings, on_error, stdin_text=stdin_text, stdin_name=stdin_filename,
                     stdin_stream=stdin_stream, jobs=jobs or default_jobs(), progress=bar)
    finally:
        if bar is not None:
            bar.close()
    if _baseline_step(result, base, write_baseline):
        if output_path:
            _deliver(result, output_format, output_path)
        sys.exit(EXIT_ERROR if result.errors else EXIT_CLEAN)
    _deliver(result, output_format, output_path)
    failing = any(f.severity >= settings.fail_on for f in result.findings)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _load_baseline(path: Optional[str]):
    if path is None:
        return None
    from citelint.baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as e:
        raise click.ClickException(str(e))


def _baseline_step(result, base, write_path: Optional[str]) -> bool:
    """Apply ``--baseline`` and write ``--write-baseline``; True when the run only wrote a baseline."""
    from citelint.baseline import BaselineError, write

    found = result.findings
    if base is not None:
        outcome = base.apply(found)
        result.findings = outcome.kept
        result.extra["baseline"] = {"file": base.path, "suppressed": outcome.suppressed,
                                    "unmatched": outcome.unmatched}
        if outcome.suppressed or outcome.unmatched:
            note = f"citelint: baseline {base.path}: {outcome.suppressed} known finding(s) not reported"
            if outcome.unmatched:
                note += (f"; {outcome.unmatched} entr{'y' if outcome.unmatched == 1 else 'ies'} no longer found "
                         f"(fixed: drop them with --baseline {base.path} --write-baseline {base.path})")
            click.echo(note, err=True)
    if write_path is None:
        return False
    recorded = base.covered(found) if base is not None else found
    try:
        n = write(write_path, recorded)
    except BaselineError as e:
        raise click.ClickException(str(e))
    files = len({f.path for f in recorded if f.page is None})
    pages = len({f.page for f in recorded if f.page is not None})
    where = [f"{k} {what}{'s' if k != 1 else ''}" for k, what in ((files, "file"), (pages, "page")) if k]
    click.echo(f"citelint: wrote baseline {write_path}: {n} finding{'s' if n != 1 else ''}"
               + (f" in {' and '.join(where)}" if where else ""), err=True)
    return base is None


def _deliver(result, output_format: str, output_path: Optional[str]) -> None:
    """Render the report to standard output, or to ``--output`` (atomically) with a one-line summary on stderr."""
    reporter = __import__(FORMATS[output_format], fromlist=["render"])
    if output_path is None:
        out = click.get_text_stream("stdout")
        reporter.render(result, out, color=_use_color(out))
        out.flush()
        return
    import io

    from citelint.atomicfile import write_atomic

    buf = io.StringIO()
    reporter.render(result, buf, color=False)
    try:
        write_atomic(output_path, buf.getvalue())
    except OSError as e:
        raise click.ClickException(f"cannot write the report to {output_path}: {e.strerror or e}")
    n = len(result.findings)
    click.echo(f"citelint: {n} finding{'s' if n != 1 else ''} in {result.files_checked} "
               f"file{'s' if result.files_checked != 1 else ''}; {output_format} report written to {output_path}",
               err=True)


def _read_stdin(stream=None) -> str:
    data = (stream or sys.stdin.buffer).read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise click.ClickException(f"standard input is not valid UTF-8 (offset {e.start})")


@cli.command("rules")
def rules_cmd() -> None:
    """List the rules."""
    from citelint.rules import RULES

    for r in RULES:
        click.echo(f"{r.code}  {r.name:<18} {r.severity.label:<8} {r.summary()}")


@cli.command("rule")
@click.argument("name")
def rule_cmd(name: str) -> None:
    """Explain one rule (by name or code)."""
    import inspect

    from citelint.rules import find_rule

    r = find_rule(name)
    if r is None:
        raise click.UsageError(f"no rule named {name!r}; `citelint rules` lists them")
    click.echo(f"{r.name} ({r.code}), default severity {r.severity.label}, formats: {', '.join(sorted(r.formats))}\n")
    click.echo(inspect.cleandoc(r.__doc__ or ""))


def main() -> None:
    try:
        cli(standalone_mode=False)
    except click.ClickException as e:  # usage errors and bad input given on the command line
        e.show()
        sys.exit(EXIT_ERROR)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
