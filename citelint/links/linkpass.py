"""The link pass: after the offline pass, check the run's URLs once each and judge the citations.

1. ``add(doc)`` for each document: the URLs its references give, placed (:mod:`citelint.links.sites`).
2. ``run(findings)``: de-duplicate the URLs of the whole run; take what the cache still vouches for;
   check the rest (:mod:`citelint.links.checker`, with a progress bar on a terminal); store the new
   checks and read each failing URL's history back; let each link rule judge each cited URL; merge
   the findings into the offline ones, document by document, in line order.
3. ``summary()``: the figures for the report (``links`` in the summary).

When the checker finds no network (:mod:`citelint.links.network`), the run is judged as with
``--offline``: no link finding, nothing stored in the cache, and one notice (``notices`` in the
summary) that says why links were not checked. A cache that does not exist yet is created only
when there is something to store.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from citelint.deadline import PageTimeout, deadline
from citelint.findings import Finding, content_hash, fingerprint
from citelint.links.config import LinkSettings
from citelint.links.outcome import NOT_DEAD, Outcome, Verdict
from citelint.model import Document
from citelint.parse import Parsed, parse_document

if TYPE_CHECKING:  # start-up: an --offline run reads a page's links only where a suppression may need them
    from citelint.links.sites import DocLinks


_SUPPRESSION = "citelint-disable"


def link_rules():
    from citelint.rules import RULES

    return [r for r in RULES if getattr(r, "network", False)]


class LinkPass:
    def __init__(self, settings, paths: Iterable[str] = (), progress: bool = False,
                 warn: Optional[Callable[[str], None]] = None) -> None:
        self.settings = settings
        self.links: Optional[LinkSettings] = getattr(settings, "links", None)
        #: --offline: no network; the pass only keeps rule-less suppressions around cited URLs from being
        #: reported unused (a dead link they silence cannot be seen offline)
        self.offline = self.links is None
        self.rules = [r for r in link_rules() if settings.enabled(r.name)]
        self.rule_names = tuple(r.name for r in link_rules())
        self.paths = list(paths)
        self.progress = progress
        self.warn = warn or (lambda msg: print(f"citelint: warning: {msg}", file=sys.stderr))
        self.docs: list[DocLinks] = []
        self.doc_settings: list = []  # each document's own settings (per-file configuration)
        self._urls: dict[str, None] = {}  # every URL of the run, in order of first citation
        self._fresh: dict[str, Outcome] = {}  # from the cache
        self._t0: Optional[float] = None
        self._cache = None
        self._checker = None
        self._submitted = 0
        self._ndone = 0
        self._lock = threading.Lock()
        self._bar = None  # (progress, task) while the bar shows
        self.stats: dict = {}
        self.not_verified: list[dict] = []
        self.notices: list[dict] = []
        self._cache_folder: Optional[Path] = None  # a cache to create once there is something to store
        #: told each document's collected links (``--resume`` stores them with the document's unit)
        self.on_collected: Optional[Callable[[DocLinks], None]] = None

    @classmethod
    def for_settings(cls, settings, **kw) -> Optional["LinkPass"]:
        """A pass when some link rule is selected (offline: when suppressions are honoured), else None."""
        if not any(settings.enabled(r.name) for r in link_rules()):
            return None
        if getattr(settings, "links", None) is None and not getattr(settings, "inline_suppressions", True):
            return None
        return cls(settings, **kw)

    def feed(self, items, settings_for):
        """Pass documents through, collecting each one's links on the way: their checks start at once,
        while the offline pass (and the reading of later documents) goes on. A document parsed here
        goes on as a ``parse.Parsed``, so that the rules read the same model (``engine.check_document``)."""
        for item in items:
            if isinstance(item, Document) and (not self.offline or _SUPPRESSION in item.text):
                parsed = self.add(item, settings_for(item) if callable(settings_for) else settings_for)
                if parsed is not None:
                    item = parsed
            yield item

    def add(self, doc, settings=None, model=None) -> Optional[Parsed]:
        """Collect a document's cited URLs (``settings``: its own, from per-file configuration; ``model``:
        its citation model, if it has been parsed already). Returns the parse made here, if any: the
        model, or a ``Parsed`` without one when the parse ran out of time."""
        settings = settings or self.settings
        if doc.unchecked is not None:
            return None  # not read (too large): the offline pass reports it
        parsed = None
        try:
            with deadline(getattr(settings, "parse_timeout", None)):
                if model is None:
                    parsed = Parsed(doc, None)  # what stays if the parse runs out of time
                    model = parse_document(doc, settings)
                    parsed = Parsed(doc, model)
                from citelint.links.sites import collect

                links = collect(doc, settings, self.rule_names, on_urls=self._found, model=model)
        except PageTimeout:
            return parsed  # the offline pass reports documents too slow to parse
        except RecursionError:  # too deeply nested: the offline pass parses it again and reports it
            return parsed if parsed is not None and parsed.model is not None else None
        self.add_collected(links, settings)
        return parsed

    def add_collected(self, links: DocLinks, settings=None) -> None:
        """For runners that collect in worker processes (``sites.collect`` is picklable)."""
        if not links.sites:
            return
        if self.on_collected is not None:
            self.on_collected(links)
        self.docs.append(links)
        self.doc_settings.append(settings or self.settings)
        self._found([s.url for s in links.sites if s.url])

    def _found(self, urls: list[str]) -> None:
        if self.offline:
            return
        new = []
        for u in urls:
            if u not in self._urls:
                self._urls[u] = None
                new.append(u)
        if new:
            self._stream(new)

    def _stream(self, urls: list[str]) -> None:
        if self._t0 is None:
            self._t0 = time.perf_counter()
            self._cache = self._open_cache()
            from citelint.links.checker import LinkChecker

            self._checker = LinkChecker(self.links)
            self._checker.start(self._done)
        if self._cache is not None:
            try:
                fresh = self._cache.fresh(urls, self.links.max_cache_age)
            except Exception as e:
                self.warn(str(e))
                self._cache.close()
                self._cache, fresh = None, {}
            self._fresh.update(fresh)
            urls = [u for u in urls if u not in fresh]
        self._submitted += self._checker.submit(urls)

    def _done(self, _outcome) -> None:
        with self._lock:
            self._ndone += 1
            bar = self._bar
            if bar is not None:
                bar[0].update(bar[1], completed=self._ndone)

    # -- the pass ---------------------------------------------------------------------------
    def run(self, findings: list[Finding]) -> list[Finding]:
        """Wait for the checks started by :meth:`add`, then judge every cited URL."""
        if self.offline:  # no network library is imported for an offline run
            return self._withdraw_offline(findings)
        from citelint.links.checker import CheckReport

        t0 = self._t0 if self._t0 is not None else time.perf_counter()
        report = CheckReport({})
        if self._checker is not None:
            try:
                report = self._finish_checks()
            finally:
                self._checker.close()
        if report.offline:
            return self._network_absent(findings, report, time.perf_counter() - t0)
        if self._cache is None and self._cache_folder is not None and report.outcomes:
            self._cache = self._open_cache(create=True)
        cache = self._cache
        outcomes = dict(self._fresh)
        outcomes.update(report.outcomes)
        history = cache is not None
        if cache is not None:
            try:
                cache.record(report.outcomes.values(), counted=report.network_ok)
                failing = [u for u, o in outcomes.items() if o.verdict is Verdict.UNREACHABLE]
                for u, (n, first) in cache.failures(failing).items():
                    outcomes[u] = outcomes[u].with_history(n, first)
            except Exception as e:
                self.warn(str(e))
                history = False
            finally:
                cache.close()
        if not report.network_ok and any(o.verdict is Verdict.UNREACHABLE for o in report.outcomes.values()):
            self.warn("no site answered any request: is the network down? (failures are not counted toward a "
                      "link's history; --offline skips link checking)")
        merged = self._merge(findings, outcomes, history)
        self._summarise(list(self._urls), self._fresh, report, outcomes, time.perf_counter() - t0)
        return merged

    def _network_absent(self, findings: list[Finding], report, seconds: float) -> list[Finding]:
        """No network: the findings of --offline, one notice, nothing stored."""
        if self._cache is not None:
            self._cache.close()
            self._cache = None
        self.notices.append({"id": "links-not-checked",
                             "message": f"links were not checked: {report.offline}. The report is that of "
                                        "--offline; nothing was stored in the link cache."})
        self._summarise(list(self._urls), {}, report, {}, seconds)
        self.stats["not_checked_reason"] = report.offline
        return self._withdraw_offline(findings)

    def _withdraw_offline(self, findings: list[Finding]) -> list[Finding]:
        withdrawn: dict[tuple, set] = {}
        for d in self.docs:
            for site in d.sites:
                if site.url:
                    for positions in site.suppressed.values():
                        withdrawn.setdefault(d.key, set()).update(positions)
        if not withdrawn:
            return findings
        return [f for f in findings if not (f.rule == "unused-suppression" and
                                            (f.line, f.column) in withdrawn.get((f.path, f.page, f.revision), ()))]

    def _finish_checks(self):
        if not self.progress or self._submitted == 0:
            return self._checker.finish()
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(TextColumn("checking links"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
                            TimeRemainingColumn(), console=Console(file=sys.stderr), transient=True)
        with progress:
            with self._lock:
                task = progress.add_task("links", total=self._submitted, completed=self._ndone)
                self._bar = (progress, task)
            try:
                return self._checker.finish()
            finally:
                with self._lock:
                    self._bar = None

    def _open_cache(self, create: bool = False):
        """The link cache, when it exists (or ``create``); else None, remembering where to create it."""
        ls = self.links
        if not ls.cache:
            return None
        from citelint.links.cache import FILENAME, CacheError, LinkCache, default_cache_dir

        folder = Path(ls.cache_dir) if ls.cache_dir else default_cache_dir(self.paths)
        if not create and not (folder / FILENAME).exists():
            self._cache_folder = folder
            return None
        try:
            if not ls.cache_dir:  # in the checked tree: not through a link planted there to elsewhere
                real, project = os.path.realpath(folder), os.path.realpath(folder.parent)
                if not real.startswith(project.rstrip(os.sep) + os.sep):
                    raise CacheError(f"cannot use the link cache at {folder}: a symbolic link to {real}, outside "
                                     f"its project")
            return LinkCache(folder)
        except CacheError as e:
            self.warn(f"{e}; checking without it (--no-cache to silence this)")
            return None

    # -- judging ----------------------------------------------------------------------------
    def _merge(self, findings: list[Finding], outcomes: dict[str, Outcome], history: bool) -> list[Finding]:
        from citelint.rules.link_rule import LinkContext

        ctx = LinkContext(self.links, history=history)
        by_doc: dict[tuple, list[Finding]] = {}
        order: list[tuple] = []
        for f in findings:
            k = (f.path, f.page, f.revision)
            if k not in by_doc:
                by_doc[k] = []
                order.append(k)
            by_doc[k].append(f)
        for d, settings in zip(self.docs, self.doc_settings):
            new, withdrawn = self._judge_doc(d, outcomes, ctx, settings)
            k = d.key
            if k not in by_doc:
                by_doc[k] = []
                order.append(k)
            if withdrawn:
                by_doc[k] = [f for f in by_doc[k] if not (f.rule == "unused-suppression" and
                                                          (f.line, f.column) in withdrawn)]
            if new:
                by_doc[k].extend(new)
                by_doc[k].sort(key=lambda f: (f.line, f.column, f.rule))
        return [f for k in order for f in by_doc[k]]

    def _judge_doc(self, d: DocLinks, outcomes: dict[str, Outcome], ctx, settings) -> tuple[list[Finding], set]:
        out: list[Finding] = []
        withdrawn: set = set()
        severities = settings.severities
        rules = [r for r in self.rules if settings.enabled(r.name)]
        for site in d.sites:
            o = outcomes.get(site.url) if site.url else None
            if o is None:
                continue
            if o.verdict in NOT_DEAD:
                self.not_verified.append({"url": site.cited.raw, "verdict": o.verdict.value, "reason": o.reason,
                                          "path": d.path, "page": d.page, "line": site.line, "column": site.column})
            partner = None
            if site.archive >= 0:
                arch = d.sites[site.archive]
                partner = outcomes.get(arch.url) if arch.url else None
            for rule in rules:
                j = rule.judge(site, o, partner, ctx)
                if j is None:
                    continue
                if rule.name in site.suppressed:
                    withdrawn.update(site.suppressed[rule.name])
                    continue
                subject = f"{site.cited.param or site.cited.kind}\0{site.cited.raw}"
                out.append(Finding(
                    rule=rule.name, code=rule.code,
                    severity=severities.get(rule.name) or j.severity or rule.severity,
                    message=j.message, path=d.path, line=site.line, column=site.column,
                    end_line=site.end_line, end_column=site.end_column,
                    fingerprint=fingerprint(d.where, rule.name, subject), page=d.page, revision=d.revision,
                    source_line=site.source_line, content_hash=content_hash(rule.name, subject),
                    source_column=site.source_column, line_length=site.line_length))
        return out, withdrawn

    # -- figures ----------------------------------------------------------------------------
    def _summarise(self, urls, fresh, report, outcomes, seconds: float) -> None:
        counts = {v.value: 0 for v in Verdict}
        for o in outcomes.values():
            counts[o.verdict.value] += 1
        sites = [s for d in self.docs for s in d.sites]
        self.stats = {
            "urls": len(urls),
            "cited": sum(1 for s in sites if s.url),
            "checked": len(report.outcomes),
            "from_cache": len(fresh),
            "requests": report.requests,
            "ok": counts["ok"],
            "dead": counts["dead"],
            "unreachable": counts["unreachable"],
            "not_verified": counts["not-verified"],
            "blocked": counts["blocked"],
            "invalid": sum(1 for s in sites if s.cited.problem),
            "not_checked": sum(1 for s in sites if s.cited.skipped),
            "elapsed_seconds": round(seconds, 3),
        }

    def summary(self) -> dict:
        """What goes into ``RunResult.extra``: ``links`` (figures) and, with ``list_not_verified``
        (--verbose), ``links_not_verified``."""
        if self.offline:
            return {}
        out: dict = {"links": dict(self.stats)}
        if self.links.list_not_verified:
            out["links_not_verified"] = list(self.not_verified)
        if self.notices:
            out["notices"] = list(self.notices)
        return out


class _RateColumn:
    """Links per second, for the progress bar (a ProgressColumn made lazily: rich is imported late)."""

    def __new__(cls):
        from rich.progress import ProgressColumn
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:.0f}/s" if speed else "–/s", style="progress.data.speed")

        return Rate()
