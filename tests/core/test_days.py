import pytest

from goalwriter.core.days import days_per_week, format_days, parse_days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon-Fri", "Mon-Fri"), ("M-F", "Mon-Fri"), ("daily", "Mon-Fri"), ("", "Mon-Fri"), ("Mon - Fri", "Mon-Fri"),
        ("M/W/F", "Mon, Wed, Fri"), ("M,W,F", "Mon, Wed, Fri"), ("MWF", "Mon, Wed, Fri"),
        ("Tue,Thu", "Tue, Thu"), ("Tue/Thu", "Tue, Thu"), ("T/Th", "Tue, Thu"), ("TTh", "Tue, Thu"),
        ("Mon-Thu", "Mon-Thu"), ("Mon,Wed", "Mon, Wed"), ("Tue", "Tue"), ("Monday and Wednesday", "Mon, Wed"),
        ("Fri", "Fri"),
    ],
)
def test_teacher_spellings(text, expected):
    assert format_days(parse_days(text)) == expected


@pytest.mark.parametrize("text", ["Blue day", "Fri-Mon", "Mon-Xyz"])
def test_unreadable_days_say_what_is_wrong(text):
    with pytest.raises(ValueError, match="day"):
        parse_days(text)


def test_days_per_week():
    assert days_per_week("M/W/F") == 3
    assert days_per_week("") == 5
    assert days_per_week("Tue") == 1
    assert days_per_week("not a day") == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lunes a viernes", "Mon-Fri"), ("Lunes-Viernes", "Mon-Fri"), ("lun a jue", "Mon-Thu"),
        ("martes y jueves", "Tue, Thu"), ("miércoles", "Wed"), ("Miercoles", "Wed"), ("Lun/Mié/Vie", "Mon, Wed, Fri"),
        ("diario", "Mon-Fri"), ("Todos los días", "Mon-Fri"), ("viernes", "Fri"),
    ],
)
def test_dual_language_schedules_in_spanish(text, expected):
    assert format_days(parse_days(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("thursday", "Thu"), ("Monday to Friday", "Mon-Fri"), ("saturday", "Sat"), ("M-Th", "Mon-Thu")],
)
def test_a_spanish_range_word_does_not_split_english_days(text, expected):
    """"a" joins a range only between spaces, so "thursday" is not read as "thursd" to "y"."""
    assert format_days(parse_days(text)) == expected
