// Autosave for the questionnaire: a few seconds after typing stops, the
// changed answers are sent to the draft API with the version each was based
// on. The page works without this script; it only saves sooner.
(function () {
  "use strict";
  var form = document.getElementById("questionnaire");
  var indicator = document.getElementById("autosave");
  if (!form || !indicator || !window.fetch) { return; }
  var url = form.getAttribute("data-autosave");
  var dirty = {};      // activity id -> true; "general" for the closing fields
  var timer = null, saving = false, again = false;

  function say(kind, text) {
    indicator.className = "autosave " + kind;
    indicator.textContent = text;
  }
  function text(name) { return indicator.getAttribute("data-" + name) || ""; }
  function hhmm(d) { return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2); }

  function activityOf(el) {
    var fs = el.closest("fieldset[data-activity]");
    return fs ? fs.getAttribute("data-activity") : "general";
  }
  function onChange(ev) {
    var el = ev.target;
    if (!el.name || el.type === "hidden") { return; }
    dirty[activityOf(el)] = true;
    say("unsaved", text("unsaved"));
    clearTimeout(timer);
    timer = setTimeout(save, 2500);
  }
  form.addEventListener("input", onChange);
  form.addEventListener("change", onChange);

  function value(name) {
    var el = form.elements[name];
    if (!el) { return null; }
    if (el.length !== undefined && el.tagName === undefined) { // radio group
      for (var i = 0; i < el.length; i++) { if (el[i].checked) { return el[i].value; } }
      return "";
    }
    if (el.type === "checkbox") { return el.checked; }
    if (el.type === "radio") { return el.checked ? el.value : ""; }
    return el.value;
  }

  function payload(keys) {
    var body = { answers: [] };
    keys.forEach(function (k) {
      if (k === "general") {
        body.general_comment = value("general_comment");
        body.general_base = parseInt(value("general_v"), 10) || 0;
        body.filled_in_by = value("filled_in_by");
        return;
      }
      body.answers.push({
        activity_id: parseInt(k, 10),
        status_id: parseInt(value("status-" + k), 10) || 0,
        comment: value("comment-" + k) || "",
        needs_support: !!value("support-" + k),
        base_version: parseInt(value("v-" + k), 10) || 0
      });
    });
    return body;
  }

  // conflicted holds answers another editor changed too: they are not
  // autosaved again (that would overwrite the other editor unseen); the
  // "Spara utkast" button shows both values and lets the person choose.
  var conflicted = {};

  // applyVersions bases the next save of every answer just saved on its
  // new version, also when the person typed more meanwhile (that text is
  // theirs, built on what they saved), but never an answer in conflict.
  function applyVersions(q, sent) {
    (q.activities || []).forEach(function (a) {
      var key = String(a.id), v = form.elements["v-" + key];
      if (v && sent.indexOf(key) >= 0 && !conflicted[key]) { v.value = a.answer.version; }
    });
    var gv = form.elements["general_v"];
    if (gv && sent.indexOf("general") >= 0 && !conflicted.general && q.general_version !== undefined) {
      gv.value = q.general_version;
    }
  }

  function showConflicts(conflicts) {
    conflicts.forEach(function (c) {
      var key = c.activity_id ? String(c.activity_id) : "general";
      conflicted[key] = true;
      var box = document.getElementById(c.activity_id ? "activity-" + c.activity_id : "general_comment");
      if (box) { box.classList.add("has-error"); }
    });
  }

  function save() {
    var keys = Object.keys(dirty).filter(function (k) { return !conflicted[k]; });
    if (keys.length === 0) { return; }
    if (saving) { again = true; return; }
    saving = true;
    keys.forEach(function (k) { delete dirty[k]; });
    say("saving", text("saving"));
    fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(payload(keys))
    }).then(function (res) {
      return res.json().then(function (data) { return { status: res.status, data: data }; });
    }).then(function (r) {
      if (r.status === 200) {
        applyVersions(r.data, keys);
        say("saved", text("saved").replace("%s", hhmm(new Date())));
      } else if (r.status === 409 && r.data.error && r.data.error.code === "conflict") {
        showConflicts(r.data.error.conflicts || []);
        applyVersions(r.data.questionnaire || {}, keys);
        say("conflict", text("conflict"));
      } else {
        keys.forEach(function (k) { dirty[k] = true; });
        // A save that stored part of what was sent (the rest is invalid)
        // answers with the questionnaire as saved: base the next save of
        // what was stored on its new version, never that of a refused field.
        if (r.data.questionnaire && r.data.error) {
          var refused = {};
          Object.keys(r.data.error.fields || {}).forEach(function (f) {
            refused[f === "general_comment" ? "general" : f.replace(/^[a-z_]+-/, "")] = true;
          });
          applyVersions(r.data.questionnaire, keys.filter(function (k) { return !refused[k]; }));
        }
        say("failed", (r.data.error && r.data.error.message) || text("failed"));
        if (r.status >= 500 || r.status === 429) { timer = setTimeout(save, 10000); }
      }
    }).catch(function () {
      keys.forEach(function (k) { dirty[k] = true; });
      say("failed", text("failed"));
      timer = setTimeout(save, 10000);
    }).then(function () {
      saving = false;
      if (again) { again = false; save(); }
    });
  }

  // The bar of buttons sticks to the bottom of the window on wide screens:
  // a field that gets the focus behind it is scrolled up into view.
  var bar = form.querySelector(".actions");
  form.addEventListener("focusin", function (ev) {
    if (!bar || bar.contains(ev.target)) { return; }
    window.requestAnimationFrame(function () {
      if (getComputedStyle(bar).position !== "sticky") { return; }
      var r = ev.target.getBoundingClientRect(), b = bar.getBoundingClientRect();
      if (r.bottom > b.top && r.top < b.bottom) {
        window.scrollBy(0, Math.max(0, Math.min(r.bottom - b.top + 16, r.top - 16)));
      }
    });
  });

  // Before a normal submit the form posts everything anyway: stop the timer
  // and forget what is unsaved, so leaving the page asks nothing.
  var submitting = false;
  form.addEventListener("submit", function () { clearTimeout(timer); dirty = {}; submitting = true; });
  window.addEventListener("beforeunload", function (ev) {
    if (!submitting && (Object.keys(dirty).length > 0 || Object.keys(conflicted).length > 0)) { save(); ev.preventDefault(); ev.returnValue = ""; }
  });
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
    // A link in the summary moves the focus to its field (the checked or
    // first choice of a status group), with the field's label in view.
    summary.addEventListener("click", function (ev) {
      var a = ev.target.closest ? ev.target.closest("a[href^='#']") : null;
      if (!a) { return; }
      var target = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
      if (!target) { return; }
      var field = target;
      if (!/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) {
        field = target.querySelector("input:checked") || target.querySelector("input, textarea, select");
      }
      if (!field) { return; }
      ev.preventDefault();
      var box = field.closest("fieldset") || field.closest(".field") || field;
      box.scrollIntoView({ block: "start" });
      field.focus({ preventScroll: true });
      if (history.replaceState) { history.replaceState(null, "", a.getAttribute("href")); }
    });
  }
})();
