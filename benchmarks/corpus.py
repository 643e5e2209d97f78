"""A deterministic generator of realistic news corpora for the benchmarks.

Articles have a title, a byline, sections with headings, quotations with attributions
(`"…," Name said`), named entities, a Zipf-distributed vocabulary, and some mentions of the
default topics (drones, Kherson, the oil price cap). The same seed always gives the same bytes.

    python benchmarks/corpus.py OUT_DIR --articles 10000 [--seed 1]
"""

from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path

COMMON = (
    "the of and to in a is that for on was with he it as at by from his an were are which this "
    "be has had not but its they have been also their more one after who new would first two "
    "government said officials people year country military forces president minister state "
    "war security week percent city region support attack statement report news told foreign "
    "defense economic talks since against over under between during could may will should "
    "about into while where when than other some many most those these there them what "
    "sanctions troops border energy market prices exports supplies weapons missiles strikes "
    "infrastructure power stations civilians winter agreement ceasefire negotiations officials "
    "leaders parliament election campaign opposition protest police court ruling investigation "
    "companies investors growth inflation budget spending bank rates currency trade deal"
).split()

FIRST_NAMES = ("John Maria Olena Ahmed Wei Sarah Dmitry Anna Carlos Fatima James Yuki Pierre "
               "Ingrid Kofi Elena Mohammed Laura Viktor Priya Thomas Ana Hassan Claire").split()  # fmt: skip
SURNAMES = ("Kirby Kovalenko Petrov Schmidt Haddad Chen Novak Dubois Okafor Silva Nakamura "
            "Lindqvist Moreau Rahman Fischer Ivanova Brennan Costa Yilmaz Tanaka Mensah "
            "Horvath Bauer Santos").split()  # fmt: skip
OUTLETS = ("Wire Report, Daily Ledger, Harbor Times, Eastern Courier, Capital Post, Morning "
           "Standard, Global Dispatch, Riverside Herald").split(", ")  # fmt: skip
PLACES = ("Kyiv Moscow Tehran Washington Brussels Odesa Kharkiv Crimea Berlin Warsaw Ankara "
          "Beijing London Paris Minsk Tbilisi Zaporizhzhia Mykolaiv Donetsk Luhansk").split()  # fmt: skip
ORGS = ("the White House", "the Kremlin", "NATO", "the European Union", "the United Nations",
        "the Pentagon", "the Foreign Ministry", "the central bank", "OPEC", "the G7")  # fmt: skip
ROLES = ("spokesman", "spokeswoman", "foreign minister", "analyst", "economist", "general",
         "senator", "ambassador", "energy minister", "governor")  # fmt: skip
VERBS = ("said", "told reporters", "added", "said on Tuesday", "warned", "says", "noted")
SECTIONS = ("Background", "What happens next", "Reaction abroad", "The economic cost",
            "On the ground", "Energy markets", "Diplomatic efforts", "Analysis")  # fmt: skip

TOPIC_SENTENCES = {
    "drones": (
        "Russian forces launched a wave of Iranian-made drones at energy facilities overnight",
        "Air defence units shot down most of the Shahed drones before they reached the city",
        "The army is training new crews to operate reconnaissance drones along the front",
    ),
    "kherson": (
        "Residents of Kherson described weeks of shelling after the retreat across the Dnipro",
        "Ukrainian troops entered Kherson as crowds gathered in the central square",
        "Power was restored to parts of the Kherson region on Sunday",
    ),
    "oil-cap": (
        "The G7 agreed a price cap on Russian crude oil sold to third countries",
        "Traders said the oil price cap had little effect on shipments of crude so far",
        "Exports fell by two hundred thousand barrels per day after the price cap took effect",
    ),
}


class CorpusWriter:
    """Writes one corpus; every random choice comes from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.vocabulary = COMMON + self._invented_words(30_000)
        # Zipf: the k-th word is drawn with weight 1/k, so a few words dominate like real text.
        self.cumulative = list(
            itertools.accumulate(1.0 / rank for rank in range(1, len(self.vocabulary) + 1))
        )

    def _invented_words(self, count: int) -> list[str]:
        syllables = ("ka ro mi ne ta li so ve da pu or an el is ul tra con pre ex ment ing "
                     "er ion al ic ous ive ar en st pl gr").split()  # fmt: skip
        words: dict[str, None] = {}
        while len(words) < count:
            length = self.random.choice((2, 2, 3, 3, 3, 4))
            words["".join(self.random.choices(syllables, k=length))] = None
        return list(words)

    def words(self, count: int) -> list[str]:
        return self.random.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def person(self) -> str:
        return f"{self.random.choice(FIRST_NAMES)} {self.random.choice(SURNAMES)}"

    def sentence(self, length: int) -> str:
        words = self.words(length)
        if self.random.random() < 0.5:
            words.insert(self.random.randrange(len(words)), self.random.choice(PLACES))
        if self.random.random() < 0.2:
            words.insert(self.random.randrange(len(words)), self.random.choice(ORGS))
        text = " ".join(words)
        return text[:1].upper() + text[1:] + "."

    def quotation(self) -> str:
        speaker = self.person()
        spoken = self.sentence(self.random.randint(8, 20)).rstrip(".")
        form = self.random.randrange(3)
        if form == 0:
            return f'"{spoken}," {speaker}, a {self.random.choice(ROLES)}, {self.random.choice(VERBS)}.'
        if form == 1:
            return f'{speaker} {self.random.choice(VERBS)}: "{spoken}."'
        return f"“{spoken},” {speaker.split()[-1]} {self.random.choice(VERBS)}."

    def paragraph(self, topic: str | None) -> str:
        sentences = [
            self.sentence(self.random.randint(10, 28)) for _ in range(self.random.randint(2, 4))
        ]
        if self.random.random() < 0.3:
            sentences.insert(self.random.randrange(len(sentences) + 1), self.quotation())
        if topic is not None:
            sentences.insert(
                self.random.randrange(len(sentences) + 1),
                self.random.choice(TOPIC_SENTENCES[topic]) + ".",
            )
        return " ".join(sentences)

    def article(self, number: int) -> tuple[str, str]:
        """(relative path, file content) of article `number`."""
        rnd = self.random
        target_words = rnd.randint(400, 1500)
        roll = rnd.random()
        topic = (
            "drones"
            if roll < 0.10
            else "kherson"
            if roll < 0.15
            else "oil-cap"
            if roll < 0.20
            else None
        )
        title_words = self.words(rnd.randint(4, 9))
        title = " ".join(w.capitalize() for w in title_words)
        title += f" in {rnd.choice(PLACES)}"
        author, outlet = self.person(), rnd.choice(OUTLETS)
        month = 1 + number % 12
        day = 1 + number % 28
        date = f"2023-{month:02d}-{day:02d}"
        body: list[str] = []
        written = 0
        while written < target_words:
            if body and rnd.random() < 0.12:
                body.append("\0" + rnd.choice(SECTIONS))
            mention = topic if topic is not None and rnd.random() < 0.25 else None
            text = self.paragraph(mention)
            written += text.count(" ") + 1
            body.append(text)
        folder = f"2023-{month:02d}"
        if number % 3 == 0:
            lines = ["---", f"title: {title}", f"author: {author}", f"source: {outlet}",
                     f"date: {date}", "---", ""]  # fmt: skip
            lines += [f"## {b[1:]}\n" if b.startswith("\0") else b + "\n" for b in body]
            return f"{folder}/article-{number:06d}.md", "\n".join(lines)
        lines = [title, "", f"{author}, {outlet}", ""]
        lines += [b[1:] + "\n" if b.startswith("\0") else b + "\n" for b in body]
        return f"{folder}/article-{number:06d}.txt", "\n".join(lines)


def write_corpus(target: Path, articles: int, seed: int = 1) -> list[Path]:
    """Write `articles` files under `target`; returns their paths."""
    writer = CorpusWriter(seed)
    paths = []
    for number in range(articles):
        relative, content = writer.article(number)
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_corpus(args.target, args.articles, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 2**20:.1f} MiB in {args.target}")


if __name__ == "__main__":
    main()
