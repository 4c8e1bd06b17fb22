"""The command line: ``citelint check``, ``citelint rules``, ``citelint rule NAME``.

Exit status (as ruff): 0 nothing at or above ``--fail-on``, 1 findings, 2 usage error or unreadable input,
130 interrupted (Ctrl-C). Every error is one line, ``citelint: error: …``.
"""

from __future__ import annotations

import os
import sys
from typing import Optional

import click

from citelint import __version__
from citelint.links.cli_options import link_options
from citelint.model import Severity
from citelint.report import FORMATS
from citelint.scale import scale_options

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C


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


class CliError(click.ClickException):
    """An error the command reports: one line ``citelint: error: …``, exit status 2 (also when click
    itself shows it, as under ``CliRunner``)."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"citelint: error: {self.message}", err=True)


class ConfigFailure(CliError):
    """A configuration file that cannot be used."""


class WriteFailure(CliError):
    """A report or baseline that cannot be written: one line, exit status 2."""


def _configured(f):
    """Add --config/--isolated/--force-exclude/--ignore-suppressions to a command and find its configuration.

    The run-wide keys of the configuration (the link options) fill the command's options of the same
    name that the command line left at their defaults; the per-file keys are applied file by file
    through the ``Resolver`` left in ``ctx.meta["citelint.resolver"]``.
    """
    import functools

    from click.core import ParameterSource

    @functools.wraps(f)
    def wrapper(**kwargs):
        from citelint.config import ConfigError, Resolver

        ctx = click.get_current_context()
        config_file, isolated = kwargs.pop("config_file"), kwargs.pop("isolated")
        force_exclude, ignore_suppressions = kwargs.pop("force_exclude"), kwargs.pop("ignore_suppressions")
        if config_file and isolated:
            raise click.UsageError("--config and --isolated contradict each other: give one")
        try:
            resolver = Resolver(config_file=config_file, isolated=isolated)
            resolver.force_exclude = force_exclude
            resolver.inline_suppressions = not ignore_suppressions
            paths = kwargs.get("paths") or ()
            params = {p.name: p for p in ctx.command.params}
            paths = paths if isinstance(paths, tuple) else (paths,)
            for name, (key, value) in resolver.run_params(paths).items():
                if name in kwargs and ctx.get_parameter_source(name) in (ParameterSource.DEFAULT, None):
                    try:
                        kwargs[name] = params[name].type_cast_value(ctx, value)
                    except click.BadParameter as e:
                        where = resolver.run_layers(paths)[1].get(key, "configuration")
                        raise ConfigError(where, e.format_message(), key)
            _warn_about(resolver)
            ctx.meta["citelint.resolver"] = resolver
            return f(**kwargs)
        except ConfigError as e:
            raise ConfigFailure(str(e))

    options = [
        click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, metavar="FILE",
                     help="Use this configuration file for every input (pyproject.toml or citelint.toml) instead of "
                          "the one closest to each file."),
        click.option("--isolated", "--no-config", "isolated", is_flag=True,
                     help="Ignore all configuration files."),
        click.option("--force-exclude", is_flag=True,
                     help="Apply the configuration's `exclude` to files named on the command line too."),
        click.option("--ignore-suppressions", is_flag=True,
                     help="Disregard <!-- citelint-disable… --> comments (to audit everything)."),
    ]
    for opt in reversed(options):
        wrapper = opt(wrapper)
    return wrapper


def _warn_about(resolver) -> None:
    """The configuration's warnings (trusted keys a project's file tried to set) not yet shown, on stderr."""
    shown = getattr(resolver, "_warned", 0)
    for note in resolver.warnings[shown:]:
        click.echo(f"citelint: warning: {note}", err=True)
    resolver._warned = len(resolver.warnings)


def _resolver(settings, select, ignore, extend_select, fail_on, input_format):
    """The run's Resolver, told what the command line said (it overrides the configuration files)."""
    from citelint.config import Overrides

    resolver = click.get_current_context().meta["citelint.resolver"]
    resolver.configure(settings, Overrides(select=tuple(_split(select)) or None, ignore=tuple(_split(ignore)),
                                           extend_select=tuple(_split(extend_select)), fail_on=fail_on,
                                           input_format=input_format, force_exclude=resolver.force_exclude))
    return resolver


class _SizeType(click.ParamType):
    """A size in bytes: 123, 500KB, 50MB, 2MiB, 1GB (``config.parse_size``)."""

    name = "size"

    def convert(self, value, param, ctx):
        from citelint.config import _Bad, parse_size

        try:
            return parse_size(value)
        except (_Bad, ValueError) as e:
            self.fail(str(e), param, ctx)


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
@click.option("--max-page-size", type=_SizeType(), default="50MB", show_default=True, metavar="SIZE",
              help="Largest file or dump page checked (bytes, or 500KB, 50MB, 2MiB…; 0: no limit); a larger one "
                   "is not read and gets an unchecked-page finding.")
@click.option("--parse-timeout", type=click.FloatRange(min=0), default=10.0, show_default=True, metavar="SECONDS",
              help="Most time checking one page may take (0: no limit); a slower one gets an unchecked-page "
                   "finding and the run goes on.")
@click.option("--parser", type=click.Choice(["scan", "full"]), default="scan", show_default=True,
              help="How wikitext is read: the citation scanner, or mwparserfromhell's full parse tree (same "
                   "findings, slower; the reference the scanner is tested against).")
@click.option("-v", "--verbose", is_flag=True, help="Say more (with links: list those that could not be verified).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to wikitext files in place, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix, --diff or --fix-only: apply the unsafe fixes too (they change what a reader "
                   "sees, or need an editor's judgement).")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print a unified diff of what --fix would change and write nothing (exit 1 if there is "
                   "something to fix).")
@click.option("--fix-only", is_flag=True, help="Apply the fixes, and report nothing else (exit 0).")
@_configured
@link_options
@scale_options
def check(paths: tuple[str, ...], output_format: str, input_format: Optional[str], select, ignore, extend_select,
          fail_on: Optional[str], offline: bool, stdin_filename: str, verbose: bool,
          baseline_path: Optional[str] = None, write_baseline: Optional[str] = None,
          output_path: Optional[str] = None, all_revisions: bool = False, namespaces: tuple[int, ...] = (),
          jobs: Optional[int] = None, max_page_size: int = 50_000_000, parse_timeout: float = 10.0,
          parser: str = "scan", link_settings=None, scale=None, fix: bool = False, unsafe_fixes: bool = False,
          show_diff: bool = False, fix_only: bool = False) -> None:
    """Check wiki files, MediaWiki XML exports (.xml, .xml.bz2/.gz/.xz/.lzma), folders of them,
    or '-' for standard input."""
    from citelint.runner import run
    from citelint.selection import SelectionError, resolve
    from citelint.settings import Settings

    if not paths:
        raise click.UsageError("give at least one file or folder to check (or '-' for standard input)")
    if show_diff and (fix or fix_only):
        raise click.UsageError("--diff shows what --fix would do and writes nothing: give one of them")
    if (fix or fix_only or show_diff) and (write_baseline or getattr(scale, "output_dir", None)):
        raise click.UsageError("--fix, --fix-only and --diff cannot be combined with --write-baseline or "
                               "--output-dir")
    try:
        chosen = resolve(_split(select) or None, _split(ignore), _split(extend_select))
    except SelectionError as e:
        raise click.UsageError(str(e))
    settings = Settings(select=chosen, input_format=input_format,
                        fail_on=Severity.parse(fail_on) if fail_on else Severity.WARNING,
                        all_revisions=all_revisions, namespaces=frozenset(namespaces) if namespaces else None,
                        links=link_settings, max_page_size=max_page_size or None, parse_timeout=parse_timeout or None,
                        parser=parser)
    resolver = _resolver(settings, select, ignore, extend_select, fail_on, input_format)

    def on_error(err) -> None:
        click.echo(f"citelint: {'error' if getattr(err, 'fatal', True) else 'note'}: {err}", err=True)

    stdin_text = stdin_stream = None
    if "-" in paths:
        from citelint.dumps import sniff_stream

        stream, is_dump = sniff_stream(sys.stdin.buffer, stdin_filename)
        if is_dump:
            stdin_stream = stream
        else:
            stdin_text = _read_stdin(stream, settings.max_page_size)
    base = _load_baseline(baseline_path)
    from citelint import progress as _progress
    from citelint.parallel import default_jobs
    from citelint.scale import ScaleError

    bar = _progress.DumpProgress() if _progress.wanted() else None
    from citelint.gcsetup import for_checking

    for_checking()  # start-up is over: what it made is not walked by the collector again
    try:
        result = run(paths, settings, on_error, stdin_text=stdin_text, stdin_name=stdin_filename,
                     stdin_stream=stdin_stream, jobs=jobs or default_jobs(), progress=bar, resolver=resolver,
                     scale=scale)
    except ScaleError as e:
        raise ConfigFailure(str(e))
    finally:
        if bar is not None:
            bar.close()
    if fix or fix_only or show_diff:
        done = _fix_step(result, resolver, paths, stdin_filename, unsafe_fixes, show_diff, fix_only, on_error,
                         lambda changed: run(changed, settings, on_error, jobs=jobs or default_jobs(),
                                             resolver=resolver))
        if done is not None:
            sys.exit(done)
    if _baseline_step(result, base, write_baseline, paths, stdin_filename):
        if output_path:
            _deliver(result, output_format, output_path)
        sys.exit(EXIT_ERROR if result.errors else EXIT_CLEAN)
    _deliver(result, output_format, output_path)
    failing = any(f.severity >= resolver.settings_for(f.path).fail_on for f in result.findings)
    failing = failing or bool(result.extra.get("findings_written"))  # --output-dir
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _fix_step(result, resolver, paths, stdin_name: str, unsafe: bool, diff: bool, fix_only: bool, on_error,
              recheck) -> Optional[int]:
    """``--fix``/``--fix-only``/``--diff`` after the check: the files with applicable fixes fixed (or diffed);
    with ``--fix`` the fixed files are checked again, so the report shows what remains. Returns the exit
    status when the command ends here (``--diff``, ``--fix-only``), None to go on and report."""
    from citelint.fixer import fix_files, fixable_paths, not_rewritten, unified_diff
    from citelint.sources import InputError

    for path, why in not_rewritten(result.findings, stdin_name, resolver.settings_for):
        on_error(InputError(path, why, fatal=False))
    todo = fixable_paths(result.findings, unsafe)
    done = fix_files(todo, resolver.settings_for, unsafe, write=not diff)
    fixed = sum(sum(d.outcome.fixed.values()) for d in done if d.outcome is not None and d.changed)
    changed = [d for d in done if d.changed]
    failures = []  # files that could not be written: the exit status is 2
    for d in done:
        if d.error is not None:
            err = InputError(d.path, d.error, fatal="not overwritten" in d.error or "cannot write" in d.error)
            if err.fatal:
                failures.append(err)
            on_error(err)
        for rb in (d.outcome.rolled_back if d.outcome is not None else ()):
            on_error(InputError(d.path, str(rb), fatal=False))
    by_rule: dict[str, int] = {}
    for d in changed:
        for rule, n in d.outcome.fixed.items():
            by_rule[rule] = by_rule.get(rule, 0) + n
    rules = ", ".join(f"{r}: {n}" for r, n in sorted(by_rule.items()))
    what = (f"{fixed} finding{'s' if fixed != 1 else ''} in {len(changed)} file{'s' if len(changed) != 1 else ''}"
            + (f" ({rules})" if rules else ""))
    if diff:
        for d in changed:
            click.echo(unified_diff(d), nl=False)
        click.echo(f"citelint: would fix {what}" if changed else "citelint: nothing to fix", err=True)
        return EXIT_ERROR if result.errors or failures else (EXIT_FINDINGS if changed else EXIT_CLEAN)
    written = [d for d in changed if d.written]
    rolled = sum(len(d.outcome.rolled_back) for d in done if d.outcome is not None)
    rolled_note = f" ({rolled} fix{'es' if rolled != 1 else ''} rolled back: see the notes above)" if rolled else ""
    click.echo((f"citelint: fixed {what}" if written else "citelint: nothing to fix") + rolled_note, err=True)
    if fix_only:
        return EXIT_ERROR if result.errors or failures else EXIT_CLEAN
    if written:  # what remains: the fixed files checked again (links too), in place of their first findings
        again = recheck([d.path for d in written])
        redone = {d.path for d in written}
        fresh: dict[str, list] = {}
        for f in again.findings:
            fresh.setdefault(f.path, []).append(f)
        out, placed = [], set()
        for f in result.findings:
            if f.path in redone:
                if f.path not in placed:
                    placed.add(f.path)
                    out.extend(fresh.get(f.path, ()))
            else:
                out.append(f)
        result.findings = out
        result.errors.extend(again.errors)
        result.extra["fixed"] = {"findings": fixed, "files": len(written), "by_rule": dict(sorted(by_rule.items())),
                                 "rolled_back": rolled}
    result.errors.extend(failures)
    return None


def _load_baseline(path: Optional[str]):
    if path is None:
        return None
    from citelint.baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as e:
        raise CliError(str(e))


def _baseline_step(result, base, write_path: Optional[str], paths=(), stdin_name: Optional[str] = None) -> bool:
    """Apply ``--baseline`` and write ``--write-baseline``; True when the run only wrote a baseline.

    Baseline entries for files and pages this run did not read are out of its scope: they are neither
    reported as fixed nor dropped by a ratchet (a pre-commit run sees only the staged files)."""
    if base is None and write_path is None:
        return False  # no baseline: its module is not imported (start-up)
    import os

    from citelint.baseline import BaselineError, input_scope, rebase, write

    found = result.findings
    scope = None
    if base is not None:
        pages = bool(result.extra.get("pages_checked")) or any(f.page is not None for f in found)
        scope = input_scope(paths, base.base_dir, stdin_name, pages=pages)
        outcome = base.apply(found, scope)
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
    if base is not None:  # a ratchet: what is still found, never a new finding
        recorded = rebase(base.ratchet(found, scope), base.base_dir, os.path.dirname(os.path.abspath(write_path)))
    else:
        recorded = found
    try:
        n = write(write_path, recorded)
    except BaselineError as e:
        raise CliError(str(e))
    places = {(k[0], k[1]) for k in recorded} if base is not None else {
        ("page", f.page) if f.page is not None else ("path", f.path) for f in found}
    files = sum(1 for kind, _ in places if kind == "path")
    pages = len(places) - files
    where = [f"{k} {what}{'s' if k != 1 else ''}" for k, what in ((files, "file"), (pages, "page")) if k]
    click.echo(f"citelint: wrote baseline {write_path}: {n} finding{'s' if n != 1 else ''}"
               + (f" in {' and '.join(where)}" if where else ""), err=True)
    return base is None


def _deliver(result, output_format: str, output_path: Optional[str]) -> None:
    """Render the report to standard output, or to ``--output`` with a one-line summary on stderr: a file is
    replaced atomically (through a symlink, its target), a device or FIFO is streamed to (see atomicfile)."""
    reporter = __import__(FORMATS[output_format], fromlist=["render"])
    if output_path is None:
        out = sys.stdout
        reporter.render(result, out, color=_use_color(out))
        out.flush()
        _notices(result, shown=output_format in ("rich", "github"))
        return
    from citelint.atomicfile import open_atomic

    try:
        with open_atomic(output_path) as fh:
            reporter.render(result, fh, color=False)
    except OSError as e:
        raise WriteFailure(f"cannot write the report to {output_path}: {e.strerror or e}")
    n = len(result.findings)
    click.echo(f"citelint: {n} finding{'s' if n != 1 else ''} in {result.files_checked} "
               f"file{'s' if result.files_checked != 1 else ''}; {output_format} report written to {output_path}",
               err=True)
    _notices(result, shown=False)


def _notices(result, shown: bool) -> None:
    """Run-wide notices (links not checked: no network) on standard error, unless the report on standard
    output already showed them to the reader (the Rich report's summary, GitHub's log)."""
    if not shown:
        for notice in result.notices:
            click.echo(f"citelint: warning: {notice['message']}", err=True)


def _read_stdin(stream=None, limit: Optional[int] = None) -> bytes:
    """Standard input's bytes: the runner decodes them as it decodes a file (one error line if it cannot).
    No more than ``limit`` bytes (max-page-size) are read: past it, standard input is an error."""
    data = (stream or sys.stdin.buffer).read(limit + 1 if limit else -1)
    if limit and len(data) > limit:
        from citelint.sources import human_size

        raise click.ClickException(f"standard input is over the {human_size(limit)} limit of max-page-size: "
                                   f"not checked; raise --max-page-size to check it")
    return data


@cli.command("rules")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (name, code, severity, formats, summary, docs).")
def rules_cmd(as_json: bool) -> None:
    """List the rules."""
    from citelint.rules import RULES

    if as_json:
        import json

        click.echo(json.dumps([{"name": r.name, "code": r.code, "severity": r.severity.label,
                                "formats": sorted(r.formats), "fixable": r.fixable, "summary": r.summary(),
                                "description": r.documentation()} for r in RULES],
                              indent=2, ensure_ascii=False))
        return
    width = max(len(r.name) for r in RULES)
    for r in RULES:
        fix = {"safe": "fix", "unsafe": "fix*"}.get(r.fixable or "", "")
        click.echo(f"{r.code}  {r.name:<{width}} {r.severity.label:<8} {fix:<4} {r.summary()}")
    click.echo("\nfix: --fix repairs its findings; fix*: only with --fix --unsafe-fixes")


@cli.command("rule")
@click.argument("name")
def rule_cmd(name: str) -> None:
    """Explain one rule (by name or code)."""
    from citelint.rules import find_rule

    r = find_rule(name)
    if r is None:
        raise click.UsageError(f"no rule named {name!r}; `citelint rules` lists them")
    fixable = {"safe": "fixable with --fix", "unsafe": "fixable with --fix --unsafe-fixes"}.get(r.fixable or "",
                                                                                             "not fixable")
    click.echo(f"{r.name} ({r.code}), default severity {r.severity.label}, formats: {', '.join(sorted(r.formats))}, "
               f"{fixable}\n")
    click.echo(r.documentation())


@cli.command("config")
@click.argument("path", required=False, default=".", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of TOML.")
@_configured
def config_cmd(path: str, as_json: bool) -> None:
    """Show the configuration in effect for a file or folder (default: the current folder)."""
    from citelint.config import RUN_KEYS, Overrides, describe, render_toml

    resolver = click.get_current_context().meta["citelint.resolver"]
    resolver.configure(None, Overrides(force_exclude=resolver.force_exclude))
    info = describe(resolver, path)
    _warn_about(resolver)
    check_ctx = click.Context(check)
    for key in RUN_KEYS:  # run-wide keys not configured: show `check`'s defaults
        name = "no_cache" if key == "cache" else key.replace("-", "_")
        param = next((p for p in check.params if p.name == name), None)
        default = param.get_default(check_ctx) if param is not None else None
        if key not in info["settings"] and isinstance(default, (bool, int, float, str)):
            info["settings"][key] = (not default) if key == "cache" else default
    if as_json:
        import json

        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        click.echo(render_toml(info), nl=False)


def main() -> None:
    try:
        cli(standalone_mode=False)
    except click.ClickException as e:  # usage errors and bad input given on the command line
        _error(e)
        sys.exit(EXIT_ERROR)
    except click.Abort as e:  # click turns Ctrl-C (and an EOF at a prompt) into Abort
        if isinstance(e.__cause__ or e.__context__, KeyboardInterrupt):
            _interrupted()
        click.echo("citelint: error: aborted", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        _interrupted()


def _interrupted() -> None:
    """Ctrl-C: exit 130 (128 + SIGINT), as shells expect, with one line and no traceback."""
    click.echo("citelint: interrupted", err=True)
    sys.exit(EXIT_INTERRUPTED)


def _error(e: click.ClickException) -> None:
    """Every error of the command line in one style: ``citelint: error: …`` (a usage error adds where to
    find the right usage)."""
    message = e.format_message()
    if isinstance(e, click.UsageError) and e.ctx is not None:
        message = message.rstrip(".")
        message += f" (see '{e.ctx.command_path} --help')"
    click.echo(f"citelint: error: {message}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
