"""Organisations: canonical names and the bodies found in real snippets."""

from __future__ import annotations

import pytest

from miner.organizations import canonical_org

CANONICAL = [
    # (written, province of the document, canonical name)
    ("UBND tỉnh", "Đắk Nông", "Ủy ban nhân dân tỉnh Đắk Nông"),
    ("Bộ tài chính", None, "Bộ Tài chính"),
    ("Bộ tài chính", "Đắk Nông", "Bộ Tài chính"),
    ("Cục QLTT Tỉnh Đắk Nông", None, "Cục Quản lý thị trường tỉnh Đắk Nông"),
    ("Kho bạc nhà nước tỉnh Đắk Nông", None, "Kho bạc Nhà nước tỉnh Đắk Nông"),
    ("Cục thuế", None, "Cục Thuế"),
    ("Tỉnh Đắk Nông", None, "tỉnh Đắk Nông"),
    ("Sở Nội vụ", "Bắc Ninh", "Sở Nội vụ tỉnh Bắc Ninh"),
    ("Công an tỉnh", "Bắc Ninh", "Công an tỉnh Bắc Ninh"),
    ("Tỉnh ủy", "Đắk Nông", "Tỉnh ủy Đắk Nông"),
    ("TTTU", "Bắc Ninh", "Thường trực Tỉnh ủy Bắc Ninh"),
    ("TT HĐND tỉnh", "Bắc Ninh", "Thường trực Hội đồng nhân dân tỉnh Bắc Ninh"),
    ("VP Đoàn ĐBQH và HĐND tỉnh", "Bắc Ninh",
     "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Bắc Ninh"),
    ("UBMTTQVN tỉnh", "Bắc Ninh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh"),
    ("VP UBND tỉnh", "Bắc Ninh", "Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("Ban TĐKT Trung ương", None, "Ban Thi đua - Khen thưởng Trung ương"),
    ("Cục Kiểm tra văn bản và QLXLVPHC", None,
     "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính"),
    ("Hội đồng TĐKT tỉnh", "Nghệ An", "Hội đồng Thi đua - Khen thưởng tỉnh Nghệ An"),
    ("SỞ NỘI VỤ", "Bình Thuận", "Sở Nội vụ tỉnh Bình Thuận"),
    ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", None, "Ủy ban nhân dân tỉnh Bắc Ninh"),
    ("Sở GD&ĐT", "Hà Tĩnh", "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh"),
    ("Sở LĐ-TB&XH", "Hưng Yên", "Sở Lao động - Thương binh và Xã hội tỉnh Hưng Yên"),
    ("Sở VH-TT&DL", None, "Sở Văn hóa, Thể thao và Du lịch"),
    ("UBND TP.HCM", None, "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("Chính phủ", "Đắk Nông", "Chính phủ"),
    ("UBND huyện Quảng Ninh", "Quảng Bình", "Ủy ban nhân dân huyện Quảng Ninh"),
    ("UBND HUYỆN CƯ JÚT", None, "Ủy ban nhân dân huyện Cư Jút"),
    ("UBND huyện", "Đắk Nông", "Ủy ban nhân dân huyện"),
    ("Phòng Xây dựng chính quyền Sở Nội vụ", "Đắk Lắk",
     "Phòng Xây dựng chính quyền Sở Nội vụ tỉnh Đắk Lắk"),
    ("Ủy ban nhân dân thành phố", "Cần Thơ", "Ủy ban nhân dân thành phố Cần Thơ"),
    ("Ủy ban nhân dân thành phố", "Bình Thuận", "Ủy ban nhân dân thành phố"),
    ("Uỷ ban nhân dân tỉnh Hoà Bình", None, "Ủy ban nhân dân tỉnh Hòa Bình"),
    ("Hội đồng Thi đua - Khen thưởng Bộ Nông nghiệp và Môi trường", "Hà Nội",
     "Hội đồng Thi đua - Khen thưởng Bộ Nông nghiệp và Môi trường"),
    ("CỤC QUẢN LÝ THỊ TRƯỜNG TỈNH ĐẮK NÔNG", None, "Cục Quản lý thị trường tỉnh Đắk Nông"),
    ("Cục Thuế", "Đắk Nông", "Cục Thuế tỉnh Đắk Nông"),
    ("Vụ Pháp chế", "Bắc Ninh", "Vụ Pháp chế"),
    ("Đoàn ĐB Quốc hội TP Hà Nội", None, "Đoàn đại biểu Quốc hội thành phố Hà Nội"),
    ("Hội Khuyến học Việt Nam", "Bình Thuận", "Hội Khuyến học Việt Nam"),
]


@pytest.mark.parametrize(
    "written, province, expected", CANONICAL, ids=[f"{w} / {p or '-'}" for w, p, _ in CANONICAL]
)
def test_canonical_org(written: str, province: str | None, expected: str) -> None:
    assert canonical_org(written, province) == expected
