"""chitieu's exceptions: input errors that name the file, line and field they concern.

Every error raised by chitieu is a :class:`ChitieuError`, itself a
:class:`ValueError`, carrying ``message``, ``file``, ``line`` and ``field``
attributes (each but ``message`` may be ``None``). There is one hierarchy: the
C++ core raises these very classes (``chitieu._core.ChitieuError`` *is*
``chitieu.ChitieuError``, and a phrase that cannot be read raises
:class:`PhraseError`); the facade re-raises a core error as the subclass that
says which input was wrong (:func:`translate`).
"""
from __future__ import annotations

from typing import Callable, Optional, Type, TypeVar

__all__ = [
    "AreaError",
    "ChitieuError",
    "ObservationError",
    "PhraseError",
    "PlanError",
    "translate",
]


class ChitieuError(ValueError):
    """An input error naming where it happened.

    ``str(error)`` reads ``"file:line: field: message"`` with the empty parts
    left out, like the C++ ``chitieu::error``.
    """

    message: str
    file: Optional[str]
    line: Optional[int]
    field: Optional[str]

    def __init__(
        self,
        message: str,
        file: Optional[str] = None,
        line: Optional[int] = None,
        field: Optional[str] = None,
    ) -> None:
        self.message = message
        self.file = file or None
        self.line = line if line else None
        self.field = field or None
        super().__init__(self._compose())

    def _compose(self) -> str:
        where = self.file or ""
        if self.line:
            where += (":" if where else "line ") + str(self.line)
        if self.field:
            where += (": " if where else "") + self.field
        return f"{where}: {self.message}" if where else self.message


class PlanError(ChitieuError):
    """A plan file or plan id that cannot be read, or a plan that is inconsistent."""


class PhraseError(ChitieuError):
    """A target phrase that cannot be read.

    Besides ``field``, carries ``position`` (0-based character offset in the
    NFC-normalised phrase), ``word`` (the word refused, empty at the end of
    the phrase) and ``expected`` (what would have been readable there) when
    the core reports them.
    """

    position: Optional[int] = None
    word: Optional[str] = None
    expected: Optional[str] = None


class ObservationError(ChitieuError):
    """Observations that cannot be used: a missing column, a bad cell, an unknown id."""


class AreaError(ChitieuError):
    """An areas table or crosswalk that cannot be used, or a geography that does not fit."""


E = TypeVar("E", bound=ChitieuError)


def translate(
    exc: BaseException,
    cls: Type[E],
    file: Optional[str] = None,
    line_of: Optional[Callable[[int], int]] = None,
) -> E:
    """Build a ``cls`` error from a core exception, keeping its location.

    The location is the exception's ``file``/``line``/``field`` attributes;
    ``file`` replaces a missing file name; ``line_of`` maps a row number
    reported by the core (1-based, as handed over) to the line of the caller's
    file. A phrase error's ``position``, ``word`` and ``expected`` are kept.
    Any other exception keeps its text as the message.
    """
    if isinstance(exc, ChitieuError):
        line = exc.line
        if line is not None and line_of is not None:
            line = line_of(line)
        out = cls(exc.message, exc.file or file, line, exc.field)
    else:
        out = cls(str(exc), file)
    for extra in ("position", "word", "expected"):
        if hasattr(exc, extra):
            setattr(out, extra, getattr(exc, extra))
    return out
