"""Plain forms: they validate input; the services do the work."""
from __future__ import annotations

from django import forms
from django.utils import timezone

from seedbed.activity.taxonomy import CONTRIBUTION_TYPES
from seedbed.recognition.kinds import THANKS_KINDS
from seedbed.recognition.models import Fund
from seedbed.recognition.periods import Period


class HighlightForm(forms.Form):
    title = forms.CharField(max_length=300)
    why = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Why it mattered")
    contribution_type = forms.ChoiceField(choices=sorted(CONTRIBUTION_TYPES.items(), key=lambda kv: kv[1]),
                                          label="Kind of work")


class PeriodForm(forms.Form):
    since = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), help_text="inclusive")

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            raise forms.ValidationError("The period ends before it starts.")
        return data

    @classmethod
    def last_days(cls, days: int) -> dict:
        period = Period.last_days(days)
        return {"since": period.since, "until": period.until}


class NominationForm(forms.Form):
    link = forms.CharField(max_length=1000, label="Link to the contribution",
                           help_text="the pull request, forum post, message, talk … as it appears on its site")
    sentence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=1000,
                               label="Why it deserves a highlight", help_text="a sentence or two, about the work")


class DigestForm(forms.Form):
    title = forms.CharField(max_length=200)
    intro = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False, label="Opening words")


class ThanksForm(forms.Form):
    kind = forms.ChoiceField(choices=[(k.code, k.label) for k in THANKS_KINDS])
    given_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate)
    cost = forms.DecimalField(min_value=0, max_digits=10, decimal_places=2, initial=0)
    fund = forms.ModelChoiceField(queryset=Fund.objects.all(), required=False, empty_label="— none (free) —")
    arrived = forms.NullBooleanField(widget=forms.Select(choices=[("unknown", "Not known yet"), ("true", "Yes"),
                                                                  ("false", "No")]), required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class BudgetForm(forms.Form):
    fund = forms.CharField(max_length=200, help_text="e.g. Donations fund; created if new")
    starts_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), help_text="inclusive")
    amount = forms.DecimalField(min_value=0, max_digits=10, decimal_places=2)
    currency = forms.CharField(max_length=3, initial="EUR")
