"""Re-anchoring holds under edits: whitespace re-flows, other paragraphs added or removed, typos."""

from __future__ import annotations

import random

from anchoring_scenarios import (
    check,
    edit_rate,
    expected_index,
    generated_article,
    insert_and_delete,
    parse,
    random_anchor,
    reflow_whitespace,
    seed_texts,
    texts,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SEEDS = seed_texts()
PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# An article: one of the bundled seeds, or a generated one; a random number to drive the edits.
articles = st.one_of(
    st.sampled_from(SEEDS),
    # A seed of its own, so that edits never replay the article's own sentences.
    st.integers(0, 2**32).map(lambda n: generated_article(random.Random(f"article {n}"))),
)


@PROPERTY_SETTINGS
@given(source=articles, seed=st.integers(0, 2**32))
def test_whitespace_reflow_keeps_every_bookmark_on_its_passage(source: str, seed: int) -> None:
    rng = random.Random(seed)
    base = parse(source)
    anchors = [random_anchor(rng, texts(base)) for _ in range(5)]
    new = parse(reflow_whitespace(rng, source))
    for anchor in anchors:
        expected = expected_index(new, texts(base)[anchor.paragraph])
        assert expected is not None
        outcome = check(anchor, new, expected)
        assert outcome.right, (outcome, anchor)
        assert outcome.status == ("anchored" if expected == anchor.paragraph else "moved")


@PROPERTY_SETTINGS
@given(source=articles, seed=st.integers(0, 2**32))
def test_adding_and_removing_other_paragraphs_keeps_every_bookmark_on_its_passage(
    source: str, seed: int
) -> None:
    rng = random.Random(seed)
    base = parse(source)
    anchor = random_anchor(rng, texts(base))
    edited, target_text = insert_and_delete(rng, base, anchor.paragraph)
    new = parse(edited)
    expected = expected_index(new, target_text)
    assert expected is not None  # the passage's paragraph is still there, once
    outcome = check(anchor, new, expected)
    assert outcome.right, (outcome, anchor)
    assert outcome.status == ("anchored" if expected == anchor.paragraph else "moved")


def test_random_edits_of_five_percent_outside_the_passage_keep_95_percent_on_it() -> None:
    rate, outcomes = edit_rate(seed=20261123, trials=150)
    assert rate >= 0.95, f"{rate:.1%} found at their passage"
    assert not any(o.lost for o in outcomes)  # what is not found is an orphan, never dropped
    assert all(o.right or o.status == "orphan" for o in outcomes)  # never the wrong passage
