// matrix.js: lets Escape hide the comment tooltip of the overview matrix
// (WCAG 1.4.13), so it can be dismissed without moving focus or the mouse.
// The tooltips themselves work without this script, by CSS alone.
(function () {
  "use strict";
  var table = document.querySelector("table.matrix");
  if (!table) return;
  function cellOf(el) { return el && el.closest ? el.closest("td.mx-cell") : null; }
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var shown = table.querySelectorAll("td.mx-cell:hover, td.mx-cell:focus-within");
    for (var i = 0; i < shown.length; i++) shown[i].classList.add("mx-dismissed");
  });
  table.addEventListener("focusout", function (e) {
    var td = cellOf(e.target);
    if (td) td.classList.remove("mx-dismissed");
  });
  table.addEventListener("mouseout", function (e) {
    var td = cellOf(e.target);
    if (td && !td.contains(e.relatedTarget)) td.classList.remove("mx-dismissed");
  });
})();
