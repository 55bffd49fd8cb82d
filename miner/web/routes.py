"""The plugin's pages and where they are served (Vietnamese paths, as the users read them)."""

from __future__ import annotations

from importlib import resources

from datasette.utils.asgi import asgi_static

from .charts import charts_page
from .document_pages import cited_page, document_page, paragraph_page
from .entity_pages import (
    award_type_page,
    group_page,
    person_page,
    place_page,
    unit_page,
)
from .login import login_page, password_tool_page
from .lookup_page import lookup_page
from .pages import STATIC_PREFIX
from .search_page import search_page

_ID = r"(?P<id>[^/]*?)(?P<ext>\.json)?$"


def routes() -> list[tuple[str, object]]:
    """(regex, view) for register_routes: the first that matches a path answers it."""
    return [
        (r"^/-/tra-cuu(?P<ext>\.json|\.csv)?$", lookup_page),
        (r"^/-/tim-kiem(?P<ext>\.json)?$", search_page),
        (r"^/-/bieu-do(?P<ext>\.json)?$", charts_page),
        (r"^/-/van-ban/" + _ID, document_page),
        (r"^/-/doan/" + _ID, paragraph_page),
        (r"^/-/van-ban-dan-chieu/" + _ID, cited_page),
        (r"^/-/don-vi/" + _ID, unit_page),
        (r"^/-/ca-nhan/" + _ID, person_page),
        (r"^/-/khoi-thi-dua/" + _ID, group_page),
        (r"^/-/dia-danh/" + _ID, place_page),
        (r"^/-/khen-thuong/" + _ID, award_type_page),
        (r"^/-/login$", login_page),
        (r"^/-/password-tool$", password_tool_page),
        (r"^" + STATIC_PREFIX + r"(?P<path>.+)$", asgi_static(str(resources.files(__package__) / "static"))),
    ]
