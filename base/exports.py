"""One path for every spreadsheet the admin writes (CSV and XLSX from viewsets and reports,
LPP's and Wagtail's own): all of them go through Wagtail's ``SpreadsheetExportMixin``, and
:func:`install` (run once from ``LppConfig.ready``) makes that mixin

* escape cell text a spreadsheet would run as a formula (OWASP «CSV injection»: text
  beginning with ``=``, ``+``, ``-``, ``@``, tab, CR or LF gets a leading apostrophe), since
  any working-group member can write a demand or a page title that ends up in a cell;
* write CSV as UTF-8 with a byte order mark and ``text/csv; charset=utf-8``, so Excel shows
  «ø» and not «Ã¸»;
* name the XLSX sheet in Norwegian.

Patching the shared base (not each view) is what makes the rule hold for exports nobody
remembered, Wagtail's built-in reports included."""

from django.http import StreamingHttpResponse
from wagtail.admin.views.mixins import ExcelDateFormatter, SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
BOM = "\ufeff"
SHEET_TITLE = "Ark1"

_wagtail_preprocess = SpreadsheetExportMixin.preprocess_field_value
_wagtail_heading = SpreadsheetExportMixin.get_heading


def escape_formula(value):
    """Text that a spreadsheet would run as a formula, with a leading apostrophe;
    anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
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
