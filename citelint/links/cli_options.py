"""The link options of ``citelint check``, gathered into one ``LinkSettings``.

``link_options`` adds the options to the command and hands the command one ``link_settings``
argument (None with ``--offline``). The options keep the names of the configuration's run-wide
keys (``concurrency``, ``max-per-host``, ``timeout``, ``cache-dir``, ``max-cache-age``,
``user-agent``, ``allow-private-hosts``), so a configuration file fills those left at their default.
"""

from __future__ import annotations

import functools

import click

from citelint.links.config import DEFAULT_USER_AGENT, LinkSettings, parse_duration

_DEFAULTS = LinkSettings()

OPTIONS = [
    click.option("--concurrency", type=click.IntRange(min=1), default=_DEFAULTS.concurrency, show_default=True,
                 help="Links checked at once, over all hosts."),
    click.option("--max-per-host", type=click.IntRange(min=1), default=_DEFAULTS.max_per_host, show_default=True,
                 help="Links checked at once on one host."),
    click.option("--host-interval", type=click.FloatRange(min=0), default=_DEFAULTS.host_interval, metavar="SECONDS",
                 help="Least time between two requests to one host starting (default: none)."),
    click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=_DEFAULTS.timeout,
                 show_default=True, metavar="SECONDS",
                 help="The most one attempt at a URL may take, redirects and all (connect and read timeouts "
                      "fit inside it: at most 10 s and 20 s)."),
    click.option("--retries", type=click.IntRange(min=0), default=_DEFAULTS.retries, show_default=True,
                 help="Extra attempts after a 429, a 503 or a dropped connection."),
    click.option("--max-retry-wait", type=click.FloatRange(min=0), default=_DEFAULTS.max_retry_wait,
                 show_default=True, metavar="SECONDS",
                 help="The longest Retry-After honoured; a server asking for more is not retried."),
    click.option("--user-agent", default=None, metavar="TEXT",
                 help=f'User-Agent header for link checks (default: "{DEFAULT_USER_AGENT}").'),
    click.option("--allow-private-hosts", is_flag=True,
                 help="Also check links whose host is a loopback, private, link-local or other non-public "
                      "address (refused by default)."),
    click.option("--cache-dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
                 help="Keep link results here (default: .citelint_cache/ in the checked files' project)."),
    click.option("--no-cache", is_flag=True, help="Neither read nor write the link cache."),
    click.option("--max-cache-age", default="7d", show_default=True, metavar="AGE",
                 help="How long a working link's result is reused: 90s, 30m, 12h, 7d, 2w (a bare number: "
                      "seconds)."),
    click.option("--dead-after-runs", type=click.IntRange(min=1), default=_DEFAULTS.dead_after_runs,
                 show_default=True, metavar="N",
                 help="An unreachable link is dead after failing in N runs…"),
    click.option("--dead-after-hours", type=click.FloatRange(min=0), default=_DEFAULTS.dead_after_hours,
                 show_default=True, metavar="HOURS",
                 help="…the first and the last at least this many hours apart."),
]
NAMES = ("concurrency", "max_per_host", "host_interval", "timeout", "retries", "max_retry_wait", "user_agent",
         "allow_private_hosts", "cache_dir", "no_cache", "max_cache_age", "dead_after_runs", "dead_after_hours")


def link_options(f):
    @functools.wraps(f)
    def wrapper(**kwargs):
        values = {name: kwargs.pop(name) for name in NAMES if name in kwargs}
        kwargs["link_settings"] = None if kwargs.get("offline") else build(values, verbose=kwargs.get("verbose"))
        return f(**kwargs)

    for opt in reversed(OPTIONS):
        wrapper = opt(wrapper)
    return wrapper


def build(values: dict, verbose: bool = False) -> LinkSettings:
    from citelint.progress import wanted

    try:
        max_age = parse_duration(str(values.get("max_cache_age", "7d")))
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="'--max-cache-age'")
    timeout = float(values.get("timeout", _DEFAULTS.timeout))
    return LinkSettings.with_timeout(
        timeout,
        concurrency=values.get("concurrency", _DEFAULTS.concurrency),
        max_per_host=values.get("max_per_host", _DEFAULTS.max_per_host),
        host_interval=values.get("host_interval", _DEFAULTS.host_interval),
        retries=values.get("retries", _DEFAULTS.retries),
        max_retry_wait=values.get("max_retry_wait", _DEFAULTS.max_retry_wait),
        user_agent=values.get("user_agent") or DEFAULT_USER_AGENT,
        allow_private_hosts=bool(values.get("allow_private_hosts")),
        cache=not values.get("no_cache"),
        cache_dir=values.get("cache_dir"),
        max_cache_age=max_age,
        dead_after_runs=values.get("dead_after_runs", _DEFAULTS.dead_after_runs),
        dead_after_hours=values.get("dead_after_hours", _DEFAULTS.dead_after_hours),
        progress=wanted(),
        list_not_verified=bool(verbose),
    )
