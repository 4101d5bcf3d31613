from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Kode fra appen",
        help_text="Seks sifre, som 123456.",
        max_length=20,
        error_messages={"required": "Skriv inn koden fra appen."},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "size": 8,
            }
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Koden består av seks sifre. Skriv den inn uten bokstaver.")
        return code
