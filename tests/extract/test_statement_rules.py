"""Who said what, as whom, and when: the rules for statements, roles and dates in news and transcripts.

Each test states what a reader of the fact sheet would see go wrong without its rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.articles import parse_article
from generator.extract import calibration, extract_all
from generator.render.model import ArticleFacts, gather
from generator.render.publish import is_published
from tests.extract.conftest import article_bytes


def contents(facts: dict[str, Any]) -> list[str]:
    return [s["content"] for s in facts["statements"]]


def published_contents(facts: dict[str, Any]) -> list[str]:
    """The statements a reader of the site sees, at the default thresholds."""
    thresholds = calibration.default_thresholds()
    return [s["content"] for s in facts["statements"] if is_published("statements", s, set(), thresholds)]


def speaker_names(facts: dict[str, Any]) -> dict[str, str]:
    """content → the speaker's entity name (or the words the text uses for it)."""
    names = {e["id"]: e["name"] for e in facts["entities"]}
    return {s["content"]: names.get(s.get("speaker", ""), s.get("speaker_text", "")) for s in facts["statements"]}


def roles(facts: dict[str, Any]) -> set[tuple[str, str]]:
    names = {e["id"]: e["name"] for e in facts["entities"]}
    return {(names[r["entity"]], r["title"]) for r in facts["roles"]}


def dates(facts: dict[str, Any]) -> set[tuple[str, str]]:
    return {(d["text"], d["date"]) for d in facts["dates"]}


# Turns and questions


def test_an_interviewers_turn_gives_no_statement(facts_of: Any) -> None:
    facts = facts_of(
        "MODERATOR: The ceasefire collapsed this morning and the negotiators went home to their capitals.",
        "MS. ODUYA: We are sending the negotiators back to the table next week.",
    )
    assert not any("ceasefire collapsed" in c for c in contents(facts))
    assert any("negotiators back to the table" in c for c in contents(facts))


def test_a_question_is_no_claim_by_anyone(facts_of: Any) -> None:
    facts = facts_of("Did Governor Alma Reyes say that the bridge will reopen in March?")
    assert facts["statements"] == []


def test_a_tag_question_in_an_officials_turn_is_no_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MR. TALBOT: He can promise that the convoy is coming for sure, right?",
        "Q Thank you.",
    )
    assert facts["statements"] == []


def test_stage_directions_are_neither_statements_nor_roles(facts_of: Any) -> None:
    facts = facts_of(
        "Press Secretary Dana Okafor opened the briefing.",
        "MS. OKAFOR: (Shakes head no.)",
        "Q Is the summit off?",
    )
    assert ("Dana Okafor", "Shakes head") not in roles(facts)
    assert not any(r[1].lower().startswith("shakes") for r in roles(facts))
    assert facts["statements"] == []


def test_an_introduction_gives_the_label_no_role(facts_of: Any) -> None:
    facts = facts_of(
        "MR. LINDQVIST: The Vice President, everybody.",
        "THE VICE PRESIDENT: Thank you all for coming to the forum this evening.",
    )
    assert not any(title == "Vice President" for _, title in roles(facts))


def test_one_claim_per_paragraph_without_spoken_framing(facts_of: Any) -> None:
    facts = facts_of(
        "MR. TALBOT: So, I would say that the pause has held for three full days. It is fragile. "
        "We expect more releases tomorrow.",
        "Q Thanks.",
    )
    assert contents(facts) == ["the pause has held for three full days"]


def test_refusals_and_procedure_are_no_claims(facts_of: Any) -> None:
    facts = facts_of(
        "MR. TALBOT: I don't have a lot of progress to speak to today. No trucks got through the crossing.",
        "And with that, I'd like to call up my colleague to take your questions.",
        "Q Thanks.",
    )
    assert contents(facts) == ["No trucks got through the crossing"]


# Polarity and modality


def test_a_negated_speech_verb_attributes_nothing(facts_of: Any) -> None:
    facts = facts_of("Mayor Ines Castell did not say that the budget would be cut next year.")
    assert facts["statements"] == []


def test_a_hypothetical_or_conditional_speech_verb_attributes_nothing(facts_of: Any) -> None:
    facts = facts_of(
        "Senator Paul Whitcombe would say that the bill is a disaster for farmers.",
        "If Senator Paul Whitcombe says the bill is dead, the committee will move on to other work.",
    )
    assert facts["statements"] == []


def test_a_planned_announcement_is_not_yet_a_statement(facts_of: Any) -> None:
    facts = facts_of("Governor Alma Reyes will travel to Denver to announce that the state will fund new schools.")
    assert facts["statements"] == []


def test_as_someone_said_gives_the_words_to_them(facts_of: Any) -> None:
    facts = facts_of("As Governor Alma Reyes said this morning, the state will not cut school funding.")
    [(content, speaker)] = speaker_names(facts).items()
    assert content.endswith("the state will not cut school funding")
    assert speaker == "Alma Reyes"


# Speakers are entities


def test_a_label_is_the_person_the_header_names(facts_of: Any) -> None:
    facts = facts_of(
        "MS. OKAFOR-BENN: The convoy reached the border crossing this morning with forty trucks.",
        "Q Thanks.",
        title="Press Briefing by Press Secretary Dana Okafor-Benn",
    )
    assert set(speaker_names(facts).values()) == {"Dana Okafor-Benn"}


def test_a_title_label_is_the_person_the_text_gives_that_title(facts_of: Any) -> None:
    facts = facts_of(
        "Vice President Marta Quill spoke at the forum in Ohio.",
        "THE VICE PRESIDENT: The new plant will employ two thousand workers by next year.",
        "Q And the wages?",
    )
    assert speaker_names(facts)["The new plant will employ two thousand workers by next year"] == "Marta Quill"


def test_a_title_case_header_ends_the_name_before_a_preposition(facts_of: Any) -> None:
    facts = facts_of(
        "THE PRESIDENT: The new bridge will open to traffic in the spring.",
        "Q Thank you, sir.",
        title="Remarks by President Ruiz Before Marine One Departure",
    )
    assert set(speaker_names(facts).values()) == {"Ruiz"}


def test_an_anonymous_officials_label_stays_anonymous(facts_of: Any) -> None:
    facts = facts_of(
        "SENIOR ADMINISTRATION OFFICIAL: The convoy crossed the border with forty trucks this morning.",
        "Q Thank you.",
        title="Background Press Call by a Senior Administration Official Regarding Border Talks",
    )
    assert [s.get("speaker") for s in facts["statements"]] == [None]
    assert facts["entities"] == [] or all(e["type"] != "person" for e in facts["entities"])


def test_a_written_statement_is_its_authors(facts_of: Any) -> None:
    facts = facts_of(
        "I welcome the agreement to reopen the northern port to grain shipments.",
        title="Statement from Governor Alma Reyes on the Port Agreement",
    )
    assert set(speaker_names(facts).values()) == {"Alma Reyes"}


def test_a_written_statements_author_is_named_without_the_title(facts_of: Any) -> None:
    facts = facts_of(
        "Yesterday’s appointment of a reconstruction coordinator is an important step for the region.",
        title="Statement from National Security Advisor Reyes Welcoming Appointment of Tomas Fielder as Coordinator",
    )
    assert [s["speaker_text"] for s in facts["statements"]] == ["Reyes"]


def test_a_quotation_after_another_speech_verb_is_that_verbs_statement(facts_of: Any) -> None:
    facts = facts_of(
        "Maren Holt spoke to the board. “We certainly can’t afford to do this anymore,” Holt said, adding later, "
        "“The program is costing us a fortune, and we are spending a lot of money.”"
    )
    assert contents(facts) == [
        "We certainly can’t afford to do this anymore",
        "The program is costing us a fortune, and we are spending a lot of money",
    ]


def test_a_sentence_that_opens_on_said_gives_the_quotation_to_who_follows(facts_of: Any) -> None:
    facts = facts_of(
        "“It’s hard to avoid,” said Ryan Ellis, a tax consultant.",
        "Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”",
    )
    said = {s["content"]: s["speaker_text"] for s in facts["statements"]}
    assert said["I don’t get the sense she’s the least bit interested in tax reform"] == "Ellis"


def test_a_spoken_claim_about_this_or_it_from_before_is_held(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: Good afternoon.",
        "MR. TALBOT: If they really cared about the farmers, they would do this right now.",
        "MR. TALBOT: It is an active issue.",
        "MR. TALBOT: It is important to say that the port will reopen on Monday for grain shipments.",
        title="Press Briefing by Press Secretary Dana Oduya",
    )
    shown = published_contents(facts)
    assert not [c for c in shown if "do this" in c or "active issue" in c]
    assert any("port will reopen" in c for c in shown)


def test_a_refusal_a_word_about_the_talk_or_a_comparison_without_its_other_side_is_no_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: So, on the first question, look, we’re not going to comment on any private company.",
        "MS. ODUYA: I will leave it to the council leadership on the calendar and how they will move forward.",
        "MS. ODUYA: I also wanted to say a few words about the port request that we detailed on Friday.",
        "MS. ODUYA: For too long, Americans have paid more for prescription drugs than any advanced nation on Earth.",
        "MS. ODUYA: We will not allow the blockade to continue at the northern port.",
        title="Press Briefing by Press Secretary Dana Oduya",
    )
    shown = published_contents(facts)
    assert shown == ["We will not allow the blockade to continue at the northern port"]


def test_pointing_at_earlier_talk_or_the_room_is_no_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: Good afternoon.",
        "MR. TALBOT: I think you probably all saw the governor’s statement about the port explosion.",
        "MR. TALBOT: The minister talked about this a little bit yesterday.",
        "MS. ODUYA: And today we wanted to highlight another drug that is now cheaper for farmers.",
        "MS. ODUYA: And one more thing I wanted to touch on is the grain harvest.",
        "MR. TALBOT: The port will reopen on Monday for grain shipments.",
        title="Press Briefing by Press Secretary Dana Oduya",
    )
    assert contents(facts) == ["The port will reopen on Monday for grain shipments"]


def test_a_superlative_description_is_no_title(facts_of: Any) -> None:
    facts = facts_of(
        "Joe Biden is the most pro-labor president in history. Joe Biden is the President of the United States."
    )
    thresholds = calibration.default_thresholds()
    shown = {r["title"] for r in facts["roles"] if is_published("roles", r, set(), thresholds)}
    assert shown == {"President of the United States"}


# Roles


def test_the_most_specific_title_is_kept(facts_of: Any) -> None:
    facts = facts_of("Attorney General Tomas Fielder met the governor on Monday.")
    assert [title for name, title in roles(facts) if name == "Tomas Fielder"] == ["Attorney General"]


def test_a_past_or_one_holders_title_is_not_published_as_current(facts_of: Any) -> None:
    facts = facts_of(
        "It is 50 years since the first visit by an Australian prime minister, Gough Whitlam, to China.",
        "Maren Holt was the director of the Central Agency until 2019.",
        "Ghazi Hamad, a member of the Hamas Political Office, spoke. Prime Minister Anthony Albanese arrived.",
    )
    thresholds = calibration.default_thresholds()
    names = {e["id"]: e["name"] for e in facts["entities"]}
    published = {names[r["entity"]] for r in facts["roles"] if is_published("roles", r, set(), thresholds)}
    held = {names[r["entity"]] for r in facts["roles"] if not is_published("roles", r, set(), thresholds)}
    assert held == {"Gough Whitlam", "Maren Holt"}
    assert published == {"Ghazi Hamad", "Anthony Albanese"}


def test_a_title_in_a_list_is_not_the_first_items(facts_of: Any) -> None:
    facts = facts_of("We had a very small meeting with Jake Sullivan, myself, the Prime Minister, and Tzachi Hanegbi.")
    assert not [title for name, title in roles(facts) if name == "Jake Sullivan"]


def test_a_title_before_a_list_is_no_items(facts_of: Any) -> None:
    facts = facts_of(
        "But also, the President, including his nine calls with Bibi, two calls with President Sisi, and direct"
        " almost-daily engagements from Jake, Jon Finer, myself, others nearly every day to get something moving.",
        "The director of the agency, David Barnea, flew to Doha.",
    )
    assert not [title for name, title in roles(facts) if name == "Jon Finer"]
    assert ("David Barnea", "director of the agency") in roles(facts)


def test_no_role_from_a_question(facts_of: Any) -> None:
    facts = facts_of(
        "MR. TALBOT: The talks resume on Monday in the capital with both delegations.",
        "Q Is a vote for Ruiz a vote for President Ana Ruiz?",
    )
    assert not any(title == "President" for _, title in roles(facts))


# Dates


def test_a_weekday_follows_the_tense(facts_of: Any) -> None:
    # 2023-11-29 is a Wednesday
    facts = facts_of("The two leaders will meet on Friday.", "The ministers met on Friday.")
    by_sentence = {d["sentence"]: d["date"] for d in facts["dates"]}
    assert by_sentence == {"s1": "2023-12-01", "s2": "2023-11-24"}


def test_a_weekday_before_going_to_is_ahead(facts_of: Any) -> None:
    # 2023-11-29 is a Wednesday
    facts = facts_of("And on Tuesday, he's going to go to the National Cathedral to give some words.")
    assert [(d["text"], d["date"]) for d in facts["dates"]] == [("Tuesday", "2023-12-05")]


def test_a_month_day_without_year_is_the_nearest_one_the_tense_allows(facts_of: Any) -> None:
    facts = facts_of("Prices have risen since January 6th, the agency said.", date="2023-12-14")
    assert ("January 6th", "2023-01-06") in dates(facts)


def test_relative_dates_count_from_the_date_the_header_states(facts_of: Any) -> None:
    facts = facts_of("(November 3, 2023)", "The minister spoke with her counterpart yesterday.", date="2023-11-04")
    assert ("yesterday", "2023-11-02") in dates(facts)


def test_today_meaning_these_days_is_no_date(facts_of: Any) -> None:
    facts = facts_of("Not today, not tomorrow, not ever.", "Families have less money today than a year ago.")
    assert facts["dates"] == []


def test_a_range_gives_each_day(facts_of: Any) -> None:
    facts = facts_of("The envoy traveled to the region on December 4-5.", date="2023-12-06")
    assert {d["date"] for d in facts["dates"]} == {"2023-12-04", "2023-12-05"}


# Speaker pages across a collection


TRANSCRIPTS = {
    "briefing": (
        "Press Briefing by Press Secretary Dana Okafor-Benn and Envoy Samuel Talbot",
        "2023-11-20",
        (
            "MS. OKAFOR-BENN: Good afternoon, everyone.",
            "The relief convoy reached the border crossing this morning with forty trucks.",
            "MR. TALBOT: The talks will resume next week in the capital with both delegations.",
            "Q Can you promise that the convoy is coming back for sure?",
            "MR. TALBOT: I cannot confirm that.",
        ),
    ),
    "forum": (
        "Remarks by Vice President Marta Quill at a Forum on Manufacturing",
        "2023-11-21",
        (
            "THE VICE PRESIDENT: The new plant will employ two thousand workers by next year.",
            "Q What about the wages?",
            "THE VICE PRESIDENT: Wages at the plant will start well above the state average.",
        ),
    ),
    "interview": (
        "Interview on the Economy",
        "2023-11-22",
        (
            "MR. HALVORSEN: The Vice President, everybody.",
            "THE VICE PRESIDENT: Our investments have brought factories back to small towns across the region.",
            "MR. HALVORSEN: Is a vote for you a vote for higher taxes?",
        ),
    ),
}


def test_speaker_pages_hold_the_label_persons_statements_and_roles(nlp: Any) -> None:
    articles = [parse_article(article_bytes(t, d, p), f"{name}.md") for name, (t, d, p) in TRANSCRIPTS.items()]
    items = [
        ArticleFacts(article, facts, f"{article.id}.yaml")
        for article, facts in zip(articles, extract_all(articles, nlp), strict=True)
    ]
    collection = gather(items)
    pages = {page.name: page for page in collection.entities.values()}

    okafor = pages["Dana Okafor-Benn"]
    assert [s["content"] for s, _ in okafor.statements] == [
        "The relief convoy reached the border crossing this morning with forty trucks"
    ]
    talbot = pages["Samuel Talbot"]
    assert [s["content"] for s, _ in talbot.statements] == [
        "The talks will resume next week in the capital with both delegations"
    ]
    quill = pages["Marta Quill"]
    said = sorted(s["content"] for s, _ in quill.statements)
    assert said == [
        "Our investments have brought factories back to small towns across the region",
        "The new plant will employ two thousand workers by next year",
        "Wages at the plant will start well above the state average",
    ]
    assert "Vice President" in {r["title"] for r, _ in quill.roles}
    halvorsen = next((p for name, p in pages.items() if name.endswith("Halvorsen")), None)
    assert halvorsen is None or not halvorsen.roles
    questions = [s for s, _ in collection.statements() if "?" in s["content"] or "promise" in s["content"]]
    assert questions == []
    assert all(isinstance(dt.date.fromisoformat(a.date), dt.date) for a in collection.articles)


def _facts_item(day: str, name: str, entities: list[dict[str, Any]], **sections: Any) -> ArticleFacts:
    text = "Some words."
    facts: dict[str, Any] = {
        "article": {"id": f"{day}-{name}", "title": name, "date": day, "source": f"{name}.md"},
        "entities": entities,
        "roles": sections.get("roles", []),
        "figures": [],
        "statements": sections.get("statements", []),
        "dates": [],
        "sentences": [{"id": "s1", "paragraph": 1, "start": 0, "end": len(text), "text": text}],
    }
    article = parse_article(article_bytes(name, day, (text,)), f"{name}.md")
    return ArticleFacts(article, facts, f"{name}.yaml")


def test_a_shared_title_goes_to_its_usual_holder_not_the_last_one_named() -> None:
    def president(day: str, name: str, person: str) -> ArticleFacts:
        record = {"id": "p", "name": person, "type": "person", "sentences": ["s1"]}
        return _facts_item(
            day, name, [record], roles=[{"id": "r", "entity": "p", "title": "President", "sentence": "s1"}]
        )

    items = [
        president("2023-11-01", "a", "Ana Ruiz"),
        president("2023-11-02", "b", "Ana Ruiz"),
        president("2023-11-03", "c", "Omar Haddad"),  # a foreign president met on the day before
        _facts_item(
            "2023-11-04",
            "remarks",
            [],
            statements=[
                {
                    "id": "st",
                    "speaker_text": "THE PRESIDENT",
                    "cue": "said",
                    "content": "We will build it.",
                    "sentence": "s1",
                }
            ],
        ),
    ]
    pages = {p.name: p for p in gather(items).entities.values()}
    assert [s["content"] for s, _ in pages["Ana Ruiz"].statements] == ["We will build it."]
    assert pages["Omar Haddad"].statements == []
