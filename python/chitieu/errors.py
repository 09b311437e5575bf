"""chitieu's exceptions: input errors that name the file, line and field they concern.

Every error raised by the Python facade is a :class:`ChitieuError`, itself a
:class:`ValueError`, carrying ``file``, ``line`` and ``field`` attributes (each
may be ``None``). The C++ core's exceptions (``chitieu._core.ChitieuError``,
``chitieu._core.PhraseError`` and plain ``ValueError`` from
``std::invalid_argument``) are translated at the facade's boundary into the
subclass that says which input was wrong.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Optional, Tuple, Type, TypeVar

__all__ = [
    "ChitieuError",
    "PlanError",
    "PhraseError",
    "ObservationError",
    "AreaError",
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

    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickled with its location (and any extra attributes), e.g. when raised on a Dask worker."""
        return (type(self), (self.message, self.file, self.line, self.field), dict(self.__dict__))

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

# "file:line: field: message", as composed by chitieu::error (parts may be missing).
_LOCATED = re.compile(r"^(?:(?P<file>[^\n]*?):(?P<line>\d+): )(?:(?P<field>[\w.\-\[\] ]+): )?(?P<msg>.*)$", re.S)
_LINE_ONLY = re.compile(r"^line (?P<line>\d+): (?:(?P<field>[\w.\-\[\] ]+): )?(?P<msg>.*)$", re.S)


def _prefix(file: Optional[str], line: Optional[int], field: Optional[str]) -> str:
    """The location prefix chitieu::error puts before its message ("file:line: field: ")."""
    where = file or ""
    if line:
        where += (":" if where else "line ") + str(line)
    if field:
        where += (": " if where else "") + field
    return f"{where}: " if where else ""


def translate(
    exc: BaseException,
    cls: Type[E],
    file: Optional[str] = None,
    line_of: Optional[Callable[[int], int]] = None,
) -> E:
    """Build a ``cls`` error from a C++ core exception.

    The location is taken from the exception's ``file``/``line``/``field``
    attributes when the binding sets them, else read back from the message's
    ``"file:line: field: "`` prefix. ``file`` replaces a missing file name;
    ``line_of`` maps a row number reported by the core (1-based, as handed
    over) to the line of the caller's file. A phrase error's ``position``,
    ``word`` and ``expected`` are kept.
    """
    if isinstance(exc, ChitieuError):
        out = cls(exc.message, exc.file or file, exc.line, exc.field)
    else:
        text = str(exc)
        efile: Optional[str] = getattr(exc, "file", None) or None
        eline: Optional[int] = getattr(exc, "line", None) or None
        efield: Optional[str] = getattr(exc, "field", None) or None
        emsg: Optional[str] = getattr(exc, "message", None) or None
        if emsg is None and (efile or eline or efield):
            prefix = _prefix(efile, eline, efield)
            emsg = text[len(prefix):] if text.startswith(prefix) else text
        if emsg is None:
            m = _LOCATED.match(text) or _LINE_ONLY.match(text)
            if m is not None:
                groups = m.groupdict()
                efile = groups.get("file") or None
                eline = int(groups["line"])
                efield = groups.get("field") or None
                emsg = groups["msg"]
            else:
                emsg = text
        if eline is not None and line_of is not None:
            eline = line_of(eline)
        out = cls(emsg, efile or file, eline, efield)
    for extra in ("position", "word", "expected"):
        if hasattr(exc, extra):
            setattr(out, extra, getattr(exc, extra))
    return out
