// Wagtail's date picker (jQuery xdsoft) stays open while the date is typed, over the
// fields below it (on «Registrer innsending», the «Kanal» choices), and takes the clicks
// meant for them. Typing means the editor does not need the calendar: close it.
document.addEventListener("input", (event) => {
  const input = event.target;
  if (input instanceof HTMLInputElement && input.hasAttribute("data-lpp-date-input")) {
    window.jQuery(input).datetimepicker("hide");
  }
});
