"""The shared pager keeps the page's other query parameters and names its directions."""
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def render(query: str, number: int, **labels) -> str:
    request = RequestFactory().get(f"/somewhere/?{query}")
    page = Paginator(range(100), 10).get_page(number)
    return render_to_string("_pager.html", {"page": page, **labels}, request=request)


def test_links_keep_the_query_and_change_only_the_page():
    html = render("weeks=8&page=3", 3)
    assert 'href="?weeks=8&amp;page=2" rel="prev">← Previous</a>' in html
    assert 'href="?weeks=8&amp;page=4" rel="next">Next →</a>' in html
    assert "Page 3 of 10" in html


def test_directions_can_be_named_and_the_ends_have_no_link():
    first = render("", 1, previous="Newer", next="Older")
    assert 'rel="prev"' not in first and "Older →" in first
    assert 'rel="next"' not in render("", 10)


def test_one_page_needs_no_pager():
    request = RequestFactory().get("/")
    assert render_to_string("_pager.html", {"page": Paginator(range(5), 10).get_page(1)}, request=request).strip() == ""
