"""Who said it: reporting clauses, titles, pronouns, organisations, continuations."""

from __future__ import annotations

from dataclasses import replace

from quote_helpers import article_of, quotes_of, said

from briefreader.core.models import Article
from briefreader.core.quotes import extract_quotes


def test_surname_after_the_quote_resolves_to_the_full_name() -> None:
    assert said(
        "National Security Council spokesman John Kirby spoke on Thursday.",
        "“The drones are Iranian,” Kirby said.",
    ) == [("The drones are Iranian,", "John Kirby")]


def test_inverted_said_with_a_full_name_and_apposition() -> None:
    assert said("“It is cooperation,” said Becca Wasser, a senior fellow at CNAS.") == [
        ("It is cooperation,", "Becca Wasser")
    ]


def test_title_and_role_before_the_name_are_not_part_of_it() -> None:
    (quote,) = quotes_of(
        "White House press secretary Karine Jean-Pierre said the administration is “concerned.”"
    )
    assert (quote.speaker, quote.mention) == (
        "Karine Jean-Pierre",
        "White House press secretary Karine Jean-Pierre",
    )


def test_colon_introduction_and_told_reporters() -> None:
    assert said(
        "Spokesman Dmitry Peskov said: “Everything depends on guarantees.”",
        "“We are not sure,” Polish Foreign Minister Radoslaw Sikorski told reporters.",
    ) == [
        ("Everything depends on guarantees.", "Dmitry Peskov"),
        ("We are not sure,", "Radoslaw Sikorski"),
    ]


def test_according_to_and_present_tense_says() -> None:
    assert said(
        "The plan is “dead on arrival,” according to Senator Elizabeth Warren.",
        "“My grandfather dug this well,” says Yusuf Haddad, 64.",
    ) == [
        ("dead on arrival,", "Elizabeth Warren"),
        ("My grandfather dug this well,", "Yusuf Haddad"),
    ]


def test_broad_verbs_and_coordinated_verbs() -> None:
    assert said(
        "Maria Lopez smiled and recalled, “We had nothing.”",
        "Ebright warned the origin question “cannot be postponed.”",
        "Richard Ebright is a biologist.",
    ) == [("We had nothing.", "Maria Lopez"), ("cannot be postponed.", "Richard Ebright")]


def test_split_quote_is_two_quotes_by_one_speaker() -> None:
    assert said("“We will set out support,” Rachel Reeves said, “and it will be targeted.”") == [
        ("We will set out support,", "Rachel Reeves"),
        ("and it will be targeted.", "Rachel Reeves"),
    ]


def test_quote_only_paragraph_takes_the_speaker_of_the_paragraph_before() -> None:
    assert said(
        "“The evidence is clear,” Karine Jean-Pierre said.",
        "“Our message to Iran is very clear.”",
    ) == [
        ("The evidence is clear,", "Karine Jean-Pierre"),
        ("Our message to Iran is very clear.", "Karine Jean-Pierre"),
    ]


def test_multi_paragraph_quote_keeps_its_speaker() -> None:
    found = said(
        "Her colleague Andriy Melnyk remembers one night.",
        "“We were in the middle of the operation. I counted the seconds.",
        "“I have never prayed in my life.”",
    )
    assert [speaker for _, speaker in found] == ["Andriy Melnyk", "Andriy Melnyk"]


def test_attribution_in_the_next_paragraph() -> None:
    assert said(
        "“We have not seen this combination before.”",
        "That was the assessment of He Jianxiong, a virologist in Guangdong.",
    ) == [("We have not seen this combination before.", "He Jianxiong")]


def test_he_jianxiong_is_a_name_not_a_pronoun() -> None:
    assert said(
        "Maria Van Kerkhove spoke first.",
        "He Jianxiong said the strain “binds more easily to human receptors.”",
    ) == [("binds more easily to human receptors.", "He Jianxiong")]


def test_pronouns_follow_gender_and_recency() -> None:
    found = said(
        "Becca Wasser, a senior fellow, said it was transactional.",
        "Israeli President Isaac Herzog said there was more evidence.",
        "“This is only the tip of the iceberg,” he said.",
        "“Here we are seeing that play out,” she said.",
    )
    assert [speaker for _, speaker in found] == ["Isaac Herzog", "Becca Wasser"]


def test_it_and_the_company_resolve_to_the_organisation() -> None:
    found = said(
        "Arvent Semiconductor said on Tuesday it would cut 4,000 jobs.",
        "It described the plan as a “reset” for the business.",
        "The company said it would “focus on the markets where we can lead.”",
    )
    assert [speaker for _, speaker in found] == ["Arvent Semiconductor", "Arvent Semiconductor"]


def test_organisations_and_descriptions_speak() -> None:
    found = said(
        "The White House said Iranian troops are ‘directly engaged on the ground’ in Crimea.",
        "“We cannot let the Danube become the only route,” a senior European diplomat said.",
        "“I failed you,” the defendant told the court.",
    )
    assert [speaker for _, speaker in found] == [
        "White House",
        "a senior European diplomat",
        "the defendant",
    ]


def test_a_description_refers_back_to_the_named_person() -> None:
    found = said(
        "Max Verstappen won his fifth title on Sunday.",
        "“It never gets boring,” said the 28-year-old, who started from pole.",
    )
    assert found == [("It never gets boring,", "Max Verstappen")]


def test_quote_with_no_attribution_anywhere_has_no_speaker() -> None:
    assert said("Fog covered the valley.", "“Nobody knows what happens next.”") == [
        ("Nobody knows what happens next.", None)
    ]


def test_a_relative_with_the_same_surname_does_not_take_the_surname() -> None:
    found = said(
        "Marguerite Olsen was 31 when her restaurant won its second star.",
        "Her mother, Birthe Olsen, still washes dishes there.",
        "Olsen, now 44, handed the stars back. She called it “an act of self-preservation.”",
    )
    assert found == [("an act of self-preservation.", "Marguerite Olsen")]


def test_a_name_after_an_organisation_and_a_title() -> None:
    assert said("NATO Secretary General Jens Stoltenberg said “the door is open.”") == [
        ("the door is open.", "Jens Stoltenberg")
    ]


def test_people_named_in_a_clause_are_not_the_pronoun() -> None:
    found = said(
        "French President Emmanuel Macron arrived first.",
        "Speaking alongside Lithuanian President Gitanas Nauseda, he added: “We cannot wait.”",
    )
    assert found == [("We cannot wait.", "Emmanuel Macron")]


def test_a_pull_quote_takes_the_speaker_of_the_words_it_repeats() -> None:
    found = said(
        "“We were told there was no market. The market was there.”",
        "Night trains are back in fashion across Europe.",
        "“We were told there was no market,” says Katrin Holzer. “The market was there.”",
    )
    assert [speaker for _, speaker in found] == ["Katrin Holzer"] * 3


def test_a_described_person_opening_a_sentence_is_who_he_is() -> None:
    assert said(
        "Katrin Holzer planned the route.",
        "The businessman finds his cabin and orders a beer. “I sleep, I wake up, I am there,” he says.",
    ) == [("I sleep, I wake up, I am there,", "the businessman")]


def test_an_unnamed_role_in_the_lead_is_the_person_named_with_that_title_later() -> None:
    found = said(
        "A federal judge on Thursday called the scheme “a calculated betrayal” of customers.",
        "U.S. District Judge Lorna Schofield said the founder had “lied again and again.”",
    )
    assert [speaker for _, speaker in found] == ["Lorna Schofield", "Lorna Schofield"]


def test_a_pronoun_reaches_back_over_paragraphs_with_no_quote_and_no_reporting_verb() -> None:
    found = said(
        "Olena Kovalenko runs the grain terminal in Odesa.",
        "Ships queue for days outside the port.",
        "Insurance costs have doubled since spring.",
        "“We cannot keep the corridor open alone,” she said.",
    )
    assert found == [("We cannot keep the corridor open alone,", "Olena Kovalenko")]


def test_a_quote_only_paragraph_after_a_reported_pronoun_takes_its_antecedent() -> None:
    found = said(
        "Marguerite Olsen chairs the port authority.",
        "She said the queues would ease by summer.",
        "“Every week we clear more ships.”",
    )
    assert found == [("Every week we clear more ships.", "Marguerite Olsen")]


def test_a_pull_quote_only_takes_a_speaker_from_within_thirty_paragraphs() -> None:
    pull = "“We were told there was no market for night trains.”"
    source = "“We were told there was no market for night trains,” says Katrin Holzer."
    filler = ["Trains ran late again on Tuesday."]
    near = said(pull, *filler * 28, source)
    far = said(pull, *filler * 30, source)
    assert [speaker for _, speaker in near] == ["Katrin Holzer", "Katrin Holzer"]
    assert [speaker for _, speaker in far] == [None, "Katrin Holzer"]


def test_a_quote_only_paragraph_takes_the_source_named_right_after_it() -> None:
    assert said(
        "Nguyen Thi Lan, who runs the poll at the university, presented it on Monday.",
        "“We are tied,” said Omar Haddad, a strategist.",
        "“Nobody should be celebrating yet.”",
        "That was Ms. Nguyen’s summary of the findings.",
        "“Trust silence.”",
        "That is Kenji Moriyama, the principal conductor, who has led the work most often.",
    )[1:] == [
        ("Nobody should be celebrating yet.", "Nguyen Thi Lan"),
        ("Trust silence.", "Kenji Moriyama"),
    ]


def test_a_described_person_with_a_relative_clause_keeps_the_clause() -> None:
    assert said(
        "A man who runs the corner shop, who gave no name, said the engine came late.",
        "“It took nine minutes,” he said.",
    ) == [("It took nine minutes,", "a man who runs the corner shop")]


def test_a_short_quoted_subheading_takes_the_speaker_of_the_words_it_repeats() -> None:
    assert said(
        "“We left with nothing,” said Rosa Imbert.",
        "‘They were warned’",
        "“They were warned. It was all on paper,” said Idris Kamau, an engineer.",
    )[1] == ("They were warned", "Idris Kamau")


def test_the_phrase_after_with_does_the_saying() -> None:
    assert said(
        "Thousands of pupils are waiting for places, with some parents saying they feel "
        "“ignored” by the council."
    ) == [("ignored", "some parents")]


def test_a_relative_pronoun_after_a_comma_stands_for_the_phrase_before() -> None:
    assert said(
        "Dara Quist spoke for an hour. She then thanked the crowd, which chanted “Four more years!”"
    ) == [("Four more years!", "the crowd")]


def test_a_clause_that_mentions_minutes_is_not_an_opening_time_phrase() -> None:
    assert said(
        "The home fans stayed in the stands for 20 minutes after the whistle, singing "
        "“We are going up” as the players waved."
    ) == [("We are going up", "the home fans")]


def test_the_only_name_a_described_speaker_gives_is_the_speaker() -> None:
    assert said(
        "“I never thought I’d see this,” said a fan by the gate, who gave his name only as Ron."
    ) == [("I never thought I’d see this,", "Ron")]


def test_the_next_paragraph_says_whose_verdict_or_admission_the_quote_was() -> None:
    assert said(
        "“Something in this building is broken.”",
        "That was the blunt verdict of Sen. James Tolliver, an Oklahoma Republican.",
        "“The stay was vacated in March.”",
        "This was admitted by a senior civic official who did not wish to be named.",
        "“Everybody knows who is behind that company.”",
        "That was the view of a commune official in Oral district, who spoke to RFA.",
    ) == [
        ("Something in this building is broken.", "James Tolliver"),
        ("The stay was vacated in March.", "a senior civic official who did not wish to be named"),
        ("Everybody knows who is behind that company.", "a commune official in Oral district"),
    ]


def untitled(*paragraphs: str) -> Article:
    """A plain-text article whose first line, the headline, is its first paragraph."""
    return replace(article_of(*paragraphs), title=None)


def test_a_headline_quoting_a_role_names_who_the_story_says_spoke() -> None:
    quotes = extract_quotes(
        untitled(
            "Labour MP insists ‘I have done nothing wrong’ over rent paid to partner’s firm",
            "Harriet Coles-Mansfield declared the arrangement to the watchdog.",
            "In a statement, Ms Coles-Mansfield said: “I have done nothing wrong. Every penny "
            "was claimed within the rules.”",
        )
    )
    assert [q.speaker for q in quotes] == ["Harriet Coles-Mansfield"] * 2


def test_that_was_how_someone_described_it_names_the_quote_before() -> None:
    assert said(
        "“They want the insurers to do what their missiles cannot.”",
        "That was how Deputy Foreign Minister Iryna Kovalenko described the attack.",
    ) == [("They want the insurers to do what their missiles cannot.", "Iryna Kovalenko")]


def test_an_unnamed_official_with_a_clause_before_the_verb_speaks() -> None:
    assert said(
        "But an official at the ministry who asked not to be named said the scheme remained "
        "“largely on paper”.",
    ) == [("largely on paper", "an official at the ministry who asked not to be named")]


def test_quotes_labelled_with_their_source_as_ukrainska_pravda_does() -> None:
    assert said(
        "Details: The commander, who goes by the call sign Lys, said the drones wait in ambush.",
        "Quote from Lys: “You cannot jam a cable.”",
        "Quote: “That changed the rules of the hunt.”",
        "Quote from Major Andrii Hrytsenko: “Every interceptor is still a handmade thing.”",
    ) == [
        ("You cannot jam a cable.", "Lys"),
        ("That changed the rules of the hunt.", "Lys"),
        ("Every interceptor is still a handmade thing.", "Andrii Hrytsenko"),
    ]


def test_judging_a_plan_in_quoted_words_reports_them() -> None:
    assert said(
        'Opposition treasury spokeswoman Megan Foley attacked the budget as "a tax grab".',
        'A senior Treasury official at the time hailed it as "a new kind of weapon".',
        "The city has branded the motel “Harbor House”.",
    ) == [
        ("a tax grab", "Megan Foley"),
        ("a new kind of weapon", "a senior Treasury official"),
    ]


def test_the_sentence_before_a_quote_says_who_speaks() -> None:
    assert said(
        'A European diplomat involved in the talks is blunter. "Everyone knows the tankers '
        'are the problem."',
    ) == [("Everyone knows the tankers are the problem.", "a European diplomat")]


def test_words_that_are_nouns_or_adjectives_here_are_no_reporting_verbs() -> None:
    assert said(
        "Sarah Tan, a former Treasury official, said the forecasts relied heavily on "
        "continued strength in stamp duty.",
        '"The treasurer is counting on the property market."',
        "The NSW Nurses and Midwives' Association said the increase built into the forward "
        'estimates was "an insult" to nurses.',
    ) == [
        ("The treasurer is counting on the property market.", "Sarah Tan"),
        ("an insult", "NSW Nurses and Midwives' Association"),
    ]


def test_a_senator_named_with_party_and_state_before_who_is_who_speaks_next() -> None:
    assert said(
        "Laura Kemp, the assistant secretary, told senators the department would keep "
        '"case-by-case review" of every sale.',
        "That drew a sharp rebuke from Sen. Rachel Osei (D-Md.), who noted that the department "
        "had approved nearly every sale.",
        '"I have heard it before," she said.',
    ) == [("case-by-case review", "Laura Kemp"), ("I have heard it before,", "Rachel Osei")]


def test_a_statement_named_by_its_body_speaks_for_the_body() -> None:
    assert said(
        "Iran’s Islamic Revolutionary Guard Corps (IRGC) claimed responsibility.",
        "“Any further aggression will be met with a wider response,” the IRGC statement said.",
        'Kazakhstan\'s energy ministry said in an emailed response that it "remains committed".',
        "A spokesperson for Germany's Federal Foreign Office said Berlin wanted \"a common "
        'European approach".',
    ) == [
        (
            "Any further aggression will be met with a wider response,",
            "Iran’s Islamic Revolutionary Guard Corps",
        ),
        ("remains committed", "Kazakhstan's energy ministry"),
        ("a common European approach", "a spokesperson for Germany's Federal Foreign Office"),
    ]


def test_a_headline_quoting_words_the_story_quotes_is_a_quote_by_the_same_speaker() -> None:
    quotes = extract_quotes(
        untitled(
            "‘The water took everything’: Kherson residents return to ruined homes",
            "Halyna Koval, 67, points at the line on the wall.",
            "“That is where it stopped,” she says. “The water took everything. The jars I made "
            "for winter.”",
        )
    )
    assert [(q.text, q.speaker) for q in quotes][0] == ("The water took everything", "Halyna Koval")


def test_the_next_paragraph_describes_an_unnamed_source() -> None:
    assert said(
        "“The anger is real.”",
        "The warning came from a senior official at the Élysée, speaking on condition of "
        "anonymity.",
        "“Nobody wants to board a Russian tanker.”",
        "That was how one NATO diplomat, who asked not to be named, summed up the mood.",
    ) == [
        ("The anger is real.", "a senior official at the Élysée"),
        ("Nobody wants to board a Russian tanker.", "one NATO diplomat"),
    ]


def test_a_candidate_for_a_seat_is_named_without_the_seat() -> None:
    assert said(
        'DMK candidate for Madurai Central R. Sundaravalli said the State had "delivered on '
        'every promise".',
        '"The pipeline will reach every ward by March," Ms. Sundaravalli said.',
        '"I cannot sleep at night," said Madam Chua Geok Lian, one of the victims.',
    ) == [
        ("delivered on every promise", "R. Sundaravalli"),
        ("The pipeline will reach every ward by March,", "R. Sundaravalli"),
        ("I cannot sleep at night,", "Chua Geok Lian"),
    ]
