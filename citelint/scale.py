"""The options of ``citelint check`` for big runs, and how the runner uses them.

``--index FILE`` / ``--no-index``: multistream dumps read in parallel by their index
(:mod:`citelint.multistream`); ``--resume STATE`` (:mod:`citelint.resume`); ``--engine dask
--scheduler ADDRESS`` and ``--output-dir DIR`` (:mod:`citelint.dask_engine`). ``scale_options``
hands the command one ``scale`` argument, a ``Scale``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import click

from citelint import DISTRIBUTION

DASK_INSTALL = f"pip install '{DISTRIBUTION}[dask]'"


class ScaleError(Exception):
    """A --resume state file or a cluster that cannot be used: one line for the user (exit status 2)."""


class _Missing(click.ClickException):
    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"citelint: error: {self.message}", err=True)


@dataclass
class Scale:
    index: Optional[str] = None
    no_index: bool = False
    resume: Optional[str] = None
    engine: str = "local"
    scheduler: Optional[str] = None
    output_dir: Optional[str] = None


OPTIONS = [
    click.option("--index", "ms_index", default=None, metavar="FILE",
                 help="Multistream dumps: the index (offset:page_id:title lines, plain or .bz2) when it is not "
                      "beside the dump as NAME-index.txt.bz2."),
    click.option("--no-index", is_flag=True,
                 help="Read a multistream dump as one stream, in one process, ignoring its index."),
    click.option("--resume", "resume_state", default=None, metavar="STATE",
                 help="Record finished work in this SQLite file and skip what it already holds "
                      "(a killed run goes on where it stopped)."),
    click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                 help="Where multistream dumps are checked: processes here (--jobs), or a Dask cluster."),
    click.option("--scheduler", default=None, metavar="ADDRESS",
                 help="--engine dask: the scheduler (tcp://host:8786); without it, a local cluster of --jobs "
                      "workers is started for the run."),
    click.option("--output-dir", default=None, type=click.Path(file_okay=False), metavar="DIR",
                 help="--engine dask: write the findings as JSON Lines, one file per unit of work, into DIR "
                      "(for millions of findings) instead of gathering them into the report."),
]


def scale_options(f):
    @functools.wraps(f)
    def wrapper(**kwargs):
        scale = Scale(index=kwargs.pop("ms_index"), no_index=kwargs.pop("no_index"),
                      resume=kwargs.pop("resume_state"), engine=kwargs.pop("engine"),
                      scheduler=kwargs.pop("scheduler"), output_dir=kwargs.pop("output_dir"))
        if scale.index and scale.no_index:
            raise click.UsageError("--index and --no-index contradict each other: give one")
        if scale.engine != "dask" and (scale.scheduler or scale.output_dir):
            raise click.UsageError("--scheduler and --output-dir go with --engine dask")
        if scale.engine == "dask" and scale.resume:
            raise click.UsageError("--resume goes with the local engine (a Dask run is resumed by running it again "
                                   "with --output-dir: finished parts are kept)")
        if scale.engine == "dask":
            try:
                import distributed  # noqa: F401
            except ImportError:
                raise _Missing(f"--engine dask needs Dask's distributed scheduler: {DASK_INSTALL}")
        kwargs["scale"] = scale
        return f(**kwargs)

    for opt in reversed(OPTIONS):
        wrapper = opt(wrapper)
    return wrapper


class DumpEngine:
    """What the runner asks for each dump: ``items(path, settings, progress, totals)`` → the checked
    items of a multistream dump, or None to stream it as usual."""

    def __init__(self, scale: Scale, jobs: int, links: str, state=None, submitter=None) -> None:
        self.scale = scale
        self.jobs = jobs
        self.links = links
        self.state = state
        self.submitter = submitter  # the Dask engine, or None

    def items(self, path: str, settings, progress=None, totals=None):
        from citelint import multistream
        from citelint.dumps import DumpError
        from citelint.sources import InputError

        if self.scale.no_index:
            return None
        index = self.scale.index or multistream.index_beside(path)
        if index is None:
            return None
        try:
            p = multistream.plan(path, index)
        except DumpError as e:
            msg = str(e)
            return iter([InputError(msg.split(": ", 1)[0] if isinstance(e, multistream.IndexProblem) else path,
                                    msg.split(": ", 1)[1] if isinstance(e, multistream.IndexProblem) else msg)])
        if self.submitter is not None:
            return self.submitter.items(p, path, settings, self.links, progress, totals)
        return multistream.checked_items(p, path, settings, self.jobs, self.links, progress, totals, self.state)
