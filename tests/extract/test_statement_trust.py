"""Statements a journalist could publish as they stand: no fragment, no changed meaning, no wrong speaker.

Where a rule can make the words right it does; where it cannot, the statement waits for review (its confidence
stays below the publishing threshold). Each test names what a reader would see go wrong without its rule."""

from __future__ import annotations

from typing import Any

from generator.extract import DOUBTFUL_STATEMENT, calibration

BRIEFING = "Press Briefing by Press Secretary Dana Oduya and Spokesperson Lee Marsh"


def statements_with(facts: dict[str, Any], fragment: str) -> list[dict[str, Any]]:
    return [s for s in facts["statements"] if fragment in s["content"]]


def assert_cut_waits(facts: dict[str, Any], kept: str, lost: str) -> None:
    """The claim holding `kept` but cut before `lost` exists and waits for review."""
    cut = [s for s in statements_with(facts, kept) if lost not in s["content"]]
    assert cut
    assert not any(published(s) for s in cut)


def assert_waits(facts: dict[str, Any], fragment: str) -> None:
    """A statement holding `fragment` was found and waits for review."""
    found = statements_with(facts, fragment)
    assert found
    assert not any(published(s) for s in found)


def said_in_briefing(facts_of: Any, *lines: str) -> set[str]:
    """The claims of a briefing that opens with a greeting and goes on with `lines`."""
    facts = facts_of("MS. ODUYA: Good afternoon.", *lines, title=BRIEFING)
    return {s["content"] for s in facts["statements"]}


def published(statement: dict[str, Any]) -> bool:
    return float(statement["confidence"]) >= calibration.default_thresholds()["statements"]


def speaker_name(facts: dict[str, Any], statement: dict[str, Any]) -> str:
    names = {e["id"]: e["name"] for e in facts["entities"]}
    return str(names.get(statement.get("speaker", ""), statement.get("speaker_text", "")))


# Wrong speaker, or not a statement


def test_words_a_reporter_says_someone_said_wait_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: Good afternoon, everyone.",
        "Q Governor Alma Reyes said that the northern bridge will reopen to traffic in March. Is that right?",
        "MS. ODUYA: We expect the northern bridge to reopen in the spring.",
    )
    reported = statements_with(facts, "bridge will reopen to traffic in March")
    assert reported, "the reporter's rendering is kept for review"
    assert not any(published(s) for s in reported)


def test_as_a_co_speaker_said_is_the_speakers_own_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: The convoy reached the northern crossing this morning with forty trucks of food.",
        "Q Thanks. What happens next?",
        "MR. MARSH: As Dana just said, the convoy reached the northern crossing with forty trucks of food.",
        title=BRIEFING,
    )
    repeated = [s for s in statements_with(facts, "forty trucks of food") if "this morning" not in s["content"]]
    assert [speaker_name(facts, s) for s in repeated] == ["Lee Marsh"]
    assert not repeated[0]["content"].startswith("As")


def test_as_someone_outside_the_transcript_said_stays_theirs(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: As the President said this morning, we should not have to live with floods every spring.",
        "Q Thank you.",
        title=BRIEFING,
    )
    (statement,) = statements_with(facts, "floods every spring")
    assert statement["speaker_text"] == "the President"


def test_adding_ships_is_an_act_not_speech(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: And that is why the Secretary has added two more ships to the eastern fleet, and more will "
        "follow in the weeks ahead.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert facts["statements"]
    assert not any(s["cue"] == "added" for s in facts["statements"])
    assert {speaker_name(facts, s) for s in facts["statements"]} == {"Lee Marsh"}


def test_a_pronoun_object_is_no_claim(facts_of: Any) -> None:
    facts = facts_of(
        "Minister Ana Ruiz met her counterparts on Monday. And the minister's expectations in this regard are entirely clear, and she has stated them repeatedly, "
        "including stating them directly in her public remarks as well as privately to her counterparts abroad."
    )
    assert not any(s["content"].startswith("them") for s in facts["statements"])


# Cut or garbled words


def test_restarts_are_taken_out_of_the_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: We — we had a report earli- — in the earliest days that the dam was leaking at its base.",
        "Q Thank you.",
        title=BRIEFING,
    )
    (statement,) = statements_with(facts, "the dam was leaking")
    assert statement["content"] == "We had a report in the earliest days that the dam was leaking at its base"
    assert published(statement)


def test_a_claim_cut_on_a_preposition_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: As I mentioned, we have someone from the newly created office on — to stop flooding in the "
        "valley, who is on the ground there.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert facts["statements"]
    assert not any(published(s) for s in facts["statements"])


def test_a_garbled_fragment_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: And the same the case i- — is now — in this coming election.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert facts["statements"]
    assert not any(published(s) for s in facts["statements"])


def test_a_trailing_and_is_dropped(facts_of: Any) -> None:
    facts = facts_of(
        "The Governor welcomed the council's contribution of $100 million to support the relief effort, and "
        "discussed the delivery of the aid."
    )
    (statement,) = statements_with(facts, "contribution of $100 million")
    assert statement["content"].endswith("relief effort")


def test_the_point_after_a_colon_stays_with_the_claim(facts_of: Any) -> None:
    facts = facts_of(
        "THE VICE PRESIDENT: And I will say, on this topic, it is important to agree: one does not have to give "
        "up one's faith to support the new law.",
        "Q Thank you.",
    )
    (statement,) = statements_with(facts, "important to agree")
    assert "one does not have to give up one's faith" in statement["content"]


# Meaning changed by the cut


def test_a_claim_the_speaker_corrects_right_after_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "THE PRESIDENT: And it's going to cap the total out-of-pocket cost of insulin and other prescription drugs "
        "for every senior on Medicare now — next — next year, it's going to be capped at $35 a month.",
        "Q Thank you.",
    )
    capped = statements_with(facts, "on Medicare now")
    assert capped
    assert not any(published(s) for s in capped)


def test_a_claim_cut_before_its_condition_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: And we wouldn't have talked about the potential of new sanctions on the shipping firms — and, "
        "again, no final decision here — if it wasn't a clear statement of our concern.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert_cut_waits(facts, "new sanctions", "if it")


# Calibration


def test_a_doubtful_statement_is_not_published_on_the_kinds_average() -> None:
    table = {"kinds": {"statements": {"cells": {"": {"p": 0.9}, "raw=0.80": {"p": 0.85}}}}}
    doubtful = {"content": "the same the case i- — is now", "kind": "direct", "confidence": DOUBTFUL_STATEMENT}
    assert calibration.calibrated("statements", doubtful, {}, table) == DOUBTFUL_STATEMENT
    assert calibration.calibrated("statements", {**doubtful, "confidence": 0.8}, {}, table) == 0.85


def test_a_whether_if_is_no_condition(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: Again, we know there's a lot more that needs to be done for the families in the valley, but "
        "it's because of our convening power on the ground that we're able to get that aid in and try to see if we "
        "can sustain it.",
        "Q Thank you.",
        title=BRIEFING,
    )
    (statement,) = statements_with(facts, "a lot more that needs to be done")
    assert published(statement)


def test_a_stage_direction_between_dashes_is_no_self_correction(facts_of: Any) -> None:
    facts = facts_of(
        "THE PRESIDENT: And I just warn you: if I'm reelected, I'm going to keep the same plan for the whole "
        "country — (laughter) — I think, because we have to unite the country.",
        "Q Thank you.",
    )
    (statement,) = statements_with(facts, "keep the same plan")
    assert published(statement)


def test_a_false_start_is_taken_out_of_the_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: Look, it — we don't — nobody wants to see peaceful protests in the capital turn violent.",
        "Q Thank you.",
        title=BRIEFING,
    )
    (statement,) = statements_with(facts, "peaceful protests")
    assert statement["content"] == "Nobody wants to see peaceful protests in the capital turn violent"


def test_a_reporter_cut_in_on_is_still_the_reporter(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: The convoy reached the northern crossing this morning with forty trucks of food.",
        "MR. MARSH: I just —",
        "Q — it seems like the crossing has been closed down by the army —",
        "MR. MARSH: I just told you, sir. There was no change in our wish to see the crossing open.",
        title=BRIEFING,
    )
    assert not statements_with(facts, "closed down by the army")


def test_he_in_a_speakers_turn_is_not_the_speaker(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: He knows that there are strong feelings on all sides of this debate in the valley.",
        "Q Thank you.",
        title=BRIEFING,
    )
    (statement,) = statements_with(facts, "strong feelings on all sides")
    assert statement["cue"] == "said"  # Lee Marsh says that he (someone else) knows …, not Marsh "knows"
    assert statement["content"].startswith("He knows")
    assert speaker_name(facts, statement) == "Lee Marsh"


def test_a_claim_cut_before_actually_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: As you know, the Prime Minister of the northern province was on the call — actually, two calls "
        "that the Governor has had with the regional leaders this week.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert_cut_waits(facts, "was on the call", "two calls")


def test_a_stage_direction_is_taken_out_of_the_claim(facts_of: Any) -> None:
    facts = facts_of(
        "THE PRESIDENT: And that is why I welcome a candid dialogue in this country — (applause) — about all of the "
        "issues of the moment.",
        "Q Thank you.",
    )
    (statement,) = statements_with(facts, "candid dialogue")
    assert (
        statement["content"]
        == "that is why I welcome a candid dialogue in this country about all of the issues of the moment"
    )


def test_the_condition_that_opens_a_claim_stays(facts_of: Any) -> None:
    facts = facts_of(
        "THE PRESIDENT: If we don't stop the floods in the valley this year, they won't stop at the river.",
        "Q Thank you.",
    )
    (statement,) = statements_with(facts, "stop at the river")
    assert statement["content"].lower().startswith("if we don't stop the floods")


def test_a_discourse_word_is_dropped_only_when_set_off(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: First up is a drug used to treat blood clots that nearly 3.5 million seniors took last year.",
        "Q Thank you.",
        title=BRIEFING,
    )
    (statement,) = statements_with(facts, "blood clots")
    assert statement["content"].startswith("First up is a drug")


def test_a_claim_cut_on_so_that_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: Some of the pumps have come out of stocks that the state had in the valley, so that — those "
        "have gone over to the farmers already.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert_cut_waits(facts, "stocks that the state had", "farmers")


def test_a_writers_brackets_in_news_stay(facts_of: Any) -> None:
    facts = facts_of(
        "\"The two governors were very much engaged and focused on [the prisoner's] release and the sanctions "
        'themselves," said Senator Ana Ruiz.'
    )
    (statement,) = statements_with(facts, "release and the sanctions")
    assert "[the prisoner's]" in statement["content"]


def test_when_or_where_something_was_said_is_not_what_was_said(facts_of: Any) -> None:
    facts = facts_of(
        "Governor Alma Reyes reported from the northern island of the province.",
        "Senator Ana Ruiz called for a full inquiry into the collapse of the bridge.",
    )
    assert not statements_with(facts, "northern island")
    assert statements_with(facts, "a full inquiry into the collapse")


def test_a_misspoken_word_said_again_is_repaired(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: Maine is now the seventh state where voters turned out in droves to redrect — reject attempts by "
        "elected officials to close the rural hospitals.",
        "Q Thank you.",
        title=BRIEFING,
    )
    (statement,) = statements_with(facts, "voters turned out")
    assert statement["content"].endswith(
        "in droves to reject attempts by elected officials to close the rural hospitals"
    )
    assert published(statement)


def test_a_claim_of_restarts_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: And that certainly — it should be the full — that full truce — they should abide by that truce.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert facts["statements"]
    assert not any(published(s) for s in facts["statements"])


def test_a_claim_cut_where_it_resumes_after_an_aside_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: And she is on the Hill today laying out the urgency of making sure that our flood relief bill — "
        "which, as you know, is our most urgent need — is passed before the recess.",
        "MR. MARSH: It's on all of us — the state, the counties, the charities, every citizen — to help the valley "
        "rebuild after the floods.",
        "Q Thank you.",
        title=BRIEFING,
    )
    cut = [s for s in facts["statements"] if "passed before" not in s["content"] and "to help" not in s["content"]]
    assert len(cut) == 2
    assert not any(published(s) for s in cut)


def test_an_aside_that_only_adds_does_not_hold_the_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: The Governor and her team discussed the steps they are taking to protect the families of the "
        "valley — including farmers and their workers — following the floods of the spring.",
        "Q Thank you.",
        title=BRIEFING,
    )
    (statement,) = statements_with(facts, "protect the families of the valley")
    assert published(statement)


def test_a_claim_cut_before_im_sorry_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: The Governor's team was on the Hill for the flood relief bill yesterday and also today — I'm "
        "sorry, also Tuesday.",
        "Q Thank you.",
        title=BRIEFING,
    )
    cut = statements_with(facts, "also today")
    assert cut
    assert not any(published(s) for s in cut)


def test_a_moderator_passing_the_floor_makes_no_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: Our next question will go to Deepa with NPR.",
        "Q Thank you. Will the talks resume?",
        "MS. ODUYA: The talks will resume in Cairo next week.",
        title=BRIEFING,
    )
    assert not statements_with(facts, "next question")
    assert statements_with(facts, "The talks will resume in Cairo next week")


def test_a_phrase_dropped_at_a_break_waits_for_review(facts_of: Any) -> None:
    # "next week — what — as it relates to": the speaker left the phrase and never came back to it
    facts = facts_of(
        "MS. ODUYA: I spoke with Governor Lane Pryor this morning.",
        "MS. ODUYA: He mentioned next week — what — as it relates to the valley, and when the council gets back.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert_waits(facts, "valley")


def test_a_claim_taken_back_with_let_me_back_up_waits_for_review(facts_of: Any) -> None:
    facts = facts_of("MS. ODUYA: And the fact is that it's a matter of — let me back up.", "Q Thanks.", title=BRIEFING)
    assert_waits(facts, "a matter of")


def test_a_claim_that_lost_its_subject_waits_for_review(facts_of: Any) -> None:
    # "what I can tell you is that roughly — of the total funds …": the words shown open on "is"
    facts = facts_of(
        "MR. MARSH: And as for the money that's left, what I can tell you is that roughly — of the — of the "
        "total funds that have been provided to the valley since the flood began, which is in excess of $60 "
        "million — and that's not just repairs, that's food and shelter — we've gone through about 96 percent.",
        "Q Thank you.",
        title=BRIEFING,
    )
    opening_on_a_verb = [s for s in facts["statements"] if s["content"].split()[0] in {"is", "was"}]
    assert opening_on_a_verb
    assert not any(published(s) for s in opening_on_a_verb)


def test_an_aside_between_two_breaks_is_no_dropped_phrase(facts_of: Any) -> None:
    facts = facts_of(
        "Spokesperson Lee Marsh said the goal is — and always has been — to bring every family home.",
        title="Families return to the valley",
    )
    assert any(published(s) for s in statements_with(facts, "to bring every family home"))


def test_the_speaker_pointing_back_at_the_talk_makes_no_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: I mentioned, for example, the issue of the dam.",
        "MR. MARSH: I heard the question that you asked me.",
        "MR. MARSH: We believe the repairs will start next week in the valley.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert [s["content"] for s in facts["statements"] if published(s)] == [
        "We believe the repairs will start next week in the valley"
    ]


def test_a_claim_cut_on_including_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: For our part, we continue to meet with regional partners, including — and the minister was here.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert_waits(facts, "regional partners")


def test_a_refusal_the_model_hangs_under_a_restart_makes_no_claim(facts_of: Any) -> None:
    # the small model parses "I'm not going to divulge …" as a clause of the restarted "we've had"
    facts = facts_of(
        "MR. MARSH: I’m not going to divulge private conversations that we’ve — we’ve had and will continue "
        "to have with the council.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert not any("divulge" in s["content"] for s in facts["statements"])


def test_deflections_make_no_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: I think I’d give you the same answer I gave Maria.",
        "MS. ODUYA: So, I want to be careful because we’re talking about upcoming elections, obviously.",
        "MR. MARSH: As I said, these are questions for the river authority.",
        "MS. ODUYA: I mean, look, the Governor spoke pretty clearly about this the other day.",
        "MR. MARSH: We believe the repairs will start next week in the valley.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert [s["content"] for s in facts["statements"] if published(s)] == [
        "We believe the repairs will start next week in the valley"
    ]


def test_the_claim_after_pointing_at_ones_own_words_starts_at_the_colon(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: It’s like I said in my opening statement, Maria: We’re grateful that the crews have "
        "two more days to work on the dam.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert [s["content"] for s in facts["statements"]] == [
        "We’re grateful that the crews have two more days to work on the dam"
    ]


def test_a_claim_broken_off_or_cut_before_its_verbs_object_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: — we’ve been in our cycle in terms of how we’ve been able to suppress —",
        "MR. MARSH: Our own assessment is that the company was using — is using the old mill as a depot.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert_waits(facts, "able to suppress")
    assert_waits(facts, "the company was using")


def test_a_claim_shaped_by_the_askers_question_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: And, look, to your pres- — question about what families are feeling, we understand that "
        "the valley is coming out of a hard winter.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert_waits(facts, "hard winter")


def test_a_claim_about_that_from_before_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MR. MARSH: And I feel hamstrung by that because, obviously, we have engineers of our own.",
        "MR. MARSH: So, it’s — it’s not something that we have taken our eyes off, nor will we.",
        "Q Thank you.",
        title=BRIEFING,
    )
    assert_waits(facts, "hamstrung")
    assert_waits(facts, "taken our eyes off")


def test_curly_apostrophes_parse_as_straight_ones(facts_of: Any) -> None:
    # the small model reads "it’s" as an unknown verb and "I’m" as an adverb; the facts keep the article's "’"
    curly = facts_of("MR. MARSH: It’s not an issue we have forgotten.", "Q Thanks.", title=BRIEFING)
    assert_waits(curly, "It’s not an issue we have forgotten")


def test_a_claim_that_leans_on_the_sentence_before_names_it(facts_of: Any) -> None:
    facts = facts_of(
        "Q What about the council members who left town?",
        "MS. ODUYA: They haven’t been able to start a conversation on how to keep the bridge open in January.",
        "MS. ODUYA: Governor Alma Reyes told us she will open the northern bridge to traffic in March.",
        "MS. ODUYA: We expect the northern bridge to reopen this week, after the repairs.",
        title=BRIEFING,
    )
    sentences = {s["id"]: s["text"] for s in facts["sentences"]}
    [they] = statements_with(facts, "start a conversation")
    assert sentences[they["context"]] == "Q What about the council members who left town?"
    assert published(they)
    for named in ("Governor Alma Reyes", "reopen this week"):
        assert all("context" not in s for s in facts["statements"] if named in s["content"] + sentences[s["sentence"]])


def test_a_claim_about_a_they_no_sentence_before_names_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: And they will face more damage to their homes and to their farms.",
        "MS. ODUYA: They need our help and our money right now.",
        "Q And the governor?",
        "MS. ODUYA: Governor Alma Reyes called this morning about the storm.",
        "MS. ODUYA: She asked for forty more trucks of water for the coast.",
        title=BRIEFING,
    )
    assert_waits(facts, "They need our help")
    asked = statements_with(facts, "forty more trucks")
    assert asked
    assert all(published(s) for s in asked)


def test_a_statement_to_come_is_nobodys_claim_yet(facts_of: Any) -> None:
    facts = facts_of(
        "Governor Alma Reyes will announce that the northern bridge reopens on Monday.",
        "Governor Alma Reyes announced that the southern port reopens on Friday.",
    )
    assert not statements_with(facts, "northern bridge reopens")
    [port] = statements_with(facts, "southern port reopens")
    assert speaker_name(facts, port) == "Alma Reyes"
    spoken = facts_of(
        "MS. ODUYA: Good afternoon, everyone.",
        "MS. ODUYA: I will say this: the convoy reached the crossing this morning.",
        title=BRIEFING,
    )
    assert statements_with(spoken, "the convoy reached the crossing")


def test_a_he_after_a_phrase_that_sets_the_scene_is_still_unnamed(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: And I suspect that he will keep working the phones in the coming days.",
        "MS. ODUYA: But at the same time, he is also working across a range of issues with the partners.",
        title=BRIEFING,
    )
    assert_waits(facts, "working across a range of issues")


def test_a_he_that_a_stage_direction_or_another_he_comes_before_waits_for_review(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: He was briefed throughout the weekend and again this morning.",
        "MS. ODUYA: And he spent some time yesterday on the phone with the mayors of the coast.",
        "MS. ODUYA: It was a long week for all of us.",
        "(Laughter.)",
        "MS. ODUYA: And he was a major in the Army for twenty years.",
        title=BRIEFING,
    )
    assert_waits(facts, "on the phone with the mayors")
    assert_waits(facts, "a major in the Army")
    [major] = statements_with(facts, "a major in the Army")
    sentences = {s["id"]: s["text"] for s in facts["sentences"]}
    assert "Laughter" not in sentences.get(major.get("context", ""), "")


def test_a_claim_said_to_someone_called_by_name_is_not_published(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: James, in the back, you have the last question.",
        "MS. ODUYA: Secretary Reyes, no one has done more for the coast than you have.",
        "MS. ODUYA: Today, you can buy a bus pass for five dollars on the coast.",
        title=BRIEFING,
    )
    assert not any(published(s) for s in statements_with(facts, "the last question"))
    assert not any(published(s) for s in statements_with(facts, "no one has done more"))
    assert any(published(s) for s in statements_with(facts, "buy a bus pass"))


def test_having_things_to_say_is_no_claim(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: I do have a couple of things to say about that.",
        "MS. ODUYA: I have to say that the new bridge is the finest on the coast.",
        title=BRIEFING,
    )
    assert not any(published(s) for s in statements_with(facts, "a couple of things"))
    assert any(published(s) for s in statements_with(facts, "the finest on the coast"))


def test_a_spoken_restart_that_changes_a_word_keeps_only_what_the_speaker_settled_on(facts_of: Any) -> None:
    said = said_in_briefing(
        facts_of,
        "MS. ODUYA: We took 30 new actions to threten — to strengthen supply chains for the coast.",
        "MS. ODUYA: And too — and far too many families know someone hurt by the storm.",
    )
    assert "We took 30 new actions to strengthen supply chains for the coast" in said
    assert "far too many families know someone hurt by the storm" in said


def test_a_claim_about_this_and_a_noun_needs_a_name_in_the_sentence_before(facts_of: Any) -> None:
    unnamed = facts_of(
        "MS. ODUYA: The funding will expand production lines and create new jobs.",
        "MS. ODUYA: This request also addresses the humanitarian impacts of the storm on the coast.",
        title=BRIEFING,
    )
    assert_waits(unnamed, "This request also addresses")
    named = facts_of(
        "MS. ODUYA: On Monday the Senate received the supplemental request of Governor Alma Reyes.",
        "MS. ODUYA: This request also addresses the humanitarian impacts of the storm on the coast.",
        title=BRIEFING,
    )
    assert any(published(s) for s in statements_with(named, "This request also addresses"))


def test_a_this_or_that_the_claim_itself_defines_or_buries_deep_does_not_point_back(facts_of: Any) -> None:
    facts = facts_of(
        "MS. ODUYA: We are working with partners, pursuing every avenue to bring home those who are held.",
        "MS. ODUYA: The Governor asked her team to help residents who want to leave and give them a safe means of "
        "doing that.",
        "MS. ODUYA: And they would do this again tomorrow.",
        title=BRIEFING,
    )
    assert any(published(s) for s in statements_with(facts, "bring home those who are held"))
    assert any(published(s) for s in statements_with(facts, "a safe means of doing that"))
    assert_waits(facts, "do this again")


def test_a_spoken_restart_of_several_words_keeps_the_words_settled_on(facts_of: Any) -> None:
    said = said_in_briefing(
        facts_of,
        "MS. ODUYA: The Governor wants families to get their medicine at an affordable prices — at affordable prices.",
    )
    assert "The Governor wants families to get their medicine at affordable prices" in said


def test_a_spoken_word_cut_off_before_a_dash_is_dropped_even_when_nothing_completes_it(facts_of: Any) -> None:
    said = said_in_briefing(
        facts_of,
        "MS. ODUYA: Aman- — among many topics, the Governor discussed the levees with the mayor.",
        "MS. ODUYA: These are families whom afa- — the agency has refused to move.",
        "MS. ODUYA: Treasury sanctioned this notorial transnat- — this tran- — notorious smuggling ring.",
    )
    assert "Among many topics, the Governor discussed the levees with the mayor" in said
    assert "These are families whom the agency has refused to move" in said
    assert "Treasury sanctioned this notorious smuggling ring" in said


def test_an_as_said_frame_is_not_part_of_the_claim(facts_of: Any) -> None:
    said = said_in_briefing(
        facts_of,
        "MS. ODUYA: As I said in my speech yesterday, civil society has always played an important role in the recovery.",
        "MR. MARSH: And as she also said, we're going to continue those repairs going forward.",
    )
    assert "civil society has always played an important role in the recovery" in said
    assert "we're going to continue those repairs going forward" in said


def test_a_word_said_again_after_a_cut_word_is_said_once(facts_of: Any) -> None:
    said = said_in_briefing(
        facts_of,
        "MS. ODUYA: Finally, as we look ahead to holi- — to holiday shopping, prices for toys are down about 4 percent.",
    )
    assert any("ahead to holiday shopping" in c for c in said)
    assert not any("to to" in c for c in said)


def test_letting_others_speak_for_themselves_is_no_claim(facts_of: Any) -> None:
    said = said_in_briefing(
        facts_of,
        "MS. ODUYA: And I’ll let the county leaders speak for themselves and their towns.",
        "MS. ODUYA: We let the rescued families speak to the press on Monday.",
    )
    assert not any("speak for themselves" in c for c in said)
    assert any("rescued families speak to the press" in c for c in said)
