"""The rule that says "no network" (citelint.links.network), case by case: what the first hosts' checks
must show before link checking stops, and what keeps it going. (End to end, with the network really
absent: test_links_nonet.py.)"""

from __future__ import annotations

from citelint.links.network import FIRST_HOSTS, NetworkWatch


def watch(names_resolved=False, route=True):
    w = NetworkWatch(lambda: names_resolved, route=lambda: route)
    w.calls = []
    w.on_down = w.calls.append
    return w


def fail(w, n, kind="dns", text="Temporary failure in name resolution", start=0):
    for i in range(start, start + n):
        w.host_failed(f"h{i}.example", kind, text)


def test_the_first_hosts_all_failing_before_a_connection_is_no_network():
    w = watch()
    fail(w, FIRST_HOSTS - 1)
    assert w.down is None and w.calls == []
    fail(w, 1, kind="silent", text="no answer from the resolver within 4 s", start=FIRST_HOSTS)
    assert w.calls == [w.down]
    assert ("the first 8 hosts tried failed before any connection (7 × Temporary failure in name resolution; "
            "no answer from the resolver within 4 s)") in w.down
    fail(w, 5, start=20)  # decided once
    assert len(w.calls) == 1


def test_one_host_that_ended_otherwise_among_the_first_settles_it():
    w = watch()
    fail(w, 3)
    w.host_done("answered.example")  # an answer, a refusal, a timeout after connecting…
    fail(w, 20, start=3)
    assert w.down is None and w.calls == []


def test_a_connection_settles_it():
    w = watch()
    fail(w, 2)
    w.saw_connection()
    fail(w, 20, start=2)
    assert w.down is None


def test_the_same_host_counts_once():
    w = watch()
    for _ in range(20):
        w.host_failed("one.example", "dns", "Temporary failure in name resolution")
    assert w.down is None
    w.all_submitted(9)
    assert w.down is None


def test_no_such_name_is_no_network_only_while_no_name_resolved():
    resolving = watch(names_resolved=True)
    fail(resolving, FIRST_HOSTS, kind="nxdomain", text="no such name, and no name resolved")
    assert resolving.down is None  # names resolve: those hosts are simply gone (dead links)
    nothing = watch(names_resolved=False)  # a resolver that says "no such name" to everything
    fail(nothing, FIRST_HOSTS, kind="nxdomain", text="no such name, and no name resolved")
    assert nothing.down is not None


def test_fewer_hosts_than_the_rule_needs_asks_for_a_route():
    with_route = watch(route=True)
    fail(with_route, 3)
    with_route.all_submitted(3)
    assert with_route.down is None  # three hosts down, and a way out: they may just be down
    without = watch(route=False)
    fail(without, 2, kind="no-route", text="Network is unreachable")
    assert without.down is None  # the run may have more hosts to come
    without.all_submitted(2)
    assert "all 2 hosts failed before any connection (2 × Network is unreachable), and this machine has no " \
           "route to the Internet" in without.down
