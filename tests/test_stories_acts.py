"""Round-7 story grouping rules: one act told by several documents (a named body, an
order's topic, a signing and its notice) is one story; one template about different
programmes, bodies or counterparts is two; every join says why.

Every fixture is written for the project (facts may be real, sentences are our own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from extractors import stories
from extractors.models import Article
from tests.support import together

DAY = datetime(2026, 3, 3, 15, tzinfo=UTC)
HOUSE = "The House"


def release(source: str, title: str, text: str) -> Article:
    return Article(source=source, title=title, text=text, published=DAY, outlet=HOUSE)


FILLER = [
    release("f1", "Nominations Sent to the Senate", "Nominations were sent to the Senate."),
    release("f2", "Statement on the Jobs Report", "Employers added jobs last month again."),
    release("f3", "Remarks at a Garden Reception", "Thank you all for coming tonight."),
    release("f4", "Proclamation on Flag Day", "We honor the flag and those who serve it."),
    release("f5", "Readout of a Call with a Governor", "The President spoke with a governor."),
    release("f6", "Statement on the Storm in the South", "Our hearts go out to the families."),
]


# ---------------------------------------------------------------- one named body


def test_named_bodies_are_keyed_by_the_word_before_their_head():
    assert stories.named("Executive Order on Establishing an Emergency Board to Investigate") == {
        "emergency board"
    }
    assert stories.named("President Announces a Presidential Emergency Board") == {
        "emergency board"
    }
    assert stories.named("Readout of the June National Climate Task Force Meeting") == {
        "climate task force"
    }
    # a generic word before the head names no one body
    assert stories.named("Remarks to the President's Council") == frozenset()
    assert stories.named("Remarks on the Economy") == frozenset()


ORDER_TEXT = (
    "A dispute exists between the Harbor Line Railroad and its engineers. A party has "
    "requested that the President establish an emergency board under the Railway Labor "
    "Act. It is hereby ordered as follows: there is established a board of three members."
)
BOARD_TEXT = (
    "Today the President signed an Executive Order creating a Presidential Emergency Board "
    "to help settle a dispute at the Harbor Line Railroad. He intends to appoint Ann Lee, "
    "a labor arbitrator since 1990, as its chair; Bo Kim and Cy Diaz will serve with her."
)


def test_an_order_and_the_announcement_of_its_board_are_one_story():
    batch = [
        release(
            "eo",
            "Executive Order on Establishing an Emergency Board to Investigate a Dispute "
            "Between the Harbor Line Railroad and Its Engineers",
            ORDER_TEXT,
        ),
        release(
            "pr", "President Announces a Presidential Emergency Board, Names Members", BOARD_TEXT
        ),
        *FILLER,
    ]
    sig = stories.Signals.of(batch)
    assert sig.act_key(0, 1) == "named:emergency board"
    link = sig.pair(0, 1)
    assert link["same_act"] is True and link["act"] == "named:emergency board"
    assert "act:named:emergency board" in link["why"]
    assert together(batch, 0, 1)
    ex = stories.explain(batch, [0, 1], sig)
    assert ex["links"][0]["why"]  # every join says why


def test_two_task_forces_of_one_day_are_two_events():
    text = (
        "The task force met today to discuss energy costs, heat and resilience, and the "
        "members agreed to report on energy costs and resilience next month."
    )
    batch = [
        release("a", "Readout of the June National Climate Task Force Meeting", text),
        release("b", "Readout of U.S.-EU Task Force on Energy Security Meeting", text + " EU."),
        *FILLER,
    ]
    sig = stories.Signals.of(batch)
    assert sig.named_differ(0, 1) and sig.titles_differ(0, 1)
    assert not together(batch, 0, 1)


# ---------------------------------------------------------------- one template, two programmes


def test_two_fact_sheets_of_one_template_about_different_programmes_are_two_events():
    common = (
        "The Biden-Harris Administration is investing in communities across the country, "
        "creating good jobs and lowering costs for working families, the President said."
    )
    batch = [
        release(
            "ej",
            "FACT SHEET: Biden-Harris Administration Delivers Environmental Justice with "
            "Cleaner Air, Clean Water, and Healthier Communities",
            common + " Grants will cut pollution near schools and replace lead pipes.",
        ),
        release(
            "mia",
            "FACT SHEET: Biden-Harris Administration's Progress Creating a Future Made in America",
            common + " Factories are opening to build chips, batteries and steel at home.",
        ),
        *FILLER,
        # the outlet's name for itself is the batch's theme, not a name the two share
        release("t1", "Biden-Harris Administration Hosts Summer Interns", "The interns met."),
        release("t2", "Biden-Harris Administration Marks Flag Day", "The flag was raised."),
        release("t3", "Biden-Harris Administration Hails Rail Deal", "The deal was reached."),
    ]
    sig = stories.Signals.of(batch)
    assert sig.programmes_differ(0, 1) and sig.titles_differ(0, 1)
    assert not together(batch, 0, 1)


def test_one_template_naming_one_programme_twice_is_not_parted():
    common = "The President announced new steps to cut drug prices for seniors on Medicare."
    batch = [
        release("a", "FACT SHEET: President Biden Cuts Drug Prices for Seniors", common),
        release("b", "FACT SHEET: President Biden Cuts Drug Prices, Caps Insulin", common),
        *FILLER,
    ]
    assert not stories.Signals.of(batch).programmes_differ(0, 1)


def test_a_meeting_with_one_counterpart_and_between_another_are_two_events():
    batch = [
        release(
            "a",
            "Readout of the President's Meeting with Economists on the Economic Outlook",
            "The President met leading economists to discuss the outlook for growth.",
        ),
        release(
            "b",
            "Readout of Meeting between the President, Senior Administration Officials and "
            "U.S. Black Chambers, Inc.",
            "The President met leaders of black chambers of commerce to discuss growth.",
        ),
        *FILLER,
    ]
    assert stories.Signals.of(batch).actors_differ(0, 1)


# ---------------------------------------------------------------- one order, several documents


def test_documents_naming_one_order_are_one_act_and_two_orders_are_two():
    batch = [
        release(
            "eo",
            "Executive Order on Advancing Equality for Lesbian, Gay, Bisexual, Transgender, "
            "Queer, and Intersex Individuals",
            "By the authority vested in me as President, it is hereby ordered as follows.",
        ),
        release(
            "fs",
            "FACT SHEET: President Biden to Sign Executive Order Advancing LGBTQI+ Equality",
            "Today the President will sign an executive order on equality.",
        ),
        release(
            "rm",
            "Remarks by President Biden at a Reception and Signing of an Executive Order on "
            "Advancing LGBTQI+ Individuals",
            "Thank you. Please sit down. It is good to see you all tonight.",
        ),
        release(
            "eo2",
            "Executive Order on Amendments to the Manual for Courts-Martial",
            "By the authority vested in me as President, it is hereby ordered as follows.",
        ),
        *FILLER,
    ]
    sig = stories.Signals.of(batch)
    assert sig.act_key(1, 2) == "order:executive order"  # two headlines, one topic
    assert sig.act_key(0, 1) == "order:executive order"  # "LGBTQI" = the run's initials
    assert sig.act_key(0, 3) is None  # two orders' own headlines: two acts
    assert together(batch, 0, 1, 2)
    assert not together(batch, 0, 3)


def test_a_signing_and_its_notice_are_one_act():
    batch = [
        release(
            "rm",
            "Remarks by President Biden at Signing of Nine Bipartisan Bills that Honor and "
            "Improve Care for Veterans",
            "Thank you. Please be seated. It is an honor to be here with you today.",
        ),
        release(
            "bs",
            "Bills Signed: S. 1760, S. 1872",
            "Today the President signed into law S. 1760, which names a clinic for veterans, "
            "and S. 1872, which studies care for veterans exposed to burn pits.",
        ),
        release(
            "po",
            "Bills Signed: H.R. 3579",
            "Today the President signed into law H.R. 3579, which names a post office.",
        ),
        *FILLER,
    ]
    sig = stories.Signals.of(batch)
    assert sig.act_key(0, 1) == "signing"
    assert sig.act_key(0, 2) is None  # the notice carries none of the signing's own words


def test_a_quoted_name_in_a_headline_and_the_others_lead_is_one_act():
    batch = [
        release(
            "rm",
            "Remarks by Vice President Harris at the \u201cIn Her Hands\u201d Launch",
            "Good afternoon, everyone. Please have a seat.",
        ),
        release(
            "fs",
            "FACT SHEET: Vice President Announces New Commitments for Women",
            "Today the Vice President launched In Her Hands, a private sector initiative.",
        ),
        *FILLER,
    ]
    assert stories.Signals.of(batch).act_key(0, 1) == "quoted:in her hands"


# ---------------------------------------------------------------- names


def test_roles_are_no_names():
    a = release(
        "a",
        "Readout",
        "The meeting was led by the Senior Advisor and the Policy Director, said an Official.",
    )
    got = stories.names(a)
    assert not {"senior", "advisor", "policy", "director", "official"} & set(got)


WORDS = (
    "apple brick cloud daisy eagle fabric garden harbor island jacket kettle lemon "
    "meadow needle orchard pepper quartz ribbon saddle timber velvet walnut yarrow "
    "zephyr anchor basket candle donkey ember falcon glacier hammer iris jungle "
    "kernel ladder marble nectar oyster pillow quiver raven silver tulip umbrella "
    "violet willow yonder zinnia acorn bamboo cactus dolphin engine feather"
)


def test_names_alone_do_not_join_texts_that_share_nothing():
    words = WORDS.split()
    half = len(words) // 2
    batch = [
        release("a", "Bills Signed", " ".join(words[:half] * 2) + " United States Service."),
        release("b", "Nominations", " ".join(words[half:] * 2) + " United States Service."),
        *FILLER,
    ]
    sig = stories.Signals.of(batch)
    text = sig.text(0, 1)
    assert text < stories.MIN_JOIN_TEXT
    assert sig.score(0, 1) <= text  # no name bonus
    assert not together(batch, 0, 1)


# ---------------------------------------------------------------- determinism

_SCRIPT = """
import json, sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {tests!r})
import test_stories_acts as t
from extractors import stories
batch = [*t.FILLER]
batch += [t.release("eo", "Executive Order on Establishing an Emergency Board to Investigate "
                    "a Dispute", t.ORDER_TEXT),
          t.release("pr", "President Announces a Presidential Emergency Board", t.BOARD_TEXT)]
sig = stories.Signals.of(batch)
groups = stories.group(batch, sig=sig)
print(json.dumps([groups, [stories.explain(batch, g, sig) for g in groups]], sort_keys=True))
"""


def test_grouping_and_its_reasons_are_the_same_under_any_hash_seed():
    root = str(Path(__file__).resolve().parent.parent)
    code = _SCRIPT.format(root=root, tests=str(Path(__file__).resolve().parent))
    outs = []
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        got = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
        )
        assert got.returncode == 0, got.stderr
        outs.append(json.loads(got.stdout))
    assert outs[0] == outs[1] == outs[2]


def test_one_visiting_leader_named_in_two_openings_is_one_visit():
    text = (
        "The two presidents discussed the Nordic summit, support for Ukraine and Finland's "
        "first year in NATO, and agreed to deepen defence and energy cooperation."
    )
    batch = [
        release(
            "a",
            "Remarks by President Biden and President Sauli Niinisto of Finland Before "
            "Bilateral Meeting",
            "Mr. President, welcome. " + text,
        ),
        release(
            "b",
            "Remarks by President Biden and President Sauli Niinisto of Finland in Joint "
            "Press Conference",
            "Thank you all for coming. " + text,
        ),
        *FILLER,
        release("g", "Remarks by President Biden on the Economy", "Jobs are up this year."),
    ]
    sig = stories.Signals.of(batch)
    assert sig.programmes_differ(0, 1)  # the slots differ ...
    assert not sig.titles_differ(0, 1)  # ... but one visiting leader opens both
    assert together(batch, 0, 1)


# ---------------------------------------------------------------- a tour's itinerary

TOUR_TEXT = (
    "This week, the Lakeland-Rivers Administration launches its third Building Lakeland\n"
    "tour. Cabinet members will make forty stops to highlight new grants for rural\n"
    "broadband and for the Lakeland families who pay too much for internet service.\n\n"
    "Across the country, officials will meet workers and families:\n\n"
    "-   Secretary of Agriculture Ann Holt will travel to Ohio to visit a rural broadband "
    "project and meet Lakeland families.\n"
    "-   Secretary of Labor Ben Ortiz is traveling to Iowa to tour a training center.\n"
    "-   Administrator Cara Lind traveled to Nevada to speak at a convention of teachers.\n"
    "-   Secretary Dan Moss will travel to Maine to announce new grants for harbors.\n"
)
FACT_TEXT = (
    "Today, the Lakeland-Rivers Administration announces new actions to expand rural "
    "broadband for Lakeland families, including grants that lower what families pay for "
    "internet service, and a new office to help rural towns apply for the grants."
)


def test_a_tour_itinerary_is_its_own_event_beside_a_policy_fact_sheet():
    tour = release("t", "Administration Launches Third Building Lakeland Tour", TOUR_TEXT)
    fact = release(
        "s", "Fact Sheet: Administration Announces New Actions on Rural Broadband", FACT_TEXT
    )
    assert stories.itinerary(tour) and not stories.itinerary(fact)
    batch = [*FILLER, tour, fact]
    assert stories.Signals.of(batch).text(6, 7) > stories.THRESHOLD  # alike, yet apart
    assert not together(batch, 6, 7)
    # a copy of the fact sheet still joins it
    copy = release("s2", "Fact Sheet: New Actions on Rural Broadband for Families", FACT_TEXT)
    assert together([*FILLER, tour, fact, copy], 7, 8)


# ---------------------------------------------------------------- an organisation is no act


def test_an_organisation_named_in_two_headlines_is_no_one_act():
    # a speech at a coalition's convention and a statement on its founder's retirement
    speech = release(
        "c1",
        "Remarks by the Vice President at the Lakeland Unity Coalition Convention",
        "Thank you, everyone. It is good to be back in Rivertown with the Lakeland Unity "
        "Coalition, which has fought for voting rights for fifty years.",
    )
    statement = release(
        "c2",
        "Statement from the President on the Retirement of the Founder of the Lakeland "
        "Unity Coalition",
        "For fifty years the founder of the Lakeland Unity Coalition has stood up for "
        "voting rights, and I thank him for his friendship.",
    )
    assert "unity coalition" not in stories.named(speech.title)
    assert stories.Signals.of([*FILLER, speech, statement]).act_key(6, 7) is None
