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


def shuffle_method(scheduler: Optional[str] = None) -> str:
    """The method of chitieu's shuffle for a graph built to run on ``scheduler``.

    ``threads`` or ``processes``: ``"tasks"``. The address of a dask.distributed
    scheduler (the graph built and computed on its client at once): ``"p2p"``.
    ``None``, a lazy result to be computed later on a scheduler not known yet:
    dask's ``dataframe.shuffle.method`` when it is set, else ``"tasks"``, which
    every scheduler runs — never dask's default, which depends on whether a
    client happens to exist while the graph is built.
    """
    import dask

    if scheduler is None:
        return str(dask.config.get(_METHOD, None) or "tasks")
    return "tasks" if scheduler in SCHEDULERS else "p2p"


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
