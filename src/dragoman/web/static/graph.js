// The knowledge graph with Cytoscape.js, from the elements in #graph[data-elements] (dragoman.web.corpus_pages).
// Styles go through Cytoscape's own API (canvas), so the page keeps to its CSP (no inline style).
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var COLOURS = { entity: "#2e8b57", event: "#d08a00", claim: "#7a5bbf", article: "#2456a6", outlet: "#8a8f98", story: "#b3261e" };
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("graph");
    if (!el || !window.cytoscape) { return; }
    var elements = JSON.parse(el.getAttribute("data-elements"));
    var style = [
      { selector: "node", style: { "label": "data(label)", "font-size": 9, "width": 14, "height": 14,
        "text-wrap": "ellipsis", "text-max-width": 120, "color": "#1d1f23" } },
      { selector: "edge", style: { "width": 1, "line-color": "#c9ccd1", "target-arrow-shape": "triangle",
        "target-arrow-color": "#c9ccd1", "curve-style": "bezier", "arrow-scale": 0.6 } },
      { selector: "edge[rel = 'precursor_of']", style: { "line-style": "dashed", "line-color": "#d08a00" } },
      // Only entities and stories are named at a glance; the rest show their labels once zoomed in.
      { selector: "node[kind != 'entity'][kind != 'story']", style: { "min-zoomed-font-size": 14 } },
      { selector: "node[kind = 'entity'], node[kind = 'story']", style: { "font-size": 11, "font-weight": "bold" } }
    ];
    Object.keys(COLOURS).forEach(function (kind) {
      style.push({ selector: "node[kind = '" + kind + "']", style: { "background-color": COLOURS[kind] } });
    });
    var cy = window.cytoscape({
      container: el, elements: elements, style: style,
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 60 },
      wheelSensitivity: 0.3
    });
    cy.on("tap", "node", function (evt) {
      var d = evt.target.data();
      if (d.entity) { window.location.href = root + "/entities/" + encodeURIComponent(d.entity); }
      else if (d.href) { window.location.href = root + "/articles/" + encodeURIComponent(d.href); }
    });
    el.setAttribute("data-rendered", String(cy.nodes().length));
  });
})();
