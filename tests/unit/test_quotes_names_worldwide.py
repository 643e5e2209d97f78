"""Names as newsrooms across the world write them: offices glued to names, letters after them,
family names first, Arabic particles, Catalan and Spanish double surnames, dotted acronyms."""

from __future__ import annotations

from quote_helpers import said


def test_unlisted_first_name_after_an_office_and_a_party_title() -> None:
    assert said(
        "Likud MK Tomer Vashdi dismissed the criticism. “The debts are real,” he said.",
        "Infrastructure Ministry Director-General Dalit Oren-Shaked met the mayors.",
        "“Water will flow within days,” Oren-Shaked told reporters.",
    ) == [
        ("The debts are real,", "Tomer Vashdi"),
        ("Water will flow within days,", "Dalit Oren-Shaked"),
    ]


def test_lower_case_office_before_a_name_is_not_part_of_it() -> None:
    assert said(
        "“I read it cover to cover,” acting NHTSA administrator Devan Karkhanis said.",
        "ECOWAS Vice-President Awa Diallo-Konaté called the talks “difficult”.",
    ) == [
        ("I read it cover to cover,", "Devan Karkhanis"),
        ("difficult", "Awa Diallo-Konaté"),
    ]


def test_letters_after_a_barristers_name_are_dropped() -> None:
    assert said(
        "Pelham Strand KC, for the wife, said: “This was a plan.”",
        "“Every penny is accounted for,” Mr Strand added.",
    ) == [
        ("This was a plan.", "Pelham Strand"),
        ("Every penny is accounted for,", "Pelham Strand"),
    ]


def test_family_name_first_with_a_hyphenated_given_name() -> None:
    assert said(
        "Secretary for Housing Agnes Lau Suk-man and lawmaker Kwok Tsz-lung spoke on Monday.",
        "“We will inspect,” Lau said. “More carrots,” Kwok said.",
    ) == [
        ("We will inspect,", "Agnes Lau Suk-man"),
        ("More carrots,", "Kwok Tsz-lung"),
    ]


def test_arabic_surname_with_a_lower_case_particle() -> None:
    assert said(
        "“Both sides needed this,” said Ahmed al-Ansari, a researcher in Dakar.",
        "“It is collective punishment,” al-Ansari added.",
    ) == [
        ("Both sides needed this,", "Ahmed al-Ansari"),
        ("It is collective punishment,", "Ahmed al-Ansari"),
    ]


def test_catalan_surnames_joined_by_i() -> None:
    assert said(
        "The minister, Montserrat Puigdomènech i Soler, said: “We live on borrowed water.”",
        "“Nobody will be left behind,” Puigdomènech i Soler said.",
    ) == [
        ("We live on borrowed water.", "Montserrat Puigdomènech i Soler"),
        ("Nobody will be left behind,", "Montserrat Puigdomènech i Soler"),
    ]


def test_dotted_acronym_is_the_body_spelled_out_earlier() -> None:
    assert said(
        "The Rapid Support Forces have besieged the city since May.",
        "The R.S.F. said it was “protecting the population.”",
    ) == [("protecting the population.", "Rapid Support Forces")]


def test_a_call_sign_names_the_described_soldier_and_is_no_quote() -> None:
    assert said(
        "“They come in waves,” said the soldier, a drone operator with the 118th Brigade who "
        "goes by the call sign “Bober.” “We burn one,” he said.",
        "A combat medic with the brigade who goes by the call sign “Lastivka,” said evacuations "
        "had become dangerous. “The drones hunt us first,” she said.",
        "Back in the dugout, Bober lit a cigarette. “I want to sleep,” he said.",
    ) == [
        ("They come in waves,", "Bober"),
        ("We burn one,", "Bober"),
        ("The drones hunt us first,", "Lastivka"),
        ("I want to sleep,", "Bober"),
    ]


def test_a_first_name_given_in_the_describing_clause_is_the_speaker() -> None:
    assert said(
        "A drone pilot, who asked to be identified only by his call sign, Mamai, said the river "
        "was lost. “We lose the sky,” he said.",
        "One resident, a retired teacher who asked that only her first name, Loretta, be used, "
        "said she worried. “You can taste it,” she said.",
    ) == [("We lose the sky,", "Mamai"), ("You can taste it,", "Loretta")]


def test_an_english_judge_is_named_by_the_style_of_the_court() -> None:
    assert said(
        "Mrs Justice Okonjo said the costs were “disproportionate”.",
        "In a later ruling, the judge called the letters “childish”.",
        "“I have been patient,” Okonjo said.",
    ) == [
        ("disproportionate", "Mrs Justice Okonjo"),
        ("childish", "Mrs Justice Okonjo"),
        ("I have been patient,", "Mrs Justice Okonjo"),
    ]


def test_vietnamese_names_put_the_family_name_first_and_tell_the_gender() -> None:
    assert said(
        "When Nguyen Thi Hoa landed at Leipzig/Halle Airport, she had two suitcases.",
        "“I thought I understood German,” she says.",
        "In Hanoi, Tran Van Duc runs a language school. “Some come back,” he said.",
        "“It gets easier,” Nguyen recalls.",
    ) == [
        ("I thought I understood German,", "Nguyen Thi Hoa"),
        ("Some come back,", "Tran Van Duc"),
        ("It gets easier,", "Nguyen Thi Hoa"),
    ]


def test_a_run_with_digits_is_nobody() -> None:
    assert said(
        "Hoa Le arrived with a B1 German certificate.",
        "“Some come back after one year,” she said.",
    ) == [("Some come back after one year,", "Hoa Le")]


def test_an_arabic_surname_is_written_later_without_its_article() -> None:
    assert said(
        "Kadhim Jabbar al-Garawi, 58, has farmed the land near Chibayish all his life.",
        "“My father farmed this land,” Garawi said.",
    ) == [("My father farmed this land,", "Kadhim Jabbar al-Garawi")]
