// Copy buttons for the links page: a button with data-copy="<id>" copies
// the text of that read-only field, and fields marked data-select select
// their whole text when focused. Without JavaScript the buttons stay hidden
// and the fields can be selected and copied by hand.
(function () {
  "use strict";
  var status = document.getElementById("copy-status");

  function say(name) {
    if (status) { status.textContent = status.getAttribute("data-" + name) || ""; }
  }
  function selectAll(field) {
    field.focus();
    field.select();
    if (field.setSelectionRange) { field.setSelectionRange(0, field.value.length); }
  }
  function fallback() {
    try { say(document.execCommand("copy") ? "copied" : "failed"); } catch (e) { say("failed"); }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-select]"), function (field) {
    field.addEventListener("focus", function () { field.select(); });
    field.addEventListener("mouseup", function (ev) { ev.preventDefault(); });
  });

  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      selectAll(field);
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { say("copied"); }, fallback);
      } else {
        fallback();
      }
    });
  });
})();
