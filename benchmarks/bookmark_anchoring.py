"""How often bookmarks stay on their passage after edits: re-flows, paragraph changes, typos.

Run: .venv/bin/python benchmarks/bookmark_anchoring.py [TRIALS]
"""

from __future__ import annotations

import random
import string
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit"))

from difflib import SequenceMatcher  # noqa: E402

from anchoring_scenarios import (  # noqa: E402
    check,
    edit_rate,
    expected_index,
    insert_and_delete,
    parse,
    random_anchor,
    reflow_whitespace,
    seed_texts,
    texts,
    trial_article,
)

from briefreader.core.anchoring import locate  # noqa: E402


def structural(trials: int, seed: int, kind: str) -> tuple[int, int, Counter[str]]:
    rng = random.Random(seed)
    seeds = seed_texts()
    right = 0
    statuses: Counter[str] = Counter()
    for trial in range(trials):
        source = trial_article(rng, seeds, trial)
        base = parse(source)
        anchor = random_anchor(rng, texts(base))
        if kind == "reflow":
            new = parse(reflow_whitespace(rng, source))
            target = texts(base)[anchor.paragraph]
        else:
            edited, target = insert_and_delete(rng, base, anchor.paragraph)
            new = parse(edited)
        outcome = check(anchor, new, expected_index(new, target))
        right += outcome.right
        statuses[outcome.status] += 1
    return right, trials, statuses


def edits_inside(trials: int, seed: int, share: float) -> None:
    """Letters changed inside the passage itself: the fuzzy step's work."""
    rng = random.Random(seed)
    seeds = seed_texts()
    statuses: Counter[str] = Counter()
    right = 0
    began = time.perf_counter()
    for trial in range(trials):
        source = trial_article(rng, seeds, trial)
        base = parse(source)
        anchor = random_anchor(rng, texts(base))
        paragraphs = texts(base)
        chars = list(paragraphs[anchor.paragraph])
        spots = [j for j in range(anchor.start, anchor.end) if chars[j].isalpha()]
        for j in rng.sample(spots, max(1, int(len(spots) * share))):
            chars[j] = rng.choice(string.ascii_lowercase)
        edited = "".join(chars)
        paragraphs[anchor.paragraph] = edited
        placement = locate(anchor, paragraphs)
        statuses[placement.status] += 1
        if placement.paragraph == anchor.paragraph:
            found = edited[placement.start : placement.end]
            wanted = edited[anchor.start : anchor.end]
            right += SequenceMatcher(None, found, wanted).ratio() >= 0.9
    took = time.perf_counter() - began
    print(f"{f'{share:.0%} inside':>14}: {right}/{trials} found at the edited passage "
          f"({right / trials:.2%}); {dict(statuses)}; {took:.1f}s")  # fmt: skip


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    for kind in ("reflow", "insert/delete"):
        began = time.perf_counter()
        right, total, statuses = structural(trials, 7, kind)
        took = time.perf_counter() - began
        print(f"{kind:>14}: {right}/{total} on the right passage ({right / total:.2%}); "
              f"{dict(statuses)}; {took:.1f}s")  # fmt: skip
    began = time.perf_counter()
    rate, outcomes = edit_rate(seed=7, trials=trials)
    statuses = Counter(o.status for o in outcomes)
    lost = sum(o.lost for o in outcomes)
    wrong = sum(not o.right and o.status != "orphan" for o in outcomes)
    for share in (0.02, 0.05, 0.10, 0.25):
        edits_inside(trials, 11, share)
    print(f"{'5% edits':>14}: {rate:.2%} on the right passage; {dict(statuses)}; "
          f"wrong passage {wrong}; lost {lost}; {time.perf_counter() - began:.1f}s")  # fmt: skip


if __name__ == "__main__":
    main()
