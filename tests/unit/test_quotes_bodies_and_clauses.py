"""Bodies named in full, nouns that look like reporting verbs, and clauses around speakers."""

from __future__ import annotations

from quote_helpers import said

from briefreader.core.cast import Cast
from briefreader.core.descriptions import description_head
from briefreader.core.names import gender_of


def test_company_ending_in_co_is_a_body_that_it_points_back_to() -> None:
    assert said(
        "The central bank kept rates on hold, the bank said.",
        "Vantor Cable Co., the region’s largest cable maker, said costs had risen. "
        "“We are hedging more than before,” it said.",
    )[-1] == ("We are hedging more than before,", "Vantor Cable Co.")


def test_a_body_name_runs_on_over_of() -> None:
    assert said(
        "The Bank of Lorimar kept its main rate at 3% on Tuesday.",
        "“Risks remain elevated,” the bank said in a statement.",
    ) == [("Risks remain elevated,", "Bank of Lorimar")]
    # a title after the body's name starts the person's name, not more of the body's
    assert said(
        "Bank of Lorimar Governor Ada Quist spoke on Tuesday. “Inflation is falling,” she said.",
    ) == [("Inflation is falling,", "Ada Quist")]


def test_a_description_points_back_to_a_body_named_earlier_in_its_paragraph() -> None:
    assert said(
        "The Coastal Safety Authority said the channel would reopen on Friday.",
        "The Federation of Harbour Pilots and Boatmen, which represents the crews, said nobody "
        "was hurt. The union said it had warned about “overloaded barges”. "
        "“We have raised this for years,” it said.",
    )[-2:] == [
        ("overloaded barges", "Federation of Harbour Pilots and Boatmen"),
        ("We have raised this for years,", "Federation of Harbour Pilots and Boatmen"),
    ]


def test_inverted_subject_after_a_plural_possessive_is_the_person() -> None:
    assert said(
        "“Demand is fading fast,” said Harbour Analytics' Mira Castell.",
    ) == [("Demand is fading fast,", "Mira Castell")]


def test_relative_clause_does_not_hide_the_head_of_a_description() -> None:
    # the head is "councillor", not "letter": "they" may stand for the councillor
    assert said(
        "The Harbour Trust said it would appeal.",
        "A Green councillor who signed the letter said the vote was “rushed”. "
        "“There are too many of us to ignore,” they said.",
    )[-1] == ("There are too many of us to ignore,", "a Green councillor who signed the letter")


def test_the_source_is_the_source_close_to_someone() -> None:
    assert said(
        "A source close to the mayor said: “She will not be bounced into this.”",
        "The source added that the rumours were “for the birds”.",
    )[-1] == ("for the birds", "a source close to the mayor")


def test_the_noun_points_back_to_how_the_text_introduced_the_person() -> None:
    assert said(
        "A senior party whip dismissed the claim. “Nobody is threatening anybody,” the whip said.",
    ) == [("Nobody is threatening anybody,", "a senior party whip")]


def test_relative_clause_after_an_apposition_belongs_to_the_named_person() -> None:
    assert said(
        "The petition was organised by Tamsin Okoye, the councillor for Eastmoor, who accused "
        "the council of having “lost its way” on parking.",
    ) == [("lost its way", "Tamsin Okoye")]


def test_a_clause_before_the_quote_is_not_a_clause_after_it() -> None:
    assert said(
        "The Green Democrats’ transport spokesperson, Ada Brenner, said the plan was “late and "
        "small”, and called on councillors to back her amendment.",
    ) == [("late and small", "Ada Brenner")]


def test_verbs_joined_by_and_share_their_subject() -> None:
    assert said(
        "The Green Democrats’ transport spokesperson, Ada Brenner, said the plan had failed, "
        "and called it “a waste of everyone’s time”.",
    ) == [("a waste of everyone’s time", "Ada Brenner")]


def test_reporting_words_after_a_determiner_are_nouns() -> None:
    assert said(
        "The Port Workers Union welcomed the remarks but said it wanted “a date, not a promise”.",
        "The bank also cut its growth forecast for next year, saying exports would “slow sharply”.",
    )[0] == ("a date, not a promise", "Port Workers Union")
    assert said(
        "The Bank of Lorimar held rates.",
        "The bank also cut its growth forecast for next year, saying exports would “slow sharply”.",
    ) == [("slow sharply", "Bank of Lorimar")]


def test_a_double_first_name_takes_the_gender_of_its_last_part() -> None:
    assert gender_of("Paul-Henri Vasseur") == "m"
    assert gender_of("Jean-Baptiste Moreau") == "m"


def test_a_double_first_name_does_not_take_she() -> None:
    assert said(
        "Lena Marsh spoke of the tour.",
        "Jean-Baptiste Roux, who has managed Marsh since 2020, said she was “precise”.",
        "“I used to think it had to hurt,” she told the host.",
    )[-1] == ("I used to think it had to hurt,", "Lena Marsh")


def test_the_plural_stands_for_the_group_named_in_full() -> None:
    assert said(
        "More than 40 Labour MPs have threatened to rebel.",
        "In a letter, the MPs say the bill is “a charter for developers”.",
        "The Labour leadership is unmoved.",
    ) == [("a charter for developers", "Labour MPs")]


def test_a_shorter_name_learnt_first_is_the_full_name() -> None:
    cast = Cast()
    cast.add("Van der Meer")
    cast.add("Joost van der Meer")
    assert cast.resolve("Van der Meer") == "Joost van der Meer"
    assert cast.people == ["Joost van der Meer"]


def test_a_quote_alone_after_a_narrated_paragraph_is_the_narrated_person() -> None:
    assert said(
        "Ines Varga wrote the record in a year.",
        "Asked about the closing track, “Blue Room”, she paused for a long time.",
        "“It is the first thing I wrote after my mother died.",
        "“I did not show it to anyone.”",
    )[-2:] == [
        ("It is the first thing I wrote after my mother died.", "Ines Varga"),
        ("I did not show it to anyone.", "Ines Varga"),
    ]


def test_the_first_name_given_inside_the_description() -> None:
    assert said(
        "A woman who gave only her first name, Greta, told reporters she had been given "
        "“about ten minutes” to leave.",
    ) == [("about ten minutes", "Greta")]


def test_an_acronym_opening_a_sentence_is_not_a_dateline() -> None:
    assert said(
        "The Harbour Trust said it would appeal.",
        "NDP Ontario spokesperson Arjun Mehta hit back, saying the mayor was “playing games”.",
    )[-1] == ("playing games", "Arjun Mehta")


def test_a_vague_opener_gives_way_to_the_description_beside_it() -> None:
    assert said(
        "The first witness was a teacher.",
        "Another witness, a bus driver who was waiting at the lights, said he saw the carriages "
        "“fold up”.",
        "“I counted twenty cars,” he told reporters.",
    ) == [("fold up", "a bus driver"), ("I counted twenty cars,", "a bus driver")]


def test_the_judge_is_the_justice_named_last() -> None:
    assert said(
        "A bench of Justice Anil Rao and Justice Meera Das heard the petition.",
        "Justice Das asked whether a survey had been done. When Priya Nair replied that it "
        "was “under way”, the judge remarked: “So the demolition is ready but the survey is not?”",
    ) == [
        ("under way", "Priya Nair"),
        ("So the demolition is ready but the survey is not?", "Meera Das"),
    ]


def test_the_head_of_a_description_stands_before_its_relative_clause() -> None:
    assert description_head("a Labour MP who signed the letter") == "mp"
    assert description_head("a source close to the mayor") == "source"
    assert description_head("a close aide") == "aide"


def test_a_union_local_is_named_with_its_number() -> None:
    assert said(
        'The firefighters\' union, IAFF Local 2217, said it "strongly opposes any closure".',
        '"Our members will keep answering every call," the union said.',
    ) == [
        ("strongly opposes any closure", "IAFF Local 2217"),
        ("Our members will keep answering every call,", "IAFF Local 2217"),
    ]


def test_a_company_named_beside_its_role_is_what_it_means_later() -> None:
    assert said(
        "Russia's Defence Ministry said 12 drones were shot down overnight.",
        'The refinery\'s operator, Volganeftegaz, said the fire had been "fully extinguished".',
        '"The plant will resume normal operations," it added.',
    ) == [
        ("fully extinguished", "Volganeftegaz"),
        ("The plant will resume normal operations,", "Volganeftegaz"),
    ]


def test_a_shorter_form_of_a_company_name_is_the_company() -> None:
    assert said(
        "The ruling clears the way for Setouchi Electric Power Co. to restart the reactor.",
        "Setouchi Electric welcomed the decision. In a statement, the utility said it would "
        '"proceed carefully".',
    ) == [("proceed carefully", "Setouchi Electric Power Co.")]


def test_the_bank_is_the_bank_the_story_puts_forward_not_one_it_mentions() -> None:
    assert said(
        "Rijnland Bank reported a 14 per cent rise in profit.",
        "Income fell as the European Central Bank’s rate cuts fed through to margins.",
        "The bank said it expected income to come in “at the lower end” of guidance.",
    ) == [("at the lower end", "Rijnland Bank")]


def test_a_ruling_speaks_for_the_court_that_gave_it() -> None:
    assert said(
        "The Hiroshima High Court on Wednesday overturned an injunction.",
        "The ruling, which reversed a 2023 decision, found that the assessment was "
        '"not unreasonable".',
    ) == [("not unreasonable", "Hiroshima High Court")]


def test_it_after_a_body_with_its_owner_keeps_the_owner() -> None:
    assert said(
        "Russia's Defense Ministry did not address the attack. In its briefing, it said its "
        'forces had struck "military infrastructure facilities".',
        "The AfD's state branch said it would examine the results “very closely.” It added: "
        "“Every vote must be counted.”",
    ) == [
        ("military infrastructure facilities", "Russia's Defense Ministry"),
        ("very closely.", "AfD's state branch"),
        ("Every vote must be counted.", "AfD's state branch"),
    ]


def test_an_nhs_trust_is_the_trust_that_speaks() -> None:
    assert said(
        "Members of Unison at Severnside Hospitals NHS Trust, which runs Kingsmead General "
        "Hospital, formed picket lines.",
        "The trust said the walkout would cause ‘significant disruption’ to operations.",
    ) == [("significant disruption", "Severnside Hospitals NHS Trust")]


def test_a_body_of_a_place_is_the_body_not_the_place() -> None:
    assert said(
        "The Russian-installed administration of occupied Kherson Oblast announced that "
        'civilians would be relocated, citing "the threat of Ukrainian provocations."',
        "The city contracted with a nonprofit, the Central Valley Housing Coalition. "
        "“We take the concerns seriously,” the coalition said.",
    ) == [
        (
            "the threat of Ukrainian provocations.",
            "Russian-installed administration of occupied Kherson Oblast",
        ),
        ("We take the concerns seriously,", "Central Valley Housing Coalition"),
    ]


def test_a_ministry_of_a_country_keeps_its_whole_name() -> None:
    assert said(
        "Ukraine's Ministry of Defense said on X that its forces had repelled attacks. "
        '"Our defenders held the line," the ministry said.',
    ) == [("Our defenders held the line,", "Ukraine's Ministry of Defense")]


def test_an_acronym_stands_for_the_institute_that_spoke_before_named_alike() -> None:
    assert said(
        'The Institute for the Study of War, a think tank, said Russian forces "likely '
        'intend" to push on. According to the ISW, the attacks are "part of a broader '
        'campaign."',
    ) == [
        ("likely intend", "Institute for the Study of War"),
        ("part of a broader campaign.", "Institute for the Study of War"),
    ]


def test_a_think_tank_and_a_general_staff_are_the_bodies_named_before() -> None:
    assert said(
        'The Institute for the Study of War said Russian forces were "attempting to regain '
        'the initiative." The think tank added that the drones were "likely Iranian-made."',
        "Ukraine's General Staff said in its morning update that 40 drones were downed. "
        '"Air defense worked all night," the General Staff said.',
    ) == [
        ("attempting to regain the initiative.", "Institute for the Study of War"),
        ("likely Iranian-made.", "Institute for the Study of War"),
        ("Air defense worked all night,", "Ukraine's General Staff"),
    ]


def test_the_administration_is_the_one_described_in_full_before() -> None:
    assert said(
        "The Kherson city military administration said in a statement that 14km of roads had "
        "been covered. “It has saved lives,” the administration said.",
    ) == [("It has saved lives,", "Kherson city military administration")]
