// Vega-Lite charts from the JSON spec in each [data-vl-spec] element (built by dragoman.web.charts).
// Vega runs its expression interpreter, not `new Function`, so the page needs no 'unsafe-eval';
// vega-embed's injected stylesheet and tooltip are off because the CSP allows no inline style.
(function () {
  "use strict";
  function draw(el) {
    var spec = JSON.parse(el.getAttribute("data-vl-spec"));
    var opts = {
      ast: true,
      expr: window.vegaInterpreter.expressionInterpreter,
      actions: false,
      defaultStyle: false,
      tooltip: false,
      renderer: "svg"
    };
    return window.vegaEmbed(el, spec, opts).then(function (result) {
      // Each datum names the filtered list it stands for; only same-origin paths are followed.
      result.view.addEventListener("click", function (event, item) {
        var href = item && item.datum && item.datum.href;
        if (typeof href === "string" && href.charAt(0) === "/" && href.charAt(1) !== "/") {
          window.location.href = href;
        }
      });
      el.setAttribute("data-rendered", "true");
    }).catch(function (err) {
      el.setAttribute("data-error", String(err));
      el.textContent = "The chart could not be drawn: " + err + " (the table below has the same figures).";
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-vl-spec]").forEach(draw);
  });
})();
