"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines, CircleCI, …).

One ``<testsuite>`` per file (per page and revision for dumps), one ``<testcase>`` per finding with a
``<failure>`` (``type`` = rule name) holding the location, rule, severity, message and source line.
Unreadable inputs are ``<error>`` test cases. A run without findings or errors gives one passing test
case, so the CI still shows that the check ran. A run-wide notice (links not checked: no network) is a
``<skipped>`` test case in a ``citelint`` suite of its own. Characters XML 1.0 cannot hold (control characters
in a broken page) are written as ``\\xNN``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    return _ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _suite_name(f) -> str:
    if f.page is None:
        return f.path
    return f"{f.path} [[{f.page}]]" + (f" revision {f.revision}" if f.revision else "")


def _key(f):
    return (f.path, f.page or "", f.revision or "")


def build(result) -> ET.Element:
    root = ET.Element("testsuites", name="citelint")
    total = failures = errors = 0
    for err in result.errors:
        suite = ET.SubElement(root, "testsuite", name=clean(err.path), tests="1", failures="0", errors="1",
                              time="0")
        case = ET.SubElement(suite, "testcase", name="read input", classname=clean(err.path))
        e = ET.SubElement(case, "error", message=clean(err.message), type="input-error")
        e.text = clean(str(err))
        total += 1
        errors += 1
    findings = sorted(result.findings, key=lambda f: (_key(f), f.line, f.column, f.rule))
    for _, group in groupby(findings, key=_key):
        group = list(group)
        name = clean(_suite_name(group[0]))
        suite = ET.SubElement(root, "testsuite", name=name, tests=str(len(group)), failures=str(len(group)),
                              errors="0", time="0")
        for f in group:
            case = ET.SubElement(suite, "testcase", name=clean(f"{f.code} {f.rule} at {f.line}:{f.column}"),
                                 classname=name, file=clean(f.path), line=str(f.line))
            failure = ET.SubElement(case, "failure", message=clean(f.message), type=f.rule)
            where = f"{_suite_name(f)}:{f.line}:{f.column}"
            body = f"{where}: {f.code} {f.rule} ({f.severity.label})\n{f.message}"
            if f.source_line:
                more = f.line_length >= 0 and f.source_column - 1 + len(f.source_line) < f.line_length
                body += (f"\n\n    {'…' if f.source_column > 1 else ''}{f.source_line}"
                         f"{'…' if more else ''}")
            failure.text = clean(body)
        total += len(group)
        failures += len(group)
    passed = total == 0
    notices = result.notices
    if passed or notices:
        suite = ET.SubElement(root, "testsuite", name="citelint", tests=str(passed + len(notices)), failures="0",
                              errors="0", time=f"{result.elapsed:.3f}")
        if notices:
            suite.set("skipped", str(len(notices)))
        if passed:
            ET.SubElement(suite, "testcase", name=f"citation check of {result.files_checked} "
                          f"file{'s' if result.files_checked != 1 else ''}", classname="citelint")
        for n in notices:
            case = ET.SubElement(suite, "testcase", name=clean(n["id"]), classname="citelint")
            ET.SubElement(case, "skipped", message=clean(n["message"]))
        total += passed + len(notices)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    if notices:
        root.set("skipped", str(len(notices)))
    root.set("time", f"{result.elapsed:.3f}")
    return root


def render(result, stream, *, color: bool = False) -> None:
    root = build(result)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
