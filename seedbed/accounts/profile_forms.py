"""Forms of the profile page: they read what the member typed; ``profile.py`` validates and saves."""
from __future__ import annotations

from django import forms

from seedbed.accounts import profile
from seedbed.people.models import Motive, Person, Visibility

LIST_HELP = "Separate them with commas."


def motive_field(motive: str) -> str:
    return f"motive_{motive}"


def visibility_field(name: str) -> str:
    return f"visibility_{name}"


class ProfileForm(forms.Form):
    display_name = forms.CharField(label="Display name", max_length=200)
    pronouns = forms.CharField(label="Pronouns", max_length=50, required=False,
                               widget=forms.TextInput(attrs={"placeholder": "e.g. she/her, they/them"}))
    time_zone = forms.CharField(
        label="Time zone", max_length=64, required=False, help_text="Start typing a city, e.g. Europe/Berlin.",
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off", "spellcheck": "false"}))
    languages = forms.CharField(label="Languages", required=False, help_text="Language tags such as en, pt-BR. " + LIST_HELP,
                                widget=forms.TextInput(attrs={"spellcheck": "false"}))
    interests = forms.CharField(label="Interests", required=False, help_text=LIST_HELP)
    skills = forms.CharField(label="Skills", required=False, help_text=LIST_HELP)
    availability = forms.CharField(label="When you usually have time for the community", max_length=200, required=False,
                                   widget=forms.TextInput(attrs={"placeholder": "e.g. a few evenings a week"}))
    thanks_preferences = forms.MultipleChoiceField(label="I appreciate", choices=profile.THANKS_KINDS, required=False,
                                                   widget=forms.CheckboxSelectMultiple)
    thanks_note = forms.CharField(label="Anything else about thanks, in your own words", max_length=2000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    consent_public_listing = forms.BooleanField(
        label="List me publicly", required=False,
        help_text="Anyone may see my name, public profile and public activity; I may appear in the digest.")
    consent_contact = forms.BooleanField(label="The community may contact me", required=False,
                                         help_text="Stewards and organisers may write to me.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for motive, label in Motive.choices:
            self.fields[motive_field(motive)] = forms.TypedChoiceField(
                label=label, choices=profile.IMPORTANCE, coerce=int, empty_value=None, required=False,
                widget=forms.RadioSelect)
        for name, label in profile.SELF_REPORTED:
            self.fields[visibility_field(name)] = forms.ChoiceField(
                label=label, choices=Visibility.choices, initial=Visibility.STEWARDS)

    @classmethod
    def initial_for(cls, person: Person) -> dict:
        initial = {
            "display_name": person.display_name, "pronouns": person.pronouns, "time_zone": person.time_zone,
            "languages": ", ".join(person.languages), "interests": ", ".join(person.interests),
            "skills": ", ".join(person.skills), "availability": person.availability,
            "thanks_preferences": person.thanks_preferences, "thanks_note": person.thanks_note,
            "consent_public_listing": person.consent_public_listing, "consent_contact": person.consent_contact,
        }
        initial.update({motive_field(m): v for m, v in profile.current_motivation(person.pk).items()})
        initial.update({visibility_field(name): person.visibility_of(name) for name, _ in profile.SELF_REPORTED})
        return initial

    def motive_fields(self):
        return [self[motive_field(m)] for m in Motive.values]

    def visibility_fields(self):
        return [self[visibility_field(name)] for name, _ in profile.SELF_REPORTED]

    def changes(self) -> dict:
        """What to hand to ``profile.update_profile``."""
        data = self.cleaned_data
        values = {name: data[name] for name in (
            "display_name", "pronouns", "time_zone", "languages", "interests", "skills", "availability",
            "thanks_preferences", "thanks_note", "consent_public_listing", "consent_contact")}
        for name in ("languages", "interests", "skills"):
            values[name] = profile.split_list(values[name])
        values["motivation"] = {m: data[motive_field(m)] for m in Motive.values}
        values["visibility"] = {name: data[visibility_field(name)] for name, _ in profile.SELF_REPORTED}
        return values

    def add_service_errors(self, error) -> None:
        """Put a ``ValidationError`` from ``profile.py`` next to the fields it names."""
        for name, messages in error.message_dict.items():
            if name == "motivation" or name not in self.fields:
                self.add_error(None, messages)
            else:
                self.add_error(name, messages)


class BreakForm(forms.Form):
    prefix = "break"

    starts_on = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label="To", required=False, help_text="Leave empty if you don't know yet.",
                              widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label="Note", max_length=300, required=False,
                           widget=forms.TextInput(attrs={"placeholder": "e.g. parental leave, exams"}))

    def add_service_errors(self, error) -> None:
        for name, messages in error.message_dict.items():
            self.add_error(name if name in self.fields else None, messages)
