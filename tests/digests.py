"""A hand-made digest for the rendering tests: every field a reader sees is set, including
the ones other stages fill (summaries, corroborations, reactions, languages, duplicates).

Facts are invented for the project; sentences are our own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from extractors.models import (
    Article,
    Corroboration,
    Digest,
    Entity,
    Event,
    Excluded,
    Failure,
    KeyPoint,
    Relevance,
    Section,
    Story,
    Summary,
)

DAY = date(2025, 4, 3)  # a Thursday
LOCAL = "/srv/briefing/notes/ip4-note.md"  # an absolute local path: must never be shown

SECTIONS = (
    ("defence-industry", "Defence-industry cooperation"),
    ("ip4", "IP4 and the Indo-Pacific partners"),
    ("north-korea-nuclear", "North Korea: nuclear weapons and missiles"),
    ("ukraine-war", "Russia–Ukraine war and North Korea's role"),
    ("burden-sharing", "Burden-sharing and defence spending"),
    ("trade", "Trade and tariffs touching the alliance"),
)


def _article(n: int, outlet: str, title: str, **kw) -> Article:
    url = kw.pop("url", f"https://{outlet.lower().replace(' ', '')}.example.org/a/{n}")
    return Article(
        source=kw.pop("source", url),
        title=title,
        text=f"{title}. Body of article {n}.",
        url=url,
        origin=kw.pop("origin", f"{outlet} feed"),
        outlet=outlet,
        published=kw.pop("published", datetime(2025, 4, 2, 9, tzinfo=UTC)),
        **kw,
    )


def _point(a: Article, text: str, **kw) -> KeyPoint:
    return KeyPoint(
        text=text,
        source=a.source,
        url=a.url,
        outlet=a.outlet,
        paragraph=0,
        sentence=0,
        score=0.917,
        **kw,
    )


def _story(sid: str, title: str, arts, points, subtopics, **kw) -> Story:
    return Story(
        id=sid,
        title=title,
        articles=tuple(arts),
        relevance=Relevance(0.913, True, (), tuple(subtopics), "in: Korea and NATO together"),
        key_points=tuple(points),
        subtopics=tuple(subtopics),
        **kw,
    )


def rich_digest() -> Digest:
    y1 = _article(1, "Yonhap", "Seoul and NATO open shell talks")
    k1 = _article(2, "KBS", "Korea, NATO begin artillery talks")
    h1 = _article(3, "Harbour Tribune", "Arms makers pitch a plant in Europe")
    arms = _story(
        "a1b2c3",
        "Seoul and NATO open talks on joint artillery shells",
        [y1, k1, h1],
        [
            _point(
                y1,
                "South Korea and NATO opened talks in Brussels on Wednesday on making shells.",
                also=(
                    Corroboration(k1.source, "KBS", "Talks began on Wednesday.", k1.url),
                    Corroboration(h1.source, "Harbour Tribune", "Talks opened.", h1.url),
                ),
            ),
            _point(k1, "국방부는 협력이 비축량을 줄이지 않을 것이라고 밝혔다.", language="ko"),
            _point(h1, "The working group meets again in Seoul from 3 to 5 April."),
            _point(y1, "A Korean paper sets a goal of 200,000 rounds a year by 2029."),
            _point(h1, "Lee Jae-won leads the Korean delegation."),
            _point(y1, "This sixth point is in the JSON only."),
            _point(k1, "This seventh point is in the JSON only."),
        ],
        ["defence-industry", "ukraine-war", "ip4"],
        summary=Summary(
            "South Korea and NATO opened talks on Wednesday on producing 155 mm shells "
            "together in Europe.",
            (y1.source, k1.source),
        ),
        entities=(
            Entity("Lee Jae-won", "person", role="deputy minister for defence industry policy"),
            Entity("Marta Kowalczyk", "person", role="NATO official"),
            Entity("Mark Rutte", "person", role="NATO Secretary General"),
            Entity("Ahn Gyu-back", "person", role="Defence Minister"),
            Entity("NATO", "organisation"),
        ),
        events=(
            Event("2025-04-02", "on Wednesday", "Talks opened on Wednesday.", y1.source),
            Event(
                "2025-04-03/2025-04-05",
                "from 3 to 5 April",
                "The working group meets again in Seoul from 3 to 5 April.",
                h1.source,
            ),
            Event(
                "2025-04-03/2025-04-05",
                "April 3-5",
                "The group will meet in Seoul on April 3-5, officials said.",
                y1.source,
            ),
            Event("2022-01-01/2022-12-31", "in 2022", "It began in 2022.", y1.source),
        ),
        grouping={"signals": ["title", "lead"], "similarity": 0.71},
    )
    c1 = _article(4, "Pacific Wire", "Cho joins IP4 session")
    note = _article(
        5, "East Wind Review", "The IP4 at a crossroads", url=None, source=LOCAL, origin="Notes"
    )
    ip4 = _story(
        "d4e5f6",
        "Cho joins Indo-Pacific partners at NATO ministers' meeting",
        [c1, note],
        [
            _point(c1, "Foreign Minister Cho Hyun met NATO ministers on Thursday."),
            _point(note, "The IP4 format has outlasted expectations."),
        ],
        ["ip4", "burden-sharing"],
        summary=Summary("Cho Hyun met NATO foreign ministers on Thursday.", (c1.source,)),
        entities=(Entity("Cho Hyun", "person", role="Foreign Minister"),),
        events=(
            Event("2025-03-01/2025-03-31", "in March", "He visited Tokyo in March.", c1.source),
            Event(
                "2027-03-01/2027-03-31",
                "in March 2027",
                "The next session is planned for March 2027.",
                c1.source,
            ),
        ),
    )
    launch_a = _article(6, "Harbour Tribune", "Seoul and NATO hold call after launch")
    launch = _story(
        "g7h8i9",
        "Seoul and NATO hold urgent call after missile launch",
        [launch_a],
        [_point(launch_a, "South Korea and NATO held a call on Friday after the launch.")],
        ["north-korea-nuclear"],
        update_of="old123",
        events=(
            Event(
                None, "early next year", "A review is due early next year.", launch_a.source, False
            ),
        ),
    )
    drill_a = _article(7, "Yonhap", "Cyber drill planned")
    drill_b = _article(8, "KBS", "NATO cyber drill with Korea")
    drill = _story(
        "j1k2l3",
        "Korea to join NATO cyber drill",
        [drill_a, drill_b],
        [_point(drill_a, "South Korea will join a NATO cyber defence drill next week.")],
        ["defence-industry"],
        summary=Summary("South Korea will join NATO's cyber drill next week.", (drill_a.source,)),
        events=(
            Event("2025-04-08", "on Tuesday", "The drill starts on Tuesday.", drill_a.source),
            Event("2025-04-08", "Tuesday", "It begins Tuesday, KBS said.", drill_b.source),
        ),
    )
    ukr_a = _article(9, "Pacific Wire", "Seoul pledges Ukraine aid at NATO")
    ukr = _story(
        "m4n5o6",
        "Seoul pledges more Ukraine aid at NATO meeting",
        [ukr_a],
        [_point(ukr_a, "Seoul pledged $100 million more for Ukraine.")],
        ["ukraine-war"],
    )
    sixth_a = _article(10, "Harbour Tribune", "A sixth story")
    sixth = _story(
        "p7q8r9",
        "A sixth story that is not in What's new",
        [sixth_a],
        [_point(sixth_a, "Something smaller happened.")],
        ["ip4"],
    )
    kcna = _article(
        11,
        "KCNA",
        "KCNA denounces Seoul-NATO talks",
        source_type="state-media",
        origin="KCNA Watch",
    )
    reaction = _story(
        "s1t2u3",
        "North Korean state media denounces the Seoul–NATO talks",
        [kcna],
        [_point(kcna, "KCNA called the talks a provocation.")],
        ["north-korea-nuclear"],
        summary=Summary("KCNA called the Seoul–NATO talks a provocation.", (kcna.source,)),
    )
    stories = (arms, ip4, launch, drill, ukr, sixth)
    titles = dict(SECTIONS)
    by: dict[str, list[Story]] = {k: [] for k, _ in SECTIONS}
    for s in stories:
        by[s.subtopics[0]].append(s)
    festival = _article(12, "Harbour Tribune", "Port festival opens")
    return Digest(
        title="Korea–NATO daily briefing",
        topic="South Korea–NATO cooperation",
        date=DAY,
        generated_at=datetime(2025, 4, 3, 7, tzinfo=UTC),
        stories=stories,
        sections=tuple(Section(k, titles[k], tuple(by[k])) for k, _ in SECTIONS),
        excluded=(Excluded(festival, Relevance(0.31, False, (), (), "out: no NATO")),),
        failures=(
            Failure(
                LOCAL.replace("ip4-note.md", "broken.json"), "not valid JSON", "Notes", "parse"
            ),
            Failure(
                "https://gone.example.org/x",
                "HTTP 404; used the feed's summary",
                "Wire",
                "degraded",
            ),
        ),
        sources=("Yonhap feed", "KBS feed", "Notes"),
        near_miss=0.3,
        reactions=(reaction,),
        duplicates=2,
    )
