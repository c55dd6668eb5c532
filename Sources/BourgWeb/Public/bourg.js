// Bourg: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Live values beside the weight sliders.
  document.querySelectorAll("input[type=range]").forEach(function (slider) {
    var output = document.querySelector('output[data-for="' + slider.id + '"]');
    if (!output) return;
    slider.addEventListener("input", function () { output.textContent = slider.value; });
  });
  // Search suggestions from /recherche.json.
  var input = document.querySelector("input[data-suggest]");
  var list = document.getElementById("suggestions");
  if (input && list && window.fetch) {
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) return;
      timer = setTimeout(function () {
        fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (page) {
            list.textContent = "";
            (page.results || []).slice(0, 10).forEach(function (commune) {
              var option = document.createElement("option");
              option.value = commune.name + " (" + commune.departement + ")";
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 150);
    });
  }
  // Tables wider than the screen scroll sideways: make them reachable from the keyboard.
  document.querySelectorAll(".table-wrap").forEach(function (wrap, index) {
    if (wrap.scrollWidth <= wrap.clientWidth || wrap.hasAttribute("tabindex")) return;
    var caption = wrap.querySelector("caption");
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", (caption ? caption.textContent.trim().slice(0, 120) + " — " : "") + "tableau défilant n° " + (index + 1));
  });
  // The weight sliders fold away on a phone ("Mes pondérations" opens on demand); on a wide screen they start open.
  if (window.matchMedia && window.matchMedia("(min-width: 52rem)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (panel) { panel.open = true; });
  }
  // Print buttons.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
