"""A date after "days after/before" another event belongs to that other event (بعد أيام من / على)."""

import pytest

import rasd


@pytest.mark.parametrize("link", ["من", "على"])
def test_date_after_a_lapse_is_the_other_events(link):
    text = f"وجاء اعتقال الخلية بعد أيام {link} تفجير المسجد في 6 أغسطس."
    events = [e for e in rasd.extract(text, published="2015-08-20").events if e.type == "COERCE"]
    assert events and events[0].date == "2015-08-20"
