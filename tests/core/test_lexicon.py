"""The lexicon: the shipped activity analysis is complete and consistent; user words and files merge in."""

from __future__ import annotations

import pytest

from goalwriter.core.lexicon import (
    ANY,
    LEVELS,
    SHIPPED_PATH,
    LexiconError,
    check_user_word,
    load_lexicon,
    read_user_file,
    shipped_lexicon,
)


def test_shipped_lexicon_is_broad_and_consistent():
    lexicon = shipped_lexicon()
    assert len(lexicon.skills) >= 50
    assert len(lexicon.activities) >= 70
    for skill in lexicon.skills.values():
        assert skill.label and skill.words, skill.key
        assert skill.level in LEVELS
        for ref in skill.natural + skill.possible:
            assert ref == ANY or ref in lexicon.activities, (skill.key, ref)
        assert not set(skill.natural) & set(skill.possible), skill.key
        if skill.level == "task":
            assert skill.natural or ANY in skill.possible, f"{skill.key} comes up nowhere"
    for activity in lexicon.activities.values():
        assert activity.label and activity.words, activity.key
        for ref, strength in activity.implies:
            assert ref in lexicon.activities and 0 < strength <= 1
        for ref in activity.topics:
            assert ref in lexicon.activities and ref != activity.key, (activity.key, ref)


def test_classes_name_what_they_only_teach_about():
    activities = shipped_lexicon().activities
    assert "personal_care" in activities["health"].topics
    assert "regulation_time" in activities["sel_lesson"].topics
    assert not activities["personal_care"].topics  # a block where grooming is done teaches nothing "about" it


def test_an_unknown_topic_is_refused(tmp_path):
    from goalwriter.core.lexicon import _shipped

    path = tmp_path / "lexicon.toml"
    path.write_text('[activity.health]\nlabel = "health"\nwords = ["health"]\ntopics = ["grooming_room"]\n')
    with pytest.raises(LexiconError, match="topics names an unknown activity type 'grooming_room'"):
        _shipped(str(path), 0.0)


def test_an_apartment_block_is_the_tasks_it_names():
    activities = shipped_lexicon().activities
    assert activities["apartment"].by_tasks
    assert not activities["recess"].by_tasks


def test_by_tasks_must_be_true_or_false(tmp_path):
    from goalwriter.core.lexicon import _shipped

    path = tmp_path / "lexicon.toml"
    path.write_text('[activity.apartment]\nlabel = "apartment"\nwords = ["apartment"]\nby_tasks = "yes"\n')
    with pytest.raises(LexiconError, match=r"\[activity.apartment\] by_tasks must be true or false"):
        _shipped(str(path), 0.0)


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        ("skill", "handwriting"), ("skill", "fasteners"), ("skill", "scissors"), ("skill", "keyboarding"),
        ("skill", "in_hand"), ("skill", "bilateral"), ("skill", "self_regulation"), ("skill", "transitions"),
        ("skill", "organization"), ("skill", "feeding"), ("skill", "toileting"), ("skill", "money"),
        ("skill", "vocational"), ("skill", "peer_play"), ("skill", "containers"), ("skill", "attention"),
        ("activity", "literacy_rotations"), ("activity", "writing_block"), ("activity", "centers"),
        ("activity", "pe"), ("activity", "recess"), ("activity", "arrival"), ("activity", "pack_up"),
        ("activity", "lunch"), ("activity", "circle"), ("activity", "science_lab"), ("activity", "job_site"),
        ("activity", "student_store"), ("activity", "community_outing"), ("activity", "cooking"),
        ("activity", "apartment"), ("activity", "personal_care"), ("activity", "passing"),
    ],
)
def test_the_concepts_the_issue_names_are_there(kind, key):
    assert shipped_lexicon().concept(kind, key).label


def test_concepts_lists_keys_and_labels_for_a_picker():
    listed = shipped_lexicon().concepts("activity")
    assert ("pe", "PE / gym class") in listed
    labels = [label.casefold() for _, label in listed]
    assert labels == sorted(labels)
    with pytest.raises(LexiconError):
        shipped_lexicon().concepts("verb")


def test_shipped_file_is_commented_for_an_ot_reader():
    text = SHIPPED_PATH.read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) > 40
    assert "natural" in text and "possible" in text


def test_user_words_are_added_without_touching_the_shipped_lexicon():
    lexicon = load_lexicon([("activity", "pe", "Motor Lab"), ("skill", "scissors", "snip-snip")])
    assert lexicon.activities["pe"].user_words == ("Motor Lab",)
    assert "Motor Lab" in lexicon.activities["pe"].all_words
    assert lexicon.skills["scissors"].user_words == ("snip-snip",)
    assert shipped_lexicon().activities["pe"].user_words == ()


def test_every_load_is_a_new_lexicon():
    assert load_lexicon() is not load_lexicon()


def test_user_file_has_the_shape_of_the_shipped_word_lists(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text(
        '[activity.centers]\nwords = ["Daily 5", "Stations"]\n[skill.keyboarding]\nwords = ["typing club"]\n'
    )
    assert sorted(read_user_file(path)) == [
        ("activity", "centers", "Daily 5"),
        ("activity", "centers", "Stations"),
        ("skill", "keyboarding", "typing club"),
    ]
    lexicon = load_lexicon(extra_files=[path])
    assert lexicon.activities["centers"].user_words == ("Daily 5", "Stations")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[activity.gym_thing]\nwords = ["x y"]\n', "no activity named 'gym_thing'"),
        ('[activity.pe]\nlabel = "Sport"\nwords = ["x"]\n', "can only add words"),
        ('[teacher.pe]\nwords = ["x"]\n', "unknown section"),
        ("[activity.pe\nwords = []\n", "not valid TOML"),
        ('[activity.pe]\nwords = "Motor Lab"\n', "expected a list of strings"),
        ('[activity.pe]\nwords = ["  "]\n', None),
    ],
)
def test_bad_user_files_name_the_file_and_the_problem(tmp_path, content, message):
    path = tmp_path / "ours.toml"
    path.write_text(content)
    if message is None:  # a blank entry is skipped, not an error
        assert load_lexicon(extra_files=[path]).activities["pe"].user_words == ()
        return
    with pytest.raises(LexiconError) as info:
        load_lexicon(extra_files=[path])
    assert str(path) in str(info.value) and message in str(info.value)


def test_a_missing_user_file_is_reported(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon(extra_files=[tmp_path / "nope.toml"])


def test_check_user_word_cleans_and_refuses():
    lexicon = shipped_lexicon()
    assert check_user_word(lexicon, "activity", "pe", "  Motor   Lab ") == "Motor Lab"
    with pytest.raises(LexiconError, match="empty"):
        check_user_word(lexicon, "activity", "pe", "   ")
    with pytest.raises(LexiconError, match="no word the matcher can use"):
        check_user_word(lexicon, "activity", "pe", "the and of")
    with pytest.raises(LexiconError, match="kind must be"):
        check_user_word(lexicon, "routine", "pe", "x")
    with pytest.raises(LexiconError, match="no skill named"):
        check_user_word(lexicon, "skill", "pe", "x")
