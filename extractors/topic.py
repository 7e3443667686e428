"""Topic profiles: one TOML file per topic, validated. A new topic is a new file, no code.

name, title
[thresholds] include, near_miss
[[anchors]]   the topic's pillars; an article is about the topic when a paragraph
              (or its title) names every anchor together. Optional ``exclude``: longer
              names inside which the anchor's terms do not count ("Korea" inside
              "North Korea" or "Democratic People's Republic of Korea")
cues          optional: words of engagement (talks, summit, cooperation ...). A paragraph
              where the anchors meet counts more the more distinct cues sit where they
              meet (it reports the pillars working together), little with none (a list,
              an aside). Without cues every such paragraph counts fully.
[[subtopics]] id, title, terms: what the digest's sections are made of
[[penalties]] terms marking a register that is not reporting (e.g. state-media
              polemic), with the factor applied when enough of them occur
[[people]] / [[organisations]]  name, aliases (for recognition and alias merging),
              optional ``scope`` (terms that must be near an alias for it to count)
trip_markers  optional: itinerary words; a paragraph with one is a list of trips
[[groups]]    optional: a group named by its members ("Australia, Japan, New Zealand and
              the Republic of Korea" for the IP4): a sentence naming every member counts
              for the anchors in ``counts_for`` (once each has been named before)
"""

from __future__ import annotations

import re
import tomllib
from functools import cached_property
from pathlib import Path

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .config import PROJECT_ROOT, format_validation_error
from .errors import ConfigError
from .text import fold

TOPICS_DIR = PROJECT_ROOT / "topics"


def _not_blank(terms: tuple[str, ...]) -> tuple[str, ...]:
    if any(not t.strip() for t in terms):
        raise ValueError("terms must not be empty strings")
    return terms


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TermGroup(_Strict):
    id: str = Field(min_length=1)
    title: str = ""
    terms: tuple[str, ...] = Field(min_length=1)
    weak: tuple[str, ...] = ()
    """Terms (also listed in ``terms``) that alone do not make an article about the
    sub-topic: the names of a country, its capital or its leader ("DPRK", "Pyongyang" name
    North Korea, not its nuclear programme) and generic words ("procurement", "supply
    chain"). Outside the paragraphs where the anchors meet, they count only beside one of
    the sub-topic's other terms."""

    @model_validator(mode="after")
    def _weak_are_terms(self) -> TermGroup:
        known = {t.casefold() for t in self.terms}
        stray = [t for t in self.weak if t.casefold() not in known]
        if stray:
            raise ValueError(f"sub-topic {self.id!r}: weak terms not in its terms: {stray}")
        return self


class Anchor(_Strict):
    name: str = Field(min_length=1)
    terms: tuple[str, ...] = Field(min_length=1)
    exclude: tuple[str, ...] = ()
    """Longer names that contain a term but name something else; inside them the term
    does not count for this anchor."""
    after: tuple[str, ...] = ()
    """Other names ("the Alliance", "the allies") that count for this anchor only once one
    of its ``terms`` has been named before them (in the title or the text up to there)."""

    refer: tuple[str, ...] = ()
    """Definite references ("the summit", "this summit") that count for this anchor where
    the mention of ``refer_head`` last named before them is one of ``refer_to`` ("the NATO
    summit", "the Vilnius summit"), once one of its ``terms`` has been named: any other
    mention of the head word ("the trilateral summit", "the G7 summit") is another one's."""
    refer_to: tuple[str, ...] = ()
    """Names of this anchor's own instances of ``refer_head`` (see ``refer``)."""
    refer_head: str = ""
    """The word ``refer`` and ``refer_to`` share ("summit")."""

    @field_validator("exclude", "after", "refer", "refer_to")
    @classmethod
    def _exclude_not_blank(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _not_blank(v)

    @model_validator(mode="after")
    def _refer_complete(self) -> Anchor:
        if self.refer and not (self.refer_to and self.refer_head.strip()):
            raise ValueError("refer needs refer_to and refer_head")
        return self


class Group(_Strict):
    """A group named by its members: a sentence naming every member names the group."""

    name: str = Field(min_length=1)
    members: tuple[tuple[str, ...], ...] = Field(min_length=2)
    """Per member, its names (any one of them names the member)."""
    counts_for: tuple[str, ...] = Field(min_length=1)
    """Anchor names the group counts for, each once one of that anchor's terms has been
    named before the end of the list."""
    cue: bool = False
    """The members named together are an engagement in themselves (a partnership format
    that exists only as such): the sentence counts one engagement cue."""

    @field_validator("members")
    @classmethod
    def _members_not_blank(cls, v: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        if any(not m for m in v):
            raise ValueError("each member needs at least one name")
        for m in v:
            _not_blank(m)
        return v


class Penalty(_Strict):
    name: str
    terms: tuple[str, ...] = Field(min_length=1)
    min_distinct: int = Field(default=2, ge=1)
    factor: float = Field(default=0.3, ge=0, le=1)


class Known(_Strict):
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "person"
    scope: tuple[str, ...] = ()
    """When set, an alias (not the name itself) stands for this entity only where its
    sentence, or its paragraph without another country named, holds one of these terms
    ("the Foreign Ministry" is South Korea's only beside "Seoul" or "South Korea")."""


class Thresholds(_Strict):
    include: float = Field(default=0.45, gt=0, le=1)
    near_miss: float = Field(default=0.2, ge=0, le=1)
    near_miss_needs: tuple[str, ...] = ()
    """Anchor names an excluded article must name to be listed as a near-miss (an article
    without NATO is no near-miss for a NATO topic); () = none needed."""

    @model_validator(mode="after")
    def _order(self) -> Thresholds:
        if self.near_miss > self.include:
            raise ValueError("near_miss must not be above include")
        return self


class Topic(_Strict):
    name: str = Field(min_length=1)
    title: str = ""
    thresholds: Thresholds = Thresholds()
    anchors: tuple[Anchor, ...] = Field(min_length=1)
    subtopics: tuple[TermGroup, ...] = Field(min_length=1)
    cues: tuple[str, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    people: tuple[Known, ...] = ()
    organisations: tuple[Known, ...] = ()
    trip_markers: tuple[str, ...] = ()
    """Words of an itinerary ("travel to", "trip to"): a paragraph holding one where the
    anchors meet lists stops of a trip, so its engagement cues do not count."""
    reaction_terms: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """State media only: per anchor name, other names that stand in for it in a sentence
    that reacts to the topic (NATO "stretching its tentacles to the Asia-Pacific")."""
    reaction_cues: tuple[str, ...] = ()
    """State media only: words of ties or expansion that make such a sentence a reaction."""
    reaction_blocs: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """State media only: per anchor name, names of a bloc that stands for that anchor in the
    other anchors' region ("NATO of Asian version", "Asian NATO"). A sentence naming one
    with a reaction cue names every anchor outright when the document names the others
    outright anywhere (the ROK two paragraphs above)."""
    reaction_places: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """State media only: per anchor name, names of a place or body that is that anchor's own
    ground (the ROK-hosted "UN Command", the "Korean peninsula"). A ``reaction_blocs`` bloc
    set there in one sentence ("turning the UN Command into the second NATO of Asian
    version") ties the anchors outright, cue or not: the bloc's name already says expansion."""
    groups: tuple[Group, ...] = ()
    """Groups named by their members (see ``Group``)."""

    @model_validator(mode="after")
    def _groups_name_anchors(self) -> Topic:
        names = {a.name for a in self.anchors}
        for key, given in (
            ("thresholds.near_miss_needs", self.thresholds.near_miss_needs),
            ("reaction_blocs", tuple(self.reaction_blocs)),
            ("reaction_places", tuple(self.reaction_places)),
            ("reaction_terms", tuple(self.reaction_terms)),
        ):
            unknown = [n for n in given if n not in names]
            if unknown:
                raise ValueError(
                    f"{key}: names no anchor: {', '.join(unknown)} "
                    f"(anchors: {', '.join(sorted(names))})"
                )
        for g in self.groups:
            unknown = [n for n in g.counts_for if n not in names]
            if unknown:
                raise ValueError(
                    f"group {g.name!r}: counts_for names no anchor: {', '.join(unknown)} "
                    f"(anchors: {', '.join(sorted(names))})"
                )
        return self

    @field_validator("cues")
    @classmethod
    def _cues_not_blank(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return _not_blank(v)

    @cached_property
    def matchers(self) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
        """Compiled term patterns per group: anchors as ``anchor:<name>``, then sub-topic ids."""
        out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for a in self.anchors:
            out[f"anchor:{a.name}"] = [(t, term_pattern(t)) for t in a.terms]
        for s in self.subtopics:
            out[s.id] = [(t, term_pattern(t)) for t in s.terms]
        return out

    @cached_property
    def exclude_matchers(self) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
        """Per anchor group (``anchor:<name>``), its compiled ``exclude`` names."""
        return {f"anchor:{a.name}": [(t, term_pattern(t)) for t in a.exclude] for a in self.anchors}

    @cached_property
    def after_matchers(self) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
        """Per anchor group, its compiled ``after`` names."""
        return {f"anchor:{a.name}": [(t, term_pattern(t)) for t in a.after] for a in self.anchors}

    @cached_property
    def refer_matchers(
        self,
    ) -> dict[
        str,
        tuple[
            tuple[str, re.Pattern[str]],
            list[tuple[str, re.Pattern[str]]],
            list[tuple[str, re.Pattern[str]]],
        ],
    ]:
        """Per anchor group with ``refer``: (its head, its ``refer_to``, its ``refer``)."""
        return {
            f"anchor:{a.name}": (
                (a.refer_head, term_pattern(a.refer_head)),
                [(t, term_pattern(t)) for t in a.refer_to],
                [(t, term_pattern(t)) for t in a.refer],
            )
            for a in self.anchors
            if a.refer
        }

    @cached_property
    def group_matchers(self) -> list[tuple[Group, list[list[tuple[str, re.Pattern[str]]]]]]:
        """Each group with, per member, its compiled names."""
        return [(g, [[(t, term_pattern(t)) for t in m] for m in g.members]) for g in self.groups]

    @cached_property
    def reaction_matchers(self) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
        """Per anchor group (``anchor:<name>``), its compiled ``reaction_terms``."""
        return {
            f"anchor:{name}": [(t, term_pattern(t)) for t in terms]
            for name, terms in self.reaction_terms.items()
        }

    @cached_property
    def reaction_bloc_matchers(self) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
        """Per anchor group (``anchor:<name>``), its compiled ``reaction_blocs``."""
        return {
            f"anchor:{name}": [(t, term_pattern(t)) for t in terms]
            for name, terms in self.reaction_blocs.items()
        }

    @cached_property
    def reaction_place_matchers(self) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
        """Per anchor group (``anchor:<name>``), its compiled ``reaction_places``."""
        return {
            f"anchor:{name}": [(t, term_pattern(t)) for t in terms]
            for name, terms in self.reaction_places.items()
        }

    @cached_property
    def trip_matchers(self) -> list[tuple[str, re.Pattern[str]]]:
        return [(t, term_pattern(t)) for t in self.trip_markers]

    @cached_property
    def cue_matchers(self) -> list[tuple[str, re.Pattern[str]]]:
        return [(t, term_pattern(t)) for t in self.cues]

    @cached_property
    def reaction_cue_matchers(self) -> list[tuple[str, re.Pattern[str]]]:
        return [(t, term_pattern(t)) for t in self.reaction_cues]

    @cached_property
    def penalty_matchers(self) -> list[tuple[Penalty, list[tuple[str, re.Pattern[str]]]]]:
        return [(p, [(t, term_pattern(t)) for t in p.terms]) for p in self.penalties]

    def subtopic_title(self, sid: str) -> str:
        return next((s.title or s.id for s in self.subtopics if s.id == sid), sid)


def term_pattern(term: str) -> re.Pattern[str]:
    """A term as a whole-word pattern over folded text.

    Acronyms written in capitals (NATO, ROK, IP4) match case-sensitively, so "rok"
    in a word or "Nato" as a name of something else does not count; other terms
    ignore case and accents. Korean terms match inside words (particles attach).
    """
    if re.search(r"[\uac00-\ud7a3]", term):
        return re.compile(re.escape(term))
    body = re.escape(fold(term)).replace(r"\ ", r"[\s\-]+")
    if term.isupper() and len(term) <= 6:
        return re.compile(rf"(?<![\w]){re.escape(term)}(?![\w])")
    return re.compile(rf"(?<![\w]){body}(?:s|es)?(?![\w])", re.IGNORECASE)


def load_topic(name_or_path: str, base_dir: Path | None = None) -> Topic:
    """A bundled topic by name (``topics/<name>.toml``) or a TOML file by path."""
    candidates = []
    p = Path(name_or_path)
    if p.suffix == ".toml" or "/" in name_or_path:
        candidates.append(p if p.is_absolute() or base_dir is None else base_dir / p)
        candidates.append(p)
    else:
        candidates.append(TOPICS_DIR / f"{name_or_path}.toml")
    file = next((c for c in candidates if c.is_file()), None)
    if file is None:
        bundled = ", ".join(sorted(f.stem for f in TOPICS_DIR.glob("*.toml")))
        raise ConfigError(
            f"topic {name_or_path!r} not found: give a bundled topic name "
            f"({bundled}) or a path to a topic .toml file"
        )
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from exc
    try:
        return Topic.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc, str(file), data)) from exc
