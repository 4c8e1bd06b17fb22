"""Reporters only format: findings and a summary in, text out.

Each format is a module with ``render(result, stream, *, color)``; ``FORMATS`` maps names to modules
so the CLI never hard-codes one.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from citelint.findings import Finding
from citelint.model import Severity

FORMATS = {
    "rich": "citelint.report.rich_report",
    "text": "citelint.report.text_report",
    "json": "citelint.report.json_report",
    "sarif": "citelint.report.sarif_report",
    "github": "citelint.report.github_report",
    "junit": "citelint.report.junit_report",
}


@dataclass
class RunResult:
    findings: list[Finding]
    files_checked: int
    elapsed: float
    errors: list = field(default_factory=list)  # InputError records
    extra: dict = field(default_factory=dict)  # other passes add figures here (links checked, …)

    @property
    def notices(self) -> list[dict]:
        """Run-wide notices (``{"id", "message"}``), e.g. links not checked for want of a network: each
        report shows each once (the text report leaves them to the command's standard error)."""
        return list(self.extra.get("notices", ()))

    def counts_by_severity(self) -> dict[str, int]:
        out = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings:
            out[f.severity.label] += 1
        return out

    def counts_by_rule(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.rule] = out.get(f.rule, 0) + 1
        return dict(sorted(out.items()))

    def fixable(self) -> tuple[int, int]:
        """(findings --fix repairs, findings only --fix --unsafe-fixes repairs)."""
        safe = unsafe = 0
        for f in self.findings:
            if f.fix is not None:
                if f.fix.safety == "safe":
                    safe += 1
                else:
                    unsafe += 1
        return safe, unsafe

    def summary(self) -> dict:
        safe, unsafe = self.fixable()
        s = {
            "files_checked": self.files_checked,
            "findings": len(self.findings),
            "by_severity": self.counts_by_severity(),
            "by_rule": self.counts_by_rule(),
            "errors": len(self.errors),
            "elapsed_seconds": round(self.elapsed, 3),
            "fixable": {"safe": safe, "unsafe": unsafe},
        }
        s.update(self.extra)
        return s


def get_reporter(name: str):
    return importlib.import_module(FORMATS[name])
