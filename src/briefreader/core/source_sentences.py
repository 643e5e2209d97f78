"""Sentences next to a quotation that say whose words it was: "That was the verdict of Sen.
James Tolliver", "The warning came from a senior official", "Quote from Lys:"."""

from __future__ import annotations

import re

# Who a source is, named or described: "Sen. James Tolliver III", "a senior official at the
# Élysée" (up to the comma or full stop that ends the description).
NAMED_SOURCE = r"(?:[A-Z][\w.’'-]*+ )*[A-Z][\w’'-]*+"
DESCRIBED_SOURCE = r"(?:a|an|one) [^,.;]+?"
SOURCE_NEXT = re.compile(
    r"(?:That|Those|These|The) (?:[a-z]+ ){0,2}(?:came|come|was|were) from "
    rf"({NAMED_SOURCE}|{DESCRIBED_SOURCE}(?=[,.;]))"
)
# Nouns for what someone said: "That was Ms. Nguyen’s summary", "the verdict of Sen. Tolliver".
VERDICTS = (
    "summary|verdict|assessment|view|take|warning|answer|reply|response|advice|description|"
    "prediction|explanation|conclusion|message"
)
# "That is Ana Brandt, the conductor …", "That was Ms. Nguyen’s summary": whose words they were.
SOURCE_IS = re.compile(
    r"(?:That|This) (?:is|was) ((?:(?:Mr|Mrs|Ms|Dr)\.? )?[A-Z](?:[\w-]|[’'](?!s\b))*+"
    r"(?: [A-Z](?:[\w-]|[’'](?!s\b))*+)*)"
    rf"(?:,|[’']s (?:[a-z]+ ){{0,2}}?(?:{VERDICTS})\b)"
)
# "That was the blunt verdict of Sen. James Tolliver III, …", "This was admitted by a senior
# official who …": whose words they were.
SOURCE_OF = re.compile(
    rf"(?:That|This|Such) (?:is|was) (?:the (?:[a-z]+ ){{0,2}}?(?:{VERDICTS}|words) of|"
    r"(?:[a-z]+ )?(?:said|admitted|confirmed|acknowledged|conceded|explained|echoed) by) "
    rf"({NAMED_SOURCE}|{DESCRIBED_SOURCE}(?=[,.;]))"
)
# "That was how Deputy Foreign Minister Iryna Kovalenko described the attack".
SOURCE_HOW = re.compile(
    rf"(?:That|This) (?:is|was) how ({NAMED_SOURCE}|{DESCRIBED_SOURCE}(?=,))"
    r"(?:,[^,.]*,)? (?:described|put|summed|explained|characterised|characterized|saw)\b"
)
# Sentences opening the paragraph after a quote that say whose words it was.
SOURCES_NEXT = (SOURCE_NEXT, SOURCE_IS, SOURCE_OF, SOURCE_HOW)
# "Quote from Lys:", "Quote from the ministry’s statement:", "Quote:": a label before a quote.
QUOTE_LABEL = re.compile(
    r"Quote(?: from (.+?)(?:[’']s (?:statement|post|letter|message|address|speech))?)?:"
)
