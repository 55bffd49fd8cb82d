"""`miner serve` as a client meets it over HTTP (no browser needed): an address too long gets a
414 with a message, not a reset connection (issue 14, item 10)."""

from __future__ import annotations

import http.client
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.slow  # make test-fast skips it


@pytest.mark.parametrize("size", [150 * 1024, 400 * 1024], ids=["150KB", "400KB"])
def test_an_address_too_long_is_answered_414(server, size):
    address = urlparse(server["url"])
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    conn.request("GET", "/-/tra-cuu?danh_sach=" + "354%2FQĐ-UBND%0A".replace("Đ", "%C4%90") * (size // 20))
    response = conn.getresponse()
    assert (response.status, "URI too long" in response.read().decode()) == (414, True)
    conn.close()
