// The reader's correction form: posts to the REST API's correction endpoints with the analyst's token.
// The token stays in this tab's sessionStorage (gone when the tab closes), never in a cookie or the page.
(function () {
  "use strict";
  var KEY = "dragoman-token";
  var api = document.body.getAttribute("data-api") || "/api";

  function $(id) { return document.getElementById(id); }

  function fillFields() {
    var target = $("target"), field = $("field");
    if (!target || !field) { return; }
    var opt = target.options[target.selectedIndex];
    var names = opt ? (opt.getAttribute("data-fields") || "").split(" ") : [];
    field.textContent = "";
    names.forEach(function (n) {
      if (!n) { return; }
      var o = document.createElement("option");
      o.value = n; o.textContent = n;
      field.appendChild(o);
    });
  }

  // The value typed, as the API's JSON: lists for actors/recipients, {value, granularity} for a date.
  function parseValue(field, text) {
    text = text.trim();
    if (field === "deleted") { return true; }
    if (text === "") { return (field === "actors" || field === "recipients") ? [] : null; }
    if (field === "actors" || field === "recipients") {
      return text.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
    }
    if (field === "date") {
      var parts = text.split(/\s+/);
      return { value: parts[0], granularity: parts[1] || "day" };
    }
    return text;
  }

  function say(text, ok) {
    var s = $("correction-status");
    s.textContent = text;
    s.className = "status " + (ok ? "ok" : "bad");
  }

  function problem(resp) {
    return resp.text().then(function (body) {
      var msg = resp.status + " " + resp.statusText;
      try {
        var p = JSON.parse(body);
        msg = resp.status + ": " + (p.detail && typeof p.detail === "string" ? p.detail : (p.title || JSON.stringify(p.detail || p)));
      } catch (e) { if (body) { msg += ": " + body.slice(0, 200); } }
      return msg;
    });
  }

  function send(url, body) {
    var token = $("token").value.trim();
    if (!token) { say("Enter your token first (dragoman token create --name you).", false); return null; }
    sessionStorage.setItem(KEY, token);
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
      body: JSON.stringify(body)
    }).then(function (resp) {
      if (resp.ok) {
        // Read the answer before reloading, so the request is finished rather than cut off.
        return resp.text().then(function () { say("Saved; reloading…", true); window.location.reload(); });
      }
      return problem(resp).then(function (m) { say(m, false); });
    }).catch(function (err) { say("Could not reach the API: " + err, false); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = $("correction-form");
    if (!form) { return; }
    $("token").value = sessionStorage.getItem(KEY) || "";
    fillFields();
    $("target").addEventListener("change", fillFields);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var field = $("field").value;
      var target = $("target").value, colon = target.indexOf(":");
      if (!$("reason").value.trim()) { say("Say why (the reason is kept with the correction).", false); return; }
      send(api + "/corrections", {
        article_id: form.getAttribute("data-article"),
        kind: target.slice(0, colon),
        fact: target.slice(colon + 1),
        field: field,
        after: parseValue(field, $("after").value),
        reason: $("reason").value.trim()
      });
    });
    document.addEventListener("click", function (e) {
      var pick = e.target.closest("button.correct-this");
      if (pick) {
        $("target").value = pick.getAttribute("data-target");
        fillFields();
        form.scrollIntoView({ block: "center" });
        $("field").focus();
        return;
      }
      var revert = e.target.closest("button.revert");
      if (revert) {
        var id = revert.getAttribute("data-correction");
        send(api + "/corrections/" + encodeURIComponent(id) + "/revert",
             { reason: $("reason").value.trim() || "reverted from the dashboard" });
      }
    });
  });
})();
