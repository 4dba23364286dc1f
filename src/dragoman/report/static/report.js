// Dragoman report: small, dependency-free, works from file:// (no fetch, no modules).
(function () {
  "use strict";
  // Flash an evidence span (and every piece of it, when overlaps split it) when its link is used.
  function flash(id) {
    var nodes = document.querySelectorAll('[data-anchor="' + CSS.escape(id) + '"]');
    nodes.forEach(function (n) { n.classList.add("flash"); });
    if (nodes.length) { nodes[0].scrollIntoView({ block: "center", behavior: "smooth" }); }
    setTimeout(function () { nodes.forEach(function (n) { n.classList.remove("flash"); }); }, 2200);
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest("a.evidence");
    if (!a) { return; }
    e.preventDefault();
    flash(a.getAttribute("data-target"));
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
})();
