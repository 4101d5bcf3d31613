// Suggestions under the search box (/sok/): titles of published documents whose words
// start with what was typed, from /sok/forslag/. The ARIA 1.2 combobox pattern: the
// input keeps focus, the arrow keys move through the list (aria-activedescendant),
// Enter opens the chosen suggestion, Escape closes the list. Without JavaScript the
// form works as before.
(function () {
  "use strict";

  const MIN_CHARS = 2;
  const DELAY_MS = 150;

  function setUp(input) {
    const url = input.dataset.suggestionsUrl;
    const listId = input.id + "-forslag";
    const list = document.createElement("ul");
    list.id = listId;
    list.className = "search-autocomplete";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Forslag");
    list.hidden = true;
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.closest(".search-form__row").after(list, status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    let suggestions = [];
    let active = -1;
    let timer = null;
    let latest = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      const options = list.querySelectorAll("[role=option]");
      options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(items) {
      suggestions = items;
      list.replaceChildren(
        ...items.map((item, i) => {
          const option = document.createElement("li");
          option.id = `${listId}-${i}`;
          option.setAttribute("role", "option");
          option.setAttribute("aria-selected", "false");
          const title = document.createElement("span");
          title.textContent = item.title;
          option.append(title);
          if (item.type) {
            const kind = document.createElement("span");
            kind.className = "search-autocomplete__type";
            kind.textContent = item.type;
            option.append(" ", kind);
          }
          option.addEventListener("click", () => window.location.assign(item.url));
          return option;
        }),
      );
      active = -1;
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = `${items.length} forslag. Bruk pil ned for å velge.`;
      } else {
        close();
        status.textContent = "";
      }
    }

    async function fetchSuggestions() {
      const text = input.value.trim();
      const request = ++latest;
      if (text.length < MIN_CHARS) {
        render([]);
        return;
      }
      try {
        const response = await fetch(`${url}?q=${encodeURIComponent(text)}`, {
          headers: { Accept: "application/json" },
        });
        if (!response.ok) throw new Error(String(response.status));
        const data = await response.json();
        // An answer to an older keystroke must not replace a newer one.
        if (request === latest) render(data.suggestions || []);
      } catch (error) {
        // Suggestions are a help, not a requirement: the search itself still works.
        if (request === latest) render([]);
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % suggestions.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? suggestions.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(suggestions[active].url);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });

    // A click in the list must not blur the input before the click lands.
    list.addEventListener("mousedown", (event) => event.preventDefault());
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-suggestions-url]").forEach(setUp);
})();
