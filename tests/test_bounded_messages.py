"""Finding messages quote a bounded part of any user value (issue 7, hostile inputs): a parameter name, a value, a
reference name, an attribute, a heading of 200,000 characters is quoted as its first ``QUOTE`` characters, "…"
and its length (``citelint.quoting.clip``), never whole. A fix's edits stay exact (they are data); only its description,
which people read, is bounded. The subject a fingerprint or a baseline keys on is not touched.

Each hostile page below holds one long value where a rule quotes it; one CLI run (``--format json``) checks them
all. Before the fix some messages were over 200 KB (a parameter name of 200,000 characters, quoted twice).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

BOUND = 2_000  # characters a message (or a fix's description) may have
LONG = 200_000
L = "a" * LONG  # a long name or value
CITE = "{{cite web |url=https://example.org/ |title=T |website=W "
WB = "https://web.archive.org/web/20200101000000/https://example.org/"
LIST = "\n{{reflist}}\n"

#: name → (file name, text, a rule that must report it)
PAGES = {
    "unknown-parameter": ("w1.wiki", f"A<ref>{CITE}|{L}=x}}}}</ref>{LIST}", "cs1-parameter-ignored"),
    "empty-unknown-parameter": ("w3.wiki", f"A<ref>{CITE}|{L}=}}}}</ref>{LIST}", "cs1-param-unknown-empty"),
    "generic-name": ("w4.wiki", f"A<ref>{CITE}|author=Author {L}}}}}</ref>{LIST}", "cs1-generic-name"),
    "generic-title": ("w5.wiki", "A<ref>{{cite web |url=https://example.org/ |website=W |title=Page not found " + L
                      + f"}}}}</ref>{LIST}", "cs1-generic-title"),
    "invalid-param-val": ("w6.wiki", f"A<ref>{CITE}|url-status={L}}}}}</ref>{LIST}", "cs1-invalid-param-val"),
    "bad-date": ("w7.wiki", f"A<ref>{CITE}|date={L}}}}}</ref>{LIST}", "cs1-bad-date"),
    "year-mismatch": ("w8.wiki", f"A<ref>{CITE}|date=1 May 2020 |year=2021{L}}}}}</ref>{LIST}", "cs1-bad-date"),
    "archive-missing-url": ("w9.wiki", "A<ref>{{cite web |title=T |archive-url=" + WB + L
                            + f" |archive-date=1 January 2020}}}}</ref>{LIST}", "cs1-archive-missing-url"),
    "archive-date-mismatch": ("w35.wiki", f"A<ref>{CITE}|archive-url={WB} |archive-date=1{' ' * LONG}March 2019}}}}"
                              f"</ref>{LIST}", "cs1-archive-date-url-ts-mismatch"),
    "url-scheme": ("w36.wiki", f"A<ref>{{{{cite web |url={L}x://example.org/ |title=T}}}}</ref>{LIST}", "invalid-url"),
    "url-port": ("w37.wiki", f"A<ref>{{{{cite web |url=https://example.org:{L}/ |title=T}}}}</ref>{LIST}", "invalid-url"),
    "undefined-ref": ("w11.wiki", f'A<ref name="{L}" />{LIST}', "undefined-ref"),
    "unused-ref": ("w12.wiki", f'A.\n<references>\n<ref name="{L}">x</ref>\n</references>\n', "unused-ref"),
    "conflicting-ref": ("w13.wiki", f'A<ref name="{L}">x</ref> B<ref name="{L}">y</ref>{LIST}', "conflicting-ref"),
    "duplicate-ref": ("w14.wiki", f'A<ref name="{L}">Smith, J. (2001). Gold.</ref> B<ref name="{L}">Smith, J. '
                      f'(2001). Gold.</ref>{LIST}', "duplicate-ref"),
    "empty-pair": ("w15.wiki", f'A<ref name=x>T.</ref> B<ref{" " * 100_000}name=x></ref>{LIST}', "empty-ref"),
    "empty-list-ref": ("w16.wiki", f'A<ref name="{L}" />\n<references>\n<ref name="{L}"></ref>\n</references>\n',
                       "empty-ref"),
    "reflist-group": ("w17.wiki", f'A<ref group="{L}">x</ref>\n', "missing-reflist"),
    "unknown-attribute": ("w19.wiki", f"A<ref {L}=x>T</ref>{LIST}", "malformed-ref"),
    "unknown-attributes": ("w20.wiki", "A<ref " + " ".join(f"{c * 50_000}=x" for c in "bcdef") + f">T</ref>{LIST}",
                           "malformed-ref"),
    "references-attribute": ("w21.wiki", f"A<ref>T</ref>\n<references {L}=x />\n", "malformed-ref"),
    "broken-quoting": ("w22.wiki", f'A<ref name="a {L}>T</ref> B<ref name="a {L}" />{LIST}', "malformed-ref"),
    "unbalanced-quote": ("w23.wiki", f"A<ref name={L}\">T</ref>{LIST}", "malformed-ref"),
    "curly-quotes": ("w24.wiki", f"A<ref name=\u201c{L}\u201d>T</ref>{LIST}", "malformed-ref"),
    "number-name": ("w25.wiki", f'A<ref name="{"7" * LONG}">T</ref>{LIST}', "malformed-ref"),
    "dir": ("w26.wiki", f'A<ref name="n" dir="{L}">T</ref>{LIST}', "malformed-ref"),
    "follow-and-name": ("w27.wiki", f'A<ref name="p">T</ref> B<ref follow="p" name="{L}">more</ref>{LIST}',
                        "malformed-ref"),
    "list-group": ("w28.wiki", f'A<ref name="n" group="g" />\n<references group="g">\n<ref name="n" group="{L}">T'
                   f"</ref>\n</references>\n", "malformed-ref"),
    "dir-conflict": ("w29.wiki", f'A<ref name="{L}" dir="ltr">T</ref> B<ref name="{L}" dir="rtl" />{LIST}',
                     "malformed-ref"),
    "sfn-no-target": ("w30.wiki", "A{{sfn|" + L + "|2020}}\n{{reflist}}\n\n* {{cite book |last=Smith |first=J "
                      "|year=2020 |title=T}}\n", "sfn-no-target"),
    "sfn-multiple-targets": ("w31.wiki", "A{{sfn|" + L + "|2020}}\n{{reflist}}\n\n* {{cite book |last=" + L + " |year=2020 "
                             "|title=T}}\n* {{cite book |last=" + L + " |year=2020 |title=U}}\n",
                             "sfn-multiple-targets"),
    "uncited-fullcite": ("w32.wiki", "A{{sfn|X|2020}}\n{{reflist}}\n\n* {{cite book |last=X |year=2020 |title=T}}\n"
                         "* {{cite book |last=" + L + " |year=2020 |title=U}}\n", "uncited-fullcite"),
    "same-source": ("w33.wiki", f'A<ref name="{L}">{{{{cite web |url=https://www.example.org/a/b/ |title=T '
                    f"|website=W}}}}</ref> B<ref>{{{{cite web |url=http://example.org/a/b?utm_source=x |title=T}}}}"
                    f"</ref>{LIST}", "same-source"),
    "unused-suppression": ("w34.wiki", f"<!-- citelint-disable-next-line undefined-ref {L} -->\nA.\n",
                           "unused-suppression"),
}


def _run(files: list[str], cwd) -> list[dict]:
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    r = subprocess.run([sys.executable, "-m", "citelint", "check", "--offline", "--format", "json", *files],
                       capture_output=True, text=True, cwd=cwd, env=env, timeout=300)
    assert r.returncode == 1, r.stderr[-2000:]
    return json.loads(r.stdout)["findings"]


def test_clip_quotes_a_bounded_part_and_says_how_long_the_value_is():
    from citelint.quoting import QUOTE, clip

    assert clip("Smith") == "Smith" and clip("x" * QUOTE) == "x" * QUOTE
    assert clip("a" * 200_000) == "a" * QUOTE + "… (200,000 characters)"
    assert clip("<ref" + " " * 1_000 + "name=x />") == "<ref name=x />"  # white space runs first
    assert clip(" ".join(["a"] * 1_000)) == "a " * (QUOTE // 2) + "… (1,999 characters)"
    assert QUOTE <= 200


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    for name, (file, text, _rule) in PAGES.items():
        (d / file).write_text(text, encoding="utf-8")
    return _run([f for f, _t, _r in PAGES.values()], d)


@pytest.mark.parametrize("case", sorted(PAGES))
def test_every_message_about_a_long_value_is_bounded(hostile, case):
    file, text, rule = PAGES[case]
    found = [f for f in hostile if f["path"] == file]
    assert rule in {f["rule"] for f in found}, (case, sorted({f["rule"] for f in found}))
    for f in found:
        assert len(f["message"]) < BOUND, (case, f["rule"], len(f["message"]), f["message"][:300])
        if f["fix"] is not None:
            assert len(f["fix"]["message"]) < BOUND, (case, f["rule"], len(f["fix"]["message"]))
    assert "unchecked-page" not in {f["rule"] for f in found}


def test_fixes_stay_exact_and_fingerprints_key_on_the_whole_value(hostile):
    """Only what people read is clipped: a fix's edit writes the whole name (or keeps the 100,000 spaces of the
    tag it rewrites), and a finding's fingerprint (what baselines and suppressions key on) is that of the whole
    value, as before."""
    from citelint.findings import fingerprint

    by = {(f["path"], f["rule"]): f for f in hostile}
    dup = by[("w14.wiki", "duplicate-ref")]
    assert [e["content"] for e in dup["fix"]["edits"]] == [f'<ref name="{L}" />']
    assert "(200,000 characters)" in dup["fix"]["message"]
    pair = by[("w15.wiki", "empty-ref")]
    assert [e["content"] for e in pair["fix"]["edits"]] == ["<ref" + " " * 100_000 + "name=x />"]
    assert pair["message"].endswith("write it as <ref name=x />")
    assert by[("w11.wiki", "undefined-ref")]["fingerprint"] == fingerprint("w11.wiki", "undefined-ref", "\0" + L)


def test_link_messages_quote_a_bounded_part_of_a_redirect_target(tmp_path):
    """The link rules quote where a URL was redirected to: a server's Location of 50,000 characters (to a page
    that is missing, to one that is fine after a loop, or not a URL at all) is quoted clipped. Real servers on
    loopback, the CLI with link checking."""
    from links_server import Server, can_bind, redirect, status

    if not can_bind("127.0.0.2"):
        pytest.skip("needs the loopback address 127.0.0.2")
    far = "/gone?" + "x" * 50_000
    srv = Server("127.0.0.2", {"/far": redirect(far, 302), "/gone": status(404),
                               "/loop": redirect("/loop?" + "y" * 50_000, 302),
                               "/bad": redirect("http://[" + "z" * 50_000, 302)}).start()
    try:
        page = tmp_path / "links.wiki"
        page.write_text("".join(f"{p}.<ref>{srv.url('/' + p)}</ref>\n" for p in ("far", "loop", "bad"))
                        + "<references/>\n", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
        r = subprocess.run([sys.executable, "-m", "citelint", "check", "--allow-private-hosts", "--no-cache",
                            "--timeout", "5", "--format", "json", str(page)], capture_output=True, text=True,
                           cwd=tmp_path, env=env, timeout=120)
    finally:
        srv.stop()
    found = json.loads(r.stdout)["findings"]
    assert {f["line"] for f in found if f["rule"] in ("dead-link", "unreachable-link")} == {1, 2, 3}, found
    for f in found:
        assert len(f["message"]) < BOUND, (f["rule"], f["line"], len(f["message"]), f["message"][:300])
