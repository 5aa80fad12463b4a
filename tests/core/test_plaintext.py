from goalwriter.core.plaintext import clean, goal_plain_text, goals_plain_text


def test_clean_makes_quotes_dashes_and_spaces_plain():
    assert clean("José\u2019s “best” work \u2014 8:30\u20139:15\u00a0 ok") == "José's \"best\" work - 8:30-9:15 ok"


def test_one_goal_with_objectives():
    text = goal_plain_text(2, "Fine motor", "Maya will cut on a line.", "Tears paper.", ["Snip paper.", ""])
    assert text.splitlines() == [
        "Goal 2 (Fine motor):",
        "Maya will cut on a line.",
        "Baseline: Tears paper.",
        "Objectives:",
        "  2.1 Snip paper.",
    ]


def test_all_goals_are_numbered_and_separated():
    text = goals_plain_text([("A", "One.", "", []), ("", "Two.", "", [])], heading="Maya Rivera - IEP goals")
    assert text == "Maya Rivera - IEP goals\n\nGoal 1 (A):\nOne.\n\nGoal 2:\nTwo.\n"
