"""Relevance: is an article about the topic? A score, a decision, and the reasons.

The topic's anchors (for korea-nato: Korea and NATO) must meet in one place —
the title or one paragraph. Anchors that only appear in different paragraphs
(NATO about Ukraine here, South Korea about trade there) are passing mentions:
such an article can be a near-miss, never included. Pure function of
(article, topic).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .models import Article, Reason, Relevance
from .text import fold
from .topic import Topic

LEAD_PARAGRAPHS = 2


def count_term(pattern: re.Pattern[str], original: str, folded: str) -> int:
    text = folded if pattern.flags & re.IGNORECASE else original
    return len(pattern.findall(text))


def judge(article: Article, topic: Topic) -> Relevance:
    """Score one article against a topic (0..1), decide, and say why."""
    paras = article.paragraphs
    zones: list[tuple[str, str]] = [("title", article.title)]
    zones += [("lead" if i < LEAD_PARAGRAPHS else "body", p) for i, p in enumerate(paras)]
    anchor_names = [f"anchor:{a.name}" for a in topic.anchors]

    hits: dict[tuple[str, str, str], int] = Counter()
    anchors_in: list[set[str]] = []
    subterms_in: list[set[str]] = []
    for where, text in zones:
        folded = fold(text)
        present: set[str] = set()
        subs: set[str] = set()
        for group, matchers in topic.matchers.items():
            for term, pat in matchers:
                n = count_term(pat, text, folded)
                if n:
                    hits[(group, term, where)] += n
                    if group.startswith("anchor:"):
                        present.add(group)
                    else:
                        subs.add(f"{group}|{term}")
        anchors_in.append(present)
        subterms_in.append(subs)

    all_anchors = set(anchor_names)
    title_joint = anchors_in[0] >= all_anchors
    joint_idx = [i for i in range(1, len(zones)) if anchors_in[i] >= all_anchors]
    lead_joint = any(zones[i][0] == "lead" for i in joint_idx)
    present_anywhere = set().union(*anchors_in)
    sub_focus = set().union(*(subterms_in[i] for i in [0, *joint_idx]))

    score = 0.0
    if title_joint:
        score += 0.45
    elif anchors_in[0] and joint_idx:
        score += 0.15
    if lead_joint:
        score += 0.2
    score += 0.1 * min(len(joint_idx), 3)
    score += 0.03 * min(len(sub_focus), 5)
    passing = not title_joint and not joint_idx
    if passing:
        # Only passing mentions: keep it below the include threshold whatever else it has.
        score = 0.05 * len(present_anywhere) + 0.02 * min(len(set().union(*subterms_in)), 5)

    penalised = []
    for penalty, matchers in topic.penalty_matchers:
        body = f"{article.title}\n{article.text}"
        folded = fold(body)
        found = [t for t, pat in matchers if count_term(pat, body, folded)]
        if len(set(found)) >= penalty.min_distinct:
            score *= penalty.factor
            penalised.append((penalty.name, found))

    score = round(min(score, 1.0), 3)
    included = score >= topic.thresholds.include
    reasons = tuple(
        Reason(group=g, term=t, where=w, count=n)  # type: ignore[arg-type]
        for (g, t, w), n in sorted(hits.items(), key=lambda kv: (_zone_rank(kv[0][2]), -kv[1]))
    )
    subtopics = rank_subtopics(hits, topic, focus={s.split("|")[0] for s in sub_focus})
    summary = _summary(
        topic, title_joint, joint_idx, present_anywhere, all_anchors, penalised, subtopics, included
    )
    return Relevance(
        score=score, included=included, reasons=reasons, subtopics=subtopics, summary=summary
    )


def rank_subtopics(
    hits: dict[tuple[str, str, str], int], topic: Topic, focus: set[str]
) -> tuple[str, ...]:
    """Sub-topics an article is about: named where the anchors meet, or at least twice."""
    weight: dict[str, float] = defaultdict(float)
    for (g, _t, w), n in hits.items():
        if g.startswith("anchor:"):
            continue
        weight[g] += n * (2.0 if w == "title" else 1.5 if w == "lead" else 1.0)
    order = [s.id for s in topic.subtopics]
    keep = [g for g, v in weight.items() if g in focus or v >= 2]
    return tuple(sorted(keep, key=lambda g: (-weight[g], order.index(g))))


def _zone_rank(where: str) -> int:
    return {"title": 0, "lead": 1, "body": 2}[where]


def _summary(
    topic: Topic,
    title_joint: bool,
    joint_idx: list[int],
    present: set[str],
    all_anchors: set[str],
    penalised: list,
    subtopics: tuple[str, ...],
    included: bool,
) -> str:
    names = " and ".join(a.removeprefix("anchor:") for a in sorted(all_anchors))
    parts = []
    if title_joint:
        parts.append(f"{names} together in the title")
    if joint_idx:
        parts.append(f"together in {len(joint_idx)} paragraph{'s' * (len(joint_idx) != 1)}")
    if not title_joint and not joint_idx:
        missing = sorted(a.removeprefix("anchor:") for a in all_anchors - present)
        parts.append(
            f"{', '.join(missing)} not mentioned"
            if missing
            else f"{names} only in separate paragraphs (passing mentions)"
        )
    if subtopics:
        parts.append("sub-topics: " + ", ".join(subtopics))
    for name, found in penalised:
        parts.append(f"{name} register ({', '.join(sorted(set(found))[:4])})")
    return ("in: " if included else "out: ") + "; ".join(parts)
