"""Times of day as teachers write them, read to HH:MM on the school day."""

from __future__ import annotations

import pytest

from goalwriter.core.times import (
    TimeSpan,
    find_span,
    format_clock,
    minutes_of,
    normalize_time,
    parse_sessions,
    parse_span,
    parse_time,
)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("8:30", "08:30"),
        ("08:30", "08:30"),
        ("8:30 am", "08:30"),
        ("8:30AM", "08:30"),
        ("8:30 a.m.", "08:30"),
        ("8.30", "08:30"),
        ("1:15 pm", "13:15"),
        ("1:15PM", "13:15"),
        ("13:30", "13:30"),
        ("noon", "12:00"),
        ("12 noon", "12:00"),
        ("Noon", "12:00"),
        ("12:00", "12:00"),
        ("12:45", "12:45"),
        ("12:00 pm", "12:00"),
        ("9", "09:00"),
        ("9am", "09:00"),
        ("3 pm", "15:00"),
        ("0830", "08:30"),
        ("1330", "13:30"),
        ("7:00", "07:00"),  # school-day morning starts at 7
        ("11:59", "11:59"),
        ("1:00", "13:00"),  # 1:00-5:59 without am/pm is the afternoon
        ("5:59", "17:59"),
        ("6:00", "06:00"),  # six o'clock with nothing before it: morning
        ("  10:05  ", "10:05"),
        ("13:30 pm", "13:30"),
    ],
)
def test_one_time(text, stored):
    assert parse_time(text) == stored


def test_six_oclock_follows_the_rows_before_it():
    assert parse_time("6:00", after="07:30") == "06:00"
    assert parse_time("6:00", after="15:30") == "18:00"
    assert parse_time("6:30 am", after="15:30") == "06:30"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("8:30-9:15", "08:30", "09:15"),
        ("8:30 – 9:15", "08:30", "09:15"),
        ("8:30—9:15", "08:30", "09:15"),
        ("10:10- 10:40", "10:10", "10:40"),
        ("8:30 to 9:15", "08:30", "09:15"),
        ("8:30 until 9:15", "08:30", "09:15"),
        ("8-9", "08:00", "09:00"),
        ("11:00-1:00", "11:00", "13:00"),
        ("11:30-12:15 pm", "11:30", "12:15"),  # pm belongs to the end only
        ("11:30 am - 12:15", "11:30", "12:15"),
        ("1:00-2:30pm", "13:00", "14:30"),  # a shared pm
        ("12:30-1:15", "12:30", "13:15"),
        ("2:45 - 3:05", "14:45", "15:05"),
        ("9:00 - 9:45 AM", "09:00", "09:45"),
        ("noon-12:30", "12:00", "12:30"),
        ("9:00", "09:00", ""),  # a lone start: the end comes from the next block
    ],
)
def test_ranges(text, start, end):
    assert parse_span(text) == TimeSpan(start, end)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("", ()),
        ("12:00/2:00", (TimeSpan("12:00"), TimeSpan("14:00"))),
        ("11:30/1:00", (TimeSpan("11:30"), TimeSpan("13:00"))),
        ("10:15 and 2:00", (TimeSpan("10:15"), TimeSpan("14:00"))),
        ("8:30-9:00 & 12:00-12:30", (TimeSpan("08:30", "09:00"), TimeSpan("12:00", "12:30"))),
        ("8:30-9:15", (TimeSpan("08:30", "09:15"),)),
    ],
)
def test_sessions_in_one_cell(text, spans):
    assert parse_sessions(text) == spans


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "cannot read 'abc' as a time of day"),
        ("8:75", "minutes go from 00 to 59"),
        ("25:00", "hours go up to 23"),
        ("13:30 am", "is not an am time"),
        ("8:30-", "missing its start or its end"),
        ("1 noon", "says noon but names another hour"),
        ("9:00/abc", "cannot read 'abc'"),
        ("", "no time given"),
    ],
)
def test_unreadable_times_say_why(text, message):
    read = parse_sessions if text else parse_time  # an empty cell is simply no session
    with pytest.raises(ValueError) as info:
        read(text)
    assert message in str(info.value)


def test_a_range_is_not_one_time():
    with pytest.raises(ValueError, match="time range"):
        parse_time("8:30-9:15")


def test_every_message_shows_how_to_write_a_time():
    with pytest.raises(ValueError, match="8:30, 1:15 pm or 13:30"):
        parse_time("half past eight")


@pytest.mark.parametrize(
    ("text", "found", "rest"),
    [
        ("8:30-9:15 Morning meeting", "8:30-9:15", "Morning meeting"),
        ("Morning meeting 8:30-9:15", "8:30-9:15", "Morning meeting"),
        ("10:00 - 10:45: Math", "10:00 - 10:45", "Math"),
        ("Lunch (11:30 - 12:00)", "11:30 - 12:00", "Lunch"),
        ("8:30 Arrival", "8:30", "Arrival"),
        ("Centers 2", "", "Centers 2"),  # a number in a name is not a time
        ("1:1 reading", "", "1:1 reading"),
        ("Recess", "", "Recess"),
    ],
)
def test_time_written_beside_a_name(text, found, rest):
    assert find_span(text) == (found, rest)


def test_stored_form_helpers():
    assert normalize_time("") == ""
    assert normalize_time("  ") == ""
    assert normalize_time("1:05 pm") == "13:05"
    assert minutes_of("13:05") == 13 * 60 + 5
    assert format_clock(13 * 60 + 5) == "13:05"
    assert format_clock(8 * 60) == "08:00"
