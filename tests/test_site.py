"""The built site for the seed: the facts the issue lists are on the pages, and nothing false is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ARTICLE = "articles/2023-11-29-hamas-group-ready-to-negotiate-more-agreements-for-hostage.html"


def page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / "site" / name).read_text(encoding="utf-8"), "html.parser")


def held_back_text(site: Path) -> str:
    """The first review page of held-back facts; empty when the threshold holds nothing back."""
    path = site / "site" / "review" / "articles-1.html"
    return text_of(page(site, "review/articles-1.html")) if path.is_file() else ""


def text_of(soup: BeautifulSoup) -> str:
    article = soup.find("article") or soup
    return " ".join(article.get_text(" ").split())


@pytest.mark.parametrize(
    ("person", "role"),
    [
        ("Ghazi Hamad", "member of the Hamas Political Office"),
        ("William Burns", "director of the CIA"),
        ("David Barnea", "director of the Israeli Mossad"),
        ("Abbas Kamel", "head of Egyptian Intelligence"),
        ("Herzi Halevi", "Chief of Staff"),
    ],
)
def test_people_and_their_roles_are_on_the_fact_sheet(seed_site: Path, person: str, role: str) -> None:
    """Each role is published, or (below the publishing threshold) waits on the review page."""
    soup = page(seed_site, ARTICLE)
    items = [" ".join(li.get_text(" ").split()) for li in soup.select("article li")]
    on_sheet = any(item.startswith(person) and role in item for item in items)
    held_back = f"{person}: {role}" in held_back_text(seed_site)
    assert on_sheet != held_back, items


def test_organisations_and_places_are_listed(seed_site: Path) -> None:
    soup = page(seed_site, ARTICLE)
    review = held_back_text(seed_site)
    linked = {
        a.get_text()
        for a in soup.select("article li a")
        if "/organisations/" in a["href"] or "../organisations/" in a["href"] or "places/" in a["href"]
    }
    for name in [
        "Hamas",
        "CIA",
        "Mossad",
        "Egyptian Intelligence",
        "Israel",
        "Gaza Strip",
        "Qatar",
        "Egypt",
        "Rafah crossing",
        "West Bank",
        "Jerusalem",
        "United States",
    ]:
        # published, or below the publishing threshold and waiting on the review page
        held_back = f"{name} (place)" in review or f"{name} (organisation)" in review
        assert (name in linked) != held_back, name


def test_figures_table_has_the_three_figures_with_who_did_what(seed_site: Path) -> None:
    rows = [
        [" ".join(td.get_text(" ").split()) for td in tr.find_all("td")]
        for tr in page(seed_site, ARTICLE).select("article table tr")
        if tr.find("td")
    ]
    assert ["60", "Israeli hostages", "Hamas freed"] in [r[:3] for r in rows]
    assert ["180", "Palestinian prisoners", "Israel released"] in [r[:3] for r in rows]
    assert any(r[0] == "5" and "days" in r[1] for r in rows)


def test_statements_name_their_speakers(seed_site: Path) -> None:
    text = text_of(page(seed_site, ARTICLE))
    assert "Ghazi Hamad stated: “Hamas is striving to prolong the truce" in text
    assert "Herzi Halevi emphasized: “the Israeli military operation on Gaza will proceed" in text
    assert "Israel insisted: “a possible extension must include the handover of captive Israeli soldiers" in text


def test_every_fact_links_to_its_sentence_shown_on_the_same_page(seed_site: Path) -> None:
    soup = page(seed_site, ARTICLE)
    anchors = {span["id"] for span in soup.select("span.fs-sentence")}
    sources = [a["href"] for a in soup.select("article a") if a.get_text() == "source"]
    assert len(sources) >= 11
    for href in map(str, sources):
        path, _, anchor = href.partition("#")
        assert path.endswith(ARTICLE.split("/")[1]) and anchor in anchors


def test_no_false_facts(seed_site: Path) -> None:
    people = page(seed_site, "people/index.html")
    names = {a.get_text() for a in people.select("article li a")}
    assert "Rafah" not in names
    assert "Hamad" not in names, "Hamad is an alias of Ghazi Hamad, not a second person"
    organisations = {a.get_text() for a in page(seed_site, "organisations/index.html").select("article li a")}
    assert not any("Truce Extension" in name for name in organisations)


def test_entity_page_shows_roles_statements_and_articles(seed_site: Path) -> None:
    text = text_of(page(seed_site, "people/ghazi-hamad.html"))
    assert "Also called: Hamad" in text
    assert "member of the Hamas Political Office" in text
    assert "Hamas is striving to prolong the truce" in text
    assert "2023-11-29 · Hamas Group Ready to Negotiate" in text
    figures = text_of(page(seed_site, "organisations/hamas.html"))
    assert "60 Israeli hostages Hamas freed" in figures


def test_article_date_and_title_are_shown(seed_site: Path) -> None:
    soup = page(seed_site, ARTICLE)
    heading = soup.find("h1")
    assert heading is not None
    assert heading.get_text() == (
        "Hamas Group Ready to Negotiate More Agreements for Hostage Releases and Truce Extension with Israel"
    )
    assert "Date: 2023-11-29" in text_of(soup)


def test_navigation_lists_sections_not_pages(seed_site: Path) -> None:
    soup = page(seed_site, "index.html")
    nav_links = {a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")}
    assert {"Articles", "People", "Organisations", "Places", "Figures", "Statements", "Timeline"} <= nav_links
    assert "Ghazi Hamad" not in nav_links


def test_site_loads_nothing_from_other_hosts(seed_site: Path) -> None:
    for html_file in (seed_site / "site").rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "iframe"]):
            url = str(tag.get("src") or tag.get("href") or "")
            assert not re.match(r"^(https?:)?//", url), f"{html_file.name} loads {url}"


def test_no_broken_internal_links(seed_site: Path) -> None:
    site = seed_site / "site"
    for html_file in site.rglob("*.html"):
        if html_file.name == "404.html":
            continue  # MkDocs writes it with links from the server's root, as it is served for any path
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            href = str(a["href"])
            if re.match(r"^[a-z]+:", href) or href.startswith("#") or href.startswith("//"):
                continue
            target = (html_file.parent / href.split("#")[0]).resolve()
            if href.split("#")[0].endswith("/"):
                target = target / "index.html"
            assert target.exists(), f"{html_file.relative_to(site)} links to missing {href}"
