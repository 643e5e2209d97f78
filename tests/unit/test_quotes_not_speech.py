"""Scare quotes, terms, names and titles are not quotes; partial quotes of speech are."""

from __future__ import annotations

from quote_helpers import said


def test_so_called_terms_are_not_quotes() -> None:
    assert said("Russia has used the so-called “kamikaze” drones since October.") == []


def test_a_scare_quoted_phrase_with_no_speaker_is_not_a_quote() -> None:
    assert said("A woman died in the custody of the “morality police” last month.") == []


def test_nicknames_and_titles_of_works_are_not_quotes() -> None:
    assert (
        said(
            "Max Verstappen, known to fans as “Mad Max”, won again.",
            "Hicks wrote a book called “The Brutish Museums” about the raid.",
            "Vladimir “Vova” Putin was not amused.",
        )
        == []
    )


def test_slogans_on_signs_are_not_quotes_but_chants_are() -> None:
    assert said(
        "Protesters held placards reading ‘Stolen is stolen’ and chanted ‘Give them back’."
    ) == [("Give them back", "Protesters")]


def test_one_or_two_word_partial_quotes_of_speech_count() -> None:
    assert said(
        "Antoine Halff said that Iran is a “second tier producer” and a “shadow” of its former self."
    ) == [("second tier producer", "Antoine Halff"), ("shadow", "Antoine Halff")]


def test_what_someone_called_is_speech_but_a_thing_called_is_not() -> None:
    assert said(
        "Speaker Mike Johnson called it “the most difficult vote of my career.”",
        "The ship, a tanker called “Sea Breeze”, sank.",
    ) == [("the most difficult vote of my career.", "Mike Johnson")]


def test_a_short_phrase_away_from_the_reporting_clause_is_a_term() -> None:
    assert (
        said(
            "At a centre where volunteers run a ‘warm bank’ on Tuesdays, Margaret Doyle said she stopped cooking."
        )
        == []
    )


def test_a_term_word_in_the_sentence_before_does_not_hide_a_quote() -> None:
    assert said(
        '"It was chaos," said one resident, who asked not to be named. "Nobody came to help."'
    ) == [("It was chaos,", "one resident"), ("Nobody came to help.", "one resident")]


def test_words_on_signs_and_in_logs_are_not_speech() -> None:
    assert said(
        "Protesters held signs reading “Save Our Park” and “Trees Before Towers.”",
        "The ward log for that night reads only “pt found on floor 0300, nurse called.”",
        "“We will keep the park,” Mayor Ilse Brandt said.",
    ) == [("We will keep the park,", "Ilse Brandt")]


def test_a_statement_that_reads_is_still_speech() -> None:
    found = said("The Harbour Trust statement reads: “We regret the delay.”")
    assert [text for text, _ in found] == ["We regret the delay."]


def test_a_nickname_given_by_calling_someone_and_a_name_pronounced_are_not_quotes() -> None:
    assert (
        said(
            "Clara Lund is fifty-four. Her friends, and most of the local press, call her “Bibi,” "
            "a name her nephew gave her when he couldn’t pronounce “Beatrix,” and which she "
            "claims to hate."
        )
        == []
    )


def test_a_title_set_off_by_commas_is_not_a_quote() -> None:
    assert said("The opera, “A House of Salt and Rain,” has toured nine countries.") == []


def test_a_word_whose_meaning_is_asked_about_is_not_a_quote() -> None:
    assert said("Asked whether “shortly” meant before the recess, the aide did not reply.") == []


def test_what_someone_called_it_is_still_their_speech() -> None:
    assert said("Critics have called it “the anti-museum”, a label she dislikes.") == [
        ("the anti-museum", "Critics")
    ]


def test_a_one_word_answer_with_its_reporting_clause_is_a_quote() -> None:
    assert said("Petra Lund was asked if she would stop.", "“No,” she said, and smiled.") == [
        ("No,", "Petra Lund")
    ]


def test_a_reporting_verb_ending_like_a_label_word_still_reports_speech() -> None:
    # "remarked" ends in "marked", as in "a box marked “Fragile”"
    assert said("The judge remarked: “So the demolition is ready but the survey is not?”") == [
        ("So the demolition is ready but the survey is not?", "the judge")
    ]


def test_what_someone_calls_a_thing_is_their_term() -> None:
    assert said(
        'The strike hit the offensive, which the Kremlin still calls a "special military '
        'operation".',
        'Most were Shaheds, which Ukrainian soldiers call "mopeds" because of their whine.',
        "“It was a disaster,” the mayor called it.",
    ) == [("It was a disaster,", "the mayor")]


def test_a_quoted_word_before_its_noun_is_a_scare_quote() -> None:
    assert said(
        "Sellers have responded by offering more “compliant” barrels, traders said.",
        "Iran is a “second tier producer” and a “shadow” of its former self, Halff said.",
    ) == [("second tier producer", "Halff"), ("shadow", "Halff")]


def test_a_group_named_at_the_end_of_a_sentence_is_a_name() -> None:
    assert said(
        "“Most do not want to go,” said Oleksii Bondarenko, a volunteer with the evacuation "
        "group “Angels of Kherson.”",
    ) == [("Most do not want to go,", "Oleksii Bondarenko")]


def test_a_noun_before_calls_is_no_speaker() -> None:
    assert (
        said(
            "Executives have embraced the language of “flattening” and of “efficiency,” a word that "
            "has become standard on earnings calls since 2023.",
        )
        == []
    )
