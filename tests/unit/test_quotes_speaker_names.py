"""Who said it, when the text wraps the speaker's name in titles, roles, appositives and bodies."""

from __future__ import annotations

from quote_helpers import said


def test_multi_word_title_before_a_name_is_dropped() -> None:
    assert said("“The vote passed,” said Board Member Odile Framboise, who chairs the panel.") == [
        ("The vote passed,", "Odile Framboise")
    ]


def test_long_office_ending_in_a_name_gives_the_name() -> None:
    assert said("Leader of the House in the Rajya Sabha Priya Mehta wrote: “Not enough.”") == [
        ("Not enough.", "Priya Mehta")
    ]


def test_honorifics_shri_and_smt_are_not_part_of_the_name() -> None:
    assert said(
        "Port Minister Shri Devendra Rao said the berths were “ready for traffic.”",
        "Smt. Lata Iyer said the plan was “overdue.”",
    ) == [("ready for traffic.", "Devendra Rao"), ("overdue.", "Lata Iyer")]


def test_body_named_in_a_run_stops_at_the_reporting_verb() -> None:
    assert said(
        "The Northside Tenants Union said in a statement posted online that it was “appalled.”"
    ) == [("appalled.", "Northside Tenants Union")]


def test_name_in_apposition_after_an_inverted_description() -> None:
    assert said("“It was dark,” said the daughter, Mira Castell, 41. “Nobody came.”") == [
        ("It was dark,", "Mira Castell"),
        ("Nobody came.", "Mira Castell"),
    ]


def test_name_in_apposition_after_an_opening_clause_and_a_role() -> None:
    assert said(
        "In a memo to managers, Arbor's finance chief, Dale Wexford, wrote that costs were "
        "“out of hand” and told them to “cut shifts.”"
    ) == [("out of hand", "Dale Wexford"), ("cut shifts.", "Dale Wexford")]


def test_recipient_in_an_opening_phrase_is_not_the_speaker() -> None:
    assert said(
        "In a letter to Norwegian leader Jonas Berg, Finnish President Aino Lehto expressed "
        "“sympathy” and said Finland was “ready to help.”"
    ) == [("sympathy", "Aino Lehto"), ("ready to help.", "Aino Lehto")]


def test_role_mentioned_later_is_the_person_given_that_role() -> None:
    assert said(
        "Trade Minister Ingrid Solberg on Monday said tariffs would fall.",
        "Speaking later, the Trade Minister said, “Exporters will gain.”",
    ) == [("Exporters will gain.", "Ingrid Solberg")]


def test_party_role_description_is_the_person_just_introduced() -> None:
    assert said(
        "Former mayor Tomas Ekdahl, speaking in Malmo, was unimpressed. “Nothing for renters,” "
        "the veteran Green leader said."
    ) == [("Nothing for renters,", "Tomas Ekdahl")]


def test_someones_reply_is_theirs() -> None:
    assert said(
        "Gregor Falk, the operations director, runs the depot.",
        "Falk's reply, one line long, said the request was “not possible now” and closed it.",
    ) == [("not possible now", "Gregor Falk")]


def test_the_company_is_the_company_the_article_is_about() -> None:
    assert said(
        "Lindqvist, a family-owned company based in Oslo, runs nine hotels.",
        "Lindqvist's managers warned of shortages. Lindqvist staff agreed.",
        "Lindqvist cut shifts after an inspection by the Oslo Health Department.",
        "In a short statement, the company said it “values every guest.”",
    ) == [("values every guest.", "Lindqvist")]


def test_it_points_back_to_the_company_named_by_its_first_word() -> None:
    assert said(
        "Brannock Foods cut prices again this quarter.",
        "Chief Financial Officer Ruth Engel said margins would recover.",
        "Brannock also said it would keep its dividend. “Cash returns matter,” it said.",
    ) == [("Cash returns matter,", "Brannock Foods")]


def test_opening_time_phrase_is_not_a_speaker() -> None:
    assert said(
        "Grace Okafor, 61, lost her barn in the flood.",
        "Six weeks on, the 61-year-old has rebuilt little, and says the aid is thin.",
        "“The forms never end,” she said.",
    ) == [("The forms never end,", "Grace Okafor")]


def test_first_name_that_is_an_ordinary_word() -> None:
    assert said(
        "For dairy farmer Will Harrow, 33, the flood took everything.",
        "“I lost the herd,” he said.",
        "“We start again,” Harrow said.",
    ) == [("I lost the herd,", "Will Harrow"), ("We start again,", "Will Harrow")]


def test_family_name_he_after_mr_is_not_a_pronoun() -> None:
    assert said(
        "He Lianfeng, the deputy envoy, toured the port on Monday.",
        "“Trade will grow,” Mr He said.",
    ) == [("Trade will grow,", "He Lianfeng")]


def test_colon_after_a_verb_phrase_introduces_the_quote() -> None:
    assert said(
        "Mayor Dana Ruiz spoke first.",
        "Ruiz put it more plainly: “The plan stays.”",
    ) == [("The plan stays.", "Dana Ruiz")]


def test_double_quote_nested_in_a_single_quote_is_one_quote() -> None:
    assert said(
        "Nell Arden, 50, lost her flock.",
        "‘My son asked, “Where are the sheep?”’ she said. ‘I could not say.’",
    ) == [
        ("My son asked, “Where are the sheep?”", "Nell Arden"),
        ("I could not say.", "Nell Arden"),
    ]


def test_the_statement_speaks_for_whoever_issued_it() -> None:
    assert said(
        "In a written statement, the Harbour Trust said it would “review every berth.”",
        "“Safety comes first,” the statement said.",
    ) == [("review every berth.", "Harbour Trust"), ("Safety comes first,", "Harbour Trust")]


def test_source_named_in_the_next_paragraph_beats_the_paragraph_before() -> None:
    assert said(
        "Aid officer Pedro Lanza said rations were short.",
        "Clinics in the north have closed for lack of staff.",
        "“Children will go hungry by winter.”",
        "That warning came from Ines Morrow, who runs a clinic in the camp.",
    ) == [("Children will go hungry by winter.", "Ines Morrow")]


def test_a_body_keeps_its_owner_as_the_article_writes_it() -> None:
    assert said(
        "Fitch's Analytics said the outlook was “negative.”",
        "Kenya's Wildlife Service said poaching had “fallen sharply.”",
        "“It brings some peace,” the Hamilton County Prosecutor's Office said.",
        "Kirby's office said it was “not aware” of the plan.",
    ) == [
        ("negative.", "Fitch's Analytics"),
        ("fallen sharply.", "Kenya's Wildlife Service"),
        ("It brings some peace,", "Hamilton County Prosecutor's Office"),
        ("not aware", "Kirby's office"),
    ]


def test_double_quote_after_an_unclosed_single_mark_is_still_found() -> None:
    assert said("Back in the ‘90s, Omar Diallo said the club was “broke” and “leaderless.”") == [
        ("broke", "Omar Diallo"),
        ("leaderless.", "Omar Diallo"),
    ]


def test_office_then_its_domain_then_the_holder() -> None:
    assert said(
        "Minister for Coastal Protection Ifeoma Adeyinka-Ross described the plan as "
        "“a lifeline for fishing towns”."
    ) == [("a lifeline for fishing towns", "Ifeoma Adeyinka-Ross")]


def test_name_starts_right_after_the_title_even_with_an_unknown_first_word() -> None:
    assert said("Deputy Minister Sardar Ahmed Qureshi said the dams were “holding”.") == [
        ("holding", "Sardar Ahmed Qureshi")
    ]


def test_a_role_word_after_the_title_is_not_part_of_the_name() -> None:
    assert said(
        "State Engineer Maria Lopez-Quinn told lawmakers the aquifer was “falling fast”."
    ) == [("falling fast", "Maria Lopez-Quinn")]


def test_welsh_particle_ap_stays_in_the_name() -> None:
    assert said("The party’s spokesman, Rhodri ap Gwyn, said the plan had “failed”.") == [
        ("failed", "Rhodri ap Gwyn")
    ]


def test_owner_before_a_surname_is_not_a_first_name() -> None:
    assert said(
        "“The price is full,” said Karin Lindqvist, an analyst at Jefferies.",
        "“A counterbid is possible,” Jefferies’ Lindqvist said.",
    ) == [
        ("The price is full,", "Karin Lindqvist"),
        ("A counterbid is possible,", "Karin Lindqvist"),
    ]


def test_person_before_a_relative_clause_speaks_not_the_club_inside_it() -> None:
    assert said(
        "“It was close,” said Lotte Hendriks.",
        "Hendriks, who previously coached Sporting Braga, said the result meant “very little” now.",
    ) == [("It was close,", "Lotte Hendriks"), ("very little", "Lotte Hendriks")]


def test_person_before_an_apposition_ending_in_a_place_speaks() -> None:
    assert said(
        "Dr. Ines Duarte-Mello, a surgeon at the University of Texas, San Antonio, wrote in an "
        "email: “We were ready.”"
    ) == [("We were ready.", "Ines Duarte-Mello")]


def test_what_she_calls_at_the_end_of_a_paragraph_is_her_speech() -> None:
    assert said("Lena Ortiz talks about what she calls “the quiet emergency.”") == [
        ("the quiet emergency.", "Lena Ortiz")
    ]


def test_names_used_by_surname_alone_are_people_with_unknown_first_names() -> None:
    assert said(
        "The visitors lost centre-back Duarte Figueiredo to a red card.",
        "Figueiredo apologised afterwards. “I let the team down,” the Portuguese defender wrote.",
    ) == [("I let the team down,", "Duarte Figueiredo")]


def test_a_body_described_then_named_in_apposition_is_named() -> None:
    assert said("The UN refugee agency, UNHCR, said the camps were “overflowing”.") == [
        ("overflowing", "UNHCR")
    ]


def test_a_suffix_stays_in_the_speakers_name() -> None:
    assert said(
        "Gen. Marcus A. Pruitt Jr., the head of Northern Command, testified on Tuesday.",
        "“We have had more than 60 incursions,” Pruitt said.",
    ) == [("We have had more than 60 incursions,", "Marcus A. Pruitt Jr.")]


def test_a_short_name_the_article_defines_stands_for_the_body() -> None:
    assert said(
        "She declared it to the Independent Parliamentary Standards Authority (Ipsa) in May.",
        "“We will review these claims,” Ipsa said.",
    ) == [("We will review these claims,", "Independent Parliamentary Standards Authority")]


def test_initials_and_an_acronym_title_around_a_name() -> None:
    assert said(
        "“We will decide on the last day,” said K. Lakshmi Ammal, 63, who sells jasmine.",
        "Deputy Public Prosecutor Jolene Tan sought a jail term.",
        "“The accused did not stop until he was caught,” DPP Tan said.",
    ) == [
        ("We will decide on the last day,", "K. Lakshmi Ammal"),
        ("The accused did not stop until he was caught,", "Jolene Tan"),
    ]
