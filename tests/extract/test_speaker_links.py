"""Speaker links a journalist would have to retract: each test builds its own texts (invented names) and
checks whose page a transcript speaker's words land on."""

from __future__ import annotations

from typing import Any

from generator.articles import parse_article
from generator.extract import extract_all
from generator.facts.registry import Registry, resolve
from generator.render.model import ArticleFacts, gather
from tests.extract.conftest import article_bytes


def speaker_names(facts: dict[str, Any]) -> dict[str, str]:
    """content → the speaker's entity name (or the words the text uses for it)."""
    names = {e["id"]: e["name"] for e in facts["entities"]}
    return {s["content"]: names.get(s.get("speaker", ""), s.get("speaker_text", "")) for s in facts["statements"]}


def test_a_title_label_never_goes_to_a_relative_with_the_holders_surname(facts_of: Any) -> None:
    facts = facts_of(
        "THE PRESIDENT: My mother, Elena Maria Ruiz, taught me to work hard every day of my life.",
        "The new bridge will open to traffic in the spring and carry ten thousand cars.",
        "Q Thank you, sir.",
        "THE PRESIDENT: We will build a second bridge across the river next year.",
        title="Remarks by President Ruiz at a Rally in Ohio",
    )
    said = speaker_names(facts)
    assert said["The new bridge will open to traffic in the spring"] == "Ruiz"
    assert said["We will build a second bridge across the river next year"] == "Ruiz"
    assert "Elena Maria Ruiz" not in said.values()


def test_two_title_labels_in_two_articles_are_not_one_person() -> None:
    # "THE PRESIDENT" and "THE VICE PRESIDENT" are both "president" once the title words are set aside
    president = {"id": "ruiz", "name": "Ruiz", "type": "person", "aliases": ["THE PRESIDENT"]}
    vice = {"id": "quill", "name": "Quill", "type": "person", "aliases": ["THE VICE PRESIDENT"]}
    resolution = resolve([("remarks", [president]), ("interview", [vice])], Registry())
    assert resolution.of_record[("remarks", "ruiz")] != resolution.of_record[("interview", "quill")]


def test_a_named_interviewer_whose_turns_are_questions_gets_no_statements(facts_of: Any) -> None:
    facts = facts_of(
        "MR. HALVERSON: Welcome back to the summit. The Vice President, everybody.",
        "THE VICE PRESIDENT: Thank you. Our investments have brought factories back to small towns.",
        "MR. HALVERSON: The plant in Ohio closed last spring. What would you tell the workers who lost their jobs?",
        "THE VICE PRESIDENT: The new plant will employ two thousand workers by next year.",
        "MR. HALVERSON: The unions say the wages are too low. Are they right?",
        "THE VICE PRESIDENT: Wages at the plant will start well above the state average.",
        title="Remarks by Vice President Marta Quill in a Moderated Conversation",
    )
    said = speaker_names(facts)
    assert "Halverson" not in said.values()
    assert not any("Welcome back" in c or "plant in Ohio closed" in c for c in said)
    assert said["The new plant will employ two thousand workers by next year"] == "Marta Quill"


def test_an_interviewer_the_header_introduces_gets_no_statements(facts_of: Any) -> None:
    facts = facts_of(
        "MS. OYELARAN: The plant in Ohio closed last spring and four hundred people lost their jobs there.",
        "THE VICE PRESIDENT: The new plant will employ two thousand workers by next year.",
        "MS. OYELARAN: Right. The unions told us the wages were too low for a family of four.",
        "THE VICE PRESIDENT: Wages at the plant will start well above the state average.",
        title="Remarks by Vice President Marta Quill in a Moderated Conversation with Ada Oyelaran at a Forum",
    )
    said = speaker_names(facts)
    assert "Oyelaran" not in " ".join(said.values())
    assert said["Wages at the plant will start well above the state average"] == "Marta Quill"


def test_a_titled_surname_label_joins_the_title_holders_page_across_articles(nlp: Any) -> None:
    texts = {
        "readout": (
            "Readout of Vice President Nadia Okoro's Call with the Governor",
            "2023-11-20",
            ("Vice President Nadia Okoro spoke with the governor about the flooding in the river valley.",),
        ),
        "remarks": (
            "Remarks by Vice President Okoro at a Luncheon",
            "2023-11-22",
            (
                "SECRETARY LANE: Thank you all. Our reporter Daniel Okoro covered the floods all summer.",
                "VICE PRESIDENT OKORO: The new levee will protect ten thousand homes by next spring.",
                "SECRETARY LANE: The bridge will reopen to traffic in the spring.",
            ),
        ),
    }
    articles = [parse_article(article_bytes(t, d, p), f"{name}.md") for name, (t, d, p) in texts.items()]
    items = [
        ArticleFacts(article, facts, f"{article.id}.yaml")
        for article, facts in zip(articles, extract_all(articles, nlp), strict=True)
    ]
    pages = {page.name: page for page in gather(items).entities.values() if page.type == "person"}
    said = [s["content"] for s, _ in pages["Nadia Okoro"].statements]
    assert said == ["The new levee will protect ten thousand homes by next spring"]
    assert not any(name.startswith("Vice President") for name in pages)


def test_a_verb_in_a_title_case_header_is_not_part_of_the_speakers_name(facts_of: Any) -> None:
    facts = facts_of(
        "THE PRESIDENT: Good afternoon, everyone.",
        "THE PRESIDENT: We will build a second bridge across the river next year.",
        title="Remarks by President Ruiz Urging Congress to Fund the Bridge",
    )
    assert set(speaker_names(facts).values()) == {"Ruiz"}


def test_a_header_listing_speakers_gives_each_only_the_title_before_their_own_name(facts_of: Any) -> None:
    facts = facts_of(
        "SECRETARY MARSH: Good afternoon, everyone.",
        "SECRETARY MARSH: We will build a second bridge across the river next year.",
        title="Remarks by Vice President Oduya, Secretary of Transportation Lee Marsh, and Mayor Ana Ruiz",
    )
    names = {e["id"]: e["name"] for e in facts["entities"]}
    titles = {(names[r["entity"]], r["title"]) for r in facts["roles"]}
    assert ("Lee Marsh", "Secretary of Transportation") in titles
    assert not any("Oduya" in title for _, title in titles)
