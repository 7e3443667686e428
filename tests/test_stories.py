"""Story grouping: sparse vectors, candidate pairs, and one event per story (issue 9, 14).

Every fixture is written for the project (facts may be real, sentences are our own)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from extractors import stories
from extractors.models import Article
from extractors.vectors import cosine

DAY = datetime(2026, 11, 20, 9, tzinfo=UTC)


def art(source: str, title: str, text: str, published: datetime | None = DAY) -> Article:
    return Article(source=source, title=title, text=text, published=published)


FILLER = [
    art(
        "f1", "Port festival draws crowds", "Harbour Lights festival opened with music on the pier."
    ),
    art("f2", "Rain expected", "Forecasters in Busan expect heavy rain over the coming days."),
    art("f3", "Chip exports rise", "Samsung Electronics reported higher memory chip exports."),
    art("f4", "Baseball final", "The Lotte Giants won the deciding game in Sajik stadium."),
    art("f5", "Train fares", "Korail said fares on the KTX line would stay unchanged."),
    art("f6", "Film award", "Director Bong Joon-ho received a lifetime award in Cannes."),
    art("f7", "Bridge repair", "Crews closed the Gwangan bridge for repairs overnight."),
]


def test_sparse_vectors_give_the_cosines_of_the_dict_vectors():
    arts = [
        art("a", "NATO and Seoul open shell talks", "Officials met in Brussels on artillery."),
        art("b", "Shell talks open in Brussels", "Seoul and NATO officials discussed shells."),
        art("c", "Port festival", "Music and lanterns on the pier of Busan."),
    ]
    x = stories.matrix(arts)
    dicts = stories.vectors(arts)
    got = (x @ x.T).toarray()
    for i in range(3):
        for j in range(3):
            assert got[i, j] == pytest.approx(cosine(dicts[i], dicts[j]), abs=1e-5)


def test_candidate_pairs_keep_top_k_above_the_floor_and_inside_the_window():
    arts = [
        art("a", "Shell talks", "Seoul NATO artillery shell talks in Brussels."),
        art("b", "Shell talks", "Seoul NATO artillery shell talks in Brussels again."),
        art("c", "Shell talks", "Seoul NATO artillery shell talks.", DAY + timedelta(days=40)),
        art("d", "Shell talks", "Seoul NATO artillery shell talks.", None),
        art("e", "Lanterns", "Lanterns on the pier."),
    ]
    x = stories.matrix(arts)
    days = [a.published.timestamp() / 86400 if a.published else None for a in arts]
    every = {(i, j) for i, j, _ in stories.candidate_pairs(x, days, window=None)}
    assert (0, 1) in every and (0, 2) in every and not any(4 in p for p in every)
    windowed = {(i, j) for i, j, _ in stories.candidate_pairs(x, days, window=30)}
    assert (0, 2) not in windowed and (0, 1) in windowed
    assert (0, 3) in windowed  # an undated article is compared with all
    one = stories.candidate_pairs(x, days, top_k=1, window=None)
    assert len(one) <= 4  # at most one neighbour per article (pairs shared)


def test_chunks_and_pruned_common_words_do_not_change_the_stories():
    arts = [*FILLER]
    for k in range(4):
        arts.append(art(f"s{k}", "Seoul and NATO open shell talks", f"Talks on shells {k}."))
        arts.append(art(f"p{k}", "Lantern parade on the pier", f"Lanterns and music {k}."))
    sig = stories.Signals.of(arts)
    whole = stories.candidate_pairs(sig.x, sig.days, chunk=1000, common=None)
    small = stories.candidate_pairs(sig.x, sig.days, chunk=3, common=0.05)
    assert [(i, j) for i, j, _ in whole] == [(i, j) for i, j, _ in small]
    assert [t for *_, t in whole] == pytest.approx([t for *_, t in small])
    groups = [set(g) for g in stories.group(arts, sig=sig)]
    for prefix in "sp":
        assert {i for i, a in enumerate(arts) if a.source[0] == prefix} in groups


def test_title_case_headline_words_are_names_only_where_the_lead_capitalises_them():
    a = art(
        "kcna",
        "Respected Comrade Kim Jong Un Sends Gifts to War Veterans",
        "The agency said Kim Jong Un sent gifts to veterans living in Pyongyang.",
    )
    got = stories.names(a)
    assert {"kim", "jong", "pyongyang"} <= got
    assert not {"sends", "gifts", "veterans", "respected"} & got
    b = art("wire", "Cho joins Indo-Pacific partners at NATO talks", "Cho spoke in Brussels.")
    assert {"indo-pacific", "nato", "brussels"} <= stories.names(b)


def test_a_dateline_dates_the_report_not_its_event_and_weekdays_resolve():
    a = art(
        "kcna",
        "Statement issued",
        "Pyongyang, November 20 (KCNA) -- A spokesman issued a statement on the drills.",
    )
    assert stories.dates(a) == frozenset()
    b = art(
        "wire",
        "Missile launch",
        "North Korea fired a ballistic missile on Thursday, officials in Seoul said.",
    )
    assert stories.dates(b) == {(11, 19)}  # 20 Nov 2026 is a Friday


def test_a_name_the_batch_carries_everywhere_is_its_theme_not_an_event():
    theme = [
        art(
            f"t{k}",
            f"Story {k} about Trump",
            f"President Trump spoke about topic {k} with Governor Rivera{k}.",
        )
        for k in range(8)
    ]
    sig = stories.Signals.of(theme + FILLER)
    assert "trump" not in sig.rare
    p = sig.pair(0, 1)
    assert "trump" in p["theme_names"] and "trump" not in p["names"]
    assert stories.weight(2, 100) == 1.0
    assert stories.weight(10, 100) < stories.weight(3, 100) < 1.0


def _pair(a: Article, b: Article) -> dict:
    sig = stories.Signals.of([a, b, *FILLER])
    return sig.pair(0, 1)


def test_days_apart_join_on_a_shared_name_and_date_not_on_the_theme():
    report = art(
        "r1",
        "Seoul and NATO sign shell deal",
        "South Korea's Hanwha Aerospace signed a shell deal with NATO in Brussels on November 18.",
        DAY - timedelta(days=2),
    )
    follow = art(
        "r2",
        "What the November 18 shell deal means",
        "The contract that Hanwha Aerospace signed on November 18 runs for five years.",
        DAY + timedelta(days=3),
    )
    p = _pair(report, follow)
    assert p["far"] and p["event_link"] and "11-18" in p["dates"] and "hanwha" in p["names"]
    theme = art(
        "r3",
        "NATO partners meet again",
        "Officials met again to discuss cooperation with partners in Europe this month.",
        DAY + timedelta(days=3),
    )
    q = _pair(report, theme)
    assert q["far"] and not q["event_link"]


def test_an_undated_analysis_joins_only_on_a_date_or_strong_text():
    analysis = art(
        "a1",
        "What the spending goal means for Seoul",
        "Leaders met in The Hague in June and officials in Washington asked Asian allies "
        "to spend more on defence, a debate that has reached Seoul.",
        None,
    )
    other = art(
        "a2",
        "The partners at a crossroads",
        "After the summit in The Hague, officials in Washington pressed the partners to "
        "spend more on defence and to say what the partnership is for.",
        DAY,
    )
    p = _pair(analysis, other)
    assert p["days_apart"] is None and p["far"]
    assert p["text"] < stories.STRONG_TEXT and not p["event_link"]
    assert p["score"] < stories.THRESHOLD


def test_leads_dated_on_other_days_get_no_bonus_for_one_shared_name():
    launch = art(
        "l1",
        "Seoul holds alliance call after missile launch",
        "South Korea and its allies held a call on Friday after a launch near Pyongyang.",
    )
    ministers = art(
        "l2",
        "Cho meets NATO ministers",
        "Foreign Minister Cho told allies on Thursday about troops Pyongyang sent to Russia.",
    )
    sig = stories.Signals.of([launch, ministers, *FILLER])
    p = sig.pair(0, 1)
    assert p["names"] == ["pyongyang"] and not p["dates"]
    assert p["score"] <= p["text"] + 1e-3  # no name bonus (and one name is no event)


def test_explain_lists_the_signals_and_the_candidate_settings():
    a = art("e1", "Shell deal for Hanwha", "On Friday Hanwha Aerospace signed a deal in Brussels.")
    b = art("e2", "Shell deal signed by Hanwha", "In Brussels, Hanwha Aerospace signed the deal.")
    arts = [a, b, *FILLER]
    sig = stories.Signals.of(arts)
    groups = stories.group(arts, sig=sig)
    assert [0, 1] in groups
    g = stories.explain(arts, [0, 1], sig)
    assert g["method"] == "average-linkage" and g["candidates"]["top_k"] == stories.TOP_K
    link = g["links"][0]
    assert {"text", "names", "theme_names", "name_weights", "dates", "score"} <= set(link)
    assert "hanwha" in link["names"] and link["name_weights"]["hanwha"] == 1.0


def test_one_day_needs_an_actor_and_a_place_or_strong_text():
    # one shared specific name and moderate text on one day: the day's theme, not an event
    assert not stories.Signals.day_link(1, False, stories.NEAR_TEXT - 0.01)
    assert stories.Signals.day_link(1, False, stories.NEAR_TEXT)
    assert stories.Signals.day_link(stories.NEAR_NAMES, False, 0.05)
    assert stories.Signals.day_link(1, True, 0.05)  # a shared date with a specific name
    assert not stories.Signals.day_link(0, False, max(stories.NEAR_TEXT, stories.BARE_TEXT) - 0.01)


def test_weeks_apart_one_name_and_some_text_is_not_one_event():
    text = (stories.FAR_TEXT + stories.FAR_ONE_TEXT) / 2
    assert not stories.Signals.event_link(1, False, text)  # "Bitcoin" in December and February
    assert stories.Signals.event_link(1, False, stories.FAR_ONE_TEXT)
    assert stories.Signals.event_link(1, True, text)  # ... unless they share a date
    assert stories.Signals.event_link(stories.FAR_MANY, False, stories.FAR_TEXT)


def _occasion_day() -> list[Article]:
    """A week of a state outlet; on one day of twelve items, four mark the Army's founding
    anniversary (two city meetings, a wreath-laying, a banquet): rare in the week, the
    day's occasion."""
    day = DAY.replace(hour=6)
    words = [
        "amber",
        "basalt",
        "cedar",
        "dune",
        "ember",
        "fjord",
        "garnet",
        "heath",
        "iris",
        "jade",
        "kelp",
        "larch",
        "moss",
    ]
    arts = [
        art(
            f"m{k}",
            f"Meeting held in {p}",
            f"In {p} city a meeting marked the founding anniversary of the Army, where "
            f"speakers praised the Army.",
            day + timedelta(minutes=k),
        )
        for k, p in enumerate(["Kaesong", "Wonsan"])
    ]
    arts += [
        art(
            "w",
            "Wreath laid before the monument",
            "On Mansu Hill officials laid a wreath before the monument as they marked the "
            "founding anniversary of the Army with veterans.",
            day + timedelta(hours=2),
        ),
        art(
            "b",
            "Banquet given for veterans",
            "In the Palace of Culture a banquet was given on the founding anniversary of "
            "the Army, with toasts by officials.",
            day + timedelta(hours=3),
        ),
    ]
    arts += [
        art(f"d{k}", f"{w.title()} report", f"Crews gathered {w} samples near the coast.", day)
        for k, w in enumerate(words[:8])
    ]
    return (
        arts
        + [
            art(
                f"x{k}",
                f"{w.title()} survey",
                f"Teams counted {w} stocks inland.",
                day - timedelta(days=3),
            )
            for k, w in enumerate(words)
        ]
        + [
            art(a.source, a.title, a.text, day - timedelta(days=4, minutes=k))
            for k, a in enumerate(FILLER)
        ]
    )


def test_a_name_most_of_a_day_carries_is_its_occasion_not_an_event():
    arts = _occasion_day()
    sig = stories.Signals.of(arts)
    w, b = 2, 3
    assert "army" in sig.rare and "army" in sig.occasion[int(sig.days[w] // 1)]
    p = sig.pair(w, b)
    assert "army" in p["occasion_names"] and "army" not in p["names"]
    groups = stories.group(arts, sig=sig)
    where = {i: k for k, g in enumerate(groups) for i in g}
    assert where[w] != where[b]  # a wreath-laying and a banquet of one day: two stories


# ---------------------------------------------------------------- one outlet's templates


def wire(source: str, title: str, text: str, outlet: str | None = "Agency") -> Article:
    return Article(source=source, title=title, text=text, published=DAY, outlet=outlet)


def _greeting(source: str, who: str, country: str, outlet: str | None = "Agency") -> Article:
    return wire(
        source,
        f"Leader Receives Greetings from {who}",
        f"The leader received a message of greeting from {who} of {country} on the national "
        "day. The message wished the people of the country prosperity and said the "
        "friendly relations between the two countries would grow stronger. -0-",
        outlet,
    )


def _batch(*extra: Article) -> list[Article]:
    return [*extra, *FILLER, *FILLER[:2]]


def test_one_outlets_template_items_naming_different_senders_are_two_stories():
    a = _greeting("a", "Mongolian President Khurelsukh", "Mongolia")
    b = _greeting("b", "Singaporean President Tharman", "Singapore")
    batch = _batch(a, b)
    sig = stories.Signals.of(batch)
    assert sig.text(0, 1) > 0.5  # one template: the texts are alike ...
    assert sig.titles_differ(0, 1)  # ... but each headline names a sender the other never does
    assert not any({0, 1} <= set(g) for g in stories.group(batch, sig=sig))
    assert sig.pair(0, 1)["titles_differ"] is True


def test_template_rule_holds_only_inside_one_outlet():
    a = _greeting("a", "Mongolian President Khurelsukh", "Mongolia", outlet="Agency")
    b = _greeting("b", "Singaporean President Tharman", "Singapore", outlet="Other wire")
    sig = stories.Signals.of(_batch(a, b))
    assert not sig.titles_differ(0, 1)


def test_two_releases_of_one_event_stay_one_story_beside_the_same_release_for_another():
    def notice(src: str, kind: str, country: str, order: str) -> Article:
        return wire(
            src,
            f"{kind} on the Continuation of the National Emergency with Respect to {country}",
            f"In {order} the President declared a national emergency with respect to "
            f"{country} under the International Emergency Economic Powers Act. The "
            f"emergency with respect to {country} must continue beyond its anniversary, "
            "and this notice is sent to the Congress and published in the Federal Register.",
            outlet="The White House",
        )

    batch = _batch(
        notice("n1", "Notice", "Belarus", "Executive Order 13405"),
        notice("m1", "Message to the Congress", "Belarus", "Executive Order 13405"),
        notice("n2", "Notice", "North Korea", "Executive Order 13466"),
    )
    sig = stories.Signals.of(batch)
    assert not sig.titles_differ(0, 1)  # notice and message of one emergency
    assert sig.titles_differ(0, 2)  # Belarus and North Korea: one template, two events
    groups = stories.group(batch, sig=sig)
    assert any({0, 1} <= set(g) for g in groups)
    assert not any({0, 2} <= set(g) or {1, 2} <= set(g) for g in groups)


def test_a_roundup_does_not_absorb_an_item_it_lists():
    review = wire(
        "r",
        "Press Review",
        "Following are the main items in the newspapers on Tuesday:\n"
        "- The premier made a field survey of a steel complex.\n"
        "- Farms in the north brought in the early harvest.\n"
        "- A new bridge over the river was opened to traffic.\n"
        "- Students held a campaign in the flood-hit areas.\n"
        "- An editorial called on the youth to join the land campaign.\n"
        "- The national football team won its qualifying match abroad.\n"
        "- A delegation of teachers left the capital for a visit to Laos.",
    )
    item = wire(
        "p",
        "Premier Inspects Steel Works",
        "The premier inspected the Chollima steel works on Monday and looked round a "
        "flood-hit farm, calling for the steel plan to be carried out.",
    )
    assert stories.roundup(review) and not stories.roundup(item)
    batch = _batch(review, item)
    sig = stories.Signals.of(batch)
    assert sig.one_roundup(0, 1)
    assert sig.score(0, 1) == pytest.approx(stories.ROUNDUP_FACTOR * sig.text(0, 1))
    assert sig.pair(0, 1)["roundup"] is True and sig.pair(0, 1)["event_link"] is False
    assert not any({0, 1} <= set(g) for g in stories.group(batch, sig=sig))


def test_fold_strips_latin_diacritics_only():
    assert stories.fold("Erdoğan in Málaga") == "Erdogan in Malaga"
    assert stories.fold("윤석열 대통령") == "윤석열 대통령"


def test_the_days_own_date_is_no_event_signal_for_items_of_that_day():
    # Two items of one outlet's Sunday both say "on Sunday": that date is every item's of
    # the day; a date further off (the day a meeting was held) is still the event's.
    sunday = datetime(2026, 11, 22, 6, tzinfo=UTC)
    statement = art(
        "d1",
        "Spokesman issues statement on drills",
        "The spokesman said on Sunday that the drills near Jeju were a provocation.",
        sunday,
    )
    farm = art(
        "d2",
        "Harvest finished at the farm",
        "Farmers of the Ryongsong farm finished the harvest on Sunday, officials said.",
        sunday + timedelta(hours=2),
    )
    sig = stories.Signals.of([statement, farm, *FILLER])
    assert (11, 22) in sig.dates[0] & sig.dates[1]
    assert not sig.same_dates(0, 1, far=False)
    assert not sig.pair(0, 1)["dates"]
    meeting = art(
        "d3",
        "Ministers recall talks",
        "The ministers recalled the talks of November 3 in Brussels.",
        sunday,
    )
    again = art(
        "d4",
        "Envoys look back on talks",
        "Envoys said the talks of November 3 in Brussels set the agenda.",
        sunday + timedelta(hours=1),
    )
    sig = stories.Signals.of([meeting, again, *FILLER])
    assert sig.same_dates(0, 1, far=False) == {(11, 3)}


def review(source: str, day: datetime, items: list[str]) -> Article:
    body = "Following are the main items of the papers today:\n" + "\n".join(
        f"- {x}" for x in items
    )
    return art(source, "Press Review", body, day)


def test_two_roundups_of_two_days_are_two_stories():
    monday = review(
        "r1",
        DAY,
        [
            "Farmers finished the rice harvest in the north.",
            "A delegation from Laos arrived in the capital.",
            "The papers call for more effort in the power plants.",
        ],
    )
    tuesday = review(
        "r2",
        DAY + timedelta(days=1),
        [
            "Builders finished new houses at a farm in the east.",
            "A delegation from Laos left the capital for home.",
            "The papers call for more effort in the coal mines.",
        ],
    )
    arts = [monday, tuesday, *FILLER]
    sig = stories.Signals.of(arts)
    assert sig.roundups[0] and sig.roundups[1]
    assert sig.text(0, 1) < stories.ROUNDUPS_TEXT
    p = sig.pair(0, 1)
    assert p["roundups"] and not p["event_link"]
    assert sig.score(0, 1) == pytest.approx(stories.ROUNDUPS_FACTOR * sig.text(0, 1))
    assert not any({0, 1} <= set(g) for g in stories.group(arts, sig=sig))


def test_the_far_dated_rule_is_off_and_says_so():
    # Round 5 tried it (two launches over Hokkaido 17 days apart); it is off by default
    assert stories.FAR_DATED_TEXT is None
    assert stories.Signals.event_link(2, False, 0.3, dated_apart=True)


def test_names_only_in_a_roll_of_attendees_are_no_event_names():
    a = art(
        "k1",
        "Leader visits a shipyard",
        "The leader looked round the Namhae shipyard. He was accompanied by Jo Mun Son, "
        "Pak Il Chon, Ri Song Hwan, Kim Tae Ryong and Jo Sun Gil, senior officials.",
    )
    got = stories.names(a)
    assert "namhae" in got
    assert not {"mun", "chon", "hwan", "ryong", "gil"} & got
    b = art("k2", "Envoys meet", "Envoys of France, Spain and Italy met in Rome.")
    assert {"france", "spain", "italy", "rome"} <= stories.names(b)  # three is no roll
