"""The method of chitieu's Dask shuffle by series (docs/python.md, "The shuffle method").

dask chooses a shuffle's method when the graph is built, not when it runs: left
to itself it takes ``p2p`` whenever a dask.distributed client exists in the
process, and such a graph fails on any other scheduler (threads, processes, or
after the client is closed), while without a client it takes ``disk``, which
only one machine can run. chitieu therefore names the method of its shuffle
itself, here, for every path (``review``, ``review_to_parquet``, the command
line's ``--scheduler``).
"""
from __future__ import annotations

import contextlib
from typing import Dict, Iterator, Optional

#: The local schedulers of ``--scheduler``; anything else is the address of a dask.distributed scheduler.
SCHEDULERS = ("threads", "processes")

_METHOD = "dataframe.shuffle.method"


def shuffle_method(scheduler: Optional[str] = None, at_once: bool = False) -> str:
    """The method of chitieu's shuffle for a graph built to run on ``scheduler``.

    ``threads`` or ``processes``: ``"tasks"``, always (``p2p`` cannot run there).
    The address of a dask.distributed scheduler (the graph built and computed
    on its client): ``"p2p"``. ``None``, a lazy result to be computed later on
    a scheduler not known yet: ``"tasks"``, which every scheduler runs. In
    these two cases a method set in dask's ``dataframe.shuffle.method`` comes
    first. Never dask's own default, which depends on whether a client happens
    to exist while the graph is built. ``at_once``: the caller computes the
    graph as soon as it is built, on the current scheduler, so a current
    dask.distributed client counts as its address.
    """
    import dask

    if scheduler is None and at_once:
        scheduler = _current_client_address()
    if scheduler in SCHEDULERS:
        return "tasks"
    configured = dask.config.get(_METHOD, None)
    return str(configured) if configured else ("tasks" if scheduler is None else "p2p")


def _current_client_address() -> Optional[str]:
    """The address of the dask.distributed scheduler that a computation given no scheduler runs on now (the
    current client's, unless dask's ``scheduler`` setting names another), or ``None``."""
    from dask.base import get_scheduler

    # A client's scheduler is its bound method ``get``: the client is that method's ``__self__``.
    client = getattr(get_scheduler(), "__self__", None)  # type: ignore[no-untyped-call]
    address = getattr(getattr(client, "scheduler", None), "address", None)
    return address if isinstance(address, str) else None


@contextlib.contextmanager
def built_for(scheduler: str) -> Iterator[None]:
    """dask's configuration while building a graph to run on ``scheduler`` (``threads``, ``processes`` or the
    address of a dask.distributed scheduler): its shuffle method and, for a local scheduler, the scheduler."""
    import dask

    settings: Dict[str, str] = {_METHOD: shuffle_method(scheduler)}
    if scheduler in SCHEDULERS:
        settings["scheduler"] = scheduler
    with dask.config.set(settings):
        yield
