// Dragoman dashboard: behaviour shared by every page. No inline scripts anywhere (the CSP forbids them).
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  // Flash an evidence span (every piece of it, when overlaps split it) when its link is used.
  function flash(id) {
    var nodes = document.querySelectorAll('[data-anchor="' + CSS.escape(id) + '"]');
    nodes.forEach(function (n) { n.classList.add("flash"); });
    if (nodes.length) { nodes[0].scrollIntoView({ block: "center", behavior: "smooth" }); }
    setTimeout(function () { nodes.forEach(function (n) { n.classList.remove("flash"); }); }, 2200);
  }

  document.addEventListener("click", function (e) {
    var a = e.target.closest("a.evidence");
    if (a) {
      e.preventDefault();
      flash(a.getAttribute("data-target"));
      return;
    }
    // A name in the text leads to its entity's page (the gloss is on hover, in the title).
    var m = e.target.closest("#text .m[data-entity]");
    if (m && !window.getSelection().toString()) {
      window.location.href = root + "/entities/" + encodeURIComponent(m.getAttribute("data-entity"));
    }
  });

  // Signing in also hands the token to this tab's correction form (reader.js keeps it in sessionStorage
  // under the same key); signing out forgets it. The session cookie itself is HttpOnly: no script sees it.
  document.addEventListener("submit", function (e) {
    if (e.target.id === "signin-form") {
      var t = document.getElementById("signin-token");
      if (t && t.value.trim()) { sessionStorage.setItem("dragoman-token", t.value.trim()); }
    } else if (e.target.id === "signout-form") {
      sessionStorage.removeItem("dragoman-token");
    }
  });

  // Hovering a mention outlines every mention of the same entity.
  function same(e, on) {
    var m = e.target.closest(".m[data-entity]");
    if (!m) { return; }
    var sel = '.m[data-entity="' + CSS.escape(m.getAttribute("data-entity")) + '"]';
    document.querySelectorAll(sel).forEach(function (n) { n.classList.toggle("hl", on); });
  }
  document.addEventListener("mouseover", function (e) { same(e, true); });
  document.addEventListener("mouseout", function (e) { same(e, false); });

  // A search hit opens the reader scrolled to the match.
  document.addEventListener("DOMContentLoaded", function () {
    var hit = document.querySelector("#text .hit");
    if (hit) { hit.scrollIntoView({ block: "center" }); }
  });
})();
