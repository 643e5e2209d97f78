"""Who "she", "the 31-year-old winger", "the letter" and a shared surname stand for."""

from __future__ import annotations

from quote_helpers import said

FILLER = "The river rose again overnight."


def test_description_with_an_age_is_the_person_just_named() -> None:
    assert said(
        "Ekundayo Obiora-Vance stood by the flooded gate on Monday.",
        "“The whole field is gone,” the 61-year-old herder told reporters.",
        "Obiora-Vance said he would replant in spring.",
    )[0] == ("The whole field is gone,", "Ekundayo Obiora-Vance")


def test_nationality_or_trade_stands_for_the_person_just_named() -> None:
    assert said(
        "Tomas Brekke scored twice before half-time.",
        "“We were sharp today,” the Norwegian said.",
        "Keeper Lotte Hendriks, who saved a penalty, was calmer.",
        "“It was only one game,” the Dutch goalkeeper said.",
    ) == [("We were sharp today,", "Tomas Brekke"), ("It was only one game,", "Lotte Hendriks")]


def test_described_person_is_found_however_far_back() -> None:
    paragraphs = [
        "A nurse from Leeds, who asked not to be named, said the ward was “full every night”.",
        *[FILLER] * 8,
        "Back in Leeds, the nurse said she had quit last month.",
        "“I could not stay,” she said.",
    ]
    assert said(*paragraphs)[-1] == ("I could not stay,", "a nurse from Leeds")


def test_described_person_with_a_capitalised_modifier_opens_a_sentence() -> None:
    assert said(
        "A White House official, granted anonymity, was blunt. “They knew,” the official said."
    ) == [("They knew,", "a White House official")]


def test_a_role_given_in_apposition_names_the_relative_later() -> None:
    assert said(
        "Tomas Lind, the candidate’s older brother, runs the campaign.",
        "“She will win this,” her brother said.",
    ) == [("She will win this,", "Tomas Lind")]


def test_pronoun_after_a_surname_alone_in_the_paragraph_before() -> None:
    assert said(
        "Dr. Ruth Ambler runs the clinic.",
        "“We are full,” said Daniel Foy, a porter.",
        "Back at the clinic, Ambler said she had turned away twelve families.",
        "“There is no room,” she said.",
    )[-1] == ("There is no room,", "Ruth Ambler")


def test_pronoun_chain_runs_through_a_pronoun_subject() -> None:
    assert said(
        "“Ask me later,” said a senior party official.",
        "Mr. Dube’s plan is simple. At a rally, he told the crowd about his mother.",
        "“She worked every day,” he said.",
    )[-1] == ("She worked every day,", "Dube")


def test_the_listener_after_told_is_not_the_next_speaker() -> None:
    assert said(
        "Tomasz Wren chairs the board.",
        "“We are full,” he told Daniel Foy.",
        "“Come back tomorrow,” he said.",
    )[-1] == ("Come back tomorrow,", "Tomasz Wren")


def test_person_introduced_with_for_is_the_topic_of_the_next_quote() -> None:
    assert said(
        "Dr. Irene Kagame studies the test.",
        "For Ada Okoye, who trained in Lagos, the trial is personal.",
        "“Nobody knew what it was,” she said.",
    ) == [("Nobody knew what it was,", "Ada Okoye")]


def test_shared_surname_means_the_one_named_last_in_the_recent_paragraphs() -> None:
    paragraphs = [
        "Rep. Paul Varga, a farmer, opposes the plan.",
        "“It is theft,” Paul Varga said.",
        *[FILLER] * 7,
        "Sen. Irene Varga said she expected a vote.",
        "“We have the numbers,” Varga said.",
    ]
    assert said(*paragraphs)[-1] == ("We have the numbers,", "Irene Varga")


def test_honorific_picks_the_namesake_of_that_gender() -> None:
    assert said(
        "Irene Varga is running for the Senate. Her brother, Paul Varga, runs the campaign.",
        "“We are not winning on vibes,” Mr. Varga said.",
    ) == [("We are not winning on vibes,", "Paul Varga")]


def test_first_name_alone_and_family_name_first() -> None:
    assert said(
        "Lucas Ferreira-Holm, her cousin, tunes pianos.",
        "“The house was loud,” Lucas said.",
        "Nguyen Thi Lan, who runs the poll, was cautious.",
        "“It is close,” Ms. Nguyen said. “Too close,” she added.",
    ) == [
        ("The house was loud,", "Lucas Ferreira-Holm"),
        ("It is close,", "Nguyen Thi Lan"),
        ("Too close,", "Nguyen Thi Lan"),
    ]


def test_relative_pronoun_is_not_a_described_speaker() -> None:
    assert said(
        "Dr. Kemi Adeyinka-Obi led the study, which Adeyinka-Obi designed.",
        "Adeyinka-Obi said the team had built a tool that asked nurses to wait. "
        "“It works,” she said.",
    ) == [("It works,", "Kemi Adeyinka-Obi")]


def test_the_letter_speaks_for_whoever_sent_it() -> None:
    assert said(
        "Gov. Ana Ruiz of Nevada sent a letter on Monday to the agency.",
        "“Families are waiting,” the letter said.",
    ) == [("Families are waiting,", "Ana Ruiz")]


def test_the_memo_speaks_for_whoever_wrote_it() -> None:
    assert said(
        "Senator Joan Pruitt of Ohio, who chairs the budget committee, called the plan "
        "“a gimmick” in a memo to staff.",
        "“It will not pass,” the memo said.",
    ) == [("a gimmick", "Joan Pruitt"), ("It will not pass,", "Joan Pruitt")]


def test_the_department_is_the_department_named_before() -> None:
    assert said(
        "Voters are angry. The Interior Department, which manages the parks, issued guidance. "
        "In a statement, the department said it was “reviewing every permit”."
    ) == [("reviewing every permit", "Interior Department")]


def test_the_charity_named_after_its_kind() -> None:
    assert said(
        "The charity Friends of the Fens said volunteers were exhausted.",
        "“We need help,” the charity said.",
    ) == [("We need help,", "Friends of the Fens")]


def test_acronym_is_the_body_named_in_full() -> None:
    assert said(
        "The Coastal Flood Authority warned of more rain.",
        "The CFA said the barriers were “holding for now”.",
    ) == [("holding for now", "Coastal Flood Authority")]


def test_she_prefers_a_woman_named_just_before_to_a_name_of_unknown_gender() -> None:
    assert said(
        "Clara Montfort admits she has not written a note of it yet. Her publisher, Brandvik "
        "Noten, said the work was “on schedule.”",
        "“That is a polite way of saying I am late,” she said.",
    )[-1] == ("That is a polite way of saying I am late,", "Clara Montfort")


def test_the_company_is_the_body_the_article_shortens_not_the_dateline() -> None:
    assert said(
        "OSLO, May 2 – Fjordline Shipping agreed on Monday to buy a rival for $2 billion.",
        "Fjordline said the deal would close in the autumn.",
        "The combined group will cut costs, the company said, calling the plan “realistic.”",
    ) == [("realistic.", "Fjordline Shipping")]


def test_a_described_person_in_a_place_opening_a_sentence_is_who_she_is() -> None:
    assert said(
        "Rehearsals ran late all week.",
        "A cellist in the band, who asked not to be named, described the part as exhausting. "
        "“Your hands go numb,” she said.",
    ) == [("Your hands go numb,", "a cellist in the band")]


def test_a_trade_stands_for_the_person_just_named() -> None:
    assert said(
        "Ana Brandt, who designed the hall, walked us through it.",
        "“Every seat hears the same note,” the architect said.",
    ) == [("Every seat hears the same note,", "Ana Brandt")]


def test_it_is_the_company_introduced_by_a_two_word_name() -> None:
    assert said(
        "The kit was developed by Lumora Diagnostics, a Nairobi-based company.",
        "Lumora said it would sell the kit cheaply. “Price is the point,” it said.",
    ) == [("Price is the point,", "Lumora Diagnostics")]


def test_whom_he_calls_reports_his_words() -> None:
    assert said(
        "Rafael Ortiz runs the campaign for his sister, whom he calls “the brains of the family.”"
    ) == [("the brains of the family.", "Rafael Ortiz")]


def test_an_aged_description_with_a_complement_points_back() -> None:
    assert said(
        "Maribel Ocampo lost her home in the fire.",
        "“We had ten minutes,” said the 45-year-old mother of three, who lives with her sister.",
    ) == [("We had ten minutes,", "Maribel Ocampo")]


def test_a_trade_points_back_but_an_official_may_be_someone_new() -> None:
    assert said(
        "Oksana Melnyk, 38, fled Kharkiv in March.",
        "“I left everything,” the teacher said.",
        "Mayor Ivan Sirko opened the shelter. “It is full,” the official said.",
    ) == [("I left everything,", "Oksana Melnyk"), ("It is full,", "the official")]


def test_the_ministry_is_the_whole_name_its_subject_gave() -> None:
    assert said(
        "The Ministry of Defence said in a statement that two drones were shot down.",
        "“Air defences worked as intended,” the ministry said.",
    ) == [("Air defences worked as intended,", "Ministry of Defence")]


def test_a_person_named_in_what_she_added_does_not_take_her_place() -> None:
    assert said(
        "“We will rebuild,” said Maria Lopez, the mayor. She added that Anna Kowalski, the city "
        "engineer, had warned of the risk in March.",
        "“We did not listen,” she said.",
    ) == [("We will rebuild,", "Maria Lopez"), ("We did not listen,", "Maria Lopez")]


def test_he_after_a_passive_points_to_the_described_agent() -> None:
    assert said(
        "Dnyaneshwar Pawar, secretary of the society, said the families had nowhere to go.",
        "This was admitted by a senior civic official who did not wish to be named. He said "
        "the file had been “sent upwards” for a decision.",
    ) == [("sent upwards", "a senior civic official who did not wish to be named")]


def test_someone_she_is_compared_with_is_not_who_she_is() -> None:
    assert said(
        "Yuko Kawabata, the plaintiffs' lead lawyer, said they would appeal.",
        "Among them is Michiko Arai, 72, a fisherman's widow, who attended every hearing.",
        "Like Kawabata, she said she would not give up. “I will keep coming back,” she said.",
    ) == [("I will keep coming back,", "Michiko Arai")]


def test_it_after_a_ministry_named_by_its_country() -> None:
    assert said(
        "Kyiv said 12 drones hit the airbase.",
        "Russia’s defence ministry gave a very different account. In a statement, it said its "
        "air defences had “intercepted and destroyed” 38 drones.",
    ) == [("intercepted and destroyed", "Russia’s defence ministry")]
