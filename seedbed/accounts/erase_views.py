"""A member erases themselves: one page that says exactly what happens, a confirmation, done."""
from django import forms
from django.contrib.auth import logout
from django.shortcuts import render

from seedbed.access import Audience, page
from seedbed.people.erasure import erase
from seedbed.people.models import Person


class ConfirmForm(forms.Form):
    confirm = forms.CharField(label="Type your username to confirm", max_length=150)

    def __init__(self, *args, username: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.username = username

    def clean_confirm(self):
        if self.cleaned_data["confirm"].strip() != self.username:
            raise forms.ValidationError("That is not your username; nothing was erased.")
        return self.cleaned_data["confirm"]


@page(Audience.MEMBER)
def erase_me(request):
    person = Person.objects.get(pk=request.person_id)
    form = ConfirmForm(request.POST or None, username=request.user.get_username())
    if request.method == "POST" and form.is_valid():
        result = erase(person, actor=request.user)
        logout(request)
        return render(request, "accounts/erased.html", {"result": result})
    counts = {"identities": person.identities.count(), "notes": person.notes.count(),
              "interactions": person.interactions.count()}
    return render(request, "accounts/erase.html", {"person": person, "form": form, "counts": counts},
                  status=400 if form.errors else 200)
