"""Pages on which citelint used to disagree with MediaWiki (found by tests/oracle), with what each says now.

``mediawiki``: the citelint rules MediaWiki 1.39's Cite errors map to (tests/oracle checks them against a
real MediaWiki); ``citelint``: what citelint reports, the same unless an intended difference
(tests/oracle/intended_differences.json) applies. tests/test_cite_agreement.py checks citelint on them.
"""

CASES = [
    # a <ref> inside another ref's text: MediaWiki ends the outer ref at the first </ref>
    ("nested-ref", "<ref>a<ref>b</ref>c</ref>", {"malformed-ref"}, None),
    ("nested-ref-in-template", "<ref>a{{1x|<ref>b</ref>}}c</ref>", {"malformed-ref"}, None),
    # one name, texts that differ only in spacing: Cite compares the text as written
    ("duplicate-trailing-space", "<ref name=a>x </ref><ref name=a>x</ref>", {"conflicting-ref"}, None),
    ("duplicate-trailing-newline", "<ref name=a>x\n</ref><ref name=a>x</ref>", {"conflicting-ref"}, None),
    # template arguments reach Cite with their comments stripped
    ("efn-comment-only", "{{efn|<!-- c -->}}", {"empty-ref"}, None),
    ("efn-empty", "{{efn|}}", {"empty-ref"}, None),
    ("refn-comment-only", "{{refn|<!-- c -->|group=g}}", {"empty-ref"}, None),
    ("tag-ref-comment-only-named", "{{#tag:ref|<!-- c -->|name=a}}", {"undefined-ref"}, None),
    ("tag-ref-comment-only", "{{#tag:ref|<!-- c -->}}", {"empty-ref"}, None),
    # numeric names given through templates
    ("r-numeric", "{{r|1}}<references/>", {"malformed-ref"}, None),
    ("efn-numeric", "{{efn|name=07|x}}", {"malformed-ref"}, None),
    # reference templates inside a ref's text make no refs, but Cite still rejects their numeric names
    ("r-numeric-inside-ref", "<ref name=a>x {{R|1|b}} y</ref>", {"malformed-ref"}, None),
    # follow= edge cases
    ("follow-self-closing", "<ref follow=a />", {"empty-ref"}, None),
    ("follow-empty", "<ref name=a>x</ref><ref follow=a></ref>", {"empty-ref"}, None),
    ("follow-group-without-list", "<ref name=a>x</ref><ref follow=a group=g>y</ref>", {"missing-reflist"}, None),
    ("follow-numeric", "<ref follow=1 group=g>More.</ref>", {"malformed-ref"}, None),
    # Cite appends " " + the follow text, so a later definition with the same text still differs
    ("follow-then-list-defined", "<ref name=a/><ref follow=a>x</ref><references>\n<ref name=a>x</ref>\n</references>",
     {"conflicting-ref"}, None),
    ("follow-then-defined", "<ref name=a/><ref follow=a>x</ref><ref name=a>x</ref><references/>",
     {"conflicting-ref"}, None),
    # {{#tag:ref}} and note templates pass Cite their text with templates expanded, <ref> as written
    ("tag-ref-expands-templates", "<ref name=a>{{cite web|title=T}}</ref>{{#tag:ref|{{cite web|title=T}}|name=a}}",
     {"conflicting-ref"}, None),
    ("refn-expands-templates", "<ref name=a>{{cite web|title=T}}</ref>{{refn|name=a|{{cite web|title=T}}}}",
     {"conflicting-ref"}, None),
    ("tag-refs-expand-alike", "{{#tag:ref|{{cite web|title=T}}|name=a}}{{#tag:ref|{{cite web|title=T}}|name=a}}",
     set(), None),
    # {{#tag:ref}} gives Cite its name as written, a <ref> tag's name has its character references decoded
    ("tag-ref-name-not-decoded", "{{#tag:ref|x|name=&amp;c}}<ref name='&amp;c'/>", {"undefined-ref"}, None),
    # two copies of a {{#tag:ref}} text holding a ref differ to Cite (each inner ref is its own marker)
    ("tag-ref-copies-with-inner-ref", "{{#tag:ref|A<ref>x</ref>|name=a}}{{#tag:ref|A<ref>x</ref>|name=a}}",
     {"conflicting-ref"}, None),
    # {{r}} inside a reference list is an empty list-defined ref there
    ("r-in-list", "<ref name=a>x</ref><references>\n{{r|a}}\n</references>", {"empty-ref"}, None),
    # what follows a nested ref's </ref> is page text to MediaWiki
    ("after-nested-ref", "<ref name=s>Unclosed.<ref name=a>y</ref> {{r|b}} z.</ref>", {"malformed-ref", "undefined-ref"},
     None),
    # a <references> with another list tag before the next </references>: closed there, the tag is its text
    ("list-closed-late-duplicate", "<ref name=a>x</ref><references>Text.<references group=g>\n<ref name=a>y</ref>\n"
     "</references>", {"conflicting-ref"}, {"conflicting-ref", "malformed-ref"}),
    ("list-closed-late-use", "<references>Text.<references group=g>\n<ref name=a>x</ref></references><ref name=a/>",
     {"undefined-ref", "unused-ref"}, {"malformed-ref", "undefined-ref", "unused-ref"}),
    # a note template inside a reference list is a list-defined ref there (group and name checked)
    ("efn-in-list", "<references>\n{{efn-lr|x}}\n</references>", {"malformed-ref"}, None),
    # attributes read as MediaWiki's Sanitizer reads them: the broken quoting is reported, nothing else
    ("unclosed-quote", '<ref name="a>x</ref><ref name=a/>', set(), {"malformed-ref"}),
    ("junk-after-value", '<ref name=a group=g 1">x</ref><references group=g/>', set(), {"malformed-ref"}),
    ("junk-after-name", '<ref name=Smith 2001"/><ref name=Smith>x</ref>', set(), {"malformed-ref"}),
    # an attribute given twice: MediaWiki keeps the last value (names are case-insensitive)
    ("repeated-name-attribute", "<ref name='1' Name= v/>", {"undefined-ref"}, None),
    # a ref Cite rejects has no echoes
    ("numeric-name-empty", '<ref name="07"></ref>', {"malformed-ref"}, None),
    ("numeric-name-in-group", "<ref name=1 group=g>x</ref>", {"malformed-ref"}, None),
    ("unknown-attribute-reuse", "<ref name=a foo=b/>", {"malformed-ref"}, None),
    ("invalid-dir", "<ref name=a/><ref name=a dir=xyz>t</ref>", {"malformed-ref", "undefined-ref"}, None),
    ("empty-in-group", "<ref group=note></ref>", {"empty-ref"}, None),
    ("reuse-in-group-without-list", "<ref name=c group=g/>", {"missing-reflist"}, None),
    ("conflict-in-unused-list-refs", "<references>\n<ref name=a>x</ref>\n<ref name=a>y</ref>\n</references>",
     {"unused-ref"}, None),
    # a newline between "<ref" and its first attribute: still a tag to MediaWiki
    ("newline-after-ref", '<ref\nname="07">x</ref>', {"malformed-ref"}, None),
    ("newline-after-ref-reuse", "<ref\nname=a/>", {"undefined-ref"}, None),
    ("newline-after-references", '<ref group=g>x</ref><references\ngroup="g"></references>', set(), None),
    # tags are paired before templates are expanded
    ("close-in-template-argument", "<ref> foo {{1x|</ref> B C}}", set(), None),
    # MediaWiki's search for </ref> does not skip <nowiki>, <pre> or comments
    ("close-in-nowiki", "<ref name=a>x<nowiki></ref></nowiki><ref name=a/>", set(), None),
    ("close-in-pre", "<ref>x<pre></ref></pre>", set(), None),
    ("close-in-nowiki-swallows-ref", "<ref>Unclosed.<nowiki><ref>x</ref></nowiki>", {"malformed-ref"}, None),
    ("close-in-template-argument-named", "<ref name=a> foo {{1x|</ref> B C}}<ref name=a/><references/>", set(), None),
    # typed as a ref but not a tag to MediaWiki, which shows it as text
    ("no-space-after-ref", "Text.<refname=a/> more.", set(), {"malformed-ref"}),
    ("no-space-after-ref-paired", 'Text.<refname="b">x</ref> more.', set(), {"malformed-ref"}),
    # an opening tag without its ">": MediaWiki reads its attributes up to the next ">", swallowing
    # the templates and tags there; citelint reads it so too and reports the missing ">"
    ("missing-gt-swallows-tag-ref", "<ref name=aText.{{#tag:ref|Smith 2001.<!-- x -->|group=g}}Text.<ref>Jones.</ref>",
     {"malformed-ref"}, None),
    ("missing-gt-swallows-efn", "<ref name=aText.{{efn|name=a|<!-- c -->}}", set(), {"malformed-ref"}),
    ("missing-gt-swallows-list", "<ref name=aText.<references/>", {"undefined-ref"}, {"malformed-ref", "undefined-ref"}),
    ("missing-gt-in-refs-param", "<ref name=aText.{{notelist|group=g|refs=\n<ref name=b>x</ref>\n}}", set(),
     {"malformed-ref"}),
    ("unclosed-with-entity-in-name", '<ref name="&amp;c">Unclosed.Text.<ref> </ref>', {"malformed-ref"}, None),
    ("unclosed-swallows-next-ref", '<ref name="b">Unclosed named.Text.<ref> </ref>', {"malformed-ref"}, None),
]
