"""The member's own profile, as a use case: what is saved, what is refused, what history is kept."""
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone

import pytest
from django.core.exceptions import ValidationError

from seedbed.accounts import profile
from seedbed.people.models import DeclaredBreak, Motivation, Person

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=dt_timezone.utc)
T1 = T0 + timedelta(days=30)


@pytest.fixture
def ada():
    return Person.objects.create(display_name="Ada", field_visibility={"region": "public-ish"})


def fresh(person) -> Person:
    return Person.objects.get(pk=person.pk)


def test_each_field_is_saved_and_reported(ada):
    changes = profile.update_profile(ada.pk, {
        "display_name": "  Ada Lovelace ", "pronouns": "she/her", "time_zone": "Europe/London",
        "languages": "en, pt-br, EN, zh-hant", "interests": "compilers, Poetry ,, compilers, poetry",
        "skills": ["maths", " Maths", "engines"], "availability": "Evenings",
        "thanks_preferences": ["dinner", "personal-message"], "thanks_note": "No swag, please.\r\nA note is best.",
        "consent_public_listing": True, "consent_contact": True,
        "visibility": {"pronouns": "public", "motivation": "only-me"},
    }, now=T0)
    ada = fresh(ada)
    assert ada.display_name == "Ada Lovelace"
    assert (ada.pronouns, ada.time_zone, ada.availability) == ("she/her", "Europe/London", "Evenings")
    assert ada.languages == ["en", "pt-BR", "zh-Hant"]
    assert ada.interests == ["compilers", "Poetry"]
    assert ada.skills == ["maths", "engines"]
    assert ada.thanks_preferences == ["personal-message", "dinner"]  # in the order the form offers them
    assert ada.thanks_note == "No swag, please.\nA note is best."
    assert ada.consent_public_listing and ada.consent_contact and ada.consent_updated_at == T0
    # the settings not given are kept, and stewards stays the default
    assert ada.field_visibility == {"region": "public-ish", "pronouns": "public", "motivation": "only-me"}
    assert ada.visibility_of("availability") == "stewards"
    assert changes.consent and not changes.motives
    assert set(changes.fields) >= {"display_name", "languages", "thanks_preferences", "field_visibility"}
    assert "time zone" in changes.describe() and "consent" in changes.describe()


def test_only_the_keys_given_are_touched_and_nothing_else_counts_as_a_change(ada):
    profile.update_profile(ada.pk, {"pronouns": "she/her", "time_zone": "Europe/London"})
    changes = profile.update_profile(ada.pk, {"pronouns": "she/her", "availability": ""})
    assert not changes and changes.fields == []
    assert fresh(ada).time_zone == "Europe/London"


@pytest.mark.parametrize("data, field, words", [
    ({"time_zone": "Mars/Olympus_Mons"}, "time_zone", "not a time zone"),
    ({"time_zone": "../../etc/passwd"}, "time_zone", "not a time zone"),
    ({"languages": "en, english!, pt_BR"}, "languages", "Not a language tag: “english!”, “pt_BR”"),
    ({"display_name": "   "}, "display_name", "name you want to be known by"),
    ({"pronouns": "x" * 51}, "pronouns", "50 characters"),
    ({"thanks_preferences": ["dinner", "a-yacht"]}, "thanks_preferences", "a-yacht"),
    ({"visibility": {"pronouns": "everyone"}}, "visibility_pronouns", "Choose who sees your pronouns"),
    ({"visibility": {"password": "public"}}, "visibility", "“password” is not a field"),
    ({"motivation": {"learn": 5}}, "motive_learn", "0 (not at all) to 4"),
    ({"motivation": {"money": 3}}, "motivation", "“money” is not a motive"),
])
def test_a_wrong_value_is_refused_with_a_clear_message_and_nothing_is_saved(ada, data, field, words):
    good = {"display_name": "Ada Lovelace", "availability": "Weekends", "consent_contact": True,
            "motivation": {"fun": 3}}
    with pytest.raises(ValidationError) as refused:
        profile.update_profile(ada.pk, {**good, **data})
    assert words in " ".join(refused.value.message_dict[field])
    ada = fresh(ada)
    assert (ada.display_name, ada.availability, ada.consent_contact, ada.consent_updated_at) == ("Ada", "", False, None)
    assert not Motivation.objects.exists()


def test_every_error_is_reported_at_once(ada):
    with pytest.raises(ValidationError) as refused:
        profile.update_profile(ada.pk, {"time_zone": "Nowhere", "languages": "??"})
    assert set(refused.value.message_dict) == {"time_zone", "languages"}


def test_a_blank_time_zone_and_a_real_one_are_accepted(ada):
    profile.update_profile(ada.pk, {"time_zone": "America/Sao_Paulo"})
    assert fresh(ada).time_zone == "America/Sao_Paulo"
    profile.update_profile(ada.pk, {"time_zone": ""})
    assert fresh(ada).time_zone == ""
    assert "Europe/Berlin" in profile.time_zones()


def test_motivation_adds_rows_only_for_changed_answers_and_keeps_history(ada):
    first = profile.update_profile(ada.pk, {"motivation": {"learn": 4, "career": 1, "fun": None}}, now=T0)
    assert first.motives == ["learn", "career"]
    Motivation.objects.filter(motive="learn").update(orientation=-2)  # kept when re-answered
    second = profile.update_profile(ada.pk, {"motivation": {"learn": 2, "career": 1, "fun": None}}, now=T1)
    assert second.motives == ["learn"] and second.describe() == "motivation"
    rows = list(Motivation.objects.filter(person=ada).order_by("reported_at", "motive")
                .values_list("motive", "importance", "reported_at", "source", "orientation"))
    assert rows == [("career", 1, T0, "self", 0), ("learn", 4, T0, "self", -2), ("learn", 2, T1, "self", -2)]
    assert profile.current_motivation(ada.pk) == {"career": 1, "learn": 2}
    assert not profile.update_profile(ada.pk, {"motivation": {"learn": 2, "career": 1}})


def test_an_answer_from_a_survey_counts_as_the_current_one(ada):
    Motivation.objects.create(person=ada, motive="purpose", importance=3, reported_at=T0, source="survey")
    assert not profile.update_profile(ada.pk, {"motivation": {"purpose": 3}}, now=T1)
    assert profile.update_profile(ada.pk, {"motivation": {"purpose": "4"}}, now=T1).motives == ["purpose"]


def test_the_consent_timestamp_moves_only_when_consent_changes(ada):
    profile.update_profile(ada.pk, {"consent_public_listing": True, "consent_contact": False}, now=T0)
    assert fresh(ada).consent_updated_at == T0
    changes = profile.update_profile(ada.pk, {"consent_public_listing": True, "consent_contact": False,
                                              "pronouns": "she/her"}, now=T1)
    assert not changes.consent and fresh(ada).consent_updated_at == T0
    assert profile.update_profile(ada.pk, {"consent_contact": True}, now=T1).consent
    ada = fresh(ada)
    assert ada.consent_updated_at == T1 and ada.consent_contact and ada.consent_public_listing


@pytest.mark.parametrize("value", ["only-me", "stewards", "organisers", "public"])
def test_each_visibility_value_is_accepted_for_each_self_reported_field(ada, value):
    fields = [name for name, _ in profile.SELF_REPORTED]
    assert set(fields) == {"pronouns", "availability", "breaks", "motivation", "thanks_preferences"}
    profile.update_profile(ada.pk, {"visibility": dict.fromkeys(fields, value)})
    assert all(fresh(ada).visibility_of(name) == value for name in fields)


def test_breaks_are_added_and_removed_but_an_ended_one_stays_as_history(ada):
    today = date(2026, 5, 10)
    past = profile.add_break(ada.pk, date(2026, 1, 1), date(2026, 2, 1), "  exams ")
    coming = profile.add_break(ada.pk, date(2026, 6, 1), None, "parental leave")
    assert past.note == "exams" and coming.ends_on is None
    with pytest.raises(ValidationError, match="stays as history"):
        profile.remove_break(ada.pk, past.pk, today=today)
    profile.remove_break(ada.pk, coming.pk, today=today)
    assert list(DeclaredBreak.objects.values_list("pk", flat=True)) == [past.pk]


def test_a_break_must_make_sense_and_belong_to_the_member(ada):
    with pytest.raises(ValidationError) as refused:
        profile.add_break(ada.pk, date(2026, 6, 2), date(2026, 6, 1))
    assert "cannot end before it starts" in refused.value.message_dict["ends_on"][0]
    with pytest.raises(ValidationError):
        profile.add_break(ada.pk, None)
    other = Person.objects.create(display_name="Bob")
    theirs = profile.add_break(other.pk, date(2026, 6, 1))
    with pytest.raises(ValidationError, match="no such break"):
        profile.remove_break(ada.pk, theirs.pk)
    assert DeclaredBreak.objects.filter(pk=theirs.pk).exists()
