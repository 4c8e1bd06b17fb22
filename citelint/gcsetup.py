"""The cyclic garbage collector, set for a process that checks pages (the ``check`` command, the workers of
``--jobs``, the Dask workers of a cluster citelint starts).

A check makes millions of small objects (spans, parameters, findings) that reference counting frees; almost
none is in a cycle. With CPython's default thresholds the collector still walks every live object now and
then, and the live objects are mostly what start-up made (modules, the CS1 tables, compiled patterns) and the
memos of ref parses: two full collections cost about 50 ms each on the 15 corpus articles, a quarter of the
cold check. So the objects that exist once start-up is over are moved out of the collector's sight
(``gc.freeze()``: they live as long as the process anyway), and the youngest generation is collected every
50,000 allocations instead of 700. Cycles are still collected, less often; peak memory is the same
(``bench/bench_dump.py`` prints it). A program that imports citelint as a library keeps its own settings: only
the command, its workers and the workers of the LocalCluster that ``--engine dask`` starts itself call
``for_checking`` (the workers of an existing cluster, given with ``--scheduler``, are left as they are).
"""

from __future__ import annotations

import gc

#: allocations between two collections of the youngest generation (CPython's default: 700)
YOUNGEST = 50_000


def for_checking() -> None:
    """Freeze what exists now and collect the youngest generation less often (never more often than the
    process was set to already)."""
    gc.freeze()
    first, second, third = gc.get_threshold()
    if 0 < first < YOUNGEST:
        gc.set_threshold(YOUNGEST, second, third)
