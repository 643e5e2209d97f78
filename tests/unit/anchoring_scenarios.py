"""Edits an article file may go through, and a check that a bookmark still finds its passage."""

from __future__ import annotations

import random
import re
import string
import textwrap
from dataclasses import dataclass
from pathlib import Path

from briefreader.core.anchoring import Anchor, anchor_for, locate
from briefreader.core.models import Article
from briefreader.core.reader import parse_article_bytes

ROOT = Path(__file__).resolve().parents[2]
SEED_FILES = sorted((ROOT / "articles").glob("*.txt"))

WORDS = (
    "drone strike price cap crude barrels tanker Kherson river bridge ministry official "
    "said reported sanctions Tehran Moscow Kyiv winter power grid missile attack convoy "
    "supply shipment analyst market export import refinery port harbour council envoy "
    "briefing statement denial evidence trainers advisers brigade front line offensive "
    "counteroffensive shelling village region governor mayor commander pilot engineer "
    "satellite image report agency wire correspondent source document meeting summit "
    "leaders talks ceasefire proposal budget revenue tax discount buyer seller fleet"
).split()


def parse(text: str) -> Article:
    """An article from file text, exactly as briefreader reads a .txt file."""
    result = parse_article_bytes(Path("article.txt"), text.encode("utf-8"), "text")
    assert isinstance(result, Article), result
    return result


def texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


def render(article: Article, paragraph_texts: list[str] | None = None) -> str:
    """The article back as a file: title, headings and paragraphs separated by blank lines.

    With `paragraph_texts` (one a paragraph, in order) those stand in for the paragraphs.
    """
    blocks = [article.title] if article.title else []
    for section in article.sections:
        if section.heading:
            blocks.append(section.heading)
        blocks.extend(
            p.text if paragraph_texts is None else paragraph_texts[p.index]
            for p in section.paragraphs
        )
    return "\n\n".join(blocks) + "\n"


def generated_article(rng: random.Random, paragraphs: int | None = None) -> str:
    """A made-up article: a title, sections with headings, paragraphs of sentences."""
    count = paragraphs or rng.randint(3, 14)
    blocks = [_sentence(rng, 6).rstrip(".").title()]
    for index in range(count):
        if index and rng.random() < 0.15:
            blocks.append(_sentence(rng, 4).rstrip(".").capitalize())
        blocks.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 5))))
    return "\n\n".join(blocks) + "\n"


def _sentence(rng: random.Random, words: int | None = None) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words or rng.randint(6, 18))]
    return " ".join(chosen).capitalize() + "."


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in SEED_FILES]


def trial_article(rng: random.Random, seeds: list[str], trial: int) -> str:
    """The article of one trial: a bundled seed two trials in three, else a generated one."""
    return seeds[trial % 2] if trial % 3 else generated_article(rng)


def random_anchor(rng: random.Random, paragraphs: list[str]) -> Anchor:
    """A paragraph (as `m` does), a sentence, or a run of at least four words."""
    index = rng.randrange(len(paragraphs))
    text = paragraphs[index]
    kind = rng.random()
    words = [m.span() for m in re.finditer(r"\S+", text)]
    if kind < 0.4 or len(words) < 5:
        return anchor_for(paragraphs, index)
    first = rng.randrange(len(words) - 3)
    last = rng.randrange(first + 3, min(len(words), first + 25))
    return anchor_for(paragraphs, index, words[first][0], words[last][1])


@dataclass(frozen=True)
class Outcome:
    right: bool  # found at the passage it was made on
    lost: bool  # neither found nor kept as an orphan (must never happen)
    status: str


def check(anchor: Anchor, new: Article, expected_paragraph: int | None) -> Outcome:
    """Where the anchor lands in the new article, compared with where its passage really is."""
    placement = locate(anchor, texts(new))
    if placement.paragraph is None:
        return Outcome(False, placement.status != "orphan", placement.status)
    found = texts(new)[placement.paragraph][placement.start : placement.end]
    same_words = " ".join(found.split()) == " ".join(anchor.exact.split())
    right = same_words and placement.paragraph == expected_paragraph
    return Outcome(right, False, placement.status)


def reflow_whitespace(rng: random.Random, text: str) -> str:
    """Only whitespace changes: rewrapped lines, doubled spaces, trailing blanks, CRLF."""
    if re.search(r"\n[ \t]*\n", text):
        blocks = re.split(r"\n[ \t]*\n", text.strip("\n"))
        width = rng.randint(25, 120)
        wrapped = [
            "\n".join(textwrap.wrap(" ".join(b.split()), width, break_on_hyphens=False))
            for b in blocks
        ]
        separators = [rng.choice(["\n\n", "\n\n\n", "\n \n", "\n\t\n"]) for _ in wrapped]
        text = "".join(b + s for b, s in zip(wrapped, separators, strict=True))
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"(?<=[.,]) ", lambda _: rng.choice([" ", "  ", "\t"]), line)
        lines.append(line + rng.choice(["", "", " ", "  "]))
    newline = rng.choice(["\n", "\r\n"])
    return newline.join(lines)


def insert_and_delete(rng: random.Random, article: Article, target: int) -> tuple[str, str]:
    """Other paragraphs added and removed; returns the new file and the target's text."""
    blocks: list[tuple[str, bool]] = [(article.title, False)] if article.title else []
    paragraphs = texts(article)
    for section in article.sections:
        if section.heading:
            blocks.append((section.heading, False))
        blocks.extend((p.text, p.index != target) for p in section.paragraphs)
    result: list[str] = []
    for text, removable in blocks:
        if rng.random() < 0.3:
            result.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        if not (removable and rng.random() < 0.25):
            result.append(text)
    if rng.random() < 0.5:
        result.append(_sentence(rng))
    return "\n\n".join(result) + "\n", paragraphs[target]


def edit_outside(rng: random.Random, article: Article, anchor: Anchor, share: float) -> str:
    """Change `share` of the letters outside the passage: replace, insert or delete one letter."""
    paragraphs = [list(t) for t in texts(article)]
    spots = [
        (i, j)
        for i, chars in enumerate(paragraphs)
        for j, char in enumerate(chars)
        if char.isalpha() and not (i == anchor.paragraph and anchor.start <= j < anchor.end)
    ]
    for i, j in sorted(rng.sample(spots, int(len(spots) * share)), reverse=True):
        chars, old = paragraphs[i], paragraphs[i][j]
        letters = string.ascii_uppercase if old.isupper() else string.ascii_lowercase
        action = rng.random()
        if action < 0.5:
            chars[j] = rng.choice(letters)
        elif action < 0.75:
            chars.insert(j, rng.choice(letters))
        elif j + 1 < len(chars) and chars[j + 1].isalpha():
            del chars[j]  # only inside a word, so words and sentences keep their shape
    return render(article, ["".join(chars) for chars in paragraphs])


def expected_index(article: Article, paragraph_text: str) -> int | None:
    """The one paragraph of the article with this text (spacing aside), if exactly one has it."""
    wanted = " ".join(paragraph_text.split())
    matches = [i for i, t in enumerate(texts(article)) if " ".join(t.split()) == wanted]
    return matches[0] if len(matches) == 1 else None


def edit_rate(seed: int, trials: int, share: float = 0.05) -> tuple[float, list[Outcome]]:
    """The share of bookmarks found at their passage after random edits outside them."""
    rng = random.Random(seed)
    sources = seed_texts()
    outcomes = []
    for trial in range(trials):
        source = trial_article(rng, sources, trial)
        base = parse(render(parse(source)))
        anchor = random_anchor(rng, texts(base))
        new = parse(edit_outside(rng, base, anchor, share))
        # Letter edits keep every paragraph in its place, so the passage is where it was.
        assert len(texts(new)) == len(texts(base))
        outcomes.append(check(anchor, new, anchor.paragraph))
    right = sum(o.right for o in outcomes)
    return right / len(outcomes), outcomes
