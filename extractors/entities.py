"""People, organisations, countries and places named by a story's articles: pure, rule-based.

``extract_entities(articles, topic)`` returns one ``Entity`` per thing named, people first
(most mentioned first), then organisations, countries and places. No model: small word
lists, a tokeniser and a few patterns, linear in the length of the text.

How each kind is found, per sentence of each article body:

- **organisations**: the topic's ``[[organisations]]`` with their aliases (merged under the
  profile's name); capitalised phrases holding an organisation word ("Constitutional
  Court", "Joint Chiefs of Staff", "Ministry of National Defense", "Korea Exchange");
  acronyms known to the topic, defined in the text ("... Administration (DAPA)") or in a
  short list of well-known ones (NATO, EU, UN, IAEA, ...).
- **countries**: a compact table of names, demonyms and acronyms (South Korean ->
  South Korea, U.S./US -> United States, ROK, DPRK). Bare "Korea"/"Korean" is ambiguous
  and counts for neither Korea.
- **places**: a short list of capitals, cities and regions in this field, plus each
  article's dateline.
- **people**: runs of 2-4 capitalised words (hyphenated given names such as "Tae-yul"
  and particles such as "van" included) that are none of the above and hold no month,
  weekday, role word, organisation word or common sentence opener. A run is a person when
  the topic knows it, or when a sentence shows it: a role (below), a speech verb after
  it ("Lee said"), "said" or an honorific before it, ", who" or an age after it, a
  Korean given name ("Da-gyum"), or its surname recurring alone in the article. A run
  after "the", "in", "at" or a model code ("K2 Black Panther") is not a person, nor is a
  multi-word term of the topic ("Hyundai Rotem"); the first word of a sentence is
  dropped from a run when the article also writes it in lower case ("Pitcher Jake
  Arrieta"). A single word is a person only as an alias: the surname of a full name the
  same article gave ("Cho" after "Cho Tae-yul": the first word of a Korean or Chinese
  name, the last word otherwise; left alone when two people of the article share it),
  a topic alias ("Rutte"), or the surname of the only such person in the whole set.

Roles are read only as the sources state them, never from the topic profile: a title
before the name, with the country or body named right before it ("South Korean Foreign
Minister Cho Tae-yul", "US state secretary Marco Rubio", "ministry spokesperson Kang
Ji-hoon") or an appositive after it ("Lee Jae-won, DAPA's deputy minister for defence
industry policy", "Marta Kowalczyk, a NATO official who ..."); where these rules find
none, an appositive the dependency parse sets off by a comma ("said the friend, Ilona
Herman"; ``_parse_role``). The role keeps the source's words; the affiliation is the country or
organisation named with it, normalised lightly (South Korean -> South Korea, U.S. ->
United States, DAPA -> its spelled-out name when the text gives it). ``evidence`` is the
sentence the role was read from (a role with an affiliation wins over one without; then
the first), else the first sentence naming the entity.

Bylines and photo credits name authors, not entities: lines that are a byline ("By ...",
a bare name equal to ``article.author``) or a photo caption, and sentences such as
"Reporting by ...", are not read, so a person named only there is never an entity.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from . import census
from . import nlp as spacy_model
from .clean import unglue
from .models import Article, Entity, EntityKind
from .text import fold, join_quotes, split_sentences
from .topic import Topic


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SUFFIX_WORDS = frozenset(("jr", "sr", "ii", "iii", "iv"))


def _pkey(name: str) -> str:
    """A person's identity without middle initials: "Donald J. Trump" ~ "Donald Trump"."""
    words = [w for w in name.replace(",", " ").split() if w.lower().strip(".") not in _SUFFIX_WORDS]
    if len(words) > 2 and len(words[0].strip(".")) == 1:
        words = words[1:]  # "A. Philip Randolph" ~ "Philip Randolph"
    kept = [
        w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w.strip(".")) == 1)
    ]
    # In either order: "Kishida Fumio" (family name first, as Japanese and Korean sources
    # write it) ~ "Fumio Kishida".
    return _key(" ".join(sorted(kept, key=fold)))


def _key(name: str) -> str:
    """Spelling-insensitive identity of a name: "Cho Tae Yul" ~ "Cho Tae-yul"."""
    return re.sub(r"[\W_]+", "", fold(name))


# ---------------------------------------------------------------- vocabulary

_COUNTRIES: dict[str, tuple[str, ...]] = {
    "South Korea": ("South Korea", "South Korean", "South Koreans", "Republic of Korea", "ROK"),
    "North Korea": (
        "North Korea",
        "North Korean",
        "North Koreans",
        "DPRK",
        "Democratic People's Republic of Korea",
        "Democratic People’s Republic of Korea",
    ),
    "United States": (
        "United States",
        "United States of America",
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "America",
        "American",
        "Americans",
    ),
    "United Kingdom": ("United Kingdom", "UK", "U.K.", "Britain", "British"),
    "Japan": ("Japan", "Japanese"),
    "China": ("China", "Chinese"),
    "Russia": ("Russia", "Russian", "Russians"),
    "Ukraine": ("Ukraine", "Ukrainian", "Ukrainians"),
    "Australia": ("Australia", "Australian", "Australians"),
    "New Zealand": ("New Zealand", "New Zealander", "New Zealanders"),
    "Poland": ("Poland", "Polish"),
    "Belgium": ("Belgium", "Belgian"),
    "Netherlands": ("Netherlands", "Dutch"),
    "Germany": ("Germany", "German", "Germans"),
    "France": ("France", "French"),
    "Italy": ("Italy", "Italian"),
    "Spain": ("Spain", "Spanish"),
    "Canada": ("Canada", "Canadian"),
    "Turkey": ("Turkey", "Türkiye", "Turkish"),
    "Romania": ("Romania", "Romanian"),
    "Sweden": ("Sweden", "Swedish"),
    "Finland": ("Finland", "Finnish"),
    "Norway": ("Norway", "Norwegian"),
    "Denmark": ("Denmark", "Danish"),
    "Estonia": ("Estonia", "Estonian"),
    "Latvia": ("Latvia", "Latvian"),
    "Lithuania": ("Lithuania", "Lithuanian"),
    "Hungary": ("Hungary", "Hungarian"),
    "Czech Republic": ("Czech Republic", "Czechia", "Czech"),
    "Slovakia": ("Slovakia", "Slovak"),
    "Greece": ("Greece", "Greek"),
    "Portugal": ("Portugal", "Portuguese"),
    "Bulgaria": ("Bulgaria", "Bulgarian"),
    "Belarus": ("Belarus", "Belarusian"),
    "Moldova": ("Moldova",),
    "Austria": ("Austria", "Austrian"),
    "Switzerland": ("Switzerland", "Swiss"),
    "Ireland": ("Ireland", "Irish"),
    "India": ("India",),
    "Taiwan": ("Taiwan", "Taiwanese"),
    "Philippines": ("Philippines", "Philippine", "Filipino"),
    "Vietnam": ("Vietnam", "Vietnamese"),
    "Indonesia": ("Indonesia", "Indonesian"),
    "Singapore": ("Singapore",),
    "Mongolia": ("Mongolia", "Mongolian"),
    "Iran": ("Iran", "Iranian"),
    "Israel": ("Israel", "Israeli"),
    "Saudi Arabia": ("Saudi Arabia", "Saudi"),
    "United Arab Emirates": ("United Arab Emirates", "UAE"),
    "Qatar": ("Qatar",),
    "Egypt": ("Egypt", "Egyptian"),
    "Syria": ("Syria", "Syrian"),
    "Iraq": ("Iraq", "Iraqi"),
    "Afghanistan": ("Afghanistan", "Afghan"),
    "Pakistan": ("Pakistan", "Pakistani"),
    "Thailand": ("Thailand", "Thai"),
    "Malaysia": ("Malaysia", "Malaysian"),
    "Myanmar": ("Myanmar",),
    "Kazakhstan": ("Kazakhstan",),
    "Armenia": ("Armenia", "Armenian"),
    "Azerbaijan": ("Azerbaijan",),
    "Serbia": ("Serbia", "Serbian"),
    "Croatia": ("Croatia", "Croatian"),
    "Slovenia": ("Slovenia",),
    "Albania": ("Albania",),
    "Montenegro": ("Montenegro",),
    "North Macedonia": ("North Macedonia",),
    "Luxembourg": ("Luxembourg",),
    "Iceland": ("Iceland",),
    "Brazil": ("Brazil", "Brazilian"),
    "Mexico": ("Mexico", "Mexican"),
    "South Africa": ("South Africa", "South African"),
    "Nigeria": ("Nigeria", "Nigerian"),
    "Cuba": ("Cuba", "Cuban"),
    "Venezuela": ("Venezuela",),
    "Brunei": ("Brunei", "Brunei Darussalam"),
    "Cambodia": ("Cambodia", "Cambodian"),
    "Laos": ("Laos", "Lao People's Democratic Republic", "Lao PDR"),
    "Timor-Leste": ("Timor-Leste", "East Timor"),
    "Sri Lanka": ("Sri Lanka", "Sri Lankan"),
    "Bangladesh": ("Bangladesh", "Bangladeshi"),
    "Nepal": ("Nepal", "Nepalese"),
    "Argentina": ("Argentina", "Argentine", "Argentinian"),
    "Chile": ("Chile", "Chilean"),
    "Colombia": ("Colombia", "Colombian"),
    "Peru": ("Peru", "Peruvian"),
    "Kenya": ("Kenya", "Kenyan"),
    "Ethiopia": ("Ethiopia", "Ethiopian"),
    "Kyrgyzstan": ("Kyrgyzstan",),
    "Uzbekistan": ("Uzbekistan", "Uzbek"),
    "Lebanon": ("Lebanon", "Lebanese"),
    "Yemen": ("Yemen", "Yemeni"),
    "Libya": ("Libya", "Libyan"),
    "Sudan": ("Sudan", "Sudanese"),
    "Bosnia and Herzegovina": ("Bosnia and Herzegovina", "Bosnia", "Bosnian"),
    "Kosovo": ("Kosovo",),
    "Cyprus": ("Cyprus", "Cypriot"),
    "Malta": ("Malta", "Maltese"),
    "Costa Rica": ("Costa Rica", "Costa Rican", "Costa Ricans"),
    "Palestine": ("Palestine", "Palestinian", "Palestinians"),
    "Rwanda": ("Rwanda", "Rwandan"),
    "Democratic Republic of the Congo": ("Democratic Republic of the Congo", "DRC"),
    "Angola": ("Angola", "Angolan"),
    "Mozambique": ("Mozambique",),
}
_PLACES: dict[str, tuple[str, ...]] = {
    name: (name, *alts)
    for name, *alts in (
        ("Seoul",),
        ("Brussels",),
        ("Pyongyang",),
        ("Washington",),
        ("Tokyo",),
        ("The Hague", "Hague"),
        ("Kursk",),
        ("Kyiv", "Kiev"),
        ("Moscow",),
        ("Beijing",),
        ("Warsaw",),
        ("Busan",),
        ("Incheon",),
        ("Panmunjom",),
        ("Yongbyon",),
        ("Vilnius",),
        ("Madrid",),
        ("London",),
        ("Paris",),
        ("Berlin",),
        ("Canberra",),
        ("Wellington",),
        ("Evere",),
        ("Mons",),
        ("Bucharest",),
        ("Helsinki",),
        ("Stockholm",),
        ("Oslo",),
        ("Copenhagen",),
        ("Ankara",),
        ("Taipei",),
        ("Manila",),
        ("Hanoi",),
        ("Jakarta",),
        ("Geneva",),
        ("Vienna",),
        ("Rome",),
        ("Prague",),
        ("Budapest",),
        ("Riga",),
        ("Tallinn",),
        ("Kharkiv",),
        ("Odesa", "Odessa"),
        ("Crimea",),
        ("Donbas",),
        ("Kaliningrad",),
        ("Vladivostok",),
        ("New Delhi",),
        ("São Paulo", "Sao Paulo"),
        ("Hong Kong",),
        ("Macau", "Macao"),
        ("West Bank",),
        ("Gaza", "Gaza Strip"),
        ("Jerusalem",),
        ("Tel Aviv",),
        ("New York",),
        ("Los Angeles",),
        ("Las Vegas",),
        ("San Francisco",),
        ("Abu Dhabi",),
        ("Rio de Janeiro",),
        ("Buenos Aires",),
        ("Kuala Lumpur",),
        ("Korean Peninsula",),
        ("North America",),
        ("South America",),
        ("Latin America",),
        ("Middle East",),
        ("East Asia",),
        ("Northeast Asia",),
        ("Southeast Asia",),
        ("Central Asia",),
    )
}
_PORTFOLIOS = _words(
    "Commerce Energy Labor Labour Treasury Agriculture Education Transportation Interior "
    "Defense Defence Health Trade Industry Finance Unification Veterans"
)
"""A department's one word after a title's "of" ("Secretary of Commerce [Gina
Raimondo]"): the title's body, never part of the name after it."""
# Capitalised words that make a phrase an organisation ("Constitutional Court").
_ORG_HEADS = _words(
    "Ministry Administration Agency Court Council Commission Committee Command Office Staff "
    "Institute Forum Assembly Parliament Congress Senate Department Bureau Service Services "
    "Union Organization Organisation Alliance Party Group Forces Force Army Navy Corps Fund "
    "Bank Exchange University Center Centre Foundation Association Federation Company "
    "Corporation Corp Industries Entertainment Semiconductor Electronics Systems Motors "
    "Tribune Herald Times News Post Press Journal Secretariat Headquarters House "
    "Treasury Network Authority Directorate Guard Police Academy College Society Chamber "
    "Board Nations Shipbuilding Airlines Airways Records Studios Labs Technologies Holdings "
    "Partners Ventures Inc Ltd LLC Plc GmbH Front Movement Fleet Agenda Judiciary Affairs "
    "Management Emeritus"
)
# First words of an organisation's name in Spanish, Portuguese, French, German, Italian
# ("Fundación Terra", "Partido Nacional"): a run they open is no person.
_ORG_OPENERS = _words(
    "Fundación Fundacion Fundação Fondation Fondazione Stiftung Instituto Institut Partido "
    "Movimiento Frente Asociación Associação Banco Grupo Compañía"
)
# Capitalised words of named things that are not people ("Bastille Day", "World Series").
_THING_HEADS = _words(
    "Day Series Bowl Cup Games Olympics Prize Award Awards Festival Summit Conference War "
    "Act Treaty Agreement Accord Declaration Strategy Initiative Programme Program Project "
    "Plan Index Avenue Road Hotel Club Hall Church Cathedral Mosque Synagogue Temple Stadium "
    "Station Bridge Tower Palace Museum Prison Hospital Room Team Unit Meeting Concept "
    "Partnership Rights Report Review Cabinet Storm Typhoon Hurricane Cyclone "
    "Plans Grants Tool Tools Hub Hubs Sanctuary Monument Reserve Framework Challenge "
    "Scholarship Fellowship Order Orders"
)
# Page furniture that survives extraction ("Hide Caption", "Sign Up", "Getty Images").
_FURNITURE = _words(
    "caption video videos photo photos image images sign subscribe share click read watch "
    "play view show hide previous advertisement getty related comments newsletter follow "
    "email print copyright above below pictured"
)
_ORG_ACRONYMS = _words(
    "NATO EU UN IAEA ASEAN OSCE KCNA JCS DAPA USFK IMF WTO OECD NIS NSC IP4 G7 G20 AUKUS UNSC"
)
# Spellings of one organisation (by name key) -> its one name.
_ORG_MERGE = {
    k: "United Nations Security Council"
    for k in ("unsc", "unsecuritycouncil", "unitednationssecuritycouncil", "securitycouncil")
}
# News outlets and agencies: they publish the story; they are never one of its entities.
_OUTLETS = frozenset(
    re.sub(r"[\W_]+", "", n.lower())
    for n in (
        "Yonhap",
        "Yonhap News Agency",
        "Reuters",
        "AP",
        "Associated Press",
        "AFP",
        "Agence France-Presse",
        "KCNA",
        "Korean Central News Agency",
        "Rodong Sinmun",
        "Minju Joson",
        "Joson Sinbo",
        "Pyongyang Times",
        "Chosun Ilbo",
        "JoongAng Ilbo",
        "Dong-A Ilbo",
        "Hankyoreh",
        "Korea Herald",
        "Korea Times",
        "Korea JoongAng Daily",
        "NK News",
        "Newsis",
        "News1",
        "Xinhua",
        "Global Times",
        "TASS",
        "RIA Novosti",
        "Sputnik",
        "RT",
        "BBC",
        "CNN",
        "NPR",
        "NHK",
        "Kyodo",
        "Nikkei",
        "New York Times",
        "Washington Post",
        "Wall Street Journal",
        "Financial Times",
        "Guardian",
        "Daily Mail",
        "Bloomberg",
        "Fox News",
        "Politico",
        "Page Six",
        "TMZ",
        "Axios",
        "Al Jazeera",
        "Deutsche Welle",
        "Vietnam News",
        "Getty Images",
        "EPA",
        "Korea JoongAng",
        "Arirang",
        "KBS",
        "MBC",
        "SBS",
        "Voice of America",
        "VOA",
        "Le Monde",
        "Le Figaro",
        "Libération",
        "Der Spiegel",
        "El País",
        "Asahi Shimbun",
        "Yomiuri Shimbun",
        "Mainichi Shimbun",
        "South China Morning Post",
    )
)
_OUTLET_HEADS = _words(
    "Tribune Herald Times Post Journal Gazette Ilbo Sinmun Shimbun Daily Chronicle"
)
_ORG_SINGLE = _words("Pentagon Kremlin Yonhap Reuters Hamas Hezbollah Taliban")
# Two-word names of groups and firms that look like a person's ("Boko Haram").
_NOT_PEOPLE = frozenset(
    re.sub(r"[\W_]+", "", n.lower())
    for n in (
        "Boko Haram",
        "Al Qaeda",
        "Al Shabaab",
        "Islamic State",
        "Goldman Sachs",
        "Morgan Stanley",
        "Lehman Brothers",
        "Merrill Lynch",
        "Wells Fargo",
        "Dow Jones",
        "Rolls Royce",
        "Harley Davidson",
        "Ernst Young",
        "Marks Spencer",
        "Procter Gamble",
        "Johnson Johnson",
        "Bitcoin Cash",
    )
)
_ORG_LINKS = {"of", "for", "on", "de"}
# Role words, lower case. A role must hold a head; modifiers only qualify one.
_ROLE_HEADS = _words(
    "minister secretary secretary-general president premier chancellor speaker spokesperson "
    "spokesman spokeswoman "
    "ambassador envoy official officer diplomat adviser advisor director chief executive "
    "chairman chairwoman chair chairperson head leader commander general admiral analyst "
    "researcher professor fellow expert lawmaker legislator senator congressman "
    "congresswoman governor mayor member representative negotiator king queen prince "
    "emperor editor economist scholar lecturer ceo founder manager coordinator delegate "
    "prosecutor judge justice aide colonel lieutenant sergeant marshal undersecretary "
    "vice-minister vice-president co-chair strategist consultant journalist correspondent "
    "president-elect nominee singer actress actor rapper comedian comedienne author writer "
    "artist coach "
    "player driver astronaut scientist astronomer engineer doctor lawyer attorney filmmaker "
    "producer activist commentator pastor priest bishop pope constable model guard forward "
    "captain specialist physician surgeon striker midfielder defender goalkeeper pitcher "
    "quarterback catcher boss guitarist pianist musician drummer blogger lt col gen maj capt "
    "sgt cmdr brig adm gov sen vp developer politician sheriff administrator counsel commissioner "
    "inspector superintendent treasurer councillor councilor councilman councilwoman "
    "rabbi imam cardinal reverend historian candidate architect peer mp archbishop princess "
    "duke duchess empress assistant mogul tycoon investigator dj generalissimo principal"
)
_ROLE_MODS = _words(
    "foreign defence defense prime vice deputy first second national security state detective "
    "extraordinary plenipotentiary domestic homeland majority minority legislative legal "
    "digital cyber climate "
    "unification trade finance economy economic industry interior assistant acting former "
    "top senior special presidential principal permanent military intelligence joint "
    "associate research policy programme program staff nuclear science health labour labor "
    "energy transport education agriculture culture environment home international "
    "political media missile press public communications lead defence-industry "
    "defense-industry"
)
_ROLE_LOWER_ONLY = _words("ministry government army navy party")
_BODY_LEADS = _words("former early longtime long-time veteran senior retired onetime one-time")
# Role words that, alone before one word, make no title of it ("Head Start", "Member
# States", "Chief Justice"): the word may be anything.
_VAGUE_TITLES = _words("head chief member leader official officer fellow expert guard forward")
_BODY_TITLES = _VAGUE_TITLES - _words("guard forward fellow expert")
"""Vague titles read with the body before them ("Border Patrol chief"); a team's "guard"
or "forward" is the player's position."""
_ORG_AFTER = re.compile(r"(?:Force|Forces|Command|Corps|Group|Squadron|Regiment|Brigade)\b")
# Titles only an organisation has: "[Common Sense]'s CEO", "[Salesforce] chairman".
_ORG_OWNED = re.compile(
    r"(?:CEO|chief executive|chief financial officer|CFO|chairman|chairwoman|co-founder|"
    r"founder|board)\b"
)
# Nouns of occupation by their ending ("psychologist", "op-ed columnist", "physician",
# "photographer"), read only in lower case; verbs and things with those endings are not.
_OCCUPATION = re.compile(r"^[a-z][a-z-]{2,}(?:ologist|ician|ographer|ist)$")
_NOT_OCCUPATIONS = _words(
    "assist insist resist persist exist consist subsist desist enlist twist wrist list "
    "mist fist gist checklist playlist wishlist blacklist whitelist shortlist waitlist "
    "tourist"
)


# Nouns of occupation whose ending shows none ("nurse", "magnate", "chocolatier").
_OCCUPATION_NOUNS = _words(
    "nurse magnate chocolatier financier courtier soldier pilot chef cook clerk monk nun poet "
    "medic nanny maid tailor butcher baker barber sculptor midwife paramedic veterinarian "
    "pharmacist mechanic plumber carpenter cashier courier firefighter farmer fisherman "
    "teacher trainer dancer lyricist composer conductor referee umpire jockey worker labourer"
)


def _occupation(low: str) -> bool:
    last = low.rsplit("-", 1)[-1]
    if last in _OCCUPATION_NOUNS:
        return True
    return bool(_OCCUPATION.match(low)) and last not in _NOT_OCCUPATIONS


# Two-word titles whose head alone names no role: "First Lady Jill Biden" (but "Lady Gaga").
# Titles of an office held by one named person, whose capitalised form before one word
# names that person even when the model misses it ("Thank you, Mayor Garcetti").
_ELECTED_TITLES = _words(
    "mayor senator representative governor congressman congresswoman ambassador chancellor"
)
_RANK_CLASSES = _words("first second third")
_CLASS_RANKS = _words("sergeant private officer airman specialist seaman sgt pfc")
_ROLE_PAIRS = {("first", "lady"), ("first", "gentleman"), ("second", "gentleman")}
# Titles whose plural with a capital stands before several names ("Presidents Felix
# Tshisekedi of the DRC and Paul Kagame of Rwanda").
_PLURAL_TITLES = _words(
    "president minister senator ambassador governor chancellor premier mayor congressman prince "
    "representative congresswoman generalissimo"
)
# Kin words before a name show a person ("her father Bassem", "his daughter Lily"); they
# are no role.
_KIN = _words(
    "father mother wife husband son daughter brother sister cousin uncle aunt nephew niece "
    "grandson granddaughter grandfather grandmother widow widower fiancé fiancée fiance "
    "fiancee girlfriend boyfriend stepson stepdaughter stepfather stepmother"
)
# Nouns of nationality before a name show a person ("Frenchman Romain Grosjean"); no role.
_DEMONYM_NOUNS = _words(
    "Frenchman Frenchwoman Englishman Englishwoman Irishman Irishwoman Welshman Welshwoman "
    "Scotsman Scotswoman Dutchman Dutchwoman Briton Swede Pole Spaniard Scot Kiwi Aussie"
)
# Praise before "leader" is an epithet, not a role ("the great leader Comrade Kim Il Sung").
_PRAISE = _words(
    "great dear respected beloved peerless supreme eternal outstanding brilliant "
    "illustrious sagacious tireless fatherly"
)
_ROLE_WORDS = _ROLE_HEADS | _ROLE_MODS
_COMMON = _words(
    "the a an in on at but and or if as it he she they we i you his her their its our this "
    "that these those there here then when while after before since despite however "
    "meanwhile also still yet so for with without from to by under over according asked "
    "some many most both all each every no not other another one two three four five first "
    "last next new mr mrs ms dr sir madam officials diplomats analysts allies experts "
    "whatever shortly opening entry likely furthermore moreover in-summary yesterday today "
    "tomorrow god of once even just now what why how where who which my me us thank thanks "
    "please dear yes soon early current up more poor add added eventually happy had has "
    "have was is are were will would did does do can could should may might must "
    # words of origin that open a people's name ("Native Hawaiian", "Indigenous Australian")
    "native indigenous aboriginal"
)
_GEO = _words(
    "north south east west northern southern eastern western central northeastern "
    "northwestern southeastern southwestern korea korean koreans "
    "europe european europeans asia asian pacific indo-pacific asia-pacific atlantic arctic "
    "baltic sea ocean peninsula river island islands strait bay gulf mountain mountains "
    "province region oblast city street square airport harbour harbor port base zone border "
    "cape mount lake valley canyon creek heights hills desert plateau"
)
_CALENDAR = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday"
)
_PARTICLES = _words("van von de der den da di du del della dos das bin al le la ter")
# Verbs that, right after a name, show it is a person's ("Lee said").
_SPEECH = _words(
    "said says told tells added adds noted warned stressed urged argued wrote writes "
    "announced asked replied explained insisted declined acknowledged agreed met meets "
    "visited spoke speaks denied confirmed tweeted posted claimed admitted recalled "
    "called calls described describes recounted reported reports testified"
)
_APPOS_STOP = _words(
    "who whose which that and or but of for to at on in with by from as said says told is "
    "was has had will would since after before during"
)
_APPOS_PREPS = _words("from of at with")
"""Prepositions opening an appositive of where a person works ("[Zhu Congpeng], from the
China Aerospace Science and Technology Corporation, said")."""
_APPOS_ENDS = frozenset({",", ".", ";", ":", ")", "—", "–"})
"""What ends an appositive's field in lower case ("[X], a professor of economics, said")."""
_EAST_ASIAN_SURNAMES = _words(
    "Kim Lee Park Choi Cho Chung Jung Kang Yoon Yun Jang Lim Han Oh Seo Shin Kwon Hwang Ahn "
    "Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Ji Wi Noh Ha Kwak Sung Cha Joo Woo "
    "Gu Min Ryu Jin Xi Wang Li Zhang Liu Chen Yang Zhao Huang Wu Zhou "
    # North Korean romanisations (KCNA): "Ri Hak Song", "Pak Thae Song", "Choe Son Hui"
    "Ri Pak Jo Rim Choe Kye Hyon Jon Paek Pyon"
)
# Given names common in international news (a name's first word that shows a person).
_GIVEN_NAMES = _words(
    "Aaron Abdul Abdullah Adam Adrian Adrienne Ahmad Ahmed Aidan Akira Alan Albert Alberto "
    "Aleksandr Alex Alexander Alexandra Alexei Alexey Ali Alice Alicia Alison Amanda Amy Ana "
    "Anders Andrea Andreas Andrew Andrey Andrzej Andy Angela Angelina Ann Anna Anne Annalena "
    "Anthony Antonio Antony Anton Antoine Ashley Ashton Avril Avivah Barack Barbara Ben "
    "Benjamin Bernard Bernie Beth Betty Bill Billy Bob Bobby Boris Brad Brandon Brenda "
    "Brett Brian Bruce Bruno Carl Carla Carlos Carol Caroline Catherine Charles Charlie "
    "Chloe Chris Chrissy Christian Christina Christine Christopher Chuck Cindy Claire Claude "
    "Claudia Colin Craig Cyril Dan Daniel Daniela Danielle Danny Dave David Dean Deborah "
    "Denis Dennis Derek Diana Diane Dick Dmitry Dmitri Dominic Don Donald Doug Douglas "
    "Duncan Dwight Dylan Ed Eddie Edward Elena Eli Elizabeth Ellen Elon Emily Emma "
    "Emmanuel Emmanuelle Enrique Eric Erik Erin Ernest Eugene Eva Evan Fabien Fabio "
    "Faisal Felix Fernando Francesca Francis Francisco Franco Frank Franz Fred Frederick "
    "Fumio Gabriel Gareth Gary Geoffrey George Georgia Gerald Gerhard Gina Giorgia Giuseppe "
    "Glenn Glynn Gordon Grace Graham Grant Greg Gregory Gustavo Gwyneth Hadley Hakan Hal "
    "Hamid Hannah Hans Harold Harry Hassan Heather Heinz Helen Helena Henry Herbert Hikmat "
    "Hillary Hiroshi Howard Hugh Hugo Hussein Ian Igor Ilham Ingrid Irene Isaac Ivan Jack "
    "Jacob Jacqueline Jake James Jamie Jan Jane Janet Janice Jared Jason Javier Jay "
    "Jayson Jean Jeanne Jeff Jeffrey Jennifer Jens Jeremy Jerome Jessica Jill Jim Jimmy "
    "Joan Joanna Joe Joel John Johnny Jon Jonathan Jordan Jorge Jose Joseph Josh Joshua "
    "Juan Judith Julia Julian Julie Julien Justin Kamala Karen Karine Karl Kate Katherine "
    "Kathleen Kathy Keir Keith Kelly Ken Kenneth Kerry Kevin Khalid Kim Kimi Kirk Kris "
    "Kristi Kurt Kyle Lars Laura Lauren Lawrence Leah Leo Leon Leonid Lewis Linda Lindsay "
    "Lindsey Lisa Liz Livio Lloyd Lori Louis Louise Lucas Lucy Luis Luke Lynn Maggie Mahmoud "
    "Mandy Marc Marco Marcus Margaret Maria Marie Marina Mario Mark Marquis Marta Martin Mary "
    "Matt Matteo Matthew Max Maxim Megan Melania Melissa Michael Michel Michelle Miguel "
    "Mike Mikhail Mitch Mitt Mohamed Mohammad Mohammed Monica Muhammad Nancy Naomi Narendra "
    "Natalia Natalie Nathan Neil Nicholas Nick Nico Nicola Nicolas Nigel Nikki Nikolai "
    "Noor Norman Ofer Olaf Oleg Olga Oliver Olivia Omar Oscar Pamela Patricia Patrick Paul "
    "Paula Pedro Penny Pete Peter Petr Phil Philip Philippe Pierre Rachel Rafael Ralph "
    "Ramon Randy Raymond Rebecca Recep Rex Ricardo Rich Richard Rick Rishi Rob Robert "
    "Roberta Robin Roger Roland Romain Ron Ronald Rosa Ross Roy Ruth Ryan Sam Samantha "
    "Samuel Sandra Sara Sarah Scott Sean Sebastian Sergei Sergey Shannon Sharon Shinzo "
    "Simon Sophie Stefan Stephanie Stephen Steve Steven Stuart Susan Suzanne Sylvie Tamara "
    "Ted Teresa Terry Theresa Thomas Tim Timothy Tina Todd Tom Tommy Tony Tracy Trevor Ulf "
    "Ursula Valerie Vanessa Victor Victoria Viktor Vince Vincent Vladimir Volodymyr Walter "
    "Wayne Wendy William Xavier Yannick Yasmin Yoshihide Yuri Yusuf Zabihullah Zachary Zoe "
    # Spanish, Portuguese, Italian, French, German, Nordic, Slavic, Arabic, Turkish, Indian,
    # Japanese and African given names common in the news
    "Alejandro Alfonso Alvaro Andres Beatriz Camila Carmen Cristina Diego Eduardo Emilio "
    "Felipe Gabriela Gonzalo Guillermo Ignacio Isabel Jaime Joao Lucia Luiz Manuel Mateo "
    "Pablo Pilar Raul Ricardo Rodrigo Santiago Sergio Sofia Valentina Alessandro "
    "Enrico Giovanni Giulia Lorenzo Luca Luigi Massimo Paolo Sergio Silvio Stefano Alain "
    "Amelie Bertrand Christophe Didier Francois Gilles Jacques Laurent Marine Mathieu "
    "Nathalie Olivier Thierry Valerie Yves Dieter Friedrich Gunter Helmut Jurgen Klaus "
    "Markus Matthias Sigmar Uwe Wolfgang Bjorn Ingrid Jonas Mette Magnus Nils Sanna Sven "
    "Aleksander Bogdan Dariusz Grzegorz Jaroslaw Katarzyna Marek Mateusz Milos Natasha "
    "Oleksandr Oleksiy Pavel Piotr Radoslaw Sergiy Svetlana Tomasz Vadim Vitali Vitaly "
    "Yevgeny Yulia Zoran Abdel Amir Bashar Fatima Hamad Hasan Ibrahim Ismail Jamal Karim "
    "Layla Mahmud Mustafa Nasser Omar Rashid Salman Tariq Yasser Yousef Zayed Ahmet Emine "
    "Mehmet Mevlut Arvind Amit Anil Deepak Manmohan Priya Rahul Raj Rajesh Sanjay Sonia "
    "Subrahmanyam Sunil Vijay Haruki Hayashi Hideki Hiroshi Junichiro Kenji Kentaro Koichi "
    "Makoto Masahiro Naoto Shigeru Taro Takeshi Toshimitsu Yoko Yuki Yukio Yoshimasa "
    "Abiy Cyril Jacob Kofi Nelson Paul Uhuru Yoweri"
)

# Surname endings that show a person's name ("Ljubicic", "Stoltenberg", "Kovalenko").
_SURNAME_END = re.compile(
    r"(?:son|sen|ssen|ov|ova|ev|eva|sky|ski|ska|enko|vic|vić|ić|ez|escu|ian|yan|ashvili|"
    r"berg|stein|mann|ini|etti|elli|poulos|oglu|oğlu|ovich|evich|ieva|uk|chuk|awa|moto|"
    r"mura|shita|kawa|ishi|guchi)$"
)
_NOT_PERSON_BEFORE = _words("the in at near across outside inside")
# Nouns whose name follows them and is a thing's: vessels, craft, products, works.
_THING_NOUNS = _words(
    "ship tanker vessel freighter ferry warship destroyer frigate submarine cruiser "
    "yacht boat trawler carrier aircraft jet airliner drone satellite rocket spacecraft "
    "probe phone smartphone handset laptop tablet console app software album "
    "song film movie documentary book novel memoir opera musical "
    "painting sculpture newspaper magazine channel podcast programme program brand horse "
    "firm company label"
)
_PLACE_PREPS = _words("to for from in at near into via across toward towards")
_HONORIFICS = _words(
    "mr mrs ms dr sir madam h.e. comrade rabbi reverend rev pastor imam bishop cardinal "
    "alhaji alhaja mallam malam prof"
)
_PLAIN_HONORIFICS = _words("mr mrs ms dr sir madam h.e. comrade alhaji alhaja mallam malam")
"""Honorifics that are no role: a title before them is still the name's ("Deputy Prime
Minister Mr Prescott"); clerical titles are roles ("Rabbi Jonathan Blake")."""
_DETERMINERS = _words("a an the our his her their its my your")
_ORG_STRIP = _words(
    "the a an and but in on at for of by according with from to after before when while as "
    "if under over its their his her our my your aboard"
)
_CONTRACTION = re.compile(r"['’](?:m|re|ve|ll|d|t)$", re.I)
_ADJ_SUFFIX = re.compile(r"-(?:based|led|backed|made|born|style|era|bound|owned|run|linked)$")
_NAME_SUFFIXES = _words("jr jr. sr sr. ii iii iv")
_TRAILING = (_COMMON - _CALENDAR) | _NAME_SUFFIXES  # "Biden Before", never "Theresa May"
_HYPHEN_ADJ = re.compile(r"-[a-z]+(?:ed|ing)$")  # "Hong Kong-flagged"
_WEEKDAY_NAMES = _words("monday tuesday wednesday thursday friday saturday sunday")
_KOREAN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")
_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]{0,5} [A-Z][a-z]+-[a-z]+$")  # "Ji Da-gyum"
_POSSESSIVE = re.compile(r"['’]s?$")
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:[-'’.][^\W_]+)*['’]?|\S")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]+")
_DEFINED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&]{1,7})\)")

# Paragraphs and sentences that name authors, not entities.
_BYLINE = re.compile(r"^(?:by|written by|reporting by|edited by)\s+\S", re.I)
_CAPTION = re.compile(
    r"(?:photos?|images?|pictures?)\s+(?:by|courtesy|credit)|courtesy\s+of|"
    r"[(\[](?:yonhap|ap|afp|reuters|epa|newsis|news1|xinhua)(?:\s+photo)?[)\]]\s*\|?\s*$",
    re.I,
)
_CREDIT_SENTENCE = re.compile(
    r"\b(?:reporting by|editing by|writing by|additional reporting|photos? by|"
    r"(?:photo|image)s?\s*/\s*\w+|"
    r"contributed (?:reporting|to this (?:report|post|story|article)))\b|"
    r"^\W*(?:photo|photograph|image|picture)s?\s*(?:credit)?\s*:\s*\S+(?:\s+\S+){0,5}\W*$|"
    r"/\s*(?:getty(?: images)?|ap|afp|reuters|epa|yonhap|bloomberg|shutterstock|associated press|"
    r"ap photo|afp photo|epa-efe|pool)\b",
    re.I,
)
# A transcript's speaker label: "PRESIDENT BIDEN:", "PRIME MINISTER SUNAK:", "MR. KIRBY:",
# and a broadcast transcript's name with the speaker's part ("RENEE MONTAGNE, HOST:").
_SPEAKER = re.compile(
    r"^(?:THE\s+)?(?P<title>(?:(?:VICE|DEPUTY|PRIME|FOREIGN|DEFENSE|DEFENCE)\s+)?"
    r"(?:PRESIDENT|MINISTER|SECRETARY(?:\s+GENERAL)?|SECRETARY-GENERAL|AMBASSADOR|SENATOR|"
    r"GENERAL|ADMIRAL|CHANCELLOR|GOVERNOR|SPEAKER)|MR\.|MS\.|MRS\.|DR\.)?\s*"
    r"(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Z'’-]+){0,2})"
    r"(?:,\s*(?P<part>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2}))?\s*:"
)
_NO_PART = _words("byline unidentified")
"""A broadcast label's part that is no role: "BYLINE" marks the outlet's own reporter."""
_DOC_LABELS = _words(
    "q moderator operator fact sheet readout statement update breaking watch notice advisory "
    "memorandum proclamation remarks transcript exclusive analysis opinion editorial video "
    "photos live note"
)
"""Words of a document's or a section's label ("FACT SHEET:", "READOUT:", "WATCH:"), which
the speaker-label pattern would read as a name."""
_BARE_NAME = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}$")


def _alternation(surfaces: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(surfaces), key=len, reverse=True)
    body = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in ordered)
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w]|\.\w)")


# Words of place names that also begin people's names ("Costa" in "Costa Rica" and
# "Diego Costa", "Hong" in "Hong Kong" and "Hong Lei"): not geographic alone.
_NAME_WORDS_IN_PLACES = _words("costa hong san los las tel abu rio new")
_COUNTRY_OF = {_key(s): name for name, ss in _COUNTRIES.items() for s in ss}
_PLACE_OF = {_key(s): name for name, ss in _PLACES.items() for s in ss}
_COUNTRY_RE = _alternation(s for ss in _COUNTRIES.values() for s in ss)
_PLACE_RE = _alternation(s for ss in _PLACES.values() for s in ss)
_GEO_TOKENS = frozenset(
    w.lower()
    for ss in (*_COUNTRIES.values(), *_PLACES.values())
    for s in ss
    for w in s.split()
    if w[0].isupper() and (" " not in s or w.lower() not in _NAME_WORDS_IN_PLACES)
)


_GEO_STEMS = frozenset(w[:-1] for w in _GEO_TOKENS if len(w) >= 5)

# ---------------------------------------------------------------- tokens and spans


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    core: str
    """The word without a possessive ending ("Cho’s" -> "Cho")."""
    poss: bool
    label: tuple[str, str] | None = None
    """(kind, canonical name) when the token is part of an organisation, country or place."""
    pair: bool = False
    """The head of a two-word title whose head alone is no role ("First Lady")."""

    @property
    def low(self) -> str:
        return self.core.lower()

    @property
    def rlow(self) -> str:
        """The word without a prefix of time ("ex-President", "then-Senator")."""
        low = self.low
        if low.startswith(("ex-", "then-")):
            return low.split("-", 1)[1]
        if low.startswith(("vice-", "deputy-")) and low.split("-", 1)[1] in _ROLE_HEADS:
            return low.split("-", 1)[1]  # "Vice-Premier": a title of rank before a title
        return low

    @property
    def head(self) -> bool:
        """A role's head word: "minister", "spokesperson", the "Lady" of "First Lady"; a
        capitalised plural title before names ("Presidents Tshisekedi and Kagame"); a
        lower-case noun of occupation ("psychologist", "columnist", "technician")."""
        return self.rlow in _ROLE_HEADS or self.pair or self.plural_title or self.occupation

    @property
    def occupation(self) -> bool:
        return self.text.islower() and _occupation(self.rlow)

    @property
    def plural_title(self) -> bool:
        """ "Presidents", "vice-chairmen": a title's plural, before the names it titles."""
        if self.low.endswith("men") and len(self.low) > 5:  # any case: "vice-chairmen"
            return _singular(self.low).rsplit("-", 1)[-1] in _ROLE_HEADS
        return (
            self.cap
            and len(self.low) > 4
            and self.low.endswith("s")
            and self.low[:-1] in _PLURAL_TITLES
        )

    @property
    def cap(self) -> bool:
        return self.core[:1].isupper()

    @property
    def acronym(self) -> bool:
        return bool(_ACRONYM.fullmatch(self.core))

    @property
    def capword(self) -> bool:
        return self.cap and not self.acronym and not any(c.isdigit() for c in self.core)

    @property
    def word(self) -> bool:
        return self.core[:1].isalpha()


def _singular(title: str) -> str:
    """A plural title's singular: "chairmen" -> "chairman", "Presidents" -> "President"."""
    return title[:-3] + "man" if title.lower().endswith("men") else title[:-1]


def _tokens(sentence: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(sentence):
        text = m.group(0)
        core = text
        if len(text) > 2 and text[0].isalpha() and _POSSESSIVE.search(text):
            core = _POSSESSIVE.sub("", text)
        tok = _Tok(text, m.start(), m.end(), core, core != text)
        if out and (out[-1].low, tok.low) in _ROLE_PAIRS and tok.cap:
            tok.pair = True
        elif (
            len(out) >= 2
            and tok.low == "class"
            and out[-1].low in _RANK_CLASSES
            and out[-2].low in _CLASS_RANKS
        ):
            tok.pair = True  # "Sergeant First Class [Heath Robinson]": one rank
        elif tok.low == "d'affaires" and out and out[-1].low in ("charge", "chargé"):
            tok.pair = out[-1].pair = True  # "Charge d'Affaires [Vladimir Topeha]": one title
        elif (
            len(out) >= 2
            and tok.low == "interim"
            and out[-1].low == "ad"
            and out[-2].low == "d'affaires"
        ):
            tok.pair = out[-1].pair = True  # "... d'Affaires ad Interim"
        out.append(tok)
    return out


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: EntityKind
    name: str
    surface: str


def _choose(spans: list[_Span]) -> list[_Span]:
    """Longest spans first; a span overlapping one already chosen goes. O(k log k)-ish."""
    rank = {"organisation": 0, "country": 1, "place": 2, "person": 3}
    starts: list[int] = []
    kept: list[_Span] = []  # sorted by start, never overlapping
    for s in sorted(spans, key=lambda s: (s.start - s.end, rank[s.kind], s.start)):
        i = bisect_right(starts, s.start)
        if (i and kept[i - 1].end > s.start) or (i < len(kept) and kept[i].start < s.end):
            continue
        starts.insert(i, s.start)
        kept.insert(i, s)
    return kept


def _label(tokens: list[_Tok], spans: list[_Span]) -> None:
    i = 0
    for tok in tokens:
        while i < len(spans) and spans[i].end <= tok.start:
            i += 1
        if i < len(spans) and spans[i].start <= tok.start < spans[i].end:
            tok.label = (spans[i].kind, spans[i].name)


# ---------------------------------------------------------------- the lexicon of one call


@dataclass
class _Lexicon:
    """What one call knows: the topic's people and organisations, acronyms defined in text."""

    person_of: dict[str, str]
    """Name key (full names and aliases) -> canonical person name."""
    org_of: dict[str, str]
    org_re: re.Pattern[str] | None
    not_person: set[str]
    """Keys of the topic's multi-word terms that are not people ("Hyundai Rotem")."""
    scoped: dict[str, re.Pattern[str]] = field(default_factory=dict)
    """Canonical organisation -> the terms one of which must be near an alias of it."""

    def org_name(self, surface: str) -> str:
        surface = re.sub(r"^(?:the|The)\s+", "", surface.strip())
        surface = _POSSESSIVE.sub("", surface) if surface[-2:] in ("’s", "'s") else surface
        key = _key(surface)
        return self.org_of.get(key) or _ORG_MERGE.get(key, surface)

    def in_scope(
        self, canonical: str, surface: str, sentence: str, paragraph: str, context: str = ""
    ) -> bool:
        """An alias of a scoped organisation stands for it here (see ``Known.scope``).

        Where the article (``context``: its title and text) names another country's body
        of that name ("the DPRK Foreign Ministry"), a bare alias is that body unless the
        words just before it own it ("Seoul's Foreign Ministry"): "The Foreign Ministry
        warned Seoul" in a KCNA item is Pyongyang's."""
        pat = self.scoped.get(canonical)
        if pat is None or _key(surface) == _key(canonical):
            return True
        bare = re.sub(r"^(?:the|The)\s+", "", surface.strip())
        if context and _foreign_owner(bare, context):
            at = sentence.find(surface)
            before = sentence[max(0, at - 40) : at] if at >= 0 else ""
            return bool(re.search(rf"(?:{pat.pattern})['’]?s?\s*$", before))
        if pat.search(sentence):
            return True
        others = {_COUNTRY_OF[_key(m.group(0))] for m in _COUNTRY_RE.finditer(sentence)}
        return bool(pat.search(paragraph)) and not others - {"South Korea"}


def _foreign_owner(alias: str, context: str) -> str | None:
    """Another country than South Korea the text gives as the owner of ``alias``
    ("DPRK Foreign Ministry", "Foreign Ministry of China", "China's Foreign Ministry")."""
    body = re.escape(alias).replace(r"\ ", r"\s+")
    for m in re.finditer(
        rf"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)\s+(?i:{body})\b"
        rf"|(?i:{body})\s+of\s+(?:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,4}})",
        context,
    ):
        words = _POSSESSIVE.sub("", m.group(1) or m.group(2) or "")
        for cm in _COUNTRY_RE.finditer(words):
            country = _COUNTRY_OF.get(_key(cm.group(0)))
            if country and country != "South Korea":
                return country
    return None


def _lexicon(articles: Sequence[Article], topic: Topic) -> _Lexicon:
    person_of: dict[str, str] = {}
    for p in topic.people:
        for n in (p.name, *p.aliases):
            person_of.setdefault(_key(n), p.name)
    org_of: dict[str, str] = {}
    surfaces: list[str] = []
    scoped: dict[str, re.Pattern[str]] = {}
    for o in topic.organisations:
        if o.scope:
            scoped[o.name] = _alternation(o.scope)
        for n in (o.name, *o.aliases):
            org_of.setdefault(_key(n), o.name)
            surfaces.append(n)
    # "Defense Acquisition Program Administration (DAPA)": the acronym is an alias.
    for art in articles:
        for m in _DEFINED_ACRONYM.finditer(art.text):
            acr = m.group(1)
            head = art.text[max(0, m.start() - 200) : m.start()].split()
            initials = ""
            for k in range(len(head) - 1, -1, -1):
                w = head[k]
                if w[:1].isupper():
                    initials = w[0] + initials
                elif w not in ("of", "for", "and", "the", "on"):
                    break
                if initials == acr.replace("&", ""):
                    full = " ".join(head[k:])
                    if acr not in _ORG_ACRONYMS and not _ORG_HEADS & set(head[k:]):
                        break  # "(ICBM)", "(PCR)": an acronym, not an organisation
                    org_of.setdefault(_key(acr), org_of.get(_key(full), full))
                    org_of.setdefault(_key(full), full)
                    break
                if len(initials) > len(acr):
                    break
    not_person = set()
    terms = [t for a in topic.anchors for t in a.terms]
    terms += [t for g in topic.subtopics for t in g.terms]
    for t in terms:
        if " " in t and t[:1].isupper() and _key(t) not in person_of:
            not_person.add(_key(t))
    org_re = None
    if surfaces:
        parts = []
        for s in sorted(set(surfaces), key=len, reverse=True):
            body = re.escape(s).replace(r"\ ", r"\s+")
            acronym = s.replace(".", "").isupper() and len(s) <= 6
            parts.append(body if acronym else f"(?i:{body})")
        org_re = re.compile(rf"(?<![\w.])(?:{'|'.join(parts)})(?![\w]|\.\w)")
    return _Lexicon(person_of, org_of, org_re, not_person, scoped)


def _org_spans(
    sentence: str, tokens: list[_Tok], lex: _Lexicon, paragraph: str = "", context: str = ""
) -> list[_Span]:
    spans: list[_Span] = []
    if lex.org_re:
        for m in lex.org_re.finditer(sentence):
            name = lex.org_of.get(_key(m.group(0)), m.group(0))
            if not lex.in_scope(name, m.group(0), sentence, paragraph or sentence, context):
                # someone else's "Foreign Ministry": named as the source writes it
                name = re.sub(r"^(?:the|The)\s+", "", m.group(0).strip())
            spans.append(_Span(m.start(), m.end(), "organisation", name, m.group(0)))
    n, i = len(tokens), 0
    while i < n:
        tok = tokens[i]
        if tok.acronym and (
            tok.core in _ORG_ACRONYMS or _key(tok.core) in lex.org_of
        ):  # a known acronym alone
            name = lex.org_name(tok.core)
            spans.append(
                _Span(tok.start, tok.start + len(tok.core), "organisation", name, tok.core)
            )
        if tok.core in _ORG_SINGLE:
            spans.append(
                _Span(tok.start, tok.start + len(tok.core), "organisation", tok.core, tok.core)
            )
        if not _org_word(tok):
            i += 1
            continue
        # A capitalised phrase, with "of"/"for" links: "Ministry of National Defense".
        j = i
        while True:
            if tokens[j].poss and not (
                tokens[j].text[-1:] in "'’" and tokens[j].core.endswith("s") and j + 1 < n
            ):
                break  # "Workers' Party", not "Seoul's Foreign Ministry"
            if j + 1 < n and _org_word(tokens[j + 1]):
                j += 1
            elif (
                j + 2 < n
                and tokens[j + 1].text in _ORG_LINKS
                and _org_word(tokens[j + 2])
                and (tokens[j + 1].text != "on" or tokens[j].core in _ON_HEADS)
            ):
                j += 2  # "Council on Foreign Relations", not "Congress on White House Staff"
            elif j + 2 < n and tokens[j + 1].low == "and" and _org_word(tokens[j + 2]):
                r = _and_member(tokens, i, j, context)
                if r is None:
                    break
                j = r
            else:
                break
        heads = [k for k in range(i, j + 1) if tokens[k].core in _ORG_HEADS]
        if heads:
            start = i
            for x in range(i, heads[0]):  # "President Biden Before [Air Force One]"
                if tokens[x].low in _ORG_STRIP and tokens[x].low not in _ORG_LINKS | {"and"}:
                    start = x + 1
            while start < heads[0] and (
                tokens[start].low in _ORG_STRIP or _ADJ_SUFFIX.search(tokens[start].core)
            ):
                start += 1
            if (
                start + 2 <= heads[0]
                and tokens[start + 1].low == "of"
                and tokens[start].core not in _ORG_HEADS
                and _DEVERBAL.search(tokens[start].low)
            ):
                start += 2  # a heading: "Establishment of [Emergency Board]", "Delegation of"
            for x in range(start + 1, heads[0]):
                # "Deputy Director of [White House] ...": a title is no part of the name
                if tokens[x].text == "of" and all(
                    tokens[y].rlow in _ROLE_WORDS and tokens[y].core not in _ORG_HEADS
                    for y in range(start, x)
                ):
                    start = x + 1
                    break
            end = heads[-1]
            # "[White House] Chief of Staff Denis McDonough": a title right after a body's
            # head ends the body
            title_at = next(
                (
                    x
                    for x in range(heads[0] + 1, end + 1)
                    if tokens[x].head
                    and tokens[x].cap
                    and tokens[x].core not in _ORG_HEADS
                    and tokens[x - 1].core in _ORG_HEADS
                ),
                None,
            )
            if title_at is not None:
                end = title_at - 1
                j = end
            elif end + 2 <= j and tokens[end + 1].text in _ORG_LINKS:
                # "Institute for Strategic Industry"; not "Communist Party of Vietnam
                # [General Secretary Nguyen Phu Trong]": a title after the complement
                first_head = next(
                    (
                        x
                        for x in range(end + 3, j + 1)
                        if tokens[x].head
                        and tokens[x].cap
                        and tokens[x - 1].low != "the"  # "Office of the Secretary of Defense"
                        and (x + 1 > j or tokens[x + 1].low != "of")
                    ),
                    None,
                )
                end = j if first_head is None else first_head - 1
            elif end + 1 <= j and _is_geo_word(tokens[end + 1].core):
                end += 1  # "U.S. Forces Korea"
            if end > start:
                a, b = tokens[start].start, tokens[end].start + len(tokens[end].core)
                surface = sentence[a:b]
                spans.append(_Span(a, b, "organisation", lex.org_name(surface), surface))
        i = j + 1 if heads else i + 1  # no head: a known acronym may still follow ("The UNSC")
    return spans


_ON_HEADS = _words(
    "Committee Subcommittee Council Commission Conference Panel Board Forum Office Center "
    "Centre Institute Caucus Force Court"
)
"""Bodies named with "on" and their subject ("Commission on Civil Rights")."""
_DEVERBAL = re.compile(r"(?:tion|sion|ment|ance|ence|ing|al)$")
_ABSTRACT = re.compile(r"[a-z]{4,}(?:tion|sion|ment|ance|ence|ity|ness)$")


def _and_member(tokens: list[_Tok], i: int, j: int, context: str = "") -> int | None:
    """The last token of a capitalised run after "and" (tokens[j + 1]) that belongs to the
    same name, or None. It belongs when the name's head comes after it and the words before
    "and" are common nouns (plural, or written in lower case in the article: "Securities
    and Exchange Commission", "Food and Drug Administration"; not "Samsung and Hyundai
    Motor Group"), or when the name already has its head and a complement the run
    completes, with no head of the same kind ("National Academy of Recording Arts and
    Sciences", "Department of Health and Human Services"; not "the Ministry of Defense and
    Foreign Ministry")."""
    r = j + 2
    while r + 1 < len(tokens) and _org_word(tokens[r + 1]) and not tokens[r].poss:
        r += 1
    after = {tokens[x].core for x in range(j + 2, r + 1)} & _ORG_HEADS
    before = {tokens[x].core for x in range(i, j + 1)} & _ORG_HEADS
    linked = any(tokens[x].text in _ORG_LINKS for x in range(i, j + 1))
    if tokens[j].poss or tokens[r].poss or (r == j + 2 and tokens[r].acronym):
        return None  # "the Ministry of National Defense and NATO’s staff": another body
    if after and not before:
        words = [t for t in tokens[i : j + 1] if t.low != "the"]
        common = all(
            (len(t.core) > 4 and t.core.endswith("s"))
            or _ABSTRACT.search(t.low)  # "Disarmament and Peace Institute"
            or re.search(rf"(?<![\w-]){re.escape(t.low)}(?![\w-])", context)
            for t in words
        )
        return r if words and len(words) <= 2 and common else None
    if all(_is_role_word(tokens[x]) for x in range(j + 2, r + 1)):
        return None  # "the Workers' Party of Korea and President of ...": a second title
    if before and linked and not (after & before) and (not after or r - j - 1 <= 2):
        return r  # not "the Office of Public Engagement and National Economic Council"
    return None


def _is_geo_word(word: str) -> bool:
    return word == "Korea" or _key(word) in _COUNTRY_OF or _key(word) in _PLACE_OF


def _org_word(tok: _Tok) -> bool:
    return tok.cap and tok.word and tok.low not in _CALENDAR


def _geo_spans(sentence: str) -> list[_Span]:
    spans = []
    for m in _COUNTRY_RE.finditer(sentence):
        name = _COUNTRY_OF[_key(m.group(0))]
        spans.append(_Span(m.start(), m.end(), "country", name, m.group(0)))
    for m in _PLACE_RE.finditer(sentence):
        name = _PLACE_OF[_key(m.group(0))]
        spans.append(_Span(m.start(), m.end(), "place", name, m.group(0)))
    return spans


# ---------------------------------------------------------------- people


@dataclass
class _Run:
    """One name-like run of words in a sentence: a full name, or one word (an alias)."""

    name: str
    sentence: str
    order: int
    evidence: bool
    initial: bool
    """The run opens its sentence (so its capitals prove nothing)."""
    role: tuple[str, str | None] | None
    model: bool = False
    """Found by the model (or as a transcript's speaker), not by the rules."""
    placed: bool = False
    """Right after a preposition of place ("to Sioux Falls", "in Hwasong")."""
    in_title: bool = False
    """Read from the article's title: the body's fuller name wins ("Joe Biden" in the
    title, "Joseph R. Biden" in the text)."""
    start: int = -1
    end: int = -1
    """Where the name is in ``sentence`` (-1: not known)."""
    titled: bool = False
    """A kin word, a noun of nationality or a plain honorific stands before the name
    ("her father Bassem", "Mr. Netanyahu"): one word may then name a person alone."""
    thing: bool = False
    """A noun of a vessel, product or work stands before it ("the tanker Rye Song Gang",
    "the film Oppenheimer"): the name is a thing's, in every sentence of the article."""


def _name_like(tok: _Tok) -> bool:
    return (
        tok.label is None
        and tok.capword
        and len(tok.core) > 1
        and tok.low not in _COMMON
        and tok.low not in _CALENDAR
        and tok.low not in _GEO
        and tok.low not in _GEO_TOKENS
        and tok.rlow not in _ROLE_WORDS
        and not tok.pair
        and not tok.plural_title
        and tok.core not in _ORG_HEADS
        and tok.core not in _PORTFOLIOS
        and tok.core not in _THING_HEADS
        and tok.core.split("-", 1)[0] not in _ORG_HEADS | _THING_HEADS  # "Force-Darwin"
        and tok.low not in _FURNITURE
        and not _ADJ_SUFFIX.search(tok.core)
        and not _HYPHEN_ADJ.search(tok.core)
        and not _CONTRACTION.search(tok.core)
    )


# Korean surnames that are also English words ("No Kwang Chol", "O Su Yong", "An Jong Su"):
# part of a name only before two romanised Korean syllables.
_WORD_SURNAMES = frozenset(["No", "O", "So", "Do", "An", "Ma"])
_KOREAN_SYLLABLE = re.compile(
    r"(?:Chy|Thy|Phy|Khy|Ch|Th|Ph|Kh|Kw|Gw|Hw|Ky|Gy|Py|Ry|Hy|Ny|My|Sh|Jy|Ts|K|G|N|D|T|R|M|B|P|S|J|H|Y|W|L)?"
    r"(?:ae|ya|yo|yu|ye|wa|wo|ui|oe|eu|a|o|u|e|i)(?:ng|n|l|k|p|m|t)?"
)


_KCNA_SURNAMES = _words("Ju Jong Thae Chon Sin Mun Chae Kil Sok Pang Tong Ryom Kye Rim Hyon Jon")


def _word_surname(tokens: list[_Tok], i: int) -> bool:
    """ "[No] Kwang Chol": a surname that is an English word, before two Korean syllables."""
    return (
        tokens[i].core in _WORD_SURNAMES
        and i + 2 < len(tokens)
        and not tokens[i].poss
        and not tokens[i + 1].poss
        and all(
            _name_like(t) and bool(_KOREAN_SYLLABLE.fullmatch(t.core))
            for t in tokens[i + 1 : i + 3]
        )
    )


_WORD_SYLLABLES = _words("In An Un On")
"""Korean given-name syllables that are English words ("Pak In Chol", "Kim An Il")."""


def _syllable_word_given(tokens: list[_Tok], i: int) -> bool:
    """ "Pak [In] Chol": an East Asian surname, a capitalised syllable that is an English
    word, and a Korean syllable."""
    return (
        tokens[i].core in _EAST_ASIAN_SURNAMES
        and i + 2 < len(tokens)
        and tokens[i + 1].text in _WORD_SYLLABLES
        and not tokens[i].poss
        and not tokens[i + 1].poss
        and _name_like(tokens[i + 2])
        and bool(_KOREAN_SYLLABLE.fullmatch(tokens[i + 2].core))
    )


def _past_particles(tokens: list[_Tok], k: int) -> int | None:
    """The index of the name-like word after one or two particles from ``k`` ("van
    [Loon]", "von der [Leyen]", "de la [Fontaine]"), or None."""
    j = k
    while j < len(tokens) and j - k < 2 and tokens[j].text in _PARTICLES:
        j += 1
    return j if k < j < len(tokens) and _name_like(tokens[j]) else None


def _runs(tokens: list[_Tok]) -> Iterable[tuple[int, int]]:
    """(first, last) token indices of runs of name-like words ("Pieter van Loon" included)."""
    n, i = len(tokens), 0
    while i < n:
        if not _name_like(tokens[i]) and not _word_surname(tokens, i):
            i += 1
            continue
        j = i
        if _syllable_word_given(tokens, i):
            j = i + 2  # "Pak [In] Chol": a given name's syllable that is an English word
        while not tokens[j].poss:
            if j + 1 < n and _name_like(tokens[j + 1]):
                j += 1
            elif (past := _past_particles(tokens, j + 1)) is not None:
                j = past  # "Pieter van Loon", "Ursula von der Leyen"
            elif j + 3 < n and _initial_at(tokens, j + 1):
                j += 3  # "Antony [J.] Blinken": a middle initial inside the run
            else:
                break
        if (
            j > i
            and tokens[i].core in _EAST_ASIAN_SURNAMES
            and not tokens[j].poss
            and j + 1 < n
            and tokens[j + 1].core in ("U", "O")
            and (j + 2 >= n or tokens[j + 2].text != ".")
        ):
            j += 1  # "Han Song U": a Korean syllable of one letter ends the name
        yield i, j
        i = j + 1


def _affiliation(tok: _Tok) -> str | None:
    """The organisation or country a token belongs to, if any."""
    if tok.label and tok.label[0] in ("country", "organisation"):
        return tok.label[1]
    return None


def _is_role_word(tok: _Tok) -> bool:
    if tok.label is not None or not tok.word:
        return False
    return (
        tok.rlow in _ROLE_WORDS
        or tok.occupation
        or tok.pair
        or tok.plural_title
        or (tok.text.islower() and tok.core in _ROLE_LOWER_ONLY)
    )


_RANKS = _words("col gen lt adm sgt maj capt cmdr brig dr gov sen")
_MILITARY_RANKS = _RANKS - _words("dr gov sen") | _words(
    "general admiral colonel lieutenant marshal captain major sergeant commander brigadier"
)
_RANK_ABBREVS = frozenset(w.title() for w in _RANKS - _words("dr")) | {"Rep"}


def _pre_role(sentence: str, tokens: list[_Tok], a: int) -> tuple[str, str | None] | None:
    """``_rank_role``'s title, else an abbreviated rank alone before the name ("Sen.
    [Tammy Duckworth]", "New Jersey Gov. [Phil Murphy]", "Col. [Rob Manning]") is the
    role as the source writes it."""
    role = _rank_role(sentence, tokens, a)
    if role is not None:
        role = (_after_to(role[0]), role[1])
    if (
        role is None
        and a >= 2
        and tokens[a - 1].text == "."
        and tokens[a - 2].low in _RANKS - _PLAIN_HONORIFICS
        and tokens[a - 2].cap
    ):
        return tokens[a - 2].core + ".", None
    return role


_TO_TITLE = re.compile(r"\bto\s+(?P<title>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})$")


def _after_to(role: str) -> str:
    """ "Senior Advisor to President [Joe Biden]": a title run that ends "to" and a title
    of title words alone is another's post, held under the name's: the name's role is the
    title after "to" ("President"). With "the" the title is the name's own ("Special
    Assistant to the President [Jane Roe]"), as is a body after "to" ("Ambassador to the
    United Nations")."""
    m = _TO_TITLE.search(role)
    if m is None or m.start() == 0:
        return role
    words = m["title"].lower().split()
    if all(w in _ROLE_HEADS or w in _ROLE_MODS for w in words) and words[-1] in _ROLE_HEADS:
        return m["title"]
    return role


def _capital_field(t: _Tok) -> bool:
    """A word of a title's capitalised field ("of Canterbury")."""
    return t.capword and t.low not in _COMMON


def _lower_field(t: _Tok) -> bool:
    """A word of a title's field in lower case ("of growth", "of safety")."""
    return t.word and t.text.islower() and t.low not in _APPOS_STOP and t.low not in _DETERMINERS


def _field_title(
    sentence: str, tokens: list[_Tok], a: int, in_field: Callable[[_Tok], bool]
) -> tuple[str, str | None] | None:
    """The title before a comma and a name (at ``a``) whose "of" field, up to three words
    ``in_field``, ends at the comma: "the Archbishop of Canterbury, [Rowan Williams]"."""
    k = a - 2
    while k >= 0 and a - 2 - k < 3 and in_field(tokens[k]):
        k -= 1
    if not (1 <= k < a - 2 and tokens[k].low == "of" and tokens[k - 1].head):
        return None
    inner = _pre_role(sentence, tokens[:k], k)
    if inner is None:
        return None
    end = tokens[a - 2].start + len(tokens[a - 2].core)
    return inner[0] + sentence[tokens[k - 1].start + len(tokens[k - 1].core) : end], inner[1]


def _rank_role(sentence: str, tokens: list[_Tok], a: int) -> tuple[str, str | None] | None:
    """ "NATO Secretary General [Mark Rutte]": (role, affiliation) read before a name;
    also across a rank ("Pentagon spokesman Col. [Rob Manning]") and, for a name set off
    by commas, before the comma ("The Japanese chief Cabinet secretary, [Yoshihide Suga],").
    A title in the possessive owns the name ("the President’s [Fiscal Year] budget"): no
    role."""
    if a >= 1 and tokens[a - 1].poss and _is_role_word(tokens[a - 1]):
        return None
    if a >= 2 and tokens[a - 1].low in _PLAIN_HONORIFICS:
        a -= 1  # "Deputy Prime Minister Mr [Prescott]"
    elif a >= 3 and tokens[a - 1].text == "." and tokens[a - 2].low in _PLAIN_HONORIFICS:
        a -= 2
    if a >= 4 and tokens[a - 1].text == ")" and tokens[a - 3].text == "(" and tokens[a - 2].acronym:
        a -= 3  # "Director of National Intelligence (DNI) [Avril Haines]"
    if a >= 3 and (tokens[a - 1].low == "and" or tokens[a - 1].text == ","):
        # "Presidents Felix Tshisekedi of the DRC and [Paul Kagame] of Rwanda", "Senators
        # Murphy, [Cornyn], Sinema and Tillis": a name in a plural title's list
        for k in range(a - 2, max(-1, a - 12), -1):
            t = tokens[k]
            if t.plural_title:
                return _singular(t.core), None
            if not (t.cap or t.low in ("of", "the", ",", "and") or t.label is not None):
                break
    if a >= 3 and tokens[a - 1].text == "." and tokens[a - 2].low in _RANKS:
        a -= 2
    elif a >= 4 and tokens[a - 1].text == "," and tokens[a - 2].label is not None:
        # "Computer specialist at the IAEA, [Peter Smith]": the role with its place
        k = a - 2
        while k >= 0 and tokens[k].label == tokens[a - 2].label:
            k -= 1
        org = k + 1
        if k >= 0 and tokens[k].low == "the":
            k -= 1
        if k >= 1 and tokens[k].low in ("at", "of") and tokens[k - 1].head:
            inner = _pre_role(sentence, tokens[:k], k)
            if inner is not None and tokens[k - 1].label is None:
                return inner[0] + sentence[tokens[k - 1].end : tokens[a - 2].end], (
                    inner[1] or _affiliation(tokens[org])
                )
    elif (
        a >= 2 and tokens[a - 1].text == "," and _is_role_word(tokens[a - 2]) and tokens[a - 2].head
    ):
        a -= 1
    complement = _title_complement(sentence, tokens, a) or _lower_complement(sentence, tokens, a)
    if complement is not None:
        return complement
    if a >= 4 and tokens[a - 1].text == ",":
        # "the Archbishop of Canterbury, Dr [Rowan Williams]", "former vice president of
        # growth, [Chamath Palihapitiya]": a title whose field ends at the comma
        for in_field in (_capital_field, _lower_field):
            titled = _field_title(sentence, tokens, a, in_field)
            if titled is not None:
                return titled
    k = a - 1
    while k >= 0 and (
        _is_role_word(tokens[k])
        or (
            tokens[k].text == "of"
            and a - 1 > k > 0
            and _is_role_word(tokens[k - 1])
            # "a member of President [Clinton]'s Council": a lower-case word before "of"
            # and a title after it are two posts, the second another's
            and not (tokens[k - 1].text.islower() and tokens[k + 1].cap)
        )
    ):
        if tokens[k].poss and k != a - 1:
            break
        k -= 1
    first = k + 1
    if tokens[a - 1].low in _ROLE_LOWER_ONLY:
        # "special envoy of the DPRK government [Ri Ho Jun]": a body, the title before its "of"
        k = a - 2
        while k > 0 and (tokens[k].label is not None or tokens[k].cap or tokens[k].low == "the"):
            k -= 1
        if k < 1 or k == a - 2 or tokens[k].low != "of" or not _is_role_word(tokens[k - 1]):
            return None
        start = k - 1
        while start > 0 and _is_role_word(tokens[start - 1]) and not tokens[start - 1].poss:
            start -= 1
        end = tokens[a - 1].start + len(tokens[a - 1].core)
        return sentence[tokens[start].start : end], _affiliation(tokens[a - 2])
    if first >= a or not any(tokens[x].head for x in range(first, a)):
        return None
    if (
        first == 1
        and tokens[0].word
        and tokens[0].label is None
        and tokens[0].text[1:].islower()
        and tokens[0].low not in _DETERMINERS | _PREPOSITIONS | _PLAIN_PREPS | _APPOS_STOP
        and tokens[1].text.islower()
    ):
        first, k = 0, -1  # "Computer specialist at the IAEA, [Peter Smith]": the sentence's
        # capital is the modifier's
    if tokens[a - 1].low == "leader" and k >= 0 and tokens[k].low in _PRAISE:
        return None  # "the great leader Comrade Kim Il Sung": an epithet
    affiliation = _affiliation(tokens[k]) if k >= 0 else None
    # a title in lower case ("general counsel") is read with the body before it too
    lower = all(tokens[x].text.islower() for x in range(first, a))
    if affiliation and (first == a - 1 or lower) and tokens[k].label is not None:
        # "the Border Patrol chief, [Jason Owens]", "Former House Speaker [Newt
        # Gingrich]": a vague title, or one whose body a "former" opens, is read with its
        # body (no one is just "chief", and the speaker was a former one)
        ks = k
        while ks > 0 and tokens[ks - 1].label == tokens[k].label:
            ks -= 1
        former = bool(_STALE.match(tokens[ks].text)) or (
            ks > 0 and bool(_STALE.match(tokens[ks - 1].text))
        )
        if (
            _kind_of(tokens[k]) == "organisation"
            and (
                tokens[first].low in _BODY_TITLES
                or tokens[first].text.islower()
                or tokens[k].acronym  # "NSC Spokesperson [Adrienne Watson]"
            )
        ) or former:
            if ks > 0 and _STALE.match(tokens[ks - 1].text):
                ks -= 1
            first = ks
    elif first == a - 1 or lower:
        # the same with a body the lexicon does not know
        ks = first
        while ks > 0 and first - ks < 3 and tokens[ks - 1].capword and tokens[ks - 1].label is None:
            ks -= 1
        former = ks > 0 and bool(_STALE.match(tokens[ks - 1].text))
        if (
            ks < first
            and (
                former
                or tokens[first].text.islower()
                or (ks == 0 and _nominal(sentence, tokens, ks, a))
            )
            and (
                ks == 0
                or former
                or tokens[ks - 1].low in _DETERMINERS | _PREPOSITIONS
                # a list of titled names ("..., Epic Records president [Sylvia Rhone]"),
                # not a name set off by commas after its title
                or (tokens[ks - 1].low in (",", "and") and tokens[a].text != ",")
            )
            and not any(t.core in _GIVEN_NAMES for t in tokens[ks:first])
            and all(t.low not in _COMMON for t in tokens[ks:first])
        ):
            first = ks - 1 if former else ks
    first = _title_start(tokens, first, affiliation, adjacent=k == first - 1)
    role = sentence[tokens[first].start : tokens[a - 1].start + len(tokens[a - 1].core)]
    if tokens[a - 1].plural_title:
        role = _singular(role)  # "Presidents [Felix Tshisekedi] of the DRC and ..."
    return role, affiliation


USE_BODY_IN_ROLE = True
"""The country or organisation named right before a title is read with it ("South Korean
President [Moon Jae-in]", "NASA astronaut [Peggy Whitson]"): the digest shows the role
alone. Measured in benchmarks/entities_eval.py."""


def _title_start(
    tokens: list[_Tok], first: int, affiliation: str | None, adjacent: bool = True
) -> int:
    """Where a title at token ``first`` starts once the body right before it is read with
    it: the labelled body of its ``affiliation`` (``adjacent``: that body's last token is
    ``first - 1``; ``_with_body``), else an acronym the lexicon lacks ("FEMA
    Administrator"); ``first`` when neither (or ``USE_BODY_IN_ROLE`` is off)."""
    if not USE_BODY_IN_ROLE or first < 1:
        return first
    prev = tokens[first - 1]
    if affiliation and adjacent and prev.label is not None:
        return _with_body(tokens, first - 1, first)
    if prev.acronym and prev.label is None and not prev.poss:
        return first - 1
    return first


def _body_prep(tok: _Tok) -> bool:
    """A preposition whose object a body before a title would be ("in Seoul President ...")."""
    return tok.low in _PLACE_PREPS | _PREPOSITIONS | _PLAIN_PREPS | {"of"}


def _with_body(tokens: list[_Tok], k: int, first: int) -> int:
    """Where a title at ``first`` starts with the body (a labelled run ending at ``k``) and
    a "former" before it; ``first`` when the body is another's ("Samsung's") or the
    object of a preposition ("talks in Seoul President ...")."""
    ks = k
    while ks > 0 and tokens[ks - 1].label == tokens[k].label:
        ks -= 1
    before = tokens[ks - 1] if ks > 0 else None
    if tokens[k].poss or (before is not None and _body_prep(before)):
        return first
    if before is not None and _STALE.match(before.text):
        ks -= 1
    return ks


_PLAIN_PREPS = _words("through with by from via to for according")


def _role_before(sentence: str, tokens: list[_Tok], a: int) -> tuple[str, str | None] | None:
    """``_pre_role``, unless a role read across the comma before the name is not the
    name's: in a list of officials the phrase after a comma is the previous name's
    appositive ("Ri Yong Gil, chief of the KPA General Staff, [Ri Chang Ho], director of
    ..."), and after a preposition it is someone else ("Through a spokesperson,
    [Weinstein] has denied ...")."""
    role = _pre_role(sentence, tokens, a)
    k = a - 1
    while k >= 0 and (tokens[k].low in _PLAIN_HONORIFICS or tokens[k].text == "."):
        k -= 1
    if role is None or k < 1 or tokens[k].text != ",":
        return role
    start = sentence.rfind(role[0], 0, tokens[k].start + 1)
    if start < 0:
        return role
    before = [t for t in tokens[:k] if t.end <= start]
    if before and before[-1].low in _DETERMINERS - {"the"}:
        before = before[:-1]
        if before and before[-1].low in _PLAIN_PREPS | _PREPOSITIONS:
            return None  # "Through a spokesperson, Weinstein"
    elif before and before[-1].low in _PLAIN_PREPS | _PREPOSITIONS and " " not in role[0]:
        return None  # "Compared to Prince, Justin Timberlake's show": the object is another
    if (
        len(before) >= 2
        and before[-1].low in ("and", "or")
        and before[-2].text.islower()
        and (before[-2].head or _agent_noun(sentence, tokens, len(before) - 2))
    ):
        return role  # "Early Facebook executive and former vice president of growth, [X]"
    if before and (before[-1].text in (",", ";") or before[-1].low in ("and", "or")):
        if before[-1].text == "," and len(before) >= 2 and before[-2].text.islower():
            return role  # "On Sunday evening, our President, [Joe Biden]": a clause's opening
        return None  # a list: the role is the previous name's
    return role


def _title_complement(sentence: str, tokens: list[_Tok], a: int) -> tuple[str, str | None] | None:
    """ "U.S. Ambassador to the United Nations [Nikki Haley]", "Domestic Policy Advisor to
    the Vice President [Kristine Lucius]": a title whose complement ends at the name; the
    complement's own title ("Vice President") is not the name's role."""
    k, seen, plain = a - 1, False, 0
    while k >= 1 and a - k <= 9:
        t = tokens[k]
        if t.low in ("to", "of", "for") and tokens[k - 1].head and tokens[k - 1].cap and seen:
            break
        # "Minister of Strategic Affairs [Ron Dermer]": a capitalised complement of up to
        # three plain words, when a capitalised title's "of" / "for" opens it
        free = (
            (t.capword or (t.acronym and len(t.core) <= 4))  # "Minister of IT Industry"
            and t.label is None
            and (t.low not in _COMMON or t.acronym)
            and not t.poss
            and plain < 3
            and any(
                tokens[x].low in ("of", "for") and tokens[x - 1].head and tokens[x - 1].cap
                for x in range(max(1, k - 3), k)
            )
        )
        plain += bool(free) and not _is_role_word(t)
        if not (
            t.low == "the"
            or free
            or (t.cap and (t.label is not None or _is_role_word(t)))
            # "of the Russian State Duma's Foreign Affairs Committee": a body named by
            # its owner's possessive, or with "and" inside ("Defense and Security")
            or (t.low == "and" and seen)
            or (t.poss and t.capword and seen)
        ):
            return None
        seen = seen or t.low != "the"
        k -= 1
    else:
        return None
    before = tokens[a - 1]
    if not (before.head or before.label is not None or (plain and tokens[k].low != "to")):
        return None  # "chairperson of the National [Salvation Front]": no title ends here
    if before.head and tokens[k + 1].low != "the" and any(t.label is not None for t in tokens[k:a]):
        return None  # "spokesman for South Korean President [Moon Jae-in]": the name holds
        # the inner title; the spokesman is someone else
    if before.label is not None and not (
        tokens[a].core in _GIVEN_NAMES
        or tokens[a].core in _EAST_ASIAN_SURNAMES
        or _person_shape(tokens[a : a + 3], frozenset())
    ):
        return None  # "director of Costa Rica [Civil Aviation]": the place's body
    head = _pre_role(sentence, tokens[:k], k)
    if head is None:
        return None
    end = tokens[k - 1].start + len(tokens[k - 1].core)
    start = end - len(head[0])
    if start < 0 or sentence[start:end] != head[0]:
        start = tokens[k - 1].start
    last = tokens[a - 1]
    affiliation = head[1] or next((_affiliation(t) for t in tokens[k:a] if _affiliation(t)), None)
    return sentence[start : last.start + len(last.core)], affiliation


def _lower_complement(sentence: str, tokens: list[_Tok], a: int) -> tuple[str, str | None] | None:
    """ "spokeswoman for the festival [Anja Marx]", "director of the agency [Ann Lee]": a
    title whose complement ("for the" / "of the" and one or two lower-case nouns) ends at
    the name."""
    for n in (1, 2):
        p = a - n - 2  # the preposition
        if p < 1:
            return None
        words = tokens[a - n : a]
        if not all(
            t.word
            and t.text.islower()
            and t.label is None
            and len(t.core) > 2
            and t.low not in _COMMON
            and t.low not in _PREPOSITIONS
            and not _VERB_FORM.search(t.low)
            for t in words
        ):
            return None
        if tokens[a - n - 1].low != "the" or tokens[p].low not in ("for", "of"):
            continue
        if not tokens[p - 1].head:
            return None
        head = _pre_role(sentence, tokens[:p], p)
        end = tokens[p - 1].start + len(tokens[p - 1].core)
        start = end - len(head[0]) if head else tokens[p - 1].start
        if start < 0 or (head and sentence[start:end] != head[0]):
            start = tokens[p - 1].start
        last = tokens[a - 1]
        return sentence[start : last.start + len(last.core)], head[1] if head else None
    return None


_NOMINEE = re.compile(
    r",\s+of\s+(?:the\s+)?[A-Z][^,;]*,(?:[^;]*?,)??\s+to\s+be\s+(?:an?\s+|the\s+)?"
    r"(?P<role>[A-Z][^,;.]*?)(?=\s*[,;.]|\s+for\s+(?:a|the)\s+(?:(?:unexpired|remainder\s+of\s+the)\s+)?term\b|$)"
)


_ROSTER_LEAD = re.compile(r"\s*(?:[-•*–]\s*|\d{1,3}\\?[.)]\s*)?(?:[A-Z][\w.’'-]*\s+){0,3}")
"""A list line's opening before the name: a bullet or a number, and titles ("Judge")."""
_ROSTER_SEP = r"(?:,\s*(?:Jr|Sr|II|III|IV)\.?)?\s*[,:]\s+"
"""Between a list line's name and its post: a suffix, then a comma or a colon."""
_ROSTER_ROLE = re.compile(
    _ROSTER_SEP + r"(?P<role>[A-Z][\w.’'&/-]*(?:,?\s+(?:[A-Z0-9][\w.’'&/-]*"
    r"|of|the|and|for|on|to|in|at|&|de|\([A-Z]+\)))*)\s*\.?\s*"
)
_ROSTER_WORDS = 24
_LISTED_HEAD = re.compile(
    _ROSTER_LEAD.pattern + r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,5}" + _ROSTER_SEP
)


def _listed(sentence: str, role: str) -> bool:
    """The sentence is a list's line of a name and this post (``_roster``)."""
    line = sentence.strip().rstrip(".").rstrip()
    return (
        " " in role
        and line.endswith(role)
        and bool(_LISTED_HEAD.fullmatch(line, 0, len(line) - len(role)))
    )


def _roster(sentence: str, tokens: list[_Tok], a: int, b: int) -> tuple[str, str | None] | None:
    """A list's line that is a name and its post, the whole line ("- Sara Steffens,
    Secretary-Treasurer, CWA", "2. Judge Eumi K. Lee: Nominee for the U.S. District Court
    for the Northern District of California"): after a bullet or number (and a title before
    the name), a comma or colon, then words in capitals to the line's end, one of them a
    role's head; the post is those words, as the list writes them."""
    if not _ROSTER_LEAD.fullmatch(sentence, 0, tokens[a].start):
        return None
    m = _ROSTER_ROLE.fullmatch(sentence, tokens[b].start + len(tokens[b].core))
    if m is None or len(m["role"].split()) > _ROSTER_WORDS:
        return None
    heads = {w.lower() for w in re.split(r"[\s/,-]+", m["role"]) if w}
    if not heads & _ROLE_HEADS:
        return None
    return m["role"].rstrip(","), None


def _nominee(sentence: str, tokens: list[_Tok], b: int) -> tuple[str, str | None] | None:
    """ "[Radha Iyengar Plumb], of New York, to be a Deputy Under Secretary of Defense, vice
    ...": a nomination's office (after the nominee's home and any appositive) is the
    nominee's role."""
    if b + 2 >= len(tokens) or tokens[b + 1].text != "," or tokens[b + 2].low != "of":
        return None
    m = _NOMINEE.match(sentence, tokens[b].start + len(tokens[b].core))
    return (m["role"], None) if m else None


_APPOINTED = re.compile(
    r"\s+as\s+(?:the\s+|an?\s+)?(?P<role>[A-Z][\w'’-]*(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?"
    r"[A-Z][\w'’-]*){0,5})"
)
_APPOINTING = _words(
    "named appointed appoint appoints designated designate designates nominated nominate "
    "nominates elected elect selected tapped hired"
)


def _appointed(sentence: str, tokens: list[_Tok], a: int, b: int) -> tuple[str, str | None] | None:
    """ "named [Roland W. Jackson] as the Federal Coordinating Officer": the office an
    appointment gives the name, a title in capitals after "as"."""
    if a < 1 or tokens[a - 1].low not in _APPOINTING:
        return None
    m = _APPOINTED.match(sentence, tokens[b].start + len(tokens[b].core))
    if m is None or not any(w.lower() in _ROLE_WORDS for w in m["role"].split()):
        return None
    return m["role"], None


def _appositive(sentence: str, tokens: list[_Tok], b: int) -> tuple[str, str | None] | None:
    """ "[Lee Jae-won], DAPA's deputy minister for ...": (role, affiliation) after a name."""
    n = len(tokens)
    k = b + 2
    if b + 1 < n and tokens[b + 1].text == "(":
        return _paren_role(sentence, tokens, b + 2)
    if b + 2 < n and tokens[b + 1].text == "-" and tokens[b + 2].text == "-":
        k = b + 3  # "[Harvey Weinstein] -- the movie mogul who ...": a dash sets it off
    elif b + 1 >= n or tokens[b + 1].text not in (",", "—", "–"):
        return None
    det = k < n and tokens[k].low in _DETERMINERS
    if det:
        k += 1
    # "a former NASA astronaut", "an early Facebook investor": words of time or rank
    # before the body whose role it is; they are read with it
    lead = k
    while k + 1 < n and tokens[k].low in _BODY_LEADS and tokens[k + 1].cap:
        k += 1
    body = k
    affiliation = _affiliation(tokens[k]) if k < n else None
    if affiliation:
        while k < n and _affiliation(tokens[k]) == affiliation:
            k += 1
        # "a former Apple and Google communications executive": two bodies
        if k + 1 < n and tokens[k].low == "and" and _affiliation(tokens[k + 1]):
            other = _affiliation(tokens[k + 1])
            k += 1
            while k < n and _affiliation(tokens[k]) == other:
                k += 1
    elif k < n and tokens[k].poss and tokens[k].text[:1].islower():
        k += 1  # "the festival's programme director"
    elif k < n and tokens[k].cap and tokens[k].low not in _ROLE_WORDS:
        # "[James Comey], the FBI director", "the Astros' head physician": whose role it is
        j = k
        while j < n and j - k < 3 and tokens[j].cap and tokens[j].label is None:
            if tokens[j].poss:
                j += 1
                break
            j += 1
            # "a former Apple and Google communications executive": two bodies
            if j + 1 < n and tokens[j].low == "and" and tokens[j + 1].cap and j - k < 3:
                j += 1
        h = j  # "the Pixel Visual Core engineering manager": a modifier before the head
        while h < n and h - j < 2 and tokens[h].word and tokens[h].text.islower():
            if tokens[h].head:
                break
            h += 1
        if (
            k < j < h + 1 <= n
            and tokens[j].text[:1].islower()
            and (
                _is_role_word(tokens[j]) or (h < n and tokens[h].head and tokens[h].text.islower())
            )
            and not (j - k >= 2 and all(_name_like(t) for t in tokens[k:j]) and (h == j or not det))
        ):
            affiliation = " ".join(t.core for t in tokens[k:j])
            k = j
    if k == body:
        k = lead  # no body: its leading words are the role's own ("a former adviser")
    # The role is read from its first word, the body's name included ("the FBI
    # director", "DAPA's deputy minister for ..."), as the source gives it.
    start = lead if k > body else None
    # "[Susan Rice], President Obama's national security adviser": the role is the words
    # after the other person's name, not that person's title.
    j = k
    while j < n and tokens[j].cap and tokens[j].low in _ROLE_WORDS:
        j += 1
    m = j
    while m < n and _name_like(tokens[m]) and not tokens[m].poss:
        m += 1
    if m < n and m >= j and tokens[m].poss and _name_like(tokens[m]):
        k, affiliation, start = m + 1, None, None
    words: list[int] = []
    while (
        k < n
        and len(words) < 5
        and tokens[k].word
        and tokens[k].label is None
        and tokens[k].low not in _APPOS_STOP
        and (tokens[k].text[:1].islower() or tokens[k].low in _ROLE_WORDS or tokens[k].pair)
    ):
        words.append(k)
        k += 1
    # The phrase must end in its head: "a NATO official", not "the official newspaper";
    # after "a"/"an"/"the", a noun of an agent is one too ("an early investor").
    if not words or not (
        tokens[words[-1]].head
        or _head_suffix(tokens[words[-1]].low)
        or (det and _agent_noun(sentence, tokens, words[-1]))
    ):
        return None
    # A clause, not a noun phrase: "[Maureen Dowd], described the actress as ...".
    w0 = tokens[words[0]]
    if not det and not _is_role_word(w0) and (w0.low in _IRREGULAR_PAST or w0.low.endswith("ed")):
        return None
    if any(tokens[x].low in ("the", "a", "an") for x in words[1:]):
        return None
    # "like [Vladimir Putin], the British Prime Minister Theresa May": a list; the title
    # is the next name's.
    if words[-1] + 1 < n and _name_like(tokens[words[-1] + 1]):
        return None
    first, last = words[0], words[-1]
    k = last + 1
    # A complement: "for defence industry policy", "to NATO", "of State", "at <Org>".
    if k < n and tokens[k].low in ("for", "to") and k + 1 < n and tokens[k + 1].word:
        m = k + 1
        while (
            m < n
            and m - k <= 6
            and tokens[m].word
            and tokens[m].low not in _APPOS_STOP
            and not tokens[m].poss
        ):
            last = m
            m += 1
        k = last + 1
    if k + 1 < n and tokens[k].low in ("of", "at"):
        m = k + 1
        while m < n and (tokens[m].low in ("the", "a", "an") or _ADJ_SUFFIX.search(tokens[m].core)):
            m += 1
        if m < n and affiliation is None and _affiliation(tokens[m]):
            affiliation = _affiliation(tokens[m])
            # "[Navin Nayak], head of the CAP Action Fund", "[Jang Chang Ha], director
            # general of the Missile Administration of the DPRK": the title is read whole,
            # with the bodies it names ("deputy chief" alone is no one's role); "a
            # researcher at the Forum" works there, its title is "researcher"
            if tokens[k].low == "of":
                last = _body_chain(tokens, m)
        elif tokens[k].low == "of" and _body_end(tokens, m) is not None:
            last = _body_chain(tokens, m)  # "of the Pyongyang Municipal People's Committee"
        elif tokens[k].low == "of" and m < n and tokens[m].low in _ROLE_WORDS and tokens[m].cap:
            last = m  # "Secretary of State", "minister of National Defence"
            while (
                last + 1 < n
                and last - m < 3
                and not tokens[last].poss
                and tokens[last + 1].capword
                and tokens[last + 1].label is None
                and tokens[last + 1].low not in _COMMON
            ):
                last += 1
            j = last + 2
            while j < n and tokens[j].low in ("the", "a", "an"):
                j += 1
            if last + 1 < n and tokens[last + 1].low == "of" and _body_end(tokens, j) is not None:
                last = _body_chain(tokens, j)  # "minister of National Defence of the DPRK"
        elif tokens[k].low == "of" and tokens[words[-1]].head:
            # "Facebook's global head of safety", "a professor of economics": a field in
            # lower case that ends the appositive belongs to the title
            # "of the provincial people's committee": after "the", a body in lower case
            # of two words or more ("of the committee", "of the town" name nothing new)
            the = k + 1 < n and tokens[k + 1].low == "the"
            f = k + 2 if the else k + 1
            j = f
            while j < n and j - f <= 2 + the and _lower_field(tokens[j]):
                j += 1
            if j > f + the and (j == n or tokens[j].text in _APPOS_ENDS):
                last = j - 1
    # "first vice-chairman and director of the Organizational Department of ...",
    # "vice-chairman of the CMC of the WPK and secretary of the C.C., WPK": one holder's
    # titles joined by "and"
    while last + 1 < n and tokens[last + 1].low == "and":
        more = _joined_title(tokens, last + 1)
        if more is None:
            break
        last = more
    # "Vice-Premier [Kim Myong Hun], Chairman of the X Committee Kim Myong Gun": the title
    # is the next name's
    if last + 1 < n and _name_like(tokens[last + 1]) and tokens[last + 1].label is None:
        return None
    if start is None:
        start = first
    role = sentence[tokens[start].start : tokens[last].start + len(tokens[last].core)]
    return role, affiliation


_STANCE_NOUNS = _words(
    "supporter supporters critic opponent admirer follower believer lover defender proponent fan"
)
"""Nouns of a stance, not a post ("a firm supporter of ..."): no role."""
_NO_POSTS = _STANCE_NOUNS | _KIN


def _agent_noun(sentence: str, tokens: list[_Tok], i: int) -> bool:
    """A lower-case noun of an agent by its ending, as the tagger reads it ("investor",
    "creator", "consultant"), not a verb or an adjective ("a former Google design")."""
    tok = tokens[i]
    if not (tok.text.islower() and _agent(tok.rlow)) or tok.rlow in _NO_POSTS:
        return False
    lo = tokens[max(0, i - 4)].start
    hi = tokens[min(len(tokens) - 1, i + 2)].end
    return _tags(sentence[lo:hi]).get(tok.end - lo) == "NN"


def _kind_of(tok: _Tok) -> str | None:
    return tok.label[0] if tok.label else None


_BODY_HEADS = _ORG_HEADS | _words("Cabinet Presidium Politburo Affairs") | _PORTFOLIOS
_STATE_HEADS = frozenset(
    ["Republic", "Federation", "Kingdom", "Emirates", "Jamahiriya", "Confederation"]
)


def _joined_title(tokens: list[_Tok], k: int) -> int | None:
    """After "and" at ``k``: the end of a second title of the same holder, lower-case
    words ending in a title's head and naming its body ("and [concurrently] secretary of
    the C.C., WPK"); None when what follows is not one."""
    n = len(tokens)
    j = k + 1
    if j < n and tokens[j].low == "concurrently":
        j += 1
    words = 0
    while (
        j < n
        and words < 4
        and tokens[j].word
        and tokens[j].text[:1].islower()
        and tokens[j].label is None
        and tokens[j].low not in _APPOS_STOP
    ):
        words += 1
        j += 1
    if not words or not (tokens[j - 1].head or _head_suffix(tokens[j - 1].low)):
        return None
    if j + 1 >= n or tokens[j].low not in ("of", "at"):
        return None
    m = j + 1
    while m < n and tokens[m].low in ("the", "a", "an"):
        m += 1
    if _body_end(tokens, m) is None:
        return None
    return _body_chain(tokens, m)


def _body_end(tokens: list[_Tok], m: int) -> int | None:
    """The last token of the body named at ``m``: an organisation or country the lexicon
    labels, or a capitalised run ending in an organisation's head word or an acronym
    ("Pyongyang Municipal People's Committee", "C.C."); None when there is none."""
    n = len(tokens)
    if m >= n:
        return None
    if _kind_of(tokens[m]) in ("country", "organisation"):
        label = tokens[m].label
        while m + 1 < n and tokens[m + 1].label == label:
            m += 1
        return m
    j, end = m, None
    while j < n and j - m < 8 and _kind_of(tokens[j]) in (None, "place"):
        t = tokens[j]
        if not (t.capword or t.acronym or (t.low == "and" and end is None and j > m)):
            break
        if t.acronym or t.core in _BODY_HEADS or t.core in _STATE_HEADS:
            end = j  # "... Municipal People's Committee", "the Socialist Republic [of ...]"
        if t.poss and not (t.acronym or t.core in _BODY_HEADS):
            j += 1
            continue
        j += 1
    return end


def _body_chain(tokens: list[_Tok], m: int) -> int:
    """The last token of the body opening at ``m`` (``_body_end``), with the head words
    after a labelled name ("the DPRK Cabinet"), a bracketed acronym ("(Chongryon)"), KCNA's
    ", WPK" after "the C.C." and the bodies chained to it by "of" ("the Pyongyang Municipal
    Committee of the Workers' Party of Korea")."""
    n = len(tokens)
    end = _body_end(tokens, m)
    if end is None:
        return m
    while end + 1 < n and tokens[end + 1].label is None and tokens[end + 1].core in _BODY_HEADS:
        end += 1
    # "the Syrian Arab Republic", "the Russian Federation": a state's name after the
    # adjective the lexicon labels
    j = end + 1
    while j < n and j - end <= 3 and tokens[j].label is None and tokens[j].capword:
        if tokens[j].core in _STATE_HEADS:
            end = j
            break
        j += 1
    if (
        end + 3 < n
        and tokens[end + 1].text == "("
        and tokens[end + 3].text == ")"
        and tokens[end + 2].cap
    ):
        end += 3
    if (
        end + 2 < n
        and tokens[end].acronym
        and tokens[end + 1].text == ","
        and tokens[end + 2].acronym
        and (end + 3 >= n or not tokens[end + 3].word)
    ):
        end += 2  # "secretary of the C.C., WPK"
    k = end + 1
    if k + 1 < n and tokens[k].low in ("of", "in"):
        j = k + 1
        while j < n and tokens[j].low in ("the", "a", "an"):
            j += 1
        if tokens[k].low == "in" and not (j < n and _kind_of(tokens[j]) == "country"):
            return end  # "... of Korean Residents in Japan", not "in a speech"
        if _body_end(tokens, j) is not None and (j >= n or tokens[j].label != tokens[end].label):
            return _body_chain(tokens, j)
    return end


_COPULAS = _words("is was became becomes remains remained")


def _stated_role(
    sentence: str, tokens: list[_Tok], a: int, b: int
) -> tuple[str, str | None] | None:
    """The role the sentence states for the name at tokens a..b: a title before it, a
    nomination's office, an appositive after it."""
    stated = (
        _roster(sentence, tokens, a, b)
        or _role_before(sentence, tokens, a)
        or _nominee(sentence, tokens, b)
        or _appointed(sentence, tokens, a, b)
        or _appositive(sentence, tokens, b)
    )
    if stated is None:
        stated = _reporter_outlet(sentence, tokens, a, b)
    if stated and stated[0].lower().rstrip(".") in _MILITARY_RANKS:
        # "General [Jang Chang Ha], director general of the Missile Administration": the
        # office after the name says more than the rank before it
        stated = _appositive(sentence, tokens, b) or stated
    if stated and stated[0].islower() and " " not in stated[0] and stated[1] is None:
        # "player development expert [Jason McLeod]": the compound names the post
        compound = _noun_before(sentence, tokens, a)
        if compound and compound[0].endswith(" " + stated[0]):
            stated = compound
    return stated


_CALLED_ON = re.compile(r"\b(?:question|questions|go to|turn to|queue|call on)\b", re.I)
_FROM_OUTLET = re.compile(
    r"\s+(?:from|at|with)\s+(?:the\s+)?(?P<outlet>(?:[A-Z][\w&.’'-]*)(?:\s+[A-Z][\w&.’'-]*){0,3})"
    r"\s*(?:[.,;:?]|$)"
)


def _reporter_outlet(
    sentence: str, tokens: list[_Tok], a: int, b: int
) -> tuple[str, str | None] | None:
    """ "Our next question is going to come from [Ella Nilsen] from CNN", "go to [Ariel
    Wittenberg] from E&E News": a reporter a briefer calls on, with the outlet."""
    if not _CALLED_ON.search(sentence[: tokens[a].start]):
        return None
    m = _FROM_OUTLET.match(sentence, tokens[b].start + len(tokens[b].core))
    if m is None:
        return None
    outlet = m["outlet"].rstrip(".")
    return outlet, outlet


def _copula_role(sentence: str, tokens: list[_Tok], b: int) -> tuple[str, str | None] | None:
    """ "[John Smith] is the chief executive of ...", "[Jane Holm], who was mayor of ...",
    "[Ann Lee] has been a NATO official since ...": the complement of a copula after the
    name, read as an appositive is. It gives a role, never the sign of a person."""
    n = len(tokens)
    k = b + 1
    if k + 1 < n and tokens[k].text == "," and tokens[k + 1].low == "who":
        k += 2
    if k + 1 >= n:
        return None
    if tokens[k].low in ("was", "is", "were") and tokens[k + 1].low in _ELECTED:
        # "O Hyong Se was elected as the chairman of its Board": the office given
        c = k + 2 if k + 2 < n and tokens[k + 2].low == "as" else k + 1
    elif tokens[k].low in _COPULAS:
        c = k
    elif (tokens[k].low, tokens[k + 1].low) in (("has", "been"), ("had", "been")) or (
        tokens[k].low in ("serves", "served") and tokens[k + 1].low == "as"
    ):
        c = k + 1
    else:
        return None
    j = b
    while j > 0 and _name_like(tokens[j]):
        j -= 1
    if tokens[c].low == "becomes" or tokens[j].low in _CONDITIONALS:
        return None  # "if [Kamala Harris] becomes president": a hope, not her office
    if tokens[c].low == "was" and tokens[j].low in ("when", "while"):
        return None  # "the decade when [Joe Biden] was Vice President": a past office
    fake = [*tokens[:c], replace(tokens[c], text=",", core=","), *tokens[c + 1 :]]
    role = _appositive(sentence, fake, c - 1)
    if (
        role is not None
        and c + 1 < n
        and tokens[c + 1].low in ("a", "an")
        and role[0].split()[-1].lower() in _VAGUE_TITLES
        and role[1] is None
    ):
        return None  # "[Joe Biden] is a leader with bold vision": praise, not an office
    return role


_CONDITIONALS = _words("if whether unless")
_ELECTED = _words("elected reelected re-elected appointed reappointed named")


def _paren_role(sentence: str, tokens: list[_Tok], k: int) -> tuple[str, str | None] | None:
    """ "[Graham Henry] (former Wales coach) said": a role in brackets after the name."""
    end = k
    while end < len(tokens) and end - k < 7 and tokens[end].text != ")":
        end += 1
    if end >= len(tokens) or tokens[end].text != ")" or end == k:
        return None
    last = tokens[end - 1]
    if not (last.head and last.label is None):
        return None
    if any(not t.word and t.text not in "-'’" for t in tokens[k:end]):
        return None
    affiliation = next((_affiliation(t) for t in tokens[k:end] if _affiliation(t)), None)
    return sentence[tokens[k].start : last.start + len(last.core)], affiliation


_ROLE_ADJECTIVES = _words("official executive chief general head lead principal senior top special")
"""Role words that are adjectives too ("the official Facebook page")."""
_PREPOSITIONS = _words(
    "into onto upon about across through against between among within toward towards "
    "during via like near past amid beside behind beyond inside outside regarding concerning"
)
_IRREGULAR_PAST = _words(
    "sang took went met gave made won lost led ran came saw left held began became wrote "
    "paid sent said told "
    "spoke sent flew fell hit put got found brought thought struck drove rode threw broke "
    "chose stood sat kept paid sold built spent felt meant heard beat bit fought caught "
    "taught sought knew grew drew shook swore wore tore"
)


def _attributive(tokens: list[_Tok], a: int, b: int) -> bool:
    """ "the official [Equifax Twitter] account", "a [Hong Kong] company": a capitalised
    run between an article (with lower-case words between) and a lower-case noun
    qualifies the noun; it names no person. A verb after the run ("a furious Vettel
    spun", "the singer Cher sang") leaves it a name."""
    k = a - 1
    while k >= 0 and a - k <= 3 and tokens[k].word and tokens[k].text.islower():
        if tokens[k].low in _DETERMINERS:
            break
        if tokens[k].low in _KIN or tokens[k].low in _COMMON:
            return False  # "her father Bassem", "the save as Michael Martinez ground out"
        if k == a - 1 and tokens[k].head and tokens[k].low not in _ROLE_ADJECTIVES:
            return False  # "the artist Jenny Holzer into ..."
        k -= 1
    if k < 0 or tokens[k].low not in _DETERMINERS or tokens[b].poss:
        return False
    if b + 1 >= len(tokens):
        return False
    nxt = tokens[b + 1]
    low = nxt.low
    return (
        nxt.word
        and nxt.text.islower()
        and low not in _COMMON
        and low not in _PREPOSITIONS
        and low not in _SPEECH
        and low not in _APPOS_STOP
        and low not in _IRREGULAR_PAST
        and not re.search(r"(?:ed|ing|[^s]s)$", low)
    )


def _place_tail(tokens: list[_Tok], b: int) -> bool:
    """The name is a place's or a building's: a capitalised word of place follows it,
    perhaps after an adjective ("Kim Son Valley", "Juan Santamaria International
    Airport")."""
    k = b + 1
    if k < len(tokens) and tokens[k].core in _PLACE_ADJECTIVES:
        k += 1
    return k < len(tokens) and tokens[k].core in _PLACE_TAILS


_PLACE_ADJECTIVES = _words("International National Regional Memorial Municipal")
_CARE_HEADS = _words("Health Healthcare HealthCare Medicine Hospital Hospitals Clinic Clinics")
"""Capitalised words after a name that make it a hospital's or health system's."""


def _care_tail(tokens: list[_Tok], b: int) -> bool:
    """The name is a hospital's or health system's ("Henry Ford Health", "Hackensack
    Meridian Health"): one of ``_CARE_HEADS`` follows it."""
    return b + 1 < len(tokens) and tokens[b + 1].core in _CARE_HEADS


def _thing_before(tokens: list[_Tok], a: int) -> bool:
    """ "the tanker [Rye Song Gang]", "the new film [Oppenheimer]": a vessel's, product's
    or work's noun in lower case right before the name."""
    if a > 0 and tokens[a - 1].text.islower() and tokens[a - 1].low in _THING_NOUNS:
        return True
    # "the town of [Capitán Bermúdez]", "the village of [Nebi Saleh]": a place
    return (
        a > 1
        and tokens[a - 1].low == "of"
        and tokens[a - 2].text.islower()
        and tokens[a - 2].low in _PLACE_NOUNS
    )


_PLACE_NOUNS = _words(
    "town city village province district county region municipality island port suburb "
    "township prefecture commune"
)


def _trim_title_gerund(tokens: list[_Tok], a: int, b: int) -> int:
    """ "NSC Spokesperson [Adrienne Watson] Welcoming the ...", "President [Biden]
    Announces Key Nominees": a headline's verb in capitals after a name is no part of it."""
    if b - a >= 2:
        for k in range(a + 1, b):
            if _third_person(tokens[k].core):
                return k - 1
    # "President [Biden] Names Thirty-Sixth Round ...": after a title and a surname alone
    # (no given name: "Senator Bernie Sanders" stays whole)
    if (
        b - a == 1
        and a > 0
        and tokens[a - 1].cap
        and tokens[a - 1].low in _ROLE_HEADS
        and tokens[a].core not in _GIVEN_NAMES
        and tokens[a].core not in census.given_names()
        and _third_person(tokens[b].core)
    ):
        return a
    # "Sen. McConnell Holding American Jobs ... Hostage": after a surname alone too, when
    # it is no given name nor an East Asian surname ("Brian Harding", "Xi Jinping")
    surname = tokens[a].core not in _GIVEN_NAMES and tokens[a].core not in _EAST_ASIAN_SURNAMES
    for k in range(a + 1, b + 1):
        if (
            (k - a >= 2 or surname)
            and tokens[k].core.endswith("ing")
            and len(tokens[k].core) > 5
            and (k + 1 >= len(tokens) or tokens[k + 1].cap or tokens[k + 1].low == "the")
        ):
            return k - 1
    return b


def _third_person(word: str) -> bool:
    """A headline's verb in the third person ("Names", "Announces", "Travels")."""
    return len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


_HONORABLE = _words("honorable honourable hon excellency majesty highness")
_DESCRIPTOR = re.compile(r"[A-Za-z]+-of-[a-z]+(?:-[a-z]+)?")  # "Father-of-three"
_TITLE_STOPS = (_TRAILING | _PREPOSITIONS | _PLACE_PREPS | _words("on of")) - _NAME_SUFFIXES


def _lead_trim(tokens: list[_Tok], a: int, b: int, lower: set[str] | frozenset[str]) -> int:
    """Words before a name that are no part of it: a transcript's question marker ("Q
    Karine" opening a line), "The Honorable", a descriptor compound ("Father-of-three
    Philip Seary"), a verb after "to" that the article writes in lower case ("a plan to
    End Parkinson's")."""
    while a < b:
        t = tokens[a]
        to_verb = (
            a > 0
            and tokens[a - 1].text == "to"
            and (t.low in lower or (a > 1 and tokens[a - 2].cap))  # "National Plan to End"
            and t.core not in _GIVEN_NAMES
            and t.core not in _PEERAGE  # "from Count Basie to Lady Gaga"
        )
        if not (
            (t.text == "Q" and a == 0)
            or t.low in _HONORABLE
            or _DESCRIPTOR.fullmatch(t.core)
            or to_verb
        ):
            break
        a += 1
    return a


def _title_stop(tokens: list[_Tok], a: int, b: int, lower: set[str] | frozenset[str]) -> int:
    """ "President Biden Before Briefing on ...", "President Biden Announces New ...": in a
    headline a capitalised preposition, or a verb the article writes in lower case
    ("announced"), after the name ends it."""
    for k in range(a + 1, b + 1):
        w = tokens[k].low
        stem = w[:-1]
        verb = (
            len(w) > 4
            and w.endswith("s")
            and not w.endswith(("ss", "us", "is"))
            and bool({stem + "d", stem + "ed", stem[:-1] + "ing", stem + "ing"} & set(lower))
        )
        if w in _TITLE_STOPS or verb:
            return k - 1
    return b


def _head_suffix(word: str) -> bool:
    return "-" in word and word.rsplit("-", 1)[1] in _ROLE_HEADS


_VACATED = _words("resigned retired retiring deceased term elevated")
"""What a nomination says after "vice <name>,": why the post is open ("resigned", "term
expired")."""


def _evidence(tokens: list[_Tok], a: int, b: int, role: object) -> bool:
    """Something in the sentence shows that the run names a person.

    A role; a speech verb after the name ("Lee said"); "said" or an honorific before it
    ("said Bae Mi-rae", "Mr. Cho"); ", who" or an age (", 45,") after it.
    """
    if role is not None:
        return True
    prev = tokens[a - 1] if a else None
    if prev is not None and prev.text == "." and a >= 2:
        prev = tokens[a - 2]
    if prev is not None and prev.low in (_HONORIFICS | _HONORABLE | {"said", "says"}):
        return True  # "His Excellency [Mohamed Ould Cheikh Ghazouani]", "The Honorable ..."
    nxt = tokens[b + 1] if b + 1 < len(tokens) else None
    if nxt is None:
        return False
    if nxt.low in _SPEECH:
        return True
    if nxt.text == "(" and b + 2 < len(tokens) and tokens[b + 2].low in ("aka", "a.k.a"):
        return True  # "[Ismael Zambada Garcia] (AKA “El Mayo”)": a person's alias
    if (
        prev is not None
        and prev.text == "vice"
        and nxt.text == ","
        and b + 2 < len(tokens)
        and tokens[b + 2].low in _VACATED
    ):
        return True  # a nomination's "vice [A. D. Frazier], term expired": whom it replaces
    if nxt.text == "," and b + 2 < len(tokens):
        after = tokens[b + 2]
        if after.low in _DETERMINERS or after.low in _APPOS_PREPS:
            # "[Dana Corvin], a firm supporter of the bill, said": an appositive, then
            # a verb of saying; also "[Zhu Congpeng], from the China Aerospace ..., said"
            for k in range(b + 3, min(len(tokens) - 1, b + 16)):
                if tokens[k].text in (",", ";", "(", ")"):
                    return tokens[k].text == "," and tokens[k + 1].low in _SPEECH
        return after.low in ("who", "whose") or after.core.isdigit()
    return False


def _surname(name: str) -> str:
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower() in _NAME_SUFFIXES:
        parts = parts[:-1]  # "Leslie Odom Jr": the surname is "Odom"
    if (len(parts) > 1 and _KOREAN_NAME.fullmatch(parts[1])) or (
        parts[0] in _EAST_ASIAN_SURNAMES
        # "Jon Finer", "Kim Kardashian": a Western given name before a Western surname
        and not (
            parts[0] in _GIVEN_NAMES
            and len(parts) == 2
            and not _KOREAN_SYLLABLE.fullmatch(parts[1])
            and parts[1] not in _EAST_ASIAN_SURNAMES
        )
    ):
        return parts[0]
    return parts[-1]


# ---------------------------------------------------------------- accumulation


@dataclass
class _Acc:
    name: str
    kind: EntityKind
    order: int
    mentions: int = 0
    aliases: dict[str, None] = field(default_factory=dict)
    sources: dict[str, None] = field(default_factory=dict)
    evidence: str = ""
    role: tuple[int, int, str, str | None, str] | None = None
    """(rank, order, role, affiliation, sentence): the best role seen so far."""

    def add(self, surface: str, source: str, sentence: str) -> None:
        self.mentions += 1
        if surface != self.name:
            self.aliases.setdefault(surface, None)
        self.sources.setdefault(source, None)
        self.evidence = self.evidence or sentence

    def add_role(
        self, role: tuple[str, str | None], order: int, sentence: str, title: bool = False
    ) -> None:
        role = _with_former(role, sentence, (self.name, *self.aliases))
        stale = bool(_STALE.match(role[0]))
        # a headline's capitals cut titles oddly ("Vice Department Director of C.C."):
        # the body's reading of the same title comes first; a list's line of the name and
        # its post (``_roster``) before any ("Ms. Wight was an attorney at ..." later)
        rank = -1 if _listed(sentence, role[0]) else 2 * stale + (0 if role[1] else 1) + 4 * title
        cand = (rank, order, role[0], role[1], sentence)
        if self.role is None or cand[:2] < self.role[:2]:
            self.role = cand
        elif not stale and self.role[0] % 4 < 2 and _fuller_role(role[0], self.role[2]):
            self.role = cand  # "Director" (a headline) gives way to "vice department director"

    def entity(self) -> Entity:
        role = self.role
        return Entity(
            name=self.name,
            kind=self.kind,
            role=role[2] if role else None,
            affiliation=role[3] if role else None,
            aliases=tuple(self.aliases),
            mentions=self.mentions,
            sources=tuple(self.sources),
            evidence=role[4] if role else self.evidence,
        )


def _fuller_role(new: str, old: str) -> bool:
    """``new`` names ``old``'s office with more words ("vice department director" for
    "Director")."""
    a, b = set(new.lower().split()), set(old.lower().split())
    return b < a


_FORMER_BEFORE = re.compile(r"(?i)\b(?:former|ex-|then-)\s*$")


def _with_former(
    role: tuple[str, str | None], sentence: str, names: Sequence[str]
) -> tuple[str, str | None]:
    """The role with the "former" the sentence writes right before it ("a former FIFA
    official, [Eugenio Figueredo]"): a past post is told as past, and ranks as one. The
    title read is the one nearest the person's name ("After former President Obama,
    President Biden spoke": Biden's is not former)."""
    title = role[0]
    if _STALE.match(title):
        return role
    spots = [m.start() for m in re.finditer(re.escape(title), sentence)]
    where = [sentence.find(n) for n in names if n and n in sentence]
    if not spots or not where:
        return role
    at = min(spots, key=lambda x: min(abs(x - w) for w in where))
    before = _FORMER_BEFORE.search(sentence, max(0, at - 10), at)
    if before is None:
        return role
    return sentence[before.start() : at] + title, role[1]


_STALE = re.compile(r"(?:(?:an?|the|another)\s+)?(?:former|ex-|then-|one-time|onetime)", re.I)
"""A role the person held before: it gives way to a current one ("then-Vice President
Joe Biden" vs "President Joe Biden")."""


def _sentences(article: Article) -> Iterable[tuple[str, str]]:
    """(paragraph, sentence) of the body, without bylines, photo captions and credit lines."""
    author = _key(article.author or "")
    for para in article.paragraphs:
        p = para.strip()
        short = len(p.split()) <= 45
        if short and (_BYLINE.match(p) or _CAPTION.search(p)):
            continue
        if _BARE_NAME.fullmatch(p) and (_key(p) == author or len(p.split()) <= 4):
            continue
        for _, sentence in join_quotes(split_sentences(p)):
            if not _CREDIT_SENTENCE.search(sentence):
                yield p, sentence


# ---------------------------------------------------------------- the statistical model

MODEL = spacy_model.MODEL
USE_REPEATED = True
"""A model name repeated in one article (not after a place preposition) is a person."""
USE_SHAPE_FOR_RULES = True
"""A rule-based run shaped like a person's name (``_person_shape``) counts as shown."""
USE_RULE_PEOPLE = True
"""Also accept the rule-based name runs (a run with a sign of a person: a role, "said")
besides the model's PERSON spans. Measured in benchmarks/entities_eval.py."""


USE_PARSE_ROLES = True
"""A person the rules give no role gets one from the dependency parse of a sentence that
names them (``_parse_role``). Measured in benchmarks/entities_eval.py."""

_PARSE_CUT = frozenset(("relcl", "acl", "advcl", "appos", "punct", "parataxis", "cc", "conj"))
"""Dependents that end a role read from the parse: a clause about the person ("who sat
out"), another appositive, a comma."""
_NOT_ROLE_NOUNS = _words("yesterday today tonight tomorrow now time year years age")
_PARSE_MAX = 12
_SET_OFF = frozenset((",", "—", "–", "--"))
_ROLE_NOUNS = _words(
    "friend rookie champion rival colleague pilot partner aide ally boss veteran backup "
    "coach star victim widow widower survivor witness neighbour neighbor"
)
"""Nouns of a person that neither the role words nor the agent endings cover."""
_WEALTH_NOUNS = _words("billionaire millionaire entrepreneur magnate")
"""Nouns of a person's standing in business that also make a title before a name
("billionaire Elon Musk"), unlike "friend" or "rival"."""
_ROLE_NOUNS |= _WEALTH_NOUNS
_NOT_ONE = _words("one only someone somebody anyone anybody everyone everybody nobody")
"""Words of a phrase that counts or stands in for people ("only one woman", "someone"):
no role."""


def _person_noun(t: Any) -> bool:
    low = t.lower_
    return t.tag_ == "NN" and (
        low in _ROLE_WORDS or low in _KIN or low in _ROLE_NOUNS or _agent(low)
    )


def _role_phrase(head: Any, skip: Any = None) -> str | None:
    """The noun phrase ``head`` heads, as the sentence writes it: its contiguous words,
    without an opening article and without the dependents of ``_PARSE_CUT`` (nor
    ``skip``'s subtree: the name itself); None unless a noun of it names a person
    ("director", "sister", "receiver"; not "a heavy crash") or when it counts people."""
    cut: set[int] = set()
    for t in head.subtree:
        if t.i != head.i and ((t.dep_ in _PARSE_CUT and t.head.i == head.i) or t.dep_ == "relcl"):
            cut.update(x.i for x in t.subtree)
    if skip is not None:
        cut.update(x.i for x in skip.subtree)
    lo = hi = head.i
    doc = head.doc
    while lo - 1 >= head.left_edge.i and lo - 1 not in cut:
        lo -= 1
    while hi + 1 <= head.right_edge.i and hi + 1 not in cut:
        hi += 1
    while lo < head.i and (doc[lo].dep_ in ("det", "predet", "punct") or doc[lo].tag_ == "PRP$"):
        lo += 1  # "the", "its" ("named its new coach as ...")
    while hi > head.i and (doc[hi].is_punct or doc[hi].dep_ in ("cc", "case")):
        hi -= 1
    words = doc[lo : hi + 1]
    if (
        len(words) > _PARSE_MAX
        or not any(_person_noun(t) for t in words)
        or any(t.lower_ in _NOT_ONE for t in words)
    ):
        return None
    return words.text


def _parse_role(doc: Any, name: str) -> str | None:
    """The role the parse gives the name where the sentence (``doc``) first writes it: a
    common noun in apposition after it ("[Enio Cubillo], director of Costa Rica Civil
    Aviation, said") or one it is in apposition to ("said the friend, [Ilona Herman]",
    "A representative for the studio, [Leslie Sloane], said"; "A representative for
    Thurman, [Leslie Sloane], ...", where the parse hangs the name on the owner), set off
    by a comma or a dash; or the noun a verb of naming gives the name ("identified the
    pilot as [Juan Manuel Retana]"); a kinship or a stance is none; None when none."""
    start = doc.text.find(name)
    if start < 0:
        return None
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root

    def common(t: Any) -> bool:
        # a kinship or a stance ("the sister of ...", "a firm supporter of ...") is no post
        low = t.lower_
        return (
            t.tag_ == "NN"
            and t.text.islower()
            and low not in _NOT_ROLE_NOUNS
            and low not in _NO_POSTS
        )

    # set off by a comma or a dash: a title run into the name ("his daughter Lily",
    # "Four-time world champion Sebastian Vettel") is the rules' to read, or no role
    after = span.end < len(doc) and doc[span.end].text in _SET_OFF
    before = span.start > 0 and doc[span.start - 1].text in _SET_OFF
    for c in root.children:
        if after and c.dep_ == "appos" and c.i >= span.end and common(c):
            return _role_phrase(c)
    head = root.head
    if before and root.dep_ == "appos" and head.i < span.start:
        if common(head):
            return _role_phrase(head, skip=root)
        # "A representative for [Thurman], Leslie Sloane,": the owner's noun is the head
        over = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
        if head.tag_ == "NNP" and over is not None and over.i < head.i and common(over):
            return _role_phrase(over, skip=root)
    if root.dep_ == "pobj" and head.lower_ == "as" and head.head.lower_ in _NAMING_VERBS:
        # "identified the pilot as [Juan Manuel Retana]": the verb's object is the role
        obj = next((c for c in head.head.children if c.dep_ == "dobj" and c.i < head.i), None)
        if obj is not None and common(obj):
            return _role_phrase(obj)
    return None


_NAMING_VERBS = _words("identify identifies identified identifying named names")
"""Verbs that give a person's name to a noun before it ("identified the pilot as ..."), as
written (the syntax reader has no lemmatizer)."""


@lru_cache(maxsize=4)
def _nlp(patterns: tuple[tuple[str, str, str], ...]) -> Any:
    """The shared model's NER alone (``spacy_model.with_patterns``), with the topic's people and
    organisations as an ``EntityRuler`` before it. None when the model is not installed."""
    reader = spacy_model.with_patterns(patterns)
    if reader is None:
        warnings.warn(
            f"entities: spaCy model {MODEL!r} is not installed (run `make install`); "
            "people are found by the rules only",
            stacklevel=3,
        )
    return reader


def _topic_patterns(topic: Topic) -> tuple[tuple[str, str, str], ...]:
    out = []
    for p in topic.people:
        for n in (p.name, *p.aliases):
            if not re.search(r"[\uac00-\ud7a3]", n):
                out.append(("PERSON", n, p.name))
    for o in topic.organisations:
        for n in (o.name, *o.aliases):
            if not re.search(r"[\uac00-\ud7a3]", n) and n[:1].isupper():
                out.append(("ORG", n, o.name))
    return tuple(out)


def _parse_shows(r: _Run) -> bool:
    """Does the parse set the model's name off as a person's appositive ("A representative
    for Thurman, [Leslie Sloane], responded")? A sign of a person, as a stated role is."""
    reader = spacy_model.reader(spacy_model.SYNTAX)
    if reader is None:
        return False
    return _parse_role(reader.docs([r.sentence])[r.sentence], r.name) is not None


def _add_parse_roles(
    accs: dict[tuple[str, str], _Acc], said_in: dict[str, list[tuple[int, str, str]]]
) -> None:
    """Each person the rules give no role gets the first the parse gives
    (``_parse_role``) in a sentence that names them; one whose role the rules cut to a
    bare lower-case head, with no affiliation, gets the parse's whole appositive where it
    holds that head and a named body ("Kim Min Gwan, chairman of Chongsanghoe,": "chairman
    of Chongsanghoe"; "chairman of the committee" stays "chairman", the committee being
    the text's referent). The sentences are parsed in one batch."""
    todo = [
        (acc, said_in[key])
        for (kind, key), acc in accs.items()
        if kind == "person" and acc.role is None and key in said_in
    ]
    cut = [
        (acc, surface)
        for (kind, _), acc in accs.items()
        if kind == "person" and acc.role is not None and _BARE_HEAD.fullmatch(acc.role[2])
        for surface in _role_surfaces(acc)
    ]
    reader = spacy_model.reader(spacy_model.SYNTAX) if todo or cut else None
    if reader is None:
        return
    docs = reader.docs(
        [sentence for _, ms in todo for _, sentence, _ in ms]
        + [acc.role[4] for acc, _ in cut if acc.role]
    )
    for acc, mentions in todo:
        for order, sentence, name in sorted(mentions):
            role = _parse_role(docs[sentence], name)
            if role:
                acc.add_role((role, None), order, sentence)
                break
    for acc, surface in cut:
        if acc.role is None or not _BARE_HEAD.fullmatch(acc.role[2]):
            continue  # another surface already made it whole
        _, order, head, affiliation, sentence = acc.role
        whole = _parse_role(docs[sentence], surface)
        if (
            whole
            and affiliation is None
            and whole.split()[0].lower() == head
            and any(w[:1].isupper() for w in whole.split()[1:])
        ):
            acc.add_role((whole, affiliation), order, sentence)


def _role_surfaces(acc: _Acc) -> list[str]:
    """The ways of writing the person's name that the sentence of their role holds."""
    sentence = acc.role[4] if acc.role else ""
    return [s for s in (acc.name, *acc.aliases) if s in sentence]


def _add_list_bodies(accs: dict[tuple[str, str], _Acc]) -> None:
    """A list's "Name, Title, Body" ("Johnpaul Jones, Member, Institute of American Indian
    Arts Board of Trustees"): a capitalised body after the title's comma that runs to the
    item's end is the title's, as the list writes it."""
    for (kind, _), acc in accs.items():
        if kind != "person" or acc.role is None:
            continue
        rank, order, role, affiliation, sentence = acc.role
        for surface in _role_surfaces(acc):
            m = re.search(
                rf"(?<![\w’'-]){re.escape(surface)},\s+{re.escape(role)},\s+"
                r"(?P<body>[A-Z][\w’'&.-]*(?:\s+(?:[A-Z0-9][\w’'&.-]*|of|the|and|for|on|\([A-Z]+\)),?)*)"
                r"\s*\.?$",
                sentence.strip(),
            )
            if m and not m["body"].endswith(","):
                acc.role = (rank, order, f"{role}, {m['body']}", affiliation, sentence)
                break


_BARE_HEAD = re.compile(r"[a-z][a-z-]+")
"""A role of one lower-case word ("chairman", "president"): a head an appositive's field
may have been cut from."""


def _model_people(
    nlp: Any, texts: list[str], lowers: Sequence[set[str] | frozenset[str]] = ()
) -> list[list[tuple[int, int]]]:
    """(start, end) of each PERSON span the model finds in each text, batched.

    The model reads only windows of a few words around each candidate name
    (``_windows``): its tok2vec sees four tokens either side, so a window of
    ``WINDOW`` words each side gives the same PERSON spans as the whole sentence at a
    fraction of the cost. Texts without a candidate are not read at all. ``lowers``:
    per text, the words its article writes in lower case."""
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    if nlp is None:
        return out
    lows = list(lowers) or [frozenset()] * len(texts)
    jobs = [(i, a, texts[i][a:b]) for i, t in enumerate(texts) for a, b in _windows(t, lows[i])]
    cache = _SPAN_CACHE.setdefault(id(nlp), {})
    todo = list(dict.fromkeys(w for _, _, w in jobs if w not in cache))
    for w, doc in zip(todo, nlp.pipe(todo, batch_size=256), strict=True):
        if len(cache) >= _CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[w] = tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON")
    for i, a, w in jobs:
        out[i].extend((a + s, a + e) for s, e in cache[w])
    return out


_SPAN_CACHE: dict[int, dict[str, tuple[tuple[int, int], ...]]] = {}


def _tagger() -> Any:
    """The shared model's part-of-speech tagger alone (``spacy_model.TAGS``); None when the model
    is not installed."""
    return spacy_model.reader(spacy_model.TAGS)


_TAG_CACHE: dict[str, tuple[tuple[int, str], ...]] = {}
"""Fragment -> (end offset, tag) of each of its words: a pure function's memo."""


def _tags(fragment: str) -> dict[int, str]:
    """The tag of each word of ``fragment`` by its end offset (a hyphenated word's is its
    last part's: "co-chairman" is a noun)."""
    got = _TAG_CACHE.get(fragment)
    if got is None:
        nlp = _tagger()
        got = () if nlp is None else tuple((t.idx + len(t), t.tag_) for t in nlp(fragment))
        if len(_TAG_CACHE) >= _CACHE_SIZE:
            _TAG_CACHE.pop(next(iter(_TAG_CACHE)))
        _TAG_CACHE[fragment] = got
    return dict(got)


def _nominal(sentence: str, tokens: list[_Tok], i: int, a: int) -> bool:
    """Are tokens i..a-1 a noun phrase as the tagger reads the sentence's opening ("Cologne
    Refugee Council Director"), and the name after them a proper noun? A verb among them
    ("Biden Meets Chancellor") is a headline, not a title's body."""
    if a >= len(tokens):
        return False
    base = tokens[i].start
    tags = _tags(sentence[base : tokens[a].end])
    body = [tags.get(t.end - base, "") for t in tokens[i:a] if t.word]
    return (
        all(t[:2] in ("NN", "JJ") for t in body) and tags.get(tokens[a].end - base, "")[:3] == "NNP"
    )


_EXEC_ACRONYM = re.compile(r"C[A-Z]{1,3}O|[ES]?VP")
"""Acronyms of executive titles: "COO", "CTO", "EVP"."""
_AGENT = re.compile(r"[a-z-]{2,}(?:er|or|ist|ian|eon|ant|ent|man|woman|person|ee|(?<!n)ess)")
"""Nouns of agents by their ending ("banker", "co-ordinator", "neurosurgeon", "consultant",
"co-chairman", "nominee", "actress"); a noun of a thing ("crash", "site") is no role."""
_FIRM_NOUNS = _words(
    "carmaker automaker chipmaker drugmaker steelmaker planemaker phonemaker shipbuilder "
    "retailer manufacturer supplier insurer lender broadcaster exporter importer distributor "
    "brewer e-tailer"
)
"""Nouns of a firm that end like an agent's ("electric carmaker Tesla"): no person's post."""


def _agent(low: str) -> bool:
    """A lower-case word of an agent by its ending (``_AGENT``), not a firm's."""
    return bool(_AGENT.fullmatch(low)) and low not in _FIRM_NOUNS


def _noun_before(sentence: str, tokens: list[_Tok], a: int) -> tuple[str, str | None] | None:
    """ "defensive co-ordinator [Steve Wilks]", "with coach [Jim Caldwell]", "Roc Nation COO
    [Desiree Perez]": a common noun right before a proper name, as the tagger reads it, is
    the name's role, with the nouns and adjectives of its compound before it. Kin words,
    determiners and stop words are none; an organisation before the compound is the
    role's affiliation."""
    if a < 1 or a >= len(tokens):
        return None
    from spacy.lang.en.stop_words import STOP_WORDS

    def lower_word(t: _Tok) -> bool:
        return (
            t.word
            and t.text.islower()
            and t.label is None
            and len(t.core) >= 3
            and (t.low not in STOP_WORDS or t.low in _RANK_CLASSES)  # "first baseman"
            and t.low not in _KIN
            and t.low not in _DETERMINERS
        )

    last = tokens[a - 1]
    acronym = bool(_EXEC_ACRONYM.fullmatch(last.core)) and last.label is None
    if not (lower_word(last) or acronym) or (last.low in _ROLE_MODS and not last.head):
        return None  # "vice [Alan Ray Shaffer]": a title's modifier is no head
    if last.low in _DESCRIPTOR_NOUNS or last.low in _ROLE_LOWER_ONLY:
        return None  # "powerful slugger [Schwarber]": praise, not a post; "the DPRK
        # government [Ri Ho Jun]": a body
    lo = max(0, a - 6)
    base = tokens[lo].start
    hi = min(len(tokens) - 1, a + 2)
    tags = _tags(sentence[base : tokens[hi].end])
    if not acronym and tags.get(last.end - base) != "NN":
        return None
    if tags.get(tokens[a].end - base) not in ("NNP", "NNPS"):
        return None
    first = a - 1
    personal = acronym or last.head or _agent(last.rlow) or last.rlow in _WEALTH_NOUNS
    if a >= 2 and tokens[a - 2].low + last.rlow in _FIRM_NOUNS:
        return None  # "the electric car maker [Tesla]": a firm
    while first - 1 >= lo and a - first < 4:
        t = tokens[first - 1]
        tag = tags.get(t.end - base)
        if lower_word(t) and (
            tag in ("NN", "NNS")
            or (
                tag == "JJ"
                and (t.low in _ROLE_WORDS | _ROLE_ADJECTIVES or _CLASSIFYING.search(t.low))
            )
        ):
            first -= 1  # "defensive co-ordinator", never "flashy infielder"
        elif t.label is None and t.cap and _is_role_word(t) and not t.poss:
            first -= 1  # "Senior coach", "Vice chairman"
        else:
            break
    # The compound names an agent: its head by its ending, or a title word in it ("chief
    # exec"); "a heavy crash [Hamilton]", "the hookup site [Adult Friend Finder]" none.
    if not (personal or any(_is_role_word(t) for t in tokens[first : a - 1])):
        return None
    affiliation = _affiliation(tokens[first - 1]) if first >= 1 else None
    first = _title_start(tokens, first, affiliation)  # "NASA astronaut [Peggy Whitson]"
    return sentence[tokens[first].start : last.start + len(last.core)], affiliation


_CLASSIFYING = re.compile(r"(?:al|ic|ary|ive|ian|ese|ish|ern|[a-z]-[a-z]+)$")
"""Adjectives that say what kind of post ("defensive", "financial", "left-handed"), not how
good its holder is ("flashy", "powerful")."""
_DESCRIPTOR_NOUNS = _words("slugger hero legend icon superstar genius prodigy favourite favorite")


"""Per loaded model: window text -> its PERSON spans (page furniture and wire copy
repeat across a day's articles). A pure function's memo, bounded by ``_CACHE_SIZE``."""
_CACHE_SIZE = 20_000


WINDOW = 10
"""Words of context either side of a candidate name that the model reads."""
_CAP_WORD = re.compile(r"[A-Z][\w'’.-]*")
_WORD = re.compile(r"\S+")


def _open_word(word: str, lower: set[str] | frozenset[str] = frozenset()) -> bool:
    """A capitalised word that could belong to a name: none of the words the rules
    already know (countries, places, organisation and thing heads, roles, months), nor
    a word in capitals that the article also writes in lower case ("SHARE CLOSE")."""
    w = word.strip(".,;:!?()’'\"“”‘").removesuffix("’s").removesuffix("'s")
    low = w.lower()
    if not w or (w.isupper() and (w in _ORG_ACRONYMS or len(w) <= 3)):
        return False
    if w.isupper() and low in lower:
        return False  # "SHARE CLOSE WHAT YOU NEED TO KNOW"
    return not (
        low in _COMMON
        or low in _GEO
        or low in _GEO_TOKENS
        or low in _CALENDAR
        or low in _ROLE_WORDS
        or w in _ORG_HEADS
        or w in _THING_HEADS
    )


def _windows(text: str, lower: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Character ranges of ``text`` the model must read: each pair of adjacent
    capitalised words with an open word among them (``_open_word``), or a lower-case
    title and an open word ("driver Raikkonen"), widened by ``WINDOW`` words
    either side, overlapping ranges merged. A plain "Given Surname" pair is left to the
    rules (``SKIP_PLAIN_NAMES``)."""
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    hits = []
    for k in range(len(words) - 1):
        w1, w2 = words[k][2], words[k + 1][2]
        if not _CAP_WORD.match(w2):
            continue
        if not _CAP_WORD.match(w1):
            if w1.lower() in _ROLE_WORDS and _open_word(w2, lower):
                hits.append(k)  # "Ferrari driver Raikkonen"
            continue
        if w1[-1] in ",;:!?" or (
            w1.endswith(".") and len(w1.rstrip(".")) > 1 and not _INITIAL.match(w1)
        ):
            continue  # the pair crosses a clause or sentence break
        if not (_open_word(w1, lower) or _open_word(w2, lower)):
            continue
        if SKIP_PLAIN_NAMES and _plain_name(words, k):
            continue
        hits.append(k)
    ranges: list[tuple[int, int]] = []
    for k in hits:
        lo = max(0, k - WINDOW)
        hi = min(len(words) - 1, k + 1 + WINDOW)
        a, b = words[lo][0], words[hi][1]
        if ranges and a <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(b, ranges[-1][1]))
        else:
            ranges.append((a, b))
    return ranges


SKIP_PLAIN_NAMES = True
"""The model does not read a plain "Given Surname" pair (a known given name, open
words on neither side): the rules give the same name (``_person_shape``)."""


def _plain_name(words: list[tuple[int, int, str]], k: int) -> bool:
    w1, w2 = words[k][2], words[k + 1][2]
    if w1 not in _GIVEN_NAMES or not re.fullmatch(
        r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?:['’]s)?[,.;:]?", w2
    ):
        return False
    # a surname that is a title or a place ("Brett King", "George Washington"): the rules
    # would read a title or a place, so the model reads the pair
    core = re.sub(r"(?:['’]s)?[,.;:]?$", "", w2)
    if core.lower() in _ROLE_WORDS or _is_geo_word(core):
        return False
    before = words[k - 1][2] if k else ""
    after = words[k + 2][2] if k + 2 < len(words) else ""
    return not _CAP_WORD.match(before) and not _CAP_WORD.match(after) and not w1.isupper()


_INITIAL = re.compile(
    r"^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Adm|Sgt|Capt|Gov|Sen|Rep|Prof)\.$"
)


_NOT_IN_NAME = _ORG_HEADS | _THING_HEADS | _OUTLET_HEADS


def _quoted(sentence: str, start: int, end: int) -> bool:
    """The words at start..end are a whole quotation ("'Impeach Trump'", "“Not My
    President”")."""
    return (
        start > 0
        and sentence[start - 1] in "'‘\"“"
        and end < len(sentence)
        and sentence[end] in "'’\"”"
    )


def _initial_at(tokens: list[_Tok], i: int) -> bool:
    """ "[A.] Philip Randolph", "[A.] D. Frazier": a capital letter and a stop before a
    name or before another initial."""
    return (
        len(tokens[i].core) == 1
        and tokens[i].core.isupper()
        and i + 2 < len(tokens)
        and tokens[i + 1].text == "."
        and (_name_like(tokens[i + 2]) or _initial_at(tokens, i + 2))
    )


def _suffix_after(tokens: list[_Tok], b: int) -> str:
    """ " Jr." when a suffix follows the name at ``b`` ("King, Jr.", "Odom Jr"), else ""."""
    n, k = len(tokens), b + 1
    if k < n and tokens[k].text == ",":
        k += 1
    if k < n and tokens[k].low in _SUFFIX_WORDS and (k == b + 1 or tokens[k].cap):
        dot = (
            "." if k + 1 < n and tokens[k + 1].text == "." and tokens[k].low in ("jr", "sr") else ""
        )
        return " " + tokens[k].core + dot
    return ""


def _model_run(
    sentence: str,
    tokens: list[_Tok],
    span: tuple[int, int],
    lex: _Lexicon,
    order: int,
    outlets: frozenset[str],
    lower: set[str] | frozenset[str] = frozenset(),
    title: bool = False,
) -> _Run | None:
    """A model PERSON span as a run (with its role), or None when it is no person's name:
    an outlet ("Rodong Sinmun"), a thing ("Samsung Galaxy"), an adjective
    ("Hong Kong-flagged"), a word of an organisation or country already labelled, a
    term defined by an acronym ("Zero Shutter Lag (ZSL)"), the owner of another name's
    title ("Memphis Hustle guard Marquis Teague").

    The run has ``evidence`` when the sentence shows a person (``_evidence``) or the name
    has a person's shape (``_person_shape``); without it the name is a person only when
    another mention shows it or its surname recurs alone (pass 2)."""
    s, e = span
    idx = [i for i, t in enumerate(tokens) if t.start >= s and t.start < e]
    # Titles and honorifics the model took into the name ("President Biden").
    demonym = False
    while idx and (
        _is_role_word(tokens[idx[0]])
        or (tokens[idx[0]].low in _HONORIFICS | _COMMON and not _initial_at(tokens, idx[0]))
        or (len(idx) > 1 and tokens[idx[0]].core in _DEMONYM_NOUNS)
    ):
        demonym = demonym or tokens[idx[0]].core in _DEMONYM_NOUNS
        idx.pop(0)
    while idx and not tokens[idx[0]].word:
        idx.pop(0)
    # "O Hyong Se was elected": a Korean surname that is an English word, left out of the
    # model's span, opens the name
    if idx and idx[0] and len(idx) == 2 and _word_surname(tokens, idx[0] - 1):
        idx.insert(0, idx[0] - 1)
    # "[Han] Jong Hyok": the model read the surname as a nationality
    if (
        len(idx) == 2
        and idx[0]
        and tokens[idx[0] - 1].core in _EAST_ASIAN_SURNAMES
        and tokens[idx[0] - 1].cap
        and not tokens[idx[0] - 1].poss
        and all(_KOREAN_SYLLABLE.fullmatch(tokens[i].core) for i in idx)
    ):
        idx.insert(0, idx[0] - 1)
    # "Vermont Sen Bernie Sanders": an abbreviated rank without its stop opens the name
    rank = max(
        (n for n, i in enumerate(idx) if tokens[i].core in _RANK_ABBREVS and n < len(idx) - 1),
        default=None,
    )
    ranked = None
    if rank is not None:
        # "Vermont Sen [Bernie Sanders]": the rank with its state is the role, whole
        ranked = (sentence[tokens[idx[0]].start : tokens[idx[rank]].end], None)
        idx = idx[rank + 1 :]
    elif len(idx) > 1 and tokens[idx[-1]].core in _RANK_ABBREVS:
        return None  # "Massachusetts Sen": a state and a rank
    # "Wild—Susan", "Okafor – Amara": a dash ends the name
    dash = next((n for n, i in enumerate(idx) if tokens[i].text in "—–" and n), None)
    if dash is not None:
        idx = idx[:dash]
    # "SpaceX’s Elon Musk": a possessive before the end is the owner, not the name
    owner = max((n for n, i in enumerate(idx[:-1]) if tokens[i].poss), default=None)
    if owner is not None:
        idx = idx[owner + 1 :]
    if idx:
        a0 = _lead_trim(tokens, idx[0], idx[-1], lower)
        idx = [i for i in idx if i >= a0]
    while idx and (not tokens[idx[-1]].word or tokens[idx[-1]].low in _TRAILING):
        idx.pop()  # "Remarks by President Biden Before ...": headline capitals
    if not idx:
        return None
    a, b = idx[0], idx[-1]
    if title:
        b = _title_stop(tokens, a, _trim_title_gerund(tokens, a, b), lower)
    # "Donald J. Trump": the model may stop at the initial; the name goes on.
    if (
        len(tokens[b].core) == 1
        and b + 2 < len(tokens)
        and tokens[b + 1].text == "."
        and _name_like(tokens[b + 2])
    ):
        b += 2
    # "Lee Hsien [Loong]", "Kim Jong [Un]": the model may stop short of an Asian name's end.
    if (
        b == a + 1
        and tokens[a].core in _EAST_ASIAN_SURNAMES
        and b + 1 < len(tokens)
        and not tokens[b].poss
        and _name_like(tokens[b + 1])
        and tokens[b + 1].low not in lower
    ):
        b += 1
    # "Ursula von [der Leyen]": the model may stop at or before a name's particles
    start = b if b > a and tokens[b].text in _PARTICLES else b + 1
    if (past := _past_particles(tokens, start)) is not None and tokens[past].low not in lower:
        b = past
    toks = tokens[a : b + 1]
    if sentence[max(0, tokens[a].start - 4) : tokens[a].start].lower().endswith("the "):
        return None  # "the Chosun Ilbo"
    if _defined_term(tokens, a, b) or _title_owner(tokens, b):
        return None
    if _attributive(tokens, a, b) and _key(_clean_surface(sentence[s:e])) not in lex.person_of:
        return None  # "a Hong Kong company", "the official Equifax Twitter account"
    if _place_tail(tokens, b):
        return None  # "Kim Son Valley"
    if _care_tail(tokens, b):
        return None  # "Henry Ford Health", "Hackensack Meridian Health": a hospital system
    if _thing_before(tokens, a) and _key(_clean_surface(sentence[s:e])) not in lex.person_of:
        surface = _clean_surface(sentence[tokens[a].start : tokens[b].start + len(tokens[b].core)])
        return _Run(surface, sentence, order, False, a == 0, None, model=True, thing=True)
    surface = " ".join(sentence[tokens[a].start : tokens[b].start + len(tokens[b].core)].split())
    surface = " ".join(re.sub(r"[\[\]]", " ", surface).split())  # "[Ketanji] Brown Jackson"
    surface += _suffix_after(tokens, b)  # "Martin Luther King, Jr.": never cut
    if (
        _quoted(sentence, tokens[a].start, tokens[b].start + len(tokens[b].core))
        and _key(surface) not in lex.person_of
    ):
        return None  # signs that said 'Impeach Trump': a slogan
    key = _key(surface)
    if (
        key in outlets
        or key in _NOT_PEOPLE
        or key in lex.not_person
        or key in lex.org_of
        or len(surface) < 3
        or any(t.label is not None for t in toks)
        or any(any(c.isdigit() for c in t.core) for t in toks)
        or any(t.core in _NOT_IN_NAME or t.low in _FURNITURE for t in toks)
        or any(_HYPHEN_ADJ.search(t.core) or _ADJ_SUFFIX.search(t.core) for t in toks)
        or any(t.low in _WEEKDAY_NAMES or t.low in _GEO for t in toks if t.word)
        or any(_BRAND_CASE.search(t.core) for t in toks)
        or (len(toks) == 1 and toks[0].low in _CALENDAR)
        or not toks[0].cap
    ):
        return None
    if surface.isupper():
        if len(surface) <= 3 or " " not in surface:
            return None  # an acronym, "SAG-AFTRA"
        surface = surface.title()
    # "Leslie Odom Jr, who ...": what follows the name follows its suffix
    tail = b
    while tail + 1 < len(tokens) and (
        tokens[tail + 1].low in _NAME_SUFFIXES
        or (tokens[tail + 1].text == "." and tokens[tail].low in _NAME_SUFFIXES)
    ):
        tail += 1
    stated = ranked or _stated_role(sentence, tokens, a, tail)
    # a noun before the name gives its role but shows no person ("the drill [Freedom Flag]")
    role = stated or _noun_before(sentence, tokens, a) or _copula_role(sentence, tokens, tail)
    titled = demonym or _titled(tokens, a)
    evidence = (
        _evidence(tokens, a, tail, stated)
        or titled
        or _key(surface) in lex.person_of
        or _person_shape(toks, lower)
        or (USE_CENSUS and _census_name(tokens, a, b, lower))
    )
    placed = a > 0 and tokens[a - 1].low in _PLACE_PREPS
    run = _Run(surface, sentence, order, evidence, a == 0, role, model=True, placed=placed)
    run.start, run.end, run.titled = tokens[a].start, tokens[b].start + len(tokens[b].core), titled
    return run


def _geo_stem(word: str) -> bool:
    """ "Ukraini" (in "Slava Ukraini"): a word built on a country's or place's name."""
    w = word.lower()
    return len(w) >= 5 and w[:-1] in _GEO_STEMS


def _name_words(toks: list[_Tok]) -> list[_Tok]:
    """A name's words without its initials ("Rex W. Tillerson" -> Rex, Tillerson)."""
    return [t for t in toks if t.word and not (len(t.core) == 1 or t.core.endswith("."))]


USE_CENSUS = True
"""A model name of a census given name and a census surname is a person's (``_census_name``)."""


def _census_name(tokens: list[_Tok], a: int, b: int, lower: set[str] | frozenset[str]) -> bool:
    """A name the model reads as a person's, of two words: a given name of the census first
    and a surname last ("Leslie Sloane"), the surname not a word the article also writes in
    lower case, and no capitalised word or colon right after it ("Sandy Hook Elementary
    School": a longer name holds it; "Sandy Hook: 26 killed": a list's label). Initials
    between do not count. The surname is the census's, or shaped like one (``_surname_like``:
    "Debbie Stabenow", "Corey Comperatore", which the 1990 census lacks)."""
    words = _name_words(tokens[a : b + 1])
    if len(words) != 2 or words[1].low in lower:
        return False
    after = tokens[b + 1] if b + 1 < len(tokens) else None
    if after is not None and (after.text == ":" or (after.word and after.core[:1].isupper())):
        return False
    first, last = words
    if first.core not in census.given_names() or first.low in _PARTICLES:
        return False  # "Le Monde": a particle is no given name
    return last.core in census.surnames() or _surname_like(last)


def _surname_like(tok: _Tok) -> bool:
    """A capitalised word that may be a surname the census lacks: no organisation's head
    ("Jordan Group"), no hyphenated compound ("Chandra X-ray") and no gerund ("Clinton
    Crossing")."""
    w = tok.core
    return (
        tok.low not in _ORG_HEADS
        and "-" not in w
        and not (w.endswith("ing") and len(w) > 5)
        and w[1:].islower()
    )


_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
"""A capitalised word right before a name ("Judge [Joshua P. Kolar]"): perhaps its title."""


_PEERAGE = _words("Lady Sir Dame Lord")
"""Titles of address that, capitalised before one capitalised word, make a person's name
or stage name ("Lady Gaga", "Dame Edna", "Lord Sebastian")."""


def _person_shape(toks: list[_Tok], lower: set[str] | frozenset[str]) -> bool:
    """A name of 2-3 words shaped like a person's: a known given name first ("Avivah
    Litan"), an East Asian surname first ("Lee Hsien Loong"), a Korean given name
    ("Cho Tae-yul") or a surname ending ("Ivan Ljubicic"); and no later word that the
    article also writes in lower case ("Rich List", "Standard Missile")."""
    if len(toks) == 3 and _word_surname(toks, 0):
        return True  # "O Hyong Se", "No Kwang Chol" (the one-letter surname is no initial)
    words = _name_words(toks)
    if not 2 <= len(words) <= 3:
        return False
    if any(t.low in lower or _geo_stem(t.core) for t in words[1:]):
        return False
    first, last = words[0].core, words[-1].core
    return (
        first in _GIVEN_NAMES
        or (len(words) == 2 and first in _PEERAGE)  # "Lady Gaga", "Sir Elton": one name
        or first in _EAST_ASIAN_SURNAMES
        or (
            # "Jong Kyong Thaek", "Thae Hyong Chol": a Korean surname KCNA spells its own
            # way, before two romanised syllables
            len(words) == 3
            and first in _KCNA_SURNAMES
            and all(_KOREAN_SYLLABLE.fullmatch(t.core) for t in words[1:])
        )
        or bool(_KOREAN_NAME.fullmatch(last))
        or bool(_SURNAME_END.search(last.lower()))
    )


_NICKNAMES = {
    short: full
    for full, shorts in {
        "Benjamin": "Ben Benji Bibi",
        "William": "Bill Billy Will",
        "Robert": "Bob Bobby Rob",
        "Richard": "Dick Rick Rich",
        "James": "Jim Jimmy",
        "Joseph": "Joe",
        "Michael": "Mike",
        "Thomas": "Tom Tommy",
        "Edward": "Ed Ted Eddie",
        "Charles": "Chuck Charlie",
        "Anthony": "Tony",
        "Antony": "Tony",
        "Elizabeth": "Liz Beth Betty",
        "Katherine": "Kate Kathy",
        "Christopher": "Chris",
        "Daniel": "Dan Danny",
        "Donald": "Don",
        "Nicholas": "Nick",
        "Alexander": "Alex",
        "Jonathan": "Jon",
        "Steven": "Steve",
        "Stephen": "Steve",
        "Samuel": "Sam",
        "Margaret": "Maggie Peggy",
        "Patricia": "Pat",
        "Gerald": "Jerry",
        "Lawrence": "Larry",
        "Timothy": "Tim",
        "Andrew": "Andy",
        "Matthew": "Matt",
        "Theodore": "Ted Teddy",
        "Franklin": "Frank",
        "Ronald": "Ron",
        "Kenneth": "Ken",
        "Gregory": "Greg",
        "Jeffrey": "Jeff",
        "Douglas": "Doug",
    }.items()
    for short in shorts.split()
}
"""Short forms of given names ("Ben Franklin" is "Benjamin Franklin" in the same article)."""


def _fuller_names(local: dict[str, set[str]]) -> dict[str, str]:
    """Within one article, a name whose words are all in one longer name of the same
    surname, in order ("Khulubuse Zuma" in "Clive Khulubuse Zuma"), is that person;
    left alone when two longer names fit ("John Kufuor": John Agyekum or John Addo)."""
    out: dict[str, str] = {}
    for names in local.values():
        for short in names:
            sw = short.split()
            fits = [
                long
                for long in names
                if long != short and len(long.split()) > len(sw) and _subsequence(sw, long.split())
            ]
            if len(fits) == 1:
                out[short] = fits[0]
    # "Ben Franklin" beside "Benjamin Franklin": a short form of the given name, with the
    # same surname, is the person the formal name gives.
    for names in local.values():
        for short in names - set(out):
            sw = short.split()
            fits = [
                long
                for long in names
                if long != short
                and len(long.split()) == len(sw)
                and long.split()[1:] == sw[1:]
                and _NICKNAMES.get(sw[0]) == long.split()[0]
            ]
            if len(fits) == 1:
                out[short] = fits[0]
    # "Sheila Jackson" (the model cut "Sheila Jackson Lee’s" short): a name of two words or
    # more that opens exactly one longer name of the article is that person.
    every = {n for names in local.values() for n in names}
    for short in every - set(out):
        sw = short.split()
        if len(sw) < 2:
            continue
        fits = [n for n in every if len(n.split()) > len(sw) and n.split()[: len(sw)] == sw]
        if len(fits) == 1:
            out[short] = fits[0]
    return out


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def _common_tail(run: _Run, lower: set[str] | frozenset[str]) -> bool:
    """A name of several words ending in a word the article also writes in lower case,
    with no known given name first and no role: a noun phrase, not a person."""
    words = run.name.split()
    return (
        len(words) > 1
        and (run.role is None or _title_case_heading(run))
        and words[0] not in _GIVEN_NAMES
        and words[-1].lower() in lower
    )


def _title_case_heading(run: _Run) -> bool:
    """ "the Climate and Economic Justice [Screening Tool]": the capitalised "title" is
    the first half of a programme's name, run on from capitalised words before it."""
    if not run.role or not run.role[0][:1].isupper() or run.start <= 0:
        return False
    before = run.sentence[: run.start].rstrip()
    return bool(re.search(r"\b(?:[A-Z][a-z]+\s+(?:and\s+)?){1,3}$", before[: -len(run.role[0])]))


def _defined_term(tokens: list[_Tok], a: int, b: int) -> bool:
    """ "Zero Shutter Lag (ZSL)": a term with its acronym is no person's name."""
    if b + 3 >= len(tokens) or tokens[b + 1].text != "(" or tokens[b + 3].text != ")":
        return False
    acr = tokens[b + 2].core
    initials = "".join(t.core[0] for t in tokens[a : b + 1] if t.word)
    return acr.isupper() and len(acr) >= 2 and acr == initials.upper()


def _title_owner(tokens: list[_Tok], b: int) -> bool:
    """ "[Memphis Hustle] guard Marquis Teague": the run is whose title follows."""
    k = b + 1
    while k < len(tokens) and _is_role_word(tokens[k]) and tokens[k].text[:1].islower():
        k += 1
    return k > b + 1 and k < len(tokens) and _name_like(tokens[k])


def _speaker_run(
    sentence: str,
    order: int,
    lower: set[str] | frozenset[str] = frozenset(),
    context: str | None = None,
) -> tuple[_Run, int] | None:
    """ "PRESIDENT BIDEN: Thank you ...": the speaker as a person (with the label's title
    as the role) and where the label ends. A label of no title or part is a section's
    heading ("ROCKET STATS:", "FUTURE FLIGHTS:"), not a speaker, when the article
    (``lower``: its lower-case words) also writes one of its words in lower case, or
    (``context``: its text) never names its last word again, in a turn ("NELSON:") or in
    the text ("NPR's Soraya Sarhaddi Nelson")."""
    m = _SPEAKER.match(sentence)
    if not m:
        return None
    words = m["name"].split()
    if any(w.lower().strip(".") in _ROLE_WORDS | _COMMON | _DOC_LABELS for w in words):
        return None
    title = m["title"]
    if not title and len(words) < 2:
        return None
    if not title and not m["part"]:
        if any(w.lower() in lower for w in words):
            return None
        last = words[-1]
        again = rf"(?<![\w'’-])(?:{re.escape(last.title())}\b|{re.escape(last)}\b)"
        if context is not None and len(re.findall(again, context)) < 2:
            return None
    name = " ".join(w if len(w) == 2 and w.endswith(".") else w.title() for w in words)
    role = None
    if title and title.rstrip(".").lower() not in _HONORIFICS:
        role = (" ".join(title.split()).title(), None)
    part = m["part"]
    if part and not title and not set(part.lower().split()) & _NO_PART:
        role = (part.lower(), None)  # "RENEE MONTAGNE, HOST:" -> host
    honorific = bool(title) and role is None  # "MS. SCHULER:": a titled surname
    run = _Run(name, sentence, order, True, True, role, model=True, titled=honorific)
    return run, m.end()


def extract_entities(articles: Sequence[Article], topic: Topic) -> tuple[Entity, ...]:
    """People, organisations, countries and places the articles name (see module doc)."""
    # Language branch point: articles not in English skip the English model and rules.
    # Another language's extractor plugs in here (``_extract_other``) and its entities
    # are merged with the English ones below.
    articles = [a for a in articles if (a.language or "en") == "en"]
    lex = _lexicon(articles, topic)
    accs: dict[tuple[str, str], _Acc] = {}
    # per person (key): (order, sentence, name as written) of each body mention without a
    # role, for ``_add_parse_roles``
    said_in: dict[str, list[tuple[int, str, str]]] = {}
    outlets = _OUTLETS | {_key(a.outlet) for a in articles if a.outlet}
    outlets |= {_key(re.sub(r"^the\s+", "", a.outlet, flags=re.I)) for a in articles if a.outlet}

    def acc(kind: EntityKind, name: str, order: int) -> _Acc:
        k = (kind, _key(name))
        if k not in accs:
            accs[k] = _Acc(name, kind, order)
        return accs[k]

    # The model reads every kept sentence of every article in one batched pass.
    lowers = {
        art.source: set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*", art.text)) for art in articles
    }
    per_sentences = [
        [(p, unglue(s, lowers[art.source])) for p, s in _sentences(art)] for art in articles
    ]
    titles = [unglue(" ".join(art.title.split()), lowers[art.source]) for art in articles]
    flat = titles + [s for sents in per_sentences for _, s in sents]
    flat_lowers = [lowers[a.source] for a in articles] + [
        lowers[a.source] for a, sents in zip(articles, per_sentences, strict=True) for _ in sents
    ]
    nlp = _nlp(_topic_patterns(topic)) if flat else None
    model_spans = _model_people(nlp, flat, flat_lowers) if flat else []
    title_spans = model_spans[: len(titles)]
    found_iter = iter(model_spans[len(titles) :])

    # Pass 1: organisations, countries and places are counted; name runs are collected.
    per_article: list[tuple[Article, list[_Run]]] = []
    order = 0
    for art, sents, title, t_spans in zip(
        articles, per_sentences, titles, title_spans or [[]] * len(articles), strict=True
    ):
        runs: list[_Run] = []
        lower = lowers[art.source]
        context = f"{art.title}\n{art.text}"
        # The title: only the model's people, with a title before the name or known to
        # the topic ("Statement from NSC Spokesperson Adam Hodge on ..."): headline
        # capitals prove nothing else. Its organisations and places are not counted.
        if title:
            t_tokens = _tokens(title)
            t_orgs = _org_spans(title, t_tokens, lex, title, context)
            _label(t_tokens, _choose([*t_orgs, *_geo_spans(title)]))
            named: set[str] = set()
            for sp in t_spans:
                run = _model_run(title, t_tokens, sp, lex, order, outlets, lower, title=True)
                if run is not None and _headline_verb(run.name, art.text):
                    continue
                if run is not None and (run.role or _key(run.name) in lex.person_of):
                    runs.append(replace(run, in_title=True))
                    named.update(run.name.split())
            # "Remarks by President Biden Before Air Force One ...": a titled name the
            # model read as part of an organisation.
            for r in _name_runs(title, t_tokens, lex, order, lower, title=True):
                if (
                    r.role
                    and r.role[0][:1].isupper()
                    and not named & set(r.name.split())
                    and not any(w in _ORDINALS for w in r.name.split())
                    and not _VERB_FORM.search(r.name.split()[0])
                    and not _headline_verb(r.name, art.text)
                ):  # "Foreign Minister Attends Fourth ...": a headline's verb
                    runs.append(replace(r, model=True, in_title=True))
        for para in art.paragraphs:
            signer = _signature(para, order)
            if signer is not None:
                runs.append(signer)
        if art.dateline:
            place = art.dateline.split(",")[0].strip()
            place = place.title() if place.isupper() else place
            canon = _PLACE_OF.get(_key(place), place)
            acc("place", canon, order).add(canon, art.source, art.dateline)
        for para, sentence in sents:
            order += 1
            person_spans = next(found_iter)
            tokens = _tokens(sentence)
            orgs = _org_spans(sentence, tokens, lex, para, context)
            spans = _choose([*orgs, *_geo_spans(sentence)])
            _label(tokens, spans)
            for s in spans:
                if s.kind == "organisation" and (
                    _key(s.name) in outlets or s.name.split()[-1] in _OUTLET_HEADS
                ):
                    continue  # an outlet publishes the story; it is not one of its entities
                acc(s.kind, s.name, order).add(" ".join(s.surface.split()), art.source, sentence)
            taken: dict[tuple[int, int], _Run | None] = {}
            speaker = _speaker_run(sentence, order, lower, context)
            if speaker:
                runs.append(speaker[0])
                taken[(0, speaker[1])] = None
            for sp in person_spans:
                if any(a < sp[1] and sp[0] < b for a, b in taken):
                    continue
                run = _model_run(sentence, tokens, sp, lex, order, outlets, lower)
                if run is not None:
                    taken[sp] = run
            if USE_RULE_PEOPLE:
                for r in _name_runs(sentence, tokens, lex, order, lower):
                    if _key(r.name) in outlets:
                        continue  # "Chosun Ilbo said": an outlet, never a person
                    a, b = r.start, r.end
                    over = [sp for sp in taken if sp[0] < b and a < sp[1]]
                    if a < 0 or not over:
                        runs.append(r)
                        continue
                    if (
                        len(over) > 1
                        and r.evidence
                        and all(a <= x[0] and x[1] <= b and taken[x] for x in over)
                        and (
                            a == min(x[0] for x in over)
                            or _open_start(tokens, a, min(x[0] for x in over), lower)
                        )
                    ):
                        # "Sheila Jackson" + "Lee’s": the model split one name in two
                        for x in over:
                            del taken[x]
                        taken[(a, b)] = r
                        continue
                    sp = over[0]
                    if (
                        len(over) == 1
                        and taken[sp]
                        and a <= sp[0]
                        and sp[1] <= b
                        and (sp[1] < b or r.evidence)
                        and (a == sp[0] or _open_start(tokens, a, sp[0], lower))
                        and (a, b) != sp
                    ):
                        # the model cut the name short ("Espen Barth", "[Ahed] Tamimi")
                        taken[sp] = r
            runs.extend(r for r in taken.values() if r is not None)
        # A thing's name ("the tanker Rye Song Gang") is no person's in any sentence.
        things = {_key(r.name) for r in runs if r.thing}
        things |= {_key(w) for r in runs if r.thing for w in r.name.split()}
        runs = [r for r in runs if not r.thing and _key(r.name) not in things]
        per_article.append((art, runs))

    # Pass 2: people. A full name is a person when it is known to the topic, or when some
    # sentence shows it (role, verb, ...), or its surname recurs alone in the article.
    people: dict[str, str] = {}  # key -> canonical name
    for art, runs in per_article:
        lower = lowers[art.source]
        # the surname alone, where the sentence shows a person ("Tzur said")
        singles = {r.name for r in runs if " " not in r.name and r.evidence}
        body = {_surname(r.name) for r in runs if " " in r.name and not r.in_title}
        # A full name the model gives again and again, never as a place ("to Sioux
        # Falls") and with no word the article writes in lower case, is a person's.
        seen: dict[str, list[_Run]] = {}
        for r in runs:
            if r.model and " " in r.name and not r.in_title:
                seen.setdefault(_key(r.name), []).append(r)
        repeated = {
            k
            for k, rs in seen.items()
            if len(rs) >= 2
            and not any(x.placed for x in rs)
            and not any(w.lower() in lower or _geo_stem(w) for w in rs[0].name.split()[1:])
        }
        # A full name the model reads whose first word recurs alone ("Louisa Terrell",
        # then "I have relied on Louisa", "Louisa has been instrumental") is a person's.
        alone: dict[str, int] = {}
        for r in runs:
            if " " not in r.name and not r.in_title:
                alone[r.name] = alone.get(r.name, 0) + 1
        in_both = {
            _key(r.name)
            for r in runs
            if r.model
            and not r.in_title
            and alone.get(r.name.split()[0], 0) >= 2
            and not r.placed
            and not any(w.lower() in lower or _geo_stem(w) for w in r.name.split())
        }
        # "Common Sense's CEO", "Common Sense CEO James Steyer": a name whose chief
        # executive or founder the article gives is an organisation's.
        owned = _ORG_OWNED.search(art.text) is not None
        owners = {
            _key(r.name)
            for r in runs
            if owned
            and " " in r.name
            and re.search(rf"\b{re.escape(r.name)}(?:['’]s)?\s+{_ORG_OWNED.pattern}", art.text)
        }
        owners -= {_key(r.name) for r in runs if r.role}
        for r in runs:
            key = _key(r.name)
            if key in owners and key not in lex.person_of:
                continue
            if (
                key not in lex.person_of
                and _ORG_AFTER.search(r.sentence, 0)
                and re.search(rf"\b{re.escape(r.name)}\s+{_ORG_AFTER.pattern}", r.sentence)
            ):
                continue  # "Marine Rotational Force-Darwin": the run opens an organisation
            if r.in_title and _surname(r.name) in body and key not in lex.person_of:
                continue  # the body names this person in full
            if _common_tail(r, lower) and key not in lex.person_of:
                continue  # "Atomic Veterans, whose ...": the article writes "veterans"
            if _QUOTE.search(r.name):
                continue  # 'Donald “Herbert Hoover': a quotation runs through the span
            if r.name.split()[0] in _ORG_OPENERS and key not in lex.person_of:
                continue  # "Fundación Terra": an organisation's name
            if " " in r.name and (
                key in lex.person_of
                or r.evidence
                or (USE_REPEATED and key in repeated)
                or key in in_both
                or (
                    _surname(r.name) in singles
                    and (not r.initial or (r.model and not _VERB_FORM.search(r.name.split()[0])))
                    and _surname(r.name).lower() not in lower
                )
                or _KOREAN_GIVEN.search(r.name)
                or (USE_PARSE_ROLES and r.model and not r.in_title and _parse_shows(r))
            ):
                canon = lex.person_of.get(key) or lex.person_of.get(_pkey(r.name), r.name)
                people.setdefault(_pkey(r.name), canon)
                people.setdefault(_pkey(canon), canon)
    by_surname: dict[str, set[str]] = {}
    for canon in people.values():
        by_surname.setdefault(_surname(canon), set()).add(canon)
    # A surname with a title and no full name anywhere ("President Biden", "PRIME MINISTER
    # SUNAK:") is the person's name as the sources give it.
    first_names = {canon.split()[0] for canon in people.values()}
    # So is one word after a kin word or a plain honorific ("her father Bassem", "Mr.
    # Netanyahu"), or after a lower-case title ("singer Cher"), when the article never
    # writes it in lower case.
    for art, runs in per_article:
        lower = lowers[art.source]
        for r in runs:
            if (
                " " not in r.name
                and (r.name not in first_names or _royal(r))
                and (
                    (
                        r.model
                        and r.role
                        and (r.role[0][:1].isupper() or r.name.lower() not in lower)
                        and r.role[0].lower() not in _VAGUE_TITLES
                    )
                    or (
                        # "Thank you, Mayor Garcetti": a capitalised title the rules read
                        not r.model
                        and not r.in_title
                        and not r.initial
                        and r.role
                        and r.role[0][:1].isupper()
                        and r.role[0].split()[-1].lower() in _ELECTED_TITLES
                        and r.name.lower() not in lower
                    )
                    or (r.titled and r.name.lower() not in lower and not r.in_title)
                )
                and r.name not in by_surname
                and _key(r.name) not in lex.person_of
                and _key(r.name) not in lex.org_of
            ):
                people.setdefault(_key(r.name), r.name)
                by_surname.setdefault(r.name, {r.name})
    # what each full name is called across the articles, and how often it is named: a
    # surname alone shared by several of them names the principal (``_principal``)
    named_as: dict[str, list[str]] = {}
    for _art, runs in per_article:
        for r in runs:
            if " " in r.name and _pkey(r.name) in people:
                named_as.setdefault(people[_pkey(r.name)], []).append(r.role[0] if r.role else "")
    for art, runs in per_article:
        lower = lowers[art.source]
        # Single words resolve to a full name of the same article, else to the only
        # person of the whole set with that surname.
        local: dict[str, set[str]] = {}
        for r in runs:
            if _pkey(r.name) in people and " " in r.name:
                canon = people[_pkey(r.name)]
                local.setdefault(_surname(canon), set()).add(canon)
        fuller = _fuller_names(local)
        # the title words each full name of this article is given ("First Lady")
        # (and the title written right before it, when a list's post is its role: "Judge
        # Joshua P. Kolar: Nominee for the U.S. Court of Appeals ...")
        titles_of: dict[str, set[str]] = {}
        for r in runs:
            if r.role and " " in r.name and _pkey(r.name) in people:
                canon = fuller.get(people[_pkey(r.name)], people[_pkey(r.name)])
                titles_of.setdefault(canon, set()).update(_role_heads(r.role[0]))
                before = _TITLE_BEFORE.search(r.sentence, 0, r.start) if r.start > 0 else None
                if before and before[1].lower() in _ROLE_HEADS:
                    titles_of[canon].add(before[1].lower())
        # "his son, Hunter Biden", "first lady Michelle Obama": a full name a kin word or a
        # spouse's title introduces is a family member's; a titled surname ("President
        # Obama") with a title that member is never given names another person.
        family = {
            fuller.get(people[_pkey(r.name)], people[_pkey(r.name)])
            for r in runs
            if " " in r.name
            and _pkey(r.name) in people
            and r.start > 0
            and _KIN_BEFORE.search(r.sentence[: r.start])
        }
        apart: set[str] = set()
        given: dict[str, set[str]] = {}
        for names in local.values():
            for canon in names:
                given.setdefault(canon.split()[0], set()).add(fuller.get(canon, canon))
        resolved: list[_Run] = []
        unresolved: list[_Run] = []
        for r in runs:
            key = _key(r.name)
            if " " in r.name:
                person = people.get(_pkey(r.name))
                if person is None and r.in_title and len(local.get(_surname(r.name), ())) == 1:
                    person = next(iter(local[_surname(r.name)]))
                person = fuller.get(person, person) if person else None
            else:  # an alias: this article's surname, the topic's alias, the only such name
                found = local.get(r.name) or (
                    {lex.person_of[key]} if key in lex.person_of else by_surname.get(r.name, set())
                )
                person = next(iter(found)) if len(found) == 1 else _principal(found, named_as, accs)
                if person and r.role and r.name in local and key not in lex.person_of:
                    # "my husband, President Biden" beside "First Lady Jill Biden": the
                    # surname with another title is another person of that name
                    mine, theirs = _role_heads(r.role[0]), titles_of.get(person, set())
                    if mine and theirs and not mine & theirs:
                        # the one other person of the whole set with that surname
                        others = by_surname.get(r.name, set()) - local[r.name]
                        if len(others) == 1:
                            person = next(iter(others))
                        else:
                            person = r.name if r.model and r.role[0][:1].isupper() else None
                if (
                    person in family
                    and key not in lex.person_of
                    and (
                        (
                            r.role
                            and r.role[0][:1].isupper()
                            and not _role_heads(r.role[0]) & titles_of.get(person, set())
                        )
                        or (r.name in apart and not r.role and not r.titled)
                    )
                ):
                    person = r.name if r.model or r.name in apart else None
                    apart.add(r.name)
                if (
                    person is None
                    and not r.role
                    and not r.titled
                    and r.name in given
                    and len(given[r.name]) == 1
                ):
                    person = next(iter(given[r.name]))  # "Louisa" after "Louisa Terrell"
            if person is None:
                unresolved.append(r)
                continue
            resolved.append(r)
            entry = acc("person", person, r.order)
            entry.add(r.name, art.source, r.sentence)
            if r.role:
                entry.add_role(r.role, r.order, r.sentence, r.in_title)
            elif not r.in_title:
                said_in.setdefault(_key(person), []).append((r.order, r.sentence, r.name))
        # "Glynn Cyprien and Darnell Lazare", "Gaga and Cher were crying": a name the
        # model reads, coordinated with a person's, is a person's too.
        for _ in range(3):
            grown = False
            for r in list(unresolved):
                joined = _coordinated(r, resolved)
                if not joined or not _plausible_name(r, lower, lex, outlets, joined == 2):
                    continue
                unresolved.remove(r)
                resolved.append(r)
                grown = True
                entry = acc("person", r.name, r.order)
                entry.add(r.name, art.source, r.sentence)
                if r.role:
                    entry.add_role(r.role, r.order, r.sentence, r.in_title)
            if not grown:
                break
        # "Madonna, Lena Dunham, Miley Cyrus, Katy Perry and Jay-Z campaigned": a list of
        # three or more names the model reads as people, two of them full names, is a
        # list of people
        for chain in _name_lists(unresolved):
            if sum(" " in r.name for r in chain) < 2 or not all(
                _plausible_name(r, lower, lex, outlets) and r.model for r in chain
            ):
                continue
            for r in chain:
                unresolved.remove(r)
                resolved.append(r)
                entry = acc("person", r.name, r.order)
                entry.add(r.name, art.source, r.sentence)

    if USE_PARSE_ROLES:
        _add_parse_roles(accs, said_in)
    _add_list_bodies(accs)
    rank = {"person": 0, "organisation": 1, "country": 2, "place": 3}
    ordered = sorted(accs.values(), key=lambda e: (rank[e.kind], -e.mentions, e.order))
    return tuple(e.entity() for e in ordered if e.mentions)


def _name_runs(
    sentence: str,
    tokens: list[_Tok],
    lex: _Lexicon,
    order: int,
    lower: set[str],
    title: bool = False,
) -> list[_Run]:
    """The name-like runs of one labelled sentence, each with its role if one is stated.

    ``lower``: the words the article writes in lower case. A sentence's first word is
    capitalised anyway, so it is dropped from a run when the article also writes it in
    lower case ("Pitcher Jake Arrieta" -> "Jake Arrieta").
    """
    out = []
    first_word = next((i for i, t in enumerate(tokens) if t.word), len(tokens))
    for a, b in _runs(tokens):
        if a < b and tokens[a].low in lower and a == first_word:
            a += 1
        demonym = a < b and tokens[a].core in _DEMONYM_NOUNS
        if demonym:
            a += 1  # "Frenchman Romain Grosjean"
        a = _lead_trim(tokens, a, b, lower)
        if title:
            b = _title_stop(tokens, a, _trim_title_gerund(tokens, a, b), lower)
        if len({t.core for t in tokens[a : b + 1]}) < b - a + 1:
            continue  # "Equifax Equifax": page furniture, not a name
        # "former Michigan Rep [Mike Rogers]": a place and an abbreviated rank open the run
        rank = max((x for x in range(a, b) if tokens[x].core in _RANK_ABBREVS), default=None)
        ranked = None
        if rank is not None and rank + 1 < b + 1:
            start = a - 1 if a > 0 and _STALE.match(tokens[a - 1].text) else a
            ranked = (sentence[tokens[start].start : tokens[rank].end], None)
            a = rank + 1
        name = " ".join(t.core for t in tokens[a : b + 1]).replace(" .", ".")
        if name.lower() in _SUFFIX_WORDS:
            continue  # the "Jr" of "King, Jr."
        words = b - a + 1
        if (
            a >= 2
            and _initial_at(tokens, a - 2)
            and (a == 2 or not (_name_like(tokens[a - 3]) or tokens[a - 3].low in _PARTICLES))
        ):
            a -= 2  # "[A.] Philip Randolph"
            name = f"{tokens[a].core}. {name}"
        key = _key(name)
        if words > 4 or key in lex.not_person or key in _NOT_PEOPLE:
            continue
        prev = tokens[a - 1] if a else None
        if (
            key not in lex.person_of
            and prev is not None
            and (prev.low in _NOT_PERSON_BEFORE or any(c.isdigit() for c in prev.core))
        ):
            continue  # "the Harbour Tribune", "in São Paulo", "K2 Black Panther tanks"
        if _title_owner(tokens, b) or _defined_term(tokens, a, b):
            continue  # "Hustle coach Glynn Cyprien", "Zero Shutter Lag (ZSL)"
        if key not in lex.person_of and _attributive(tokens, a, b):
            continue  # "the official Equifax Twitter account"
        if _place_tail(tokens, b):
            continue  # "Kim Son Valley", "Juan Santamaria International Airport"
        if _care_tail(tokens, b):
            continue  # "Henry Ford Health": a hospital system
        if (
            b + 1 < len(tokens)
            and tokens[b + 1].core in _THING_HEADS
            and tokens[b + 1].cap
            and key not in lex.person_of
            and not tokens[b].poss
        ):
            continue  # "Community Change [Grants] Program": a programme's name
        if key not in lex.person_of and _quoted(
            sentence, tokens[a].start, tokens[b].start + len(tokens[b].core)
        ):
            continue  # signs that said 'Impeach Trump': a slogan
        if key not in lex.person_of and _thing_before(tokens, a):
            out.append(_Run(name, sentence, order, False, a == first_word, None, thing=True))
            continue  # "the tanker Rye Song Gang"
        stated = ranked or _stated_role(sentence, tokens, a, b)
        # a noun before the name gives its role but shows no person ("the drill [Freedom Flag]")
        role = stated or _noun_before(sentence, tokens, a) or _copula_role(sentence, tokens, b)
        initial = a == first_word
        titled = demonym or _titled(tokens, a)
        evidence = (
            _evidence(tokens, a, b, stated)
            or titled
            or (USE_SHAPE_FOR_RULES and _person_shape(tokens[a : b + 1], lower))
        )
        run = _Run(name, sentence, order, evidence, initial, role, titled=titled)
        run.start, run.end = tokens[a].start, tokens[b].start + len(tokens[b].core)
        out.append(run)
        # "Bruce and Irene Steinberg": the first given name shares the surname
        if (
            a == b
            and tokens[a].core in _GIVEN_NAMES
            and b + 3 < len(tokens)
            and tokens[b + 1].low == "and"
            and tokens[b + 2].core in _GIVEN_NAMES
            and _name_like(tokens[b + 3])
            and tokens[b + 3].low not in _SUFFIX_WORDS  # "Eric and Don Jr."
            and (b + 4 >= len(tokens) or not _name_like(tokens[b + 4]))
        ):
            shared = f"{tokens[a].core} {tokens[b + 3].core}"
            out.append(replace(run, name=shared, evidence=True, start=-1, end=-1))
    return out


_COORD = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*")


_ROYAL = _words("prince princess king queen duke duchess pope emperor empress")


def _royal(run: _Run) -> bool:
    """ "Prince Charles": a royal title names a person by the given name alone."""
    return bool(run.role and _role_heads(run.role[0]) & _ROYAL)


def _role_heads(role: str) -> set[str]:
    """The head words of a role ("First Lady" -> {"lady"}, "U.S. President" ->
    {"president"})."""
    out = set()
    for tok in _tokens(role):
        if tok.head:
            out.add(_singular(tok.rlow) if tok.plural_title else tok.rlow)
    return out


def _open_start(tokens: list[_Tok], a: int, start: int, lower: set[str]) -> bool:
    """The words a rule run adds before the model's name may be part of it ("[Ahed]
    Tamimi", "[Pak] Thae Song"): no honorific, no word the article writes in lower case
    ("Comrade Kim Jong Un", "Culture and Sports Kim Il Guk")."""
    extra = [t for t in tokens if a <= t.start < start and t.word]
    first = next((i for i, t in enumerate(tokens) if t.start >= a), 0)
    at = next((t for t in tokens if t.start >= start), None)
    if at is not None and at.core in _EAST_ASIAN_SURNAMES:
        return False  # "Culture and Sports [Kim Il Guk]": the surname opens the name
    if first and tokens[first - 1].low in ("and", "of", "for", "&"):
        return False
    return all(t.low not in _HONORIFICS and t.low not in lower for t in extra)


_VERB_FORM = re.compile(r"(?:ing|ed|ly)$")
_VERB_S = re.compile(r"^[A-Z][a-z]{2,}s$(?<!ss)(?<!us)(?<!is)(?<!as)(?<!os)")  # "Leaves", "Sends"


def _headline_verb(name: str, body: str) -> bool:
    """ "DPRK Foreign Minister [Leaves] for Russia", "Premier [Sends Greetings] to ...": a
    Title Case headline's verb after a title is no name. Its first word has a verb's
    third-person shape and the body never writes it with a capital (a real surname in a
    headline, "President Adams Visits ...", is named again in the body)."""
    first = name.split()[0]
    if not _VERB_S.match(first) or first in _GIVEN_NAMES:
        return False
    return not any(
        re.search(rf"(?<![\w'’-]){re.escape(w)}(?![\w'’-])", body) for w in (first, first.upper())
    )


_ORDINALS = _words("Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth")
# Capitalised words after a name that make it a place's ("Kim Son Valley").
_PLACE_TAILS = _words(
    "Valley Canyon Creek Heights Hills Desert Plateau River Mountain Mountains Island "
    "Islands Lake Bay Gulf Strait Peninsula Province Region County District Sea Ocean "
    "Airport Airbase Stadium Arena Station Bridge Street Avenue Square"
)
"""A capitalised first word that opens its sentence and is likely no given name
("Tranquilizing Harambe")."""


def _coordinated(run: _Run, people: Sequence[_Run]) -> int:
    """The run stands next to a person's name, joined by "and", "or" or a comma: 1, or 2
    when a verb follows the pair ("Gaga and Cher were crying"); else 0."""
    if run.start < 0 or run.in_title:
        return 0
    if re.search(r"\bof\s*$", run.sentence[: run.start]):
        return 0  # "the chairman of Chongsanghoe and O Hyong Se": a body's name
    for q in people:
        if q.order != run.order or q.start < 0 or q.sentence is not run.sentence:
            continue
        lo, hi = (q.end, run.start) if q.end <= run.start else (run.end, q.start)
        joint = run.sentence[lo:hi]
        if lo <= hi and _COORD.fullmatch(joint):
            rest = run.sentence[max(q.end, run.end) :]
            if joint.strip() == "," and not _LIST_GOES_ON.match(rest):
                continue  # "his blog Spundart, Matt Maldre": no list
            after = rest.split()
            verb = bool(after) and (
                after[0] in _SPEECH
                or after[0] in _AUXILIARIES
                or bool(re.fullmatch(r"[a-z]+ed", after[0]))
            )
            return 2 if verb else 1
    return 0


_SPOUSE = re.compile(r"\b(?:first lady|second gentleman|first gentleman|wife|husband)\b", re.I)


def _principal(
    found: set[str], named_as: dict[str, list[str]], accs: dict[tuple[str, str], _Acc]
) -> str | None:
    """Of several people with one surname ("Barack Obama", "Michelle Obama"), the one a
    surname alone names: the only one never given a spouse's title, else the one named at
    least three times as often as each other; None when neither tells."""
    rest = [n for n in found if not any(_SPOUSE.search(r) for r in named_as.get(n, ()))]
    if len(rest) == 1:
        return rest[0]

    def named(n: str) -> int:
        acc = accs.get(("person", _key(n)))
        return max(len(named_as.get(n, ())), acc.mentions if acc else 0)

    counts = sorted((named(n), n) for n in rest)
    if len(counts) >= 2 and counts[-1][0] >= 3 * max(1, counts[-2][0]):
        return counts[-1][1]
    return None


def _name_lists(runs: Sequence[_Run]) -> list[list[_Run]]:
    """Runs of one sentence joined one to the next by commas and a final "and"/"or",
    three or more long."""
    out: list[list[_Run]] = []
    by_sentence: dict[int, list[_Run]] = {}
    for r in runs:
        if r.start >= 0 and not r.in_title:
            by_sentence.setdefault(r.order, []).append(r)
    for rs in by_sentence.values():
        rs = sorted({(r.start, r.end): r for r in rs}.values(), key=lambda r: r.start)
        chain: list[_Run] = []
        for r in rs:
            if chain and _COORD.fullmatch(r.sentence[chain[-1].end : r.start]):
                chain.append(r)
                continue
            if len(chain) >= 3:
                out.append(chain)
            chain = [r]
        if len(chain) >= 3:
            out.append(chain)
    return out


_LIST_GOES_ON = re.compile(
    r"(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})*\s*,?\s+(?:and|or)\s+[A-Z]"
)
_AUXILIARIES = _words("were are was is have had has will would could can did both also")


def _plausible_name(
    run: _Run,
    lower: set[str] | frozenset[str],
    lex: _Lexicon,
    outlets: frozenset[str],
    verb: bool = False,
) -> bool:
    """A name the model read (or the rules, with a verb after it), never as a place, with
    no word the article writes in lower case, no organisation or outlet: it may be a
    person's when something else shows it."""
    words = run.name.split()
    return (
        (run.model or verb)
        and not run.placed
        and len(run.name) >= 3
        and _key(run.name) not in lex.org_of
        and _key(run.name) not in outlets
        and _key(run.name) not in lex.not_person
        and not any(w.lower() in lower or _geo_stem(w) for w in words)
        and not any(_BRAND_CASE.search(w) for w in words)
    )


_BRAND_CASE = re.compile(r"^(?!Mc|Mac|De|Di|Da|Du|La|Le|O['’])[A-Z][a-z]+[A-Z]")
"""A word with a capital inside after lower-case letters, other than a surname's prefix
("SpaceX", "YouTube", "PlayStation"; not "McCain", "DeSantis", "LaGuardia"): a brand's."""


def _signature(paragraph: str, order: int) -> _Run | None:
    """ "JOSEPH R. BIDEN JR.": a statement's signature, a name in capitals alone on its
    line with a known given name first, is its author, a person."""
    p = " ".join(paragraph.split())
    m = _SIGNATURE.fullmatch(p)
    if not m or m["name"].split()[0].title() not in _GIVEN_NAMES:
        return None
    name = " ".join(w if len(w) == 2 and w.endswith(".") else w.title() for w in p.split())
    run = _Run(name, p, order, True, True, None, model=True)
    run.start, run.end = 0, len(p)
    return run


_SIGNATURE = re.compile(
    r"(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Z'’-]+){1,2})(?:,?\s+(?:JR|SR|II|III)\.?)?"
)


def _titled(tokens: list[_Tok], a: int) -> bool:
    """A kin word or a plain honorific right before the name ("her father [Bassem]",
    "Mr. [Netanyahu]")."""
    k = a - 1
    if k >= 1 and tokens[k].text == ".":
        k -= 1
    # "only one woman, [Alessia Cara], won", "his cousin, [Emil Baumann]": a noun of a
    # person set off before the name
    if (
        k >= 1
        and tokens[k].text == ","
        and tokens[k - 1].text.islower()
        and tokens[k - 1].low in _KIN | _PERSON_NOUNS
    ):
        return True
    return k >= 0 and (
        (tokens[k].low in _KIN and tokens[k].text.islower())
        or (tokens[k].low in _PLAIN_HONORIFICS - {"comrade", "h.e."})
    )


_PERSON_NOUNS = _words("woman man girl boy teenager person")


_KIN_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_KIN))}|first lady|first gentleman)\s*,?\s*$")
_QUOTE = re.compile(r"[\"“”„«»]|(?:^|\s)['‘’]")


def _clean_surface(surface: str) -> str:
    return " ".join(surface.split())


__all__ = ["extract_entities"]
