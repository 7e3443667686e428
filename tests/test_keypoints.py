"""Key points: verbatim, traceable, bounded, non-redundant; one ranker for digest and benchmark."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import pytest

from extractors import keypoints
from extractors.analysis import analyse
from extractors.clean import clean_text
from extractors.keypoints import containment, key_points, summarise
from extractors.models import Article, KeyPoint
from extractors.text import join_quotes, split_sentences
from extractors.topic import load_topic
from extractors.vectors import overlap, tokens
from fetch.http import HttpClient
from fetch.sources import file_article, make_getter
from tests.conftest import SAMPLES

KOREA_NATO = load_topic("korea-nato")


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    """Every bundled sample article (files and pages), read as the CLI reads them."""
    get = make_getter(HttpClient(timeout=5))
    paths = sorted((SAMPLES / "files").iterdir()) + sorted((SAMPLES / "pages").iterdir())
    arts = [file_article(str(p), str(p), get) for p in paths]
    assert len(arts) >= 10
    return arts


@pytest.fixture(scope="module")
def sample_stories(sample_articles):
    stories, _ = analyse(sample_articles, KOREA_NATO, no_filter=True)
    assert any(len(s.outlets) >= 2 for s in stories)
    return stories


def squash(text: str) -> str:
    return " ".join(text.split())


def assert_traceable(kp: KeyPoint, art: Article) -> None:
    """Verbatim in its source, and found again at its (paragraph, sentence) position."""
    assert kp.source == art.source and kp.outlet == art.outlet and kp.url == art.url
    assert squash(kp.text) in squash(art.text)
    units = join_quotes(split_sentences(art.paragraphs[kp.paragraph]))
    if kp.sentences == 1:
        assert (kp.sentence, kp.text) in units
        return
    # two sentences: the one at (paragraph, sentence) and the one right after it
    assert kp.sentences == 2
    k = [i for i, _ in units].index(kp.sentence)
    first = units[k][1]
    after = units[k + 1][1] if k + 1 < len(units) else None
    if after is None:
        after = join_quotes(split_sentences(art.paragraphs[kp.paragraph + 1]))[0][1]
    assert kp.text == f"{first} {after}"
    # joined because it leans back: by its opening words, or by its parse (round 7)
    assert keypoints.leans_back(after) or keypoints.parsed_dangling(
        keypoints.parses([after])[after]
    )


def test_story_key_points_are_verbatim_sentences_at_their_positions(sample_stories):
    seen = 0
    for story in sample_stories:
        by_source = {a.source: a for a in story.articles}
        for kp in story.key_points:
            assert_traceable(kp, by_source[kp.source])
            seen += 1
    assert seen >= 15


def test_each_sample_article_alone_gives_traceable_key_points(sample_articles):
    for art in sample_articles:
        kps = key_points([art], 8)
        assert kps, art.source
        for kp in kps:
            assert_traceable(kp, art)


@pytest.mark.parametrize("limit", [0, 1, 3, 8, 50])
def test_at_most_limit(sample_stories, limit):
    for story in sample_stories:
        kps = key_points(story.articles, limit)
        assert len(kps) <= limit
        if limit:
            assert kps
        assert len({(k.source, k.paragraph, k.sentence) for k in kps}) == len(kps)


def test_no_two_near_duplicates_across_outlets(sample_stories):
    pairs = 0
    for story in sample_stories:
        for a, b in combinations(story.key_points, 2):
            like = containment(set(tokens(a.text)), set(tokens(b.text)))
            bar = keypoints.REDUNDANT if a.source == b.source else keypoints.REDUNDANT_ACROSS
            assert like < bar, (a.text, b.text)
            pairs += a.source != b.source
    assert pairs > 0  # some stories do draw on two outlets


def test_two_outlets_saying_the_same_thing_give_one_key_point():
    wire = Article(
        source="wire",
        outlet="Wire",
        title="Seoul pledges more aid",
        text=(
            "South Korea will give Ukraine a further $100 million in humanitarian and "
            "reconstruction aid next year, the foreign minister told allies in Brussels.\n"
            "The money will go to repairs of the power grid and to demining equipment, "
            "officials said after the meeting.\n"
            "The minister also met his Japanese counterpart on the margins of the talks."
        ),
    )
    paper = Article(
        source="paper",
        outlet="Paper",
        title="Seoul to give Ukraine $100 million",
        text=(
            "The foreign minister announced that Seoul would provide an additional $100 "
            "million in humanitarian and reconstruction assistance to Ukraine next year.\n"
            "Diplomats in Brussels said the pledge was larger than expected and welcomed "
            "the decision warmly."
        ),
    )
    kps = key_points([wire, paper], 8)
    aid = [k for k in kps if "100 million" in k.text]
    assert len(aid) == 1
    # The other outlet's distinct sentence is still there.
    assert any(k.source == "paper" and "larger than expected" in k.text for k in kps)


def test_a_repeat_within_one_article_is_dropped_but_elaboration_is_kept():
    text = (
        "Council workers will strike next month over plans to raise their pension age "
        "from 60 to 65, the unions said on Monday.\n"
        "The unions said council workers would strike next month over the plans to raise "
        "the pension age.\n"
        "Ministers say the change is needed because people live longer and the scheme "
        "costs more each year."
    )
    chosen = summarise(text.split("\n"), 3)
    assert len(chosen) == 2 and chosen[1].startswith("Ministers")


def test_summarise_returns_sentences_in_text_order(sample_articles):
    for art in sample_articles:
        sents = [t for p in art.paragraphs for _, t in join_quotes(split_sentences(p))]
        for n in (1, 3, 8):
            chosen = summarise(art.paragraphs, n)
            assert 1 <= len(chosen) <= n
            # a joined pair (a sentence opening on a pronoun) starts with its first sentence
            where = [next(i for i, t in enumerate(sents) if s.startswith(t)) for s in chosen]
            assert where == sorted(where) and len(set(where)) == len(where)


def test_summarise_and_key_points_use_the_same_ranker(sample_articles):
    """The benchmark measures summarise; the digest uses key_points. Without topic
    terms and entities, and with summarise's narrower test of leaning back (BBC
    references keep "..., she said." quotes), they pick the same sentences."""
    for art in sample_articles:
        for n in (3, 8):
            kps = key_points(
                [Article(source="-", title="", text=art.text)],
                n,
                leans=keypoints.opens_on_referent,
            )
            assert set(summarise(art.paragraphs, n)) == {k.text for k in kps}


def test_questions_and_lone_quotes_are_ranked_but_never_chosen():
    paras = [
        "Will the alliance finally agree on joint production of artillery shells this year?",
        "The alliance agreed on joint production of artillery shells with Seoul on Monday.",
        "“Joint production of artillery shells.”",
        "Officials said joint production of artillery shells would start in two plants.",
        "The weather in Brussels was mild for the season and the streets were busy.",
    ]
    cands = keypoints.candidates([Article(source="-", title="", text="\n".join(paras))])
    assert len(keypoints.rank(cands)) == len(cands) == 5
    assert [c.eligible for c in cands] == [False, True, False, True, True]
    chosen = summarise(paras, 5)
    assert paras[0] not in chosen and paras[2] not in chosen
    assert chosen[0] == paras[1]


def test_a_sentence_the_outlets_repeat_ranks_above_a_stray_one():
    common = "South Korea and NATO opened talks on joint ammunition production in Brussels."
    arts = [
        Article(
            source=f"s{i}",
            title="t",
            text=f"{lead}\n{stray}",
        )
        for i, (lead, stray) in enumerate(
            [
                (common, "The cafeteria served soup to visitors on the ground floor."),
                (
                    "NATO and South Korea began talks in Brussels on producing ammunition.",
                    "Heavy rain delayed several trains between Ghent and Antwerp.",
                ),
                (
                    "Talks on joint ammunition production between South Korea and NATO opened.",
                    "A new bakery opened near the old harbour last spring.",
                ),
            ]
        )
    ]
    cands = keypoints.candidates(arts)
    scores = keypoints.rank(cands)
    leads = [s for c, s in zip(cands, scores, strict=True) if c.rank_in_article == 0]
    strays = [s for c, s in zip(cands, scores, strict=True) if c.rank_in_article == 1]
    assert min(leads) > max(strays)


def test_overlap_is_textrank_similarity():
    a = Counter(tokens("NATO ministers met in Brussels; NATO ministers agreed."))
    b = Counter(tokens("Ministers from NATO met again."))
    # shared: nato (2 x 1), minist (2 x 1), met (1 x 1) over log 7 + log 3
    assert a.total() == 7 and b.total() == 3
    assert overlap(a, b) == pytest.approx(5 / (math.log(7) + math.log(3)))
    assert overlap(a, b) == overlap(b, a)
    assert overlap(a, Counter(tokens("Weather was mild."))) == 0.0
    assert overlap(Counter(["nato"]), Counter(["nato"])) == 1.0


def test_seed_story_key_points_are_traceable_and_not_repeated(seeds):
    arts = []
    for p in seeds.values():
        c = clean_text(p.read_text())
        arts.append(Article(source=str(p), title=c.title, text=c.text, outlet=c.outlet))
    stories, _ = analyse(arts, KOREA_NATO)
    assert len(stories) == 1
    kps = stories[0].key_points
    assert 1 <= len(kps) <= 8
    by_source = {a.source: a for a in arts}
    for kp in kps:
        assert_traceable(kp, by_source[kp.source])
    for a, b in combinations(kps, 2):
        bar = keypoints.REDUNDANT if a.source == b.source else keypoints.REDUNDANT_ACROSS
        assert containment(set(tokens(a.text)), set(tokens(b.text))) < bar


# ---------------------------------------------------------------- issue 9


def test_default_limit_is_five(sample_stories):
    from extractors.config import BriefingSettings

    assert BriefingSettings.model_fields["max_key_points"].default == 5
    assert all(len(s.key_points) <= 5 for s in sample_stories)


def test_a_pronoun_opening_is_joined_with_its_referent_or_left_out():
    text = (
        "Seoul and Warsaw signed a K9 maintenance deal on Monday, officials said.\n"
        "Hanwha Aerospace will open a repair depot near Stalowa Wola next year. "
        "It will train Polish technicians to do repairs that are now done in Changwon.\n"
        "That would include training for Polish technicians at the new depot, the agency added."
    )
    art = Article(source="k9", title="K9 deal", text=text)
    cands, joined = keypoints.with_referents(keypoints.candidates([art]))
    by_text = {c.text: (i, c) for i, c in enumerate(cands)}
    pair = next(t for t in by_text if t.startswith("Hanwha") and "It will train" in t)
    i, c = by_text[pair]
    assert i in joined and (c.paragraph, c.sentence) == (1, 0) and c.eligible
    # "That would include ..." opens a paragraph whose previous sentence itself leans back:
    # it cannot be joined, so it is left out
    that = next(c for c in cands if c.text.startswith("That would"))
    assert not that.eligible
    kps = key_points([art], 5)
    for k in kps:
        assert not keypoints.opens_on_referent(k.text)
        assert_traceable(k, art)


def test_captions_credits_and_prompts_are_never_key_points():
    paras = [
        "South Korea and NATO agreed on Tuesday to widen cooperation on artillery production.",
        "Photos: Shell talks Delegates arrive at NATO headquarters. Hide Caption 1 of 4",
        "In this Nov. 18, 2026, file photo, delegates pose for a picture at NATO headquarters.",
        "Interested in Defence? Add Defence as an interest to stay up to date on the latest news.",
        "Delegates stand next to a model of a howitzer at the exhibition in Brussels on Tuesday",
        "Officials said the working group would meet again in Seoul in March to review plans.",
    ]
    art = Article(source="x", title="t", text="\n".join(paras))
    texts = [k.text for k in key_points([art], 5)]
    assert texts and all(keypoints.furniture(t) is False for t in texts)
    assert not any("Caption" in t or "file photo" in t or "interest" in t for t in texts)


def test_bare_quotes_are_never_key_points():
    assert keypoints.lone_quote("“We will keep building shells together for as long as it takes.”")
    assert not keypoints.lone_quote("“We will keep building,” Cho said, “for as long as it takes.”")


def test_also_lists_other_outlets_stating_the_same_fact():
    a = Article(
        "a",
        "Deal",
        "Seoul signed a five-year deal on Monday to supply K9 howitzer parts to Poland.",
        outlet="Harbour Tribune",
    )
    b = Article(
        "b",
        "Deal",
        "On Monday Seoul signed a five-year contract to supply Poland with K9 howitzer parts.",
        outlet="Meridian Ledger",
    )
    c = Article(
        "c",
        "Deal",
        "Seoul signed a five-year deal on Monday to supply K9 howitzer parts to Poland.",
        outlet="State Wire",
        source_type="state-media",
    )
    d = Article(
        "d", "Other", "The weather in Warsaw was cold and grey on Monday morning.", outlet="X"
    )
    kps = key_points([a, b, c, d], 1)
    assert [x.outlet for x in kps[0].also] == ["Meridian Ledger"]  # state media never corroborates
    assert kps[0].also[0].source == "b" and kps[0].also[0].text in b.text


def test_rank_is_pagerank_of_the_implicit_graph() -> None:
    """Issue 14: the linear ranker equals PageRank on the explicit graph W = Y Y^T (no
    self-links), built here the slow way for a small story."""
    from extractors.keypoints import pagerank, sentence_matrix
    from extractors.vectors import tokens

    texts = [
        "Seoul and NATO signed a new cyber defence partnership in Brussels on Monday.",
        "The partnership covers cyber defence exercises and shared threat data.",
        "NATO said Seoul would join the cyber defence centre in Tallinn.",
        "Officials in Brussels praised the partnership.",
        "Unrelated weather words here.",
    ]
    toks = [tokens(t) for t in texts]
    rows, cols, vals = sentence_matrix(toks)
    got = pagerank(len(texts), rows, cols, vals)
    n = len(texts)
    vecs: list[dict[int, float]] = [{} for _ in range(n)]
    for r, c, v in zip(rows.tolist(), cols.tolist(), vals.tolist(), strict=True):
        vecs[r][c] = v
    w = [
        [
            0.0 if i == j else sum(v * vecs[j].get(k, 0.0) for k, v in vecs[i].items())
            for j in range(n)
        ]
        for i in range(n)
    ]
    out = [sum(w[i][j] for i in range(n)) or 1.0 for j in range(n)]
    score = [1.0 / n] * n
    for _ in range(30):
        score = [
            0.15 / n + 0.85 * sum(w[i][j] * score[j] / out[j] for j in range(n)) for i in range(n)
        ]
    assert got == pytest.approx(score, abs=1e-9)
    assert got[0] == max(got)


def test_long_article_is_capped() -> None:
    """At most CAP sentences of one article are ranked; the lead always is."""
    from extractors.keypoints import CAP, CAP_LEAD, candidates, capped, rank

    body = "\n".join(
        f"Item {k} of the long briefing covered topic number {k} in detail."
        for k in range(CAP + 40)
    )
    cands = candidates([Article(source="long", title="t", text=body)])
    keep = capped(cands)
    assert sum(keep) == CAP
    assert all(keep[:CAP_LEAD])
    scores = rank(cands)
    assert all(s == 0.0 for s, k in zip(scores, keep, strict=True) if not k)


@pytest.mark.parametrize(
    "sentence",
    [
        # Sentences written for the project, in the shape of what real pages glue in.
        "Harbor Lions quarterback Sam Reed (7) scrambles away from a defender during the game.",
        "Fans cheer after the final whistle, Sunday, Dec. 31, 2017, in Seattle.",
        "WHAT YOU NEED TO KNOW The port reopened after the storm on Friday morning.",
        "3.54pm - UPDATE - The port reopened after the storm on Friday morning.",
        "The port reopened (Harbour Police/Handout) Crews cleared the last of the debris.",
        "The crews were thanked by the mayor.# The port: a history of storms and repairs.",
        "(Photo: Jane Roe/Coast Daily) The port reopened after the storm on Friday.",
        "THE VICE PRESIDENT: I really hope that the port reopens after the storm.",
        "I'm Ana Park with the news from the harbour this morning, all of it.",
        "The mayor, with the harbour master in the background, announced the reopening.",
        "Chat with us in Facebook Messenger about the port and its storms.",
        "Details of the harbour repairs can be found at harbour.gov/repairs.",
        "A copy of the order I have signed for the harbour is enclosed.",
        "Please be seated. Welcome to the harbour, everyone, on this fine morning.",
        "For more information, visit the harbour authority's page on the storm.",
    ],
)
def test_page_furniture_rules(sentence: str) -> None:
    assert keypoints.furniture(sentence)
    assert not keypoints.eligible(sentence)


def test_questions_in_quotes_and_glued_questions() -> None:
    assert keypoints.is_question('He asked: "Want to come to the White House before I leave?"')
    assert keypoints.is_question("'Why the big gap?' But shoppers asked why the bars changed.")
    assert not keypoints.is_question("The port reopened on Friday after a week of repairs.")


def test_news_sentences_are_not_furniture() -> None:
    for s in (
        "The port reopened on Friday after a week of repairs, the harbour authority said.",
        "Seoul and NATO agreed on a cyber pact (the first of its kind) in Brussels on Monday.",
        "The North Atlantic Treaty Organization (NATO) Secretary General met the minister.",
    ):
        assert not keypoints.furniture(s), s


def test_list_item_in_lower_case_is_a_fragment() -> None:
    assert keypoints.opens_on_referent(r"\(3\) purchases under the plan are the cheapest way.")
    assert keypoints.opens_on_referent("Since then, the port has reopened twice.")


def test_points_of_a_long_briefing_stay_on_its_subject() -> None:
    """A long multi-subject document: a sentence sharing under 20% of its words with the
    summary, titles and leads is about another subject and never a key point."""
    from extractors.models import Summary

    lead = "The minister announced a cyber defence pact between Seoul and NATO on Monday."
    on = [
        f"The pact lets Seoul join NATO exercise number {k} in Tallinn with teams."
        for k in range(40)
    ]
    off = [
        f"Asked about farm subsidies, the spokesperson described wheat prices {k}."
        for k in range(30)
    ]
    art = Article(
        source="brief",
        title="Briefing on the cyber defence pact",
        text="\n".join([lead, *on, *off]),
    )
    summ = Summary(text=lead, sources=("brief",))
    kps = key_points([art], 5, summary=summ)
    assert kps and all("wheat" not in k.text for k in kps)


def test_transcript_turns_and_stage_cues_are_never_points() -> None:
    # Sentences written for the project, shaped like a press-conference transcript.
    from extractors.keypoints import furniture

    assert furniture("Q Thank you, sir. That was four years ago, Mr. President.")
    assert furniture("Q: Will the ministers meet again before the summit?")
    assert furniture("We will stand with our partners in the Pacific. (Applause.)")
    assert not furniture("Quebec's premier said the province would send two engineers.")
    assert not furniture("Qatar hosted the talks between the two delegations on Monday.")


def test_agency_dateline_is_trimmed_from_a_candidate() -> None:
    from extractors.keypoints import without_dateline

    s = "Pyongyang, September 23 (KCNA) -- A delegation of the ministry left for Moscow."
    assert without_dateline(s) == "A delegation of the ministry left for Moscow."
    s2 = "SEOUL, Nov. 20 (Yonhap) -- South Korea will send observers to the drill."
    assert without_dateline(s2) == "South Korea will send observers to the drill."
    plain = "Seoul, the capital, hosted 40 delegations on Friday."
    assert without_dateline(plain) == plain
