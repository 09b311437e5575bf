"""The C++ decoder (``chitieu/text_files.hpp``), which every reader calls, against Python's own codecs:
UTF-8 (byte-order mark or not) first, then the Windows-1258 code page, NFC; refusals at the right line."""
from __future__ import annotations

import unicodedata

import hypothesis
import hypothesis.strategies as st
import pytest

import chitieu
from chitieu import _core


@pytest.mark.parametrize("byte", range(0x80, 0x100))
def test_every_byte_of_the_code_page_reads_as_python_reads_it(byte: int) -> None:
    data = b"x" + bytes([byte])
    try:
        want = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        with pytest.raises(chitieu.ChitieuError) as info:
            _core.decode_text(data, "f.csv", "cp1258")
        assert (info.value.field, info.value.line) == ("encoding", 1)
        assert info.value.message.startswith(f"byte 0x{byte:02X} cannot be read as Windows-1258;")
        return
    assert _core.decode_text(data, "f.csv", "cp1258") == (want, "cp1258")


# The letters TCVN3 uses for Vietnamese ones, as Windows-1258 reads them (docs/your-data.md).
_TCVN3 = frozenset("¸µ¶·¹Ëª©®«¬\xad")


def _expected(data: bytes) -> tuple[str, str] | None:
    """What docs/your-data.md says is read from ``data``, by Python's codecs; None for a refusal."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    marks = sum(ch in _TCVN3 for ch in text)
    if marks >= 3 and 4 * marks >= sum(not ch.isascii() for ch in text):
        return None  # TCVN3
    return unicodedata.normalize("NFC", text), "cp1258"


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(st.one_of(st.binary(max_size=40),
                            st.text(max_size=20).map(lambda t: t.encode("utf-8")),
                            st.text(alphabet="aăâeêioôơuưyđ\u0300\u0301\u0303\u0309\u0323\n,;",
                                    max_size=20).map(lambda t: t.encode("cp1258")),
                            st.text(alphabet="aTn ¸µ¶·¹Ëª©®«¬\xadÂÊ", max_size=12).map(lambda t: t.encode("cp1258"))))
def test_detection_agrees_with_pythons_codecs(data: bytes) -> None:
    want = _expected(data)
    if want is None:
        with pytest.raises(chitieu.ChitieuError) as info:
            _core.decode_text(data, "f.csv")
        assert info.value.field == "encoding"
    else:
        assert _core.decode_text(data, "f.csv") == want


def test_an_undecodable_byte_is_refused_at_its_line() -> None:
    data = b"\xef\xbb\xbfindicator\nx\n\ny\x81\n"  # 0x81: neither UTF-8 nor Windows-1258
    with pytest.raises(chitieu.ChitieuError) as info:
        _core.decode_text(data, "o.csv")
    assert (info.value.file, info.value.line, info.value.field) == ("o.csv", 4, "encoding")
    assert info.value.message.startswith("byte 0x81 cannot be read as UTF-8 or Windows-1258;")
