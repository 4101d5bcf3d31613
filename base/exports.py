"""One path for every spreadsheet the admin writes (CSV and XLSX from viewsets and reports,
LPP's and Wagtail's own): all of them go through Wagtail's ``SpreadsheetExportMixin``, and
:func:`install` (run once from ``LppConfig.ready``) makes that mixin

* escape cell text a spreadsheet would run as a formula (OWASP «CSV injection»: text
  beginning with ``=``, ``+``, ``-``, ``@``, tab, CR or LF, also after leading spaces, gets a
  leading apostrophe), since any working-group member can write a demand or a page title
  that ends up in a cell;
* drop the control characters an XLSX file cannot hold (openpyxl refused the whole export
  with a server error over one unit separator pasted into an authority's name);
* write CSV as UTF-8 with a byte order mark and ``text/csv; charset=utf-8``, so Excel shows
  «ø» and not «Ã¸»;
* name the XLSX sheet in Norwegian.

Patching the shared base (not each view) is what makes the rule hold for exports nobody
remembered, Wagtail's built-in reports included."""

import re

from django.http import StreamingHttpResponse
from wagtail.admin.views.mixins import ExcelDateFormatter, SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
BOM = "\ufeff"
SHEET_TITLE = "Ark1"
# C0 control characters other than tab, LF and CR: illegal in XML, so in XLSX.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

_wagtail_preprocess = SpreadsheetExportMixin.preprocess_field_value
_wagtail_heading = SpreadsheetExportMixin.get_heading


def escape_formula(value):
    """Text that a spreadsheet would run as a formula, with a leading apostrophe, and
    without control characters; anything else unchanged."""
    if not isinstance(value, str):
        return value
    value = CONTROL_CHARACTERS.sub("", value)
    if value.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def preprocess_field_value(self, field, value, export_format):
    return escape_formula(_wagtail_preprocess(self, field, value, export_format))


def get_heading(self, queryset, field):
    return escape_formula(_wagtail_heading(self, queryset, field))


def write_csv_response(self, queryset):
    def rows():
        yield BOM
        yield from self.stream_csv(queryset)

    response = StreamingHttpResponse(rows(), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
    return response


def write_xlsx(self, queryset, output):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True, iso_dates=True)
    worksheet = workbook.create_sheet(title=SHEET_TITLE)
    worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
    date_format = ExcelDateFormatter().get()
    for item in queryset:
        worksheet.append(
            self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
        )
    workbook.save(output)


def install():
    """Route every admin spreadsheet export through the rules above (idempotent)."""
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    SpreadsheetExportMixin.write_csv_response = write_csv_response
    SpreadsheetExportMixin.write_xlsx = write_xlsx
