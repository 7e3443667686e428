"""Korean benchmark: sentences, people, dates and cross-language pairing on our own set.

Data: ``benchmarks/korean_set.json`` (33 short Korean reports and 14 English ones, written
for the project; facts may be real, the sentences are our own), split into ``dev`` (rules
were set on it) and ``test`` (not looked at while setting them). Figures per split:

- ``sentence_f1``: sentences of ``text.split_sentences`` (which delegates to
  ``korean.split_sentences``) matched exactly against the expected ones (F1 over all);
- ``person_recall`` / ``person_precision``: expected people (the topic's canonical name,
  else the name as written) among ``korean.extract_entities``'s people;
- ``date_accuracy``: expected (mention, ISO) pairs that ``korean.resolve_dates`` returns
  with the same mention and value (in Asia/Seoul); ``date_spurious``: extra events;
- ``pair_f1`` (and precision, recall): ``crosslang.link_keys`` over all the split's
  Korean and English reports at once (as a run sees a day's articles); its pairs against
  the truth (``pair`` names the Korean report of the same event).

Needs no shared data. Run: ``.venv/bin/python benchmarks/korean_eval.py``.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import BENCH_DIR, f1

SET = BENCH_DIR / "korean_set.json"
TZ = "Asia/Seoul"


def _article(item: dict, lang: str):
    from extractors.clean import Cleaned
    from fetch.sources import to_article

    text = "\n".join(item["paragraphs"]) if "paragraphs" in item else item["text"]
    cleaned = Cleaned(
        title=item.get("title", ""),
        text=text,
        published=datetime.fromisoformat(item["published"]),
    )
    art = to_article(cleaned, item["id"], f"{lang} set", "page")
    return art


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def evaluate(split: str = "all") -> dict:
    from extractors import crosslang, korean
    from extractors.text import split_sentences
    from extractors.topic import load_topic

    data = json.loads(SET.read_text(encoding="utf-8"))
    topic = load_topic("korea-nato")
    out: dict = {}
    for part in ("dev", "test"):
        kos = [k for k in data["korean"] if k["split"] == part]
        ens = [e for e in data["english"] if e["split"] == part]
        s_tp = s_pred = s_gold = 0
        p_hit = p_gold = p_pred = p_right = 0
        d_hit = d_gold = d_extra = 0
        misses: list[str] = []
        ko_keys = {}
        for item in kos:
            art = _article(item, "ko")
            pred = [s for para in art.paragraphs for s in split_sentences(para)]
            gold = item["sentences"]
            s_tp += len(set(pred) & set(gold))
            s_pred += len(pred)
            s_gold += len(gold)
            ents = korean.extract_entities([art], topic)
            people = {e.name for e in ents if e.kind == "person"}
            p_gold += len(item["people"])
            p_hit += len(people & set(item["people"]))
            p_pred += len(people)
            p_right += len(people & set(item["people"]))
            for name in set(item["people"]) - people:
                misses.append(f"{item['id']} person {name} not found (got {sorted(people)})")
            events = korean.resolve_dates(art, TZ)
            got = {(e.mention, e.date) for e in events}
            gold_dates = {(m, v) for m, v in item["dates"]}
            d_gold += len(gold_dates)
            d_hit += len(got & gold_dates)
            d_extra += len(got - gold_dates)
            for m, v in gold_dates - got:
                misses.append(f"{item['id']} date {m} -> {v} (got {sorted(got)})")
            ko_keys[item["id"]] = crosslang.keys_from("ko", ents, events, topic)
        # pairing: the split's Korean and English reports judged together, as a run would
        en_keys = [crosslang.event_keys(_article(e, "en"), topic, TZ) for e in ens]
        ids = list(ko_keys) + [e["id"] for e in ens]
        links = crosslang.link_keys([*ko_keys.values(), *en_keys])
        predicted = {frozenset((ids[i], ids[j])) for i, j, _ in links}
        truth = {frozenset((e["pair"], e["id"])) for e in ens if e["pair"]}
        tp, fp, fn = len(predicted & truth), len(predicted - truth), len(truth - predicted)
        for pair in predicted ^ truth:
            misses.append(
                f"pair {sorted(pair)}: {'predicted, not true' if pair in predicted else 'missed'}"
            )
        sp, sr = _ratio(s_tp, s_pred), _ratio(s_tp, s_gold)
        pp, pr = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        out[part] = {
            "texts": len(kos),
            "sentence_f1": f1(sp, sr),
            "person_recall": _ratio(p_hit, p_gold),
            "person_precision": _ratio(p_right, p_pred),
            "date_accuracy": _ratio(d_hit, d_gold),
            "date_spurious": d_extra,
            "pair_precision": pp,
            "pair_recall": pr,
            "pair_f1": f1(pp, pr),
            "pairs_judged": len(ens) * len(kos),
            "pairs_true": len(truth),
            "misses": misses,
        }
    return out if split == "all" else {split: out[split]}


def main() -> int:
    res = evaluate()
    for part, r in res.items():
        print(
            f"{part}: {r['texts']} Korean texts; sentence F1 {r['sentence_f1']:.3f}, "
            f"person recall {r['person_recall']:.3f} (precision {r['person_precision']:.3f}), "
            f"date accuracy {r['date_accuracy']:.3f} ({r['date_spurious']} spurious), "
            f"pairing F1 {r['pair_f1']:.3f} (P {r['pair_precision']:.3f} "
            f"R {r['pair_recall']:.3f}, {r['pairs_judged']} pairs)"
        )
        for m in r["misses"]:
            print(f"  miss: {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
