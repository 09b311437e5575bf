"""Text files as a statistician's computer writes them: encodings and delimiters.

A CSV saved by Excel on Vietnamese Windows is in Windows-1258, one saved
elsewhere in UTF-8 (with or without a byte-order mark); columns are separated
by a comma, a semicolon (where the comma is the decimal mark) or a tab. This
module decodes the bytes (the encoding given, or detected: UTF-8 first, then
Windows-1258), normalises text decoded from Windows-1258 to NFC (its decoder
yields base letters followed by combining tone marks), refuses text that
looks like the legacy TCVN3 (ABC) encoding, and detects the delimiter from
the header line. Every refusal names the file, the line and the option.
"""
from __future__ import annotations

import codecs
import io
import unicodedata
from dataclasses import dataclass
from typing import Optional, Type

from chitieu.errors import ChitieuError

__all__ = ["DELIMITERS", "DecodedText", "decode_file", "detect_delimiter"]

#: The delimiters recognised, with the names used in messages.
DELIMITERS = {",": "comma ','", ";": "semicolon ';'", "\t": "tab"}

_BOM = codecs.BOM_UTF8
# Letters of TCVN3 (ABC) read as Windows-1258: "¸" (á), "µ" (à), "¶" (ả), "·" (ã), "¹" (ạ), "Ë" (ế),
# "Ò" (ổ), "Þ" (ở), "ª" (ê), "©" (â), "®" (đ), "«" (ô), "¬" (ơ), "­" (ư). Many of them in words is TCVN3.
_TCVN3_MARKS = frozenset("¸µ¶·¹ËÒÞª©®«¬\xad")


@dataclass
class DecodedText:
    """The text of a file and the encoding it was read with."""

    text: str
    encoding: str


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line holding byte ``offset``."""
    return data.count(b"\n", 0, offset) + 1


def _undecodable(path: str, data: bytes, exc: UnicodeDecodeError, encoding: str,
                 error: Type[ChitieuError]) -> ChitieuError:
    byte = data[exc.start]
    return error(
        f"byte 0x{byte:02X} cannot be read as {encoding}; the file is in another encoding: give it with "
        "encoding= (CLI: --encoding), e.g. utf-8 or cp1258 (Windows-1258, Vietnamese Windows), or save the "
        "file as UTF-8", path, _line_of(data, exc.start), "encoding")


def _looks_tcvn3(text: str) -> bool:
    """True when many words carry letters that TCVN3 uses for Vietnamese letters."""
    marks = sum(1 for ch in text if ch in _TCVN3_MARKS)
    return marks >= 3 and marks * 40 >= sum(1 for ch in text if not ch.isascii()) * 10


def decode_file(path: str, encoding: Optional[str], error: Type[ChitieuError]) -> DecodedText:
    """The text of a file: ``encoding`` if given, else UTF-8 (BOM or not), else Windows-1258.

    Text read as Windows-1258 is normalised to NFC. Raises ``error`` naming the
    file, line and the ``encoding=`` option for an undecodable byte, an unknown
    encoding, or text that looks like TCVN3.
    """
    with open(path, "rb") as f:
        data = f.read()
    if encoding is not None:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise error(f"unknown encoding '{encoding}'; give utf-8, utf-8-sig or cp1258 (Windows-1258)",
                        path, None, "encoding") from None
        chosen = ["utf-8-sig" if name == "utf-8" else name]
    else:
        chosen = ["utf-8-sig", "cp1258"]
    for k, name in enumerate(chosen):
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            if k + 1 < len(chosen):
                continue
            raise _undecodable(path, data, exc, "UTF-8 or Windows-1258" if encoding is None else name,
                               error) from None
        if name == "cp1258":
            if _looks_tcvn3(text):
                raise error("the text looks like the legacy TCVN3 (ABC) encoding, which chitieu does not read; "
                            "convert the file to Unicode (e.g. with UniKey's converter) and save it as UTF-8",
                            path, None, "encoding")
            text = unicodedata.normalize("NFC", text)
        return DecodedText(text, "utf-8" if name == "utf-8-sig" else name)
    raise AssertionError("unreachable")  # pragma: no cover


def _count_outside_quotes(line: str, ch: str) -> int:
    """How many times ``ch`` occurs in ``line`` outside double quotes."""
    n, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == ch and not quoted:
            n += 1
    return n


def detect_delimiter(text: str) -> str:
    """The delimiter of the first line that is not a ``#`` comment: the most frequent of , ; tab (, when none)."""
    for line in io.StringIO(text):
        if line.strip() and not line.lstrip().startswith("#"):
            counts = {d: _count_outside_quotes(line, d) for d in DELIMITERS}
            best = max(counts, key=lambda d: counts[d])
            return best if counts[best] else ","
    return ","
