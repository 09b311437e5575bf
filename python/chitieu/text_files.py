"""Text files as a statistician's computer writes them: encodings and delimiters.

A CSV saved by Excel on Vietnamese Windows is in Windows-1258, one saved
elsewhere in UTF-8 (with or without a byte-order mark); columns are separated
by a comma, a semicolon (where the comma is the decimal mark) or a tab. The
rules live in the C++ core (``chitieu/text_files.hpp``), shared with the C++
readers: the bytes are decoded (the encoding given, or detected: UTF-8 first,
then Windows-1258, whose text is normalised to NFC), text that looks like the
legacy TCVN3 (ABC) encoding is refused, and the delimiter is detected from the
header line. Every refusal names the file, the line and the option.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple, Type

import numpy as np
import numpy.typing as npt

from chitieu import _core
from chitieu.errors import ChitieuError, translate

__all__ = ["DELIMITERS", "DecodedText", "decode_file", "detect_delimiter", "row_lines"]

#: The delimiters recognised, with the names used in messages.
DELIMITERS: Dict[str, str] = {d: _core.delimiter_name(d) for d in (",", ";", "\t")}


@dataclass
class DecodedText:
    """The text of a file and the encoding it was read with."""

    text: str
    encoding: str


def decode_file(path: str, encoding: Optional[str], error: Type[ChitieuError]) -> DecodedText:
    """The text of a file: ``encoding`` if given, else UTF-8 (BOM or not), else Windows-1258.

    Text read as Windows-1258 is normalised to NFC. Raises ``error`` naming the
    file, line and the ``encoding=`` option for an undecodable byte, an unknown
    encoding, or text that looks like TCVN3.
    """
    with open(path, "rb") as f:
        data = f.read()
    try:
        text, read_as = _core.decode_text(data, path, encoding)
    except ChitieuError as exc:
        raise translate(exc, error) from None
    return DecodedText(text, read_as)


def detect_delimiter(text: str, header_row: int = 0) -> str:
    """The delimiter of line ``header_row`` (0: of the first line that is not a ``#`` comment): the most
    frequent of , ; tab (, when none)."""
    return _core.detect_delimiter(text, header_row)


def row_lines(decoded: DecodedText, delimiter: str, path: str, what: str,
              error: Type[ChitieuError], header_row: int = 0,
              key_columns: Sequence[str] = ()) -> Tuple[int, npt.NDArray[np.int32]]:
    """The header's line and the line each row that is not blank starts on, as an editor numbers them.

    The C++ reader's rule: lines end with ``\\r\\n``, ``\\n`` or a lone ``\\r``, each counted, inside
    a quoted cell too; leading ``#`` lines are comments (or, with ``header_row``, every line above
    that one); blank rows are skipped, their lines counted. Raises ``error`` naming the file and line
    for no header, a quoted cell never closed, a row with more cells than the header, or a
    ``header_row`` past the end or on a blank line (``what`` names what the file holds: "observations").
    A row with more cells than a header that names none of ``key_columns``, the row naming them, is
    named as the table's header with its ``header_row``.
    """
    try:
        return _core.csv_row_lines(decoded.text, delimiter, path, what, decoded.encoding, header_row,
                                   list(key_columns))
    except ChitieuError as exc:
        raise translate(exc, error) from None
