// Draws each <div class="vega-chart"> from the Vega-Lite spec in its <script type="application/json">,
// with the vendored vega-embed (no network: no actions menu, which links to the online editor).
// On a narrow screen a legend has one column, so that no name is cut.
(function () {
  "use strict";
  document.querySelectorAll(".vega-chart").forEach(function (holder) {
    var source = holder.querySelector('script[type="application/json"]');
    if (!source) { return; }
    var spec = JSON.parse(source.textContent);
    var color = spec.encoding && spec.encoding.color;
    if (color && color.legend && holder.clientWidth < 600) { color.legend.columns = 1; }
    var target = document.createElement("div");
    target.className = "vega-target";
    holder.appendChild(target);
    vegaEmbed(target, spec, { actions: false, renderer: "svg" })
      .then(function () { holder.setAttribute("data-rendered", "true"); })
      .catch(function (error) { holder.setAttribute("data-error", String(error)); console.error(error); });
  });
})();
