// matrix.js: lets Escape hide the tooltips of the overview matrix (a cell's
// status and comment, a department's whole name; WCAG 1.4.13), so they can
// be dismissed without moving focus or the mouse. The tooltips themselves
// work without this script, by CSS alone.
(function () {
  "use strict";
  var table = document.querySelector("table.matrix");
  if (!table) return;
  var holders = "td.mx-cell, th.mx-dept";
  function holderOf(el) { return el && el.closest ? el.closest(holders) : null; }
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var shown = table.querySelectorAll("td.mx-cell:hover, td.mx-cell:focus-within, th.mx-dept:hover, th.mx-dept:focus-within");
    for (var i = 0; i < shown.length; i++) shown[i].classList.add("mx-dismissed");
  });
  table.addEventListener("focusout", function (e) {
    var h = holderOf(e.target);
    if (h) h.classList.remove("mx-dismissed");
  });
  table.addEventListener("mouseout", function (e) {
    var h = holderOf(e.target);
    if (h && !h.contains(e.relatedTarget)) h.classList.remove("mx-dismissed");
  });
})();
