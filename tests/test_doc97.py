"""Word 97 .doc files through antiword (catdoc behind it), legacy codes converted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from miner.errors import MissingTool, UnreadableFile
from miner.readers import doc97
from miner.readers.doc97 import read_doc, read_doc_text

pytestmark = pytest.mark.slow  # make test-fast skips it

DATA = Path(__file__).parent / "data" / "legacy"
RAW = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "raw"
LANGSON = RAW / "langson_cdsp_qd275_2016_tieu_chuan_thi_dua.doc"

needs_antiword = pytest.mark.skipif(
    shutil.which("antiword") is None, reason="antiword is not installed (scripts/install-system-deps.sh)"
)
needs_catdoc = pytest.mark.skipif(
    shutil.which("catdoc") is None, reason="catdoc is not installed (scripts/install-system-deps.sh)"
)


@needs_antiword
def test_tcvn3_doc_converted_paragraph_by_paragraph():
    found = read_doc(DATA / "tcvn3.doc")
    assert (found.converter, found.encoding) == ("antiword", "tcvn3")
    assert found.paragraphs == [
        "quyết định",  # typed in .VnTimeH: antiword does not say so, the case is lost
        "Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2010",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
        "Điều 1. Tặng Bằng khen cho ông Nguyễn Văn Bình.",
        "Điều 2. Mức tiền thưởng cho một Chiến sĩ thi đua cấp tỉnh thực hiện theo quy định hiện hành.",
        "Nguồn tiền thưởng được trích từ Quỹ thi đua, khen thưởng của tỉnh năm 2011.",
        "Điều 3. Chánh Văn phòng ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, "
        "Giám đốc Kho bạc Nhà nước tỉnh và các ông, bà có tên tại Điều 1 căn cứ Quyết định thi hành.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Nơi nhận: Như Điều 3; Ban Thi đua - Khen thưởng; Lưu: VT, NC.",
        "Số: 68/QĐ-UBND | Hải Dương, ngày 10 tháng 01 năm 2011",
    ]


@needs_catdoc
def test_catdoc_when_antiword_refuses(tmp_path, monkeypatch):
    """catdoc reads what antiword cannot (here: antiword made to fail), tables flattened."""
    fake = tmp_path / "antiword"
    fake.write_text('#!/bin/sh\necho "I\'m afraid the text stream of this file is too small to handle." >&2\nexit 1\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{Path(shutil.which('catdoc')).parent}")
    found = read_doc(DATA / "tcvn3.doc")
    assert (found.converter, found.encoding) == ("catdoc", "tcvn3")
    assert found.paragraphs[1:4] == [
        "Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2010",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
        "Điều 1. Tặng Bằng khen cho ông Nguyễn Văn Bình.",
    ]


@needs_antiword
def test_forced_encoding_converts_every_paragraph():
    found = read_doc(DATA / "tcvn3.doc", encoding="tcvn3")
    assert found.encoding == "tcvn3"
    assert found.paragraphs[1] == "Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2010"
    # The VNI paragraph is read as TCVN3 too, as the user asked: "Ñ" is TCVN3's "ẹ", "ë" its "ở",
    # "à" (code E0) full TCVN 5712's "Ổ" (which writes capitals: none is restored then).
    assert found.paragraphs[3] == "ẹieỔu 1. Taởng Baống khen cho oõng Nguyeón Vaờn Bỡnh."


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (
            b"PK\x03\x04" + b"\x00" * 40,
            "not a Word 97 document but a .docx (Word 2007+) or OpenDocument file (rename it to .docx)",
        ),
        (b"{\\rtf1\\ansi Vi\\'eat Nam}", "not a Word 97 document but an RTF file (save it as .docx)"),
        (
            b"<html><body>Quy\xe1\xba\xbft \xc4\x91\xe1\xbb\x8bnh</body></html>",
            "not a Word 97 document but a web page (rename it to .html)",
        ),
        (bytes(range(256)) * 4, "not a Word 97 document (no OLE2 signature)"),
    ],
    ids=["empty", "docx-named-doc", "rtf-named-doc", "html-named-doc", "random-bytes"],
)
def test_not_a_word_97_file(tmp_path, content, message):
    path = tmp_path / "bad.doc"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile) as caught:
        read_doc(path)
    assert caught.value.path == str(path)
    assert caught.value.one_line().startswith(f"{path}: {message}")


@needs_antiword
def test_truncated_word_file(tmp_path):
    path = tmp_path / "truncated.doc"
    path.write_bytes((DATA / "tcvn3.doc").read_bytes()[:1536])
    with pytest.raises(UnreadableFile, match="antiword"):
        read_doc(path)


def test_missing_converters(monkeypatch):
    monkeypatch.setattr(doc97.shutil, "which", lambda name: None)
    with pytest.raises(MissingTool, match="apt-get install antiword catdoc"):
        read_doc(DATA / "tcvn3.doc")


@needs_antiword
@pytest.mark.skipif(not LANGSON.exists(), reason="../shared/corpus/raw is absent (real archive files)")
def test_real_langson_decision():
    paragraphs = read_doc_text(LANGSON)
    assert paragraphs[:6] == [
        "SỞ GDĐT LẠNG SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TRƯỜNG CAO ĐẲNG SƯ PHẠM | Độc lập – Tự do – Hạnh phúc",
        "Số:  275/QĐ-CĐSP | Lạng Sơn, ngày 12 tháng 9 năm 2016",
        "QUYẾT ĐỊNH",
        "Ban hành Quy định tiêu chuẩn danh hiệu thi đua năm học 2016 – 2017",
        "HIỆU TRƯỞNG TRƯỜNG CAO ĐẲNG SƯ PHẠM LẠNG SƠN",
    ]
    text = "\n".join(paragraphs)
    assert "275/QĐ-CĐSP" in text
    assert "Căn cứ Thông tư số 07/2014/TT-BNV ngày 29 tháng 8 năm 2014 của Bộ Nội vụ" in text
    assert len(paragraphs) > 200
