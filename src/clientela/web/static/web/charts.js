// Draw every chart of the page from its figure JSON; a point whose customdata is a path of this
// site ("/customers/12/") opens that page when clicked.
document.querySelectorAll("[data-chart]").forEach(function (box) {
  var figure = JSON.parse(document.getElementById(box.dataset.chart).textContent);
  Plotly.newPlot(box, figure.data, figure.layout, { responsive: true, displaylogo: false }).then(function () {
    box.on("plotly_click", function (event) {
      var target = event.points.length && event.points[0].customdata;
      if (Array.isArray(target)) target = target[0];
      if (typeof target === "string" && target.charAt(0) === "/" && target.charAt(1) !== "/") window.location.href = target;
    });
  });
});
