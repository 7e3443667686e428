"""Same-story grouping on giveme5w1h-news/news_cluster (383 articles, 69 gold events).

    .venv/bin/python benchmarks/stories_eval.py [--limit N] [--experiments]
    .venv/bin/python benchmarks/stories_eval.py --theme        # same theme, different events
    .venv/bin/python benchmarks/stories_eval.py --sameday      # hand-labelled same-day events
    .venv/bin/python benchmarks/stories_eval.py --scale 1600,6400,10000   # time, peak RSS

Each JSON file becomes an ``extractors.models.Article`` (title, text, url,
source_domain as outlet, date_publish); all of them are grouped with
``extractors.stories.group(articles, threshold=...)``, which is what
``briefing analyze --no-filter`` does with them. Gold: ``newsCluster.EventId``.

Scores: B-cubed precision and recall, averaged per item, and their F1, at the
project's default threshold and over a sweep 0.10 .. 0.40 (step 0.02).

Representation experiments (this script only; extractors/ is unchanged): the
document text fed to the same TF-IDF vectors and the same clustering code is
swapped by patching ``stories.story_text`` for the run, so the figures say what a
change to ``story_text`` / ``LEAD_PARAGRAPHS`` would give.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import dataset, f1, report_skip, skipped, table

from extractors import stories
from extractors.models import Article
from extractors.text import parse_iso

NAME = "giveme5w1h-news"
SWEEP = [round(0.10 + 0.02 * i, 2) for i in range(16)]  # 0.10 .. 0.40
TARGET = 0.90


# ---------------------------------------------------------------- data


def _files(limit: int | None) -> list[Path] | None:
    d = dataset(NAME, "news_cluster/data")
    if d is None:
        return None
    files = sorted((d / "news_cluster" / "data").glob("*.json"))
    return files[:limit] if limit else files


def load(limit: int | None = None) -> tuple[list[Article], list[int], dict[str, str]] | None:
    """Articles (sorted by file name), gold event ids, and each article's description."""
    files = _files(limit)
    if files is None:
        return None
    arts, gold, desc = [], [], {}
    for f in files:
        item = json.loads(f.read_text("utf-8"))
        a = Article(
            source=f.name,
            title=(item.get("title") or "").strip(),
            text=item.get("text") or "",
            url=item.get("url"),
            outlet=item.get("source_domain"),
            published=parse_iso(item.get("date_publish")),
            via="file",
        )
        arts.append(a)
        gold.append(int(item["newsCluster"]["EventId"]))
        d_ = item.get("description")
        desc[f.name] = d_.strip() if isinstance(d_, str) and d_ != "None" else ""
    return arts, gold, desc


# ---------------------------------------------------------------- the metric


def bcubed(pred: Sequence[Sequence[int]], gold: Sequence[int]) -> dict:
    """B-cubed P/R averaged over items; F1 of the two averages."""
    cluster_of = {}
    for k, g in enumerate(pred):
        for i in g:
            cluster_of[i] = k
    members: dict[int, set[int]] = {}
    for i, k in cluster_of.items():
        members.setdefault(k, set()).add(i)
    by_gold: dict[int, set[int]] = {}
    for i, g in enumerate(gold):
        by_gold.setdefault(g, set()).add(i)
    n = len(gold)
    p = r = 0.0
    for i in range(n):
        c, g = members[cluster_of[i]], by_gold[gold[i]]
        both = len(c & g)
        p += both / len(c)
        r += both / len(g)
    p, r = p / n, r / n
    return {"precision": p, "recall": r, "f1": f1(p, r), "clusters": len(pred)}


# ---------------------------------------------------------------- representations


@contextmanager
def representation(fn: Callable[[Article], str] | None):
    saved = stories.story_text
    try:
        if fn is not None:
            stories.story_text = fn
        yield
    finally:
        stories.story_text = saved


def _lead(a: Article, n: int) -> str:
    return " ".join(a.paragraphs[:n])


def _lead_words(a: Article, n: int) -> str:
    return " ".join(" ".join(a.paragraphs).split()[:n])


def experiments(desc: dict[str, str]) -> dict[str, Callable[[Article], str]]:
    """Alternative ``story_text`` functions (name -> fn)."""
    out: dict[str, Callable[[Article], str]] = {}
    for tw in (1, 2, 3):
        for lead in (1, 2, 3, 5, 8):
            out[f"title x{tw} + lead {lead} para"] = lambda a, tw=tw, lead=lead: (
                ". ".join([a.title] * tw) + ". " + _lead(a, lead)
            )
    for tw in (1, 2, 3):
        for words in (50, 100, 200, 400):
            out[f"title x{tw} + first {words} words"] = lambda a, tw=tw, w=words: (
                ". ".join([a.title] * tw) + ". " + _lead_words(a, w)
            )
    for tw in (1, 2, 3):
        out[f"title x{tw} + full text"] = lambda a, tw=tw: ". ".join([a.title] * tw) + ". " + a.text
    for tw in (1, 2, 3):
        for lead in (0, 1, 3, 5):
            out[f"title x{tw} + description + lead {lead} para"] = lambda a, tw=tw, lead=lead: (
                ". ".join([a.title] * tw) + ". " + desc.get(a.source, "") + ". " + _lead(a, lead)
            )
        for words in (100, 200, 400):
            out[f"title x{tw} + description + first {words} words"] = lambda a, tw=tw, w=words: (
                ". ".join([a.title] * tw) + ". " + desc.get(a.source, "") + ". " + _lead_words(a, w)
            )
    return out


# The representations that reach the target on a plateau of thresholds (see --experiments).
RECIPES: dict[str, Callable[[Article], str]] = {
    "title x3 + first 200 words": lambda a: (
        f"{a.title}. {a.title}. {a.title}. " + _lead_words(a, 200)
    ),
    "title x3 + lead 5 para": lambda a: f"{a.title}. {a.title}. {a.title}. " + _lead(a, 5),
}
RECIPE_THRESHOLD = 0.14


def load_via_pipeline(limit: int | None = None) -> list[Article] | None:
    """The same files read the way ``briefing analyze FILE.json`` reads them
    (``files.parse_news_please``: the cleaning rules run over the text)."""
    from extractors.errors import SourceError
    from extractors.files import parse_news_please
    from fetch.sources import to_article

    files = _files(limit)
    if files is None:
        return None
    out: list[Article | None] = []
    for f in files:
        try:
            cleaned = parse_news_please(f.read_text("utf-8"), str(f))
            out.append(to_article(cleaned, f.name, "bench", "file"))
        except SourceError:  # a photo gallery is refused: not an article
            out.append(None)
    return out


CLUSTER_EVENTS = Path(__file__).resolve().parent / "stories_cluster_events.json"
"""Gold events of news_cluster that lump several events, each article given its own."""


def corrected_gold(arts: Sequence[Article], gold: Sequence[int]) -> list[int]:
    """``gold`` with the lumped events of ``CLUSTER_EVENTS`` split into the events their
    articles report; a new event keeps its gold event's parity (its dev/test half)."""
    if not CLUSTER_EVENTS.exists():
        return list(gold)
    fix = json.loads(CLUSTER_EVENTS.read_text("utf-8"))
    new: dict[str, int] = {}
    top = max(gold, default=0) + 1
    for ev, parts in fix.items():
        if ev.startswith("_"):
            continue
        for k, (_, files) in enumerate(sorted(parts.items())):
            code = (top + 2 * k) * 2 + int(ev) % 2  # even stays even (dev), odd odd
            for f in files:
                new[f] = code
    return [new.get(a.source, g) for a, g in zip(arts, gold, strict=True)]


def split_events(gold: Sequence[int], part: str) -> list[int]:
    """Indices of the articles of the ``dev`` (even event id) or ``test`` (odd) events.
    Every grouping parameter was chosen on dev; test was only measured."""
    want = 0 if part == "dev" else 1
    return [i for i, g in enumerate(gold) if g % 2 == want]


def split_scores(arts: Sequence[Article], gold: Sequence[int]) -> dict[str, dict]:
    out = {}
    for part in ("dev", "test"):
        idx = split_events(gold, part)
        out[part] = bcubed(stories.group([arts[i] for i in idx]), [gold[i] for i in idx])
        out[part]["articles"] = len(idx)
        out[part]["events"] = len({gold[i] for i in idx})
    return out


def _best(sw: dict[float, dict]) -> float:
    return max(sw, key=lambda t: sw[t]["f1"])


def sweep(
    arts: Sequence[Article], gold: Sequence[int], fn: Callable[[Article], str] | None = None
) -> dict[float, dict]:
    with representation(fn):
        return {t: bcubed(stories.group(arts, threshold=t), gold) for t in SWEEP}


# ---------------------------------------------------------------- same theme, different events

KCNA = "kcna-archive-2024"
WH = "wh-briefings-nato-korea"
WH_APART = 2.0
"""Two White House releases at least this many days apart are different events (a fact
sheet, readout and remarks of one meeting come out on one day or the next)."""
THEME_DF = 3
"""news_cluster: two articles of different gold events that share a name carried by at
least this many articles of the batch (a theme name: "Trump", "North Korea") are a
same-theme pair."""


@dataclass
class ThemeBatch:
    """One batch grouped as a digest would be, and its labelled different-event pairs."""

    corpus: str
    name: str
    articles: list[Article]
    negatives: list[tuple[int, int]]
    sameday: list[tuple[int, int]] = field(default_factory=list)
    """The negatives published on one calendar day (also in ``negatives``)."""


def _same_day(a: Article, b: Article) -> bool:
    return (
        a.published is not None
        and b.published is not None
        and (a.published.date() == b.published.date())
    )


def _week(d: datetime) -> tuple[int, int]:
    iso = d.isocalendar()
    return iso[0], iso[1]


def kcna_batches() -> list[ThemeBatch] | None:
    """KCNA's English items (Photo and Video menus left out, one item per link), one batch
    per ISO week: one state outlet on one theme; an item whose text repeats an earlier
    one of the week is left out (the pipeline merges exact duplicates). Labels: two items
    whose headlines share no content word are different events ("Roads and Railways ..."
    and "... Test of Drones"); words in more than ``THEME_HEADLINE`` of the week's
    headlines ("DPRK", "Respected Comrade Kim Jong Un") are the outlet's theme, not
    content. Items whose headlines share a word ("Belarusian Foreign Minister Arrives",
    "... Leaves") may be one event and are not scored."""
    d = dataset(KCNA, "headlines_2024-11-11.json")
    if d is None:
        return None
    items = json.loads((d / "headlines_2024-11-11.json").read_text("utf-8"))
    seen: set[str] = set()
    weeks: dict[tuple[int, int], list[Article]] = {}
    texts: set[tuple[tuple[int, int], str]] = set()
    for it in items:
        if not it.get("story_text") or it["link"] in seen or it["topic"] in ("Photo", "Video"):
            continue
        seen.add(it["link"])
        day = datetime.fromtimestamp(int(it["date"]) / 1000, UTC)
        key = (_week(day), " ".join(it["story_text"].split()))
        if key in texts:
            continue
        texts.add(key)
        a = Article(
            source=it["link"],
            title=it["headline"].strip(),
            text=it["story_text"],
            url=it["link"],
            outlet="KCNA",
            published=day,
            via="file",
        )
        weeks.setdefault(_week(day), []).append(a)
    out = []
    for wk, arts in sorted(weeks.items()):
        if len(arts) < RARE_BATCH_MIN:
            continue
        words = _headline_words(arts)
        neg = [
            (i, j)
            for i, j in itertools.combinations(range(len(arts)), 2)
            if not words[i] & words[j]
        ]
        same = [(i, j) for i, j in neg if _same_day(arts[i], arts[j])]
        out.append(ThemeBatch("kcna", f"{wk[0]}-W{wk[1]:02d}", arts, neg, same))
    return out


THEME_HEADLINE = 0.05


def _headline_words(arts: Sequence[Article]) -> list[set[str]]:
    """Each headline's content words (``vectors.tokens``) less the batch's theme words."""
    from extractors.vectors import tokens

    words = [set(tokens(a.title)) for a in arts]
    df: dict[str, int] = {}
    for w in words:
        for t in w:
            df[t] = df.get(t, 0) + 1
    theme = {t for t, c in df.items() if c > THEME_HEADLINE * len(arts)}
    return [w - theme for w in words]


def _front_matter(text: str) -> tuple[dict, str]:
    import yaml

    if not text.startswith("---"):
        return {}, text
    _, head, body = text.split("---", 2)
    meta = yaml.safe_load(head) or {}
    return (meta if isinstance(meta, dict) else {}), body


def wh_batches() -> list[ThemeBatch] | None:
    """White House releases of the three NATO-summit months, one batch per ISO week (one
    source, one theme: the summit, the alliance, the week's briefings). Labels: releases
    ``WH_APART`` or more days apart are different events; so are releases of one day whose
    titles share no content word less the week's theme words (``_headline_words``: a
    fact sheet on health care and a statement on the jobs report); other close pairs are
    not scored."""
    d = dataset(WH, "manifest.csv")
    if d is None:
        return None
    import csv

    weeks: dict[tuple[int, int], list[Article]] = {}
    with open(d / "manifest.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["month_window"] == "1"]
    for r in rows:
        meta, body = _front_matter((d / r["path"]).read_text("utf-8"))
        pub = meta.get("published_time") or meta.get("date")
        when = pub if isinstance(pub, datetime) else parse_iso(str(pub))
        if when is None:
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        a = Article(
            source=r["path"],
            title=str(meta.get("title") or r["title"]).replace("\xa0", " ").strip(),
            text=body.strip(),
            url=r["url"],
            outlet="The White House",
            published=when,
            via="file",
        )
        weeks.setdefault(_week(when), []).append(a)
    out = []
    for wk, arts in sorted(weeks.items()):
        if len(arts) < RARE_BATCH_MIN:
            continue
        neg = [
            (i, j)
            for i, j in itertools.combinations(range(len(arts)), 2)
            if abs((arts[i].published - arts[j].published).total_seconds()) >= WH_APART * 86400  # type: ignore[operator]
        ]
        words = _headline_words(arts)
        same = [
            (i, j)
            for i, j in itertools.combinations(range(len(arts)), 2)
            if _same_day(arts[i], arts[j]) and not words[i] & words[j]
        ]
        out.append(ThemeBatch("wh", f"{wk[0]}-W{wk[1]:02d}", arts, neg + same, same))
    return out


RARE_BATCH_MIN = 8


def cluster_theme_pairs(arts: Sequence[Article], gold: Sequence[int]) -> list[tuple[int, int]]:
    """news_cluster pairs of different gold events that share a theme name (a name at
    least ``THEME_DF`` articles of the batch carry)."""
    ns = [stories.names(a) for a in arts]
    df: dict[str, int] = {}
    for s in ns:
        for n in s:
            df[n] = df.get(n, 0) + 1
    theme = {n for n, c in df.items() if c >= THEME_DF}
    return [
        (i, j)
        for i, j in itertools.combinations(range(len(arts)), 2)
        if gold[i] != gold[j] and ns[i] & ns[j] & theme
    ]


def theme_part(batch: ThemeBatch) -> str:
    """dev = even ISO weeks (tuned on), test = odd weeks (measured only)."""
    return "dev" if int(batch.name.rsplit("W", 1)[1]) % 2 == 0 else "test"


def wrong_merges(
    groups: Sequence[Sequence[int]], negatives: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    where = {i: k for k, g in enumerate(groups) for i in g}
    return [(i, j) for i, j in negatives if where[i] == where[j]]


def theme_evaluate(show: int = 0) -> dict:
    """Pairwise wrong-merge rate (different-event pairs put in one story / such pairs) on
    the same-theme set, per corpus and half; ``show`` wrong merges listed per half."""
    res: dict = {}
    batches = (kcna_batches() or []) + (wh_batches() or [])
    data = load()
    if data is not None:
        arts, gold, _ = data
        for part in ("dev", "test"):
            idx = split_events(gold, part)
            sub = [arts[i] for i in idx]
            sub_gold = [gold[i] for i in idx]
            batches.append(
                ThemeBatch(
                    "news_cluster",
                    f"x-W{0 if part == 'dev' else 1}",
                    sub,
                    cluster_theme_pairs(sub, sub_gold),
                )
            )
    if not batches:
        return skipped(KCNA)
    examples: dict[str, list] = {"dev": [], "test": []}
    for b in batches:
        part = theme_part(b)
        groups = stories.group(b.articles)
        wrong = wrong_merges(groups, b.negatives)
        for key in (f"{b.corpus}_{part}", f"all_{part}"):
            r = res.setdefault(key, {"pairs": 0, "wrong": 0, "articles": 0, "batches": 0})
            r["pairs"] += len(b.negatives)
            r["wrong"] += len(wrong)
            r["articles"] += len(b.articles)
            r["batches"] += 1
        if b.sameday:
            for key in (f"{b.corpus}_sameday_{part}", f"sameday_{part}"):
                r = res.setdefault(key, {"pairs": 0, "wrong": 0, "articles": 0, "batches": 0})
                r["pairs"] += len(b.sameday)
                r["wrong"] += len(wrong_merges(groups, b.sameday))
                r["articles"] += len(b.articles)
                r["batches"] += 1
        for i, j in wrong[: max(0, show)]:
            examples[part].append((b.corpus, b.articles[i].title[:70], b.articles[j].title[:70]))
    for r in res.values():
        r["rate"] = r["wrong"] / r["pairs"] if r["pairs"] else 0.0
    res["examples"] = examples
    return res


# ---------------------------------------------------------------- labelled same-day events

SAMEDAY_LABELS = Path(__file__).resolve().parent / "stories_sameday_labels.json"
BLIND_LABELS = Path(__file__).resolve().parent / "stories_sameday_labels_r5.json"
"""Round 5: ten more days (6 KCNA, 4 White House) labelled blind, all held out (test)."""
DEV2_LABELS = Path(__file__).resolve().parent / "stories_sameday_labels_r5b.json"
"""Round 5, second pass: six more days (3 KCNA, 3 White House) labelled blind, the dev set."""
R6_LABELS = Path(__file__).resolve().parent / "stories_sameday_labels_r6.json"
"""Round 6: ten more days (6 KCNA, 4 White House) labelled blind, split dev/test by day."""
R7_LABELS = Path(__file__).resolve().parent / "stories_sameday_labels_r7.json"
"""Round 7: six White House days labelled blind, split dev/test by day."""


@dataclass
class DayLabels:
    """One labelled day inside its week's batch: article indices and the scored pairs."""

    corpus: str
    day: str
    split: str
    items: list[int]
    same: list[tuple[int, int]]
    """Pairs labelled one event (a wrong split when the grouping separates them)."""
    different: list[tuple[int, int]]
    """Pairs labelled different events (a wrong merge when grouped together)."""
    batch: int = 0
    """Index of the week batch the day's items are grouped in."""


def _kcna_link_map(batches: Sequence[ThemeBatch]) -> dict[str, tuple[int, int]]:
    """KCNA link (its last part) -> (batch, article) of the item kept for its text (an item
    whose text repeats an earlier one of the week is that earlier item)."""
    d = dataset(KCNA, "headlines_2024-11-11.json")
    if d is None:
        return {}
    where = {
        (b.name, " ".join(a.text.split())): (k, i)
        for k, b in enumerate(batches)
        for i, a in enumerate(b.articles)
    }
    out = {}
    for it in json.loads((d / "headlines_2024-11-11.json").read_text("utf-8")):
        if not it.get("story_text"):
            continue
        day = datetime.fromtimestamp(int(it["date"]) / 1000, UTC)
        wk = _week(day)
        hit = where.get((f"{wk[0]}-W{wk[1]:02d}", " ".join(it["story_text"].split())))
        if hit is not None:
            out.setdefault(it["link"].rsplit("/", 1)[-1], hit)
    return out


def sameday_sets(
    path: Path = SAMEDAY_LABELS,
) -> tuple[list[ThemeBatch], list[DayLabels]] | None:
    """The hand-labelled same-day set (``stories_sameday_labels.json``): the week batches
    of the theme set (KCNA and White House weeks, grouped as a digest of the week would
    be) and, per labelled day, its pairs labelled one event or different events."""
    if not path.exists():
        return None
    labels = json.loads(path.read_text("utf-8"))
    batches: list[ThemeBatch] = []
    days: list[DayLabels] = []
    for corpus, loader in (("kcna", kcna_batches), ("wh", wh_batches)):
        got = loader()
        if not got:
            continue
        base = len(batches)
        batches.extend(got)
        if corpus == "kcna":
            ids = {key: (base + k, i) for key, (k, i) in _kcna_link_map(got).items()}
        else:
            ids = {
                a.source.rsplit("/", 1)[-1]: (base + k, i)
                for k, b in enumerate(got)
                for i, a in enumerate(b.articles)
            }
        for day, lab in sorted(labels.get(corpus, {}).items()):
            found = [ids[x] for x in lab["items"] if x in ids]
            if not found:
                continue
            bk = Counter(k for k, _ in found).most_common(1)[0][0]
            pos = {x: ids[x][1] for x in lab["items"] if x in ids and ids[x][0] == bk}
            event = {x: n for n, g in enumerate(lab["events"]) for x in g}
            unsure = {frozenset(p) for p in lab["unsure"]}
            same, diff = [], []
            for x, y in itertools.combinations(sorted(pos, key=pos.__getitem__), 2):
                if pos[x] == pos[y] or frozenset((x, y)) in unsure:
                    continue
                pair = (pos[x], pos[y])
                if x in event and event.get(y) == event[x]:
                    same.append(pair)
                else:
                    diff.append(pair)
            items = sorted(set(pos.values()))
            days.append(DayLabels(corpus, day, lab["split"], items, same, diff, bk))
    return batches, days


def sameday_evaluate(show: int = 0, per_day: bool = False, path: Path = SAMEDAY_LABELS) -> dict:
    """Wrong-merge rate (different-event pairs of one day put in one story / such pairs)
    and wrong-split rate (one-event pairs put in different stories / such pairs) on the
    hand-labelled days, per corpus and split; ``show`` mistakes listed per split.
    ``per_day``: each day grouped alone (as ``briefing analyze`` of one day's items)
    instead of inside its week."""
    got = sameday_sets(path)
    if got is None:
        return skipped(KCNA)
    batches, days = got
    if per_day:
        alone: list[ThemeBatch] = []
        days_alone: list[DayLabels] = []
        for d in days:
            keep = d.items
            at = {i: k for k, i in enumerate(keep)}
            arts = [batches[d.batch].articles[i] for i in keep]
            alone.append(ThemeBatch(d.corpus, d.day, arts, []))
            d = DayLabels(
                d.corpus,
                d.day,
                d.split,
                list(range(len(keep))),
                [(at[i], at[j]) for i, j in d.same],
                [(at[i], at[j]) for i, j in d.different],
                len(alone) - 1,
            )
            days_alone.append(d)
        batches, days = alone, days_alone
    groups = {}
    res: dict = {}
    examples: dict[str, list] = {"dev": [], "test": []}
    for d in days:
        bk = d.batch
        if bk not in groups:
            groups[bk] = stories.group(batches[bk].articles)
        where = {i: k for k, g in enumerate(groups[bk]) for i in g}
        merged = [(i, j) for i, j in d.different if where[i] == where[j]]
        split_ = [(i, j) for i, j in d.same if where[i] != where[j]]
        for key in (f"{d.corpus}_{d.split}", d.split):
            r = res.setdefault(
                key, {"days": 0, "items": 0, "different": 0, "merged": 0, "same": 0, "split": 0}
            )
            r["days"] += 1
            r["items"] += len(d.items)
            r["different"] += len(d.different)
            r["merged"] += len(merged)
            r["same"] += len(d.same)
            r["split"] += len(split_)
        arts = batches[bk].articles
        for kind, pairs in (("merge", merged), ("split", split_)):
            for i, j in pairs[: max(0, show)]:
                examples[d.split].append(
                    (kind, d.corpus, d.day, arts[i].title[:60], arts[j].title[:60])
                )
    for r in res.values():
        r["wrong_merge"] = r["merged"] / r["different"] if r["different"] else 0.0
        r["wrong_split"] = r["split"] / r["same"] if r["same"] else 0.0
    res["examples"] = examples
    return res


def print_sameday(t: dict) -> None:
    if report_skip(t):
        return
    print("hand-labelled same-day events (dev = every other labelled day)")
    rows = [
        (
            k,
            v["days"],
            v["items"],
            v["different"],
            v["merged"],
            f"{v['wrong_merge']:.4f}",
            v["same"],
            v["split"],
            f"{v['wrong_split']:.4f}",
        )
        for k, v in sorted(t.items())
        if k != "examples"
    ]
    hdr = (
        "set",
        "days",
        "items",
        "diff pairs",
        "merged",
        "wrong merge",
        "same pairs",
        "split",
        "wrong split",
    )
    print(table(rows, hdr))
    for part, ex in t["examples"].items():
        for kind, corpus, day, a, b in ex[:40]:
            print(f"  {part} {kind} {corpus} {day}: {a!r} + {b!r}")


# ---------------------------------------------------------------- scale (issue 14)


def scale_pool() -> list[Article]:
    """Every article text of the shared corpora that the grouping can read: news_cluster,
    KCNA, the White House releases and BBC News (2,225 undated texts, given one day)."""
    pool: list[Article] = list((load() or ([], [], {}))[0])
    for batches in (kcna_batches() or [], wh_batches() or []):
        for b in batches:
            pool.extend(b.articles)
    d = dataset("bbc-news-summary", "News Articles")
    if d is not None:
        day = datetime(2005, 3, 1, tzinfo=UTC)
        for f in sorted((d / "News Articles").glob("*/*.txt")):
            raw = f.read_text("utf-8", errors="replace").strip().split("\n", 1)
            title, text = raw[0].strip(), raw[1] if len(raw) > 1 else ""
            pool.append(Article(source=str(f), title=title, text=text, published=day))
    return pool


def scale_articles(n: int) -> list[Article]:
    """``n`` articles: the pool, then copies of it that differ from the original (every
    seventh word dropped, at a shifted place per copy) and are published days later."""
    from dataclasses import replace
    from datetime import timedelta

    pool = scale_pool()
    out: list[Article] = []
    for k in range(n):
        a = pool[k % len(pool)]
        r = k // len(pool)
        if r:
            words = a.text.split()
            kept = [w for p, w in enumerate(words) if (p + r) % 7]
            when = a.published + timedelta(days=r) if a.published else None
            a = replace(a, source=f"{a.source}#{r}", text=" ".join(kept), published=when)
        out.append(a)
    return out


def scale_one(n: int) -> dict:
    """Group ``n`` articles once in this process: seconds and peak RSS (MB)."""
    import resource

    arts = scale_articles(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    sig = stories.Signals.of(arts)
    t1 = time.perf_counter()
    groups = stories.group(arts, sig=sig)
    t2, c2 = time.perf_counter(), time.process_time()
    pairs = len(sig.candidates()[0])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n,
        "signals_s": t1 - t0,
        "grouping_s": t2 - t0,
        "grouping_cpu_s": c2 - c0,
        "candidate_pairs": pairs,
        "stories": len(groups),
        "rss_before_mb": before,
        "peak_rss_mb": peak,
    }


def scale(sizes: Sequence[int]) -> list[dict]:
    """``scale_one`` per size, each in a fresh process (so peak RSS is that size's)."""
    import subprocess

    out = []
    for n in sizes:
        proc = subprocess.run(
            [sys.executable, __file__, "--scale-one", str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        out.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return out


# ---------------------------------------------------------------- evaluate


def evaluate(limit: int | None = None, run_experiments: bool = False, extras: bool = True) -> dict:
    """B-cubed figures at the default threshold and over the sweep.

    ``extras`` adds the pipeline reading (parse_news_please) and the RECIPES;
    ``run_experiments`` adds the whole representation grid (minutes).
    """
    data = load(limit)
    if data is None:
        return skipped(NAME)
    arts, gold, desc = data
    t0 = time.perf_counter()
    default = bcubed(stories.group(arts), gold)
    elapsed_default = time.perf_counter() - t0
    res: dict = {
        "articles": len(arts),
        "events": len(set(gold)),
        "threshold": stories.THRESHOLD,
        **default,
        "elapsed_default": elapsed_default,
        "sweep": sweep(arts, gold),
    }
    best_t = _best(res["sweep"])
    res["best_threshold"] = best_t
    res["best_f1"] = res["sweep"][best_t]["f1"]
    res["split"] = split_scores(arts, gold)
    res["split_corrected"] = split_scores(arts, corrected_gold(arts, gold))
    res["theme"] = theme_evaluate()
    res["sameday"] = sameday_evaluate()
    res["sameday_blind"] = sameday_evaluate(path=BLIND_LABELS)
    res["sameday_dev2"] = sameday_evaluate(path=DEV2_LABELS)
    res["sameday_r6"] = sameday_evaluate(path=R6_LABELS)
    res["sameday_r7"] = sameday_evaluate(path=R7_LABELS)
    res["recipes"] = {}
    loaded = (load_via_pipeline(limit) or []) if extras else []
    kept = [i for i, a in enumerate(loaded) if a is not None]
    pipe = [a for a in loaded if a is not None]
    if extras:
        pgold = [gold[i] for i in kept]
        res["pipeline_refused"] = len(loaded) - len(pipe)
        psw = sweep(pipe, pgold)
        res["pipeline"] = {
            "sweep": psw,
            "best_threshold": _best(psw),
            "at_default": bcubed(stories.group(pipe), pgold),
        }
    for name, fn in RECIPES.items() if extras else ():
        rsw = sweep(arts, gold, fn)
        rpsw = sweep(pipe, [gold[i] for i in kept], fn)
        res["recipes"][name] = {
            "sweep": rsw,
            "best_threshold": _best(rsw),
            "at_recipe_threshold": rsw[RECIPE_THRESHOLD],
            "pipeline_at_recipe_threshold": rpsw[RECIPE_THRESHOLD],
            "plateau": [t for t, v in rsw.items() if v["f1"] >= TARGET],
        }
    if run_experiments:
        exp = {}
        for name, fn in experiments(desc).items():
            sw = sweep(arts, gold, fn)
            bt = max(sw, key=lambda t: sw[t]["f1"])
            with representation(fn):
                at_default = bcubed(stories.group(arts), gold)
            exp[name] = {
                "best_threshold": bt,
                **sw[bt],
                "f1_at_default": at_default["f1"],
                "sweep": sw,
            }
        res["experiments"] = exp
    res["elapsed"] = time.perf_counter() - t0
    return res


def print_theme(t: dict) -> None:
    if report_skip(t):
        return
    print("same theme, different events: pairwise wrong-merge rate (dev = even ISO weeks)")
    rows = [
        (k, v["batches"], v["articles"], v["pairs"], v["wrong"], f"{v['rate']:.4f}")
        for k, v in sorted(t.items())
        if k != "examples"
    ]
    print(table(rows, ("set", "batches", "articles", "pairs", "wrong", "rate")))
    for part, ex in t["examples"].items():
        for corpus, a, b in ex[:10]:
            print(f"  {part} {corpus}: {a!r} + {b!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N files (sorted names)")
    ap.add_argument(
        "--experiments",
        action="store_true",
        help="also sweep alternative document representations (title weight, lead, description)",
    )
    ap.add_argument("--top", type=int, default=12, help="experiments to list")
    ap.add_argument(
        "--scale",
        default=None,
        help="comma-separated sizes (e.g. 1600,6400,10000): grouping time and peak RSS",
    )
    ap.add_argument("--scale-one", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--theme", action="store_true", help="only the same-theme wrong-merge rates")
    ap.add_argument(
        "--sameday", action="store_true", help="only the hand-labelled same-day event pairs"
    )
    ap.add_argument(
        "--blind",
        action="store_true",
        help="with --sameday: the round-5 blind days (stories_sameday_labels_r5.json)",
    )
    ap.add_argument(
        "--dev2",
        action="store_true",
        help="with --sameday: the second-pass dev days (stories_sameday_labels_r5b.json)",
    )
    ap.add_argument(
        "--r6",
        action="store_true",
        help="with --sameday: the round-6 blind days (stories_sameday_labels_r6.json, dev/test)",
    )
    ap.add_argument(
        "--r7",
        action="store_true",
        help="with --sameday: the round-7 blind White House days (stories_sameday_labels_r7.json)",
    )
    args = ap.parse_args(argv)
    if args.scale_one:
        print(json.dumps(scale_one(args.scale_one)))
        return 0
    if args.scale:
        rows = [
            (
                r["articles"],
                f"{r['signals_s']:.1f}",
                f"{r['grouping_s']:.1f}",
                f"{r['grouping_cpu_s']:.1f}",
                r["candidate_pairs"],
                r["stories"],
                f"{r['rss_before_mb']:.0f}",
                f"{r['peak_rss_mb']:.0f}",
            )
            for r in scale([int(s) for s in args.scale.split(",")])
        ]
        print("story grouping at scale (Signals.of + group; one process per size):")
        hdr = ("N", "signals s", "grouping s", "CPU s", "pairs", "stories", "RSS in", "peak MB")
        print(table(rows, hdr))
        return 0
    if args.theme:
        print_theme(theme_evaluate(show=5))
        return 0
    if args.sameday:
        path = (
            BLIND_LABELS
            if args.blind
            else DEV2_LABELS
            if args.dev2
            else R6_LABELS
            if args.r6
            else R7_LABELS
            if args.r7
            else SAMEDAY_LABELS
        )
        print(f"labels: {path.name}")
        print_sameday(sameday_evaluate(show=12, path=path))
        print("the same, each day grouped alone (as `briefing analyze` of one day's items):")
        print_sameday(sameday_evaluate(per_day=True, path=path))
        return 0
    res = evaluate(args.limit, run_experiments=args.experiments)
    if report_skip(res):
        return 0
    print(f"news_cluster: {res['articles']} articles, {res['events']} gold events")
    print(
        table(
            [
                (
                    "default",
                    res["threshold"],
                    res["f1"],
                    res["precision"],
                    res["recall"],
                    res["clusters"],
                )
            ],
            ("run", "threshold", "B3 F1", "B3 P", "B3 R", "clusters"),
        )
    )
    print_theme(res["theme"])
    print_sameday(res["sameday"])
    print("round-5 blind days (stories_sameday_labels_r5.json, all test):")
    print_sameday(res["sameday_blind"])
    print("round-5 second-pass dev days (stories_sameday_labels_r5b.json, all dev):")
    print_sameday(res["sameday_dev2"])
    print("round-6 blind days (stories_sameday_labels_r6.json, dev/test by day):")
    print_sameday(res["sameday_r6"])
    print("round-7 blind White House days (stories_sameday_labels_r7.json, dev/test by day):")
    print_sameday(res["sameday_r7"])
    for part, r in res["split"].items():
        print(
            f"{part}: {r['articles']} articles, {r['events']} events: B3 F1 {r['f1']:.3f} "
            f"(P {r['precision']:.3f}, R {r['recall']:.3f})"
        )
    for part, r in res["split_corrected"].items():
        print(
            f"{part}, lumped events split (stories_cluster_events.json): {r['events']} events: "
            f"B3 F1 {r['f1']:.3f} (P {r['precision']:.3f}, R {r['recall']:.3f})"
        )
    print("threshold sweep (project representation):")
    rows = [
        (f"{t:.2f}", s["f1"], s["precision"], s["recall"], s["clusters"])
        for t, s in res["sweep"].items()
    ]
    print(table(rows, ("threshold", "B3 F1", "B3 P", "B3 R", "clusters")))
    print(
        f"best: threshold {res['best_threshold']:.2f}, F1 {res['best_f1']:.3f} "
        f"(target {TARGET:.2f})"
    )
    pl = res["pipeline"]
    bt = pl["best_threshold"]
    print(
        f"as `briefing analyze` reads the files (parse_news_please, cleaning rules on): "
        f"F1 {pl['at_default']['f1']:.3f} at {res['threshold']:.2f}, "
        f"best {pl['sweep'][bt]['f1']:.3f} at {bt:.2f} "
        f"({res['pipeline_refused']} photo galleries refused by the cleaner)"
    )
    print(f"recipes (story_text changed; threshold {RECIPE_THRESHOLD:.2f}):")
    rows = []
    for name, r in res["recipes"].items():
        a, pa = r["at_recipe_threshold"], r["pipeline_at_recipe_threshold"]
        plateau = f"{min(r['plateau']):.2f}-{max(r['plateau']):.2f}" if r["plateau"] else "-"
        rows.append((name, a["f1"], a["precision"], a["recall"], pa["f1"], plateau))
    print(
        table(rows, ("story_text", "B3 F1", "B3 P", "B3 R", "F1 pipeline", f"F1>={TARGET:.2f} for"))
    )
    if "experiments" in res:
        ranked = sorted(res["experiments"].items(), key=lambda kv: -kv[1]["f1"])
        rows = [
            (
                name,
                f"{e['best_threshold']:.2f}",
                e["f1"],
                e["precision"],
                e["recall"],
                e["f1_at_default"],
            )
            for name, e in ranked[: args.top]
        ]
        print(f"representation experiments ({len(ranked)} tried, best {args.top}):")
        print(
            table(
                rows, ("story_text", "best thr", "B3 F1", "B3 P", "B3 R", f"F1@{res['threshold']}")
            )
        )
    print(f"elapsed {res['elapsed']:.1f} s (one default grouping {res['elapsed_default']:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
