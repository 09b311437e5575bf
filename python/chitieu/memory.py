"""The memory cache: the large columns of results you have finished with, kept for the next job.

A review at national scale writes hundreds of megabytes of fresh columns, and the kernel
faults and zeroes every page of them on first write. chitieu keeps the storage of the large
columns (4 MiB or more) of every result Python frees (an :class:`~chitieu.Evaluation` and
the frames sharing its memory, a roll-up's panel), up to a limit, and the next job's new
columns reuse it: a review repeated in one process (a notebook cell run again, a service)
does not pay those faults again. The memory stays with the process until a job takes it,
:func:`release_memory` frees it, or the limit is lowered (docs/performance.md,
"The memory cache").
"""
from __future__ import annotations

import numbers

from chitieu import _core
from chitieu.errors import ChitieuError

__all__ = ["memory_cache_bytes", "memory_cache_limit", "release_memory", "set_memory_cache_limit"]


def memory_cache_bytes() -> int:
    """The bytes of the columns the memory cache holds now."""
    return int(_core.memory_cache_bytes())


def memory_cache_limit() -> int:
    """The most bytes the memory cache holds (by default an eighth of the machine's physical memory)."""
    return int(_core.memory_cache_limit())


def set_memory_cache_limit(limit: int) -> int:
    """Set the most bytes the memory cache holds and return the previous limit.

    The oldest columns beyond the new limit are freed at once; ``0`` turns the cache off
    (every column is freed as soon as its result is). Raises :class:`TypeError` for a limit
    that is not a whole number and :class:`~chitieu.errors.ChitieuError` for a negative one.
    """
    if isinstance(limit, bool) or not isinstance(limit, numbers.Integral):
        raise TypeError(f"set_memory_cache_limit: limit must be a whole number of bytes, got {type(limit).__name__}")
    if limit < 0:
        raise ChitieuError(f"memory cache limit {limit} is negative; give a number of bytes, or 0 to turn the "
                           "cache off", field="limit")
    return int(_core.set_memory_cache_limit(int(limit)))


def release_memory() -> int:
    """Free every column the memory cache holds (the limit stays) and return their bytes."""
    return int(_core.release_memory_cache())
