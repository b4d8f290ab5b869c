"""Forms of the invitation pages: Django's own user-creation form does the validating."""
from django import forms
from django.contrib.auth.forms import UserCreationForm


class InviteForm(forms.Form):
    email = forms.EmailField(max_length=320)


class ClaimForm(UserCreationForm):
    """A username and a password, twice; the password validators see the username and the
    invitation's e-mail address (``instance``), as they will on the user made from them."""

    class Meta(UserCreationForm.Meta):
        fields = ("username",)

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.email = email
        self.fields["username"].help_text = "Letters, digits and @ . + - _ only; you log in with it."
        self.fields["username"].widget.attrs["autofocus"] = True
