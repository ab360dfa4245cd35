// Draw the day's route: the start point, the stops in visiting order, lines between them and back.
(function () {
  const data = JSON.parse(document.getElementById("route-data").textContent);
  const path = [data.start, ...data.stops, data.start];
  const line = {
    type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false,
    x: path.map((p) => p.lon), y: path.map((p) => p.lat), line: { color: "#0b6e4f", width: 2 },
  };
  const stops = {
    type: "scatter", mode: "markers+text", name: "stops", showlegend: false,
    x: data.stops.map((p) => p.lon), y: data.stops.map((p) => p.lat), text: data.stops.map((p) => p.name),
    textposition: "top center", marker: { size: 11, color: "#1d2733" }, hoverinfo: "text",
  };
  const start = {
    type: "scatter", mode: "markers+text", name: "start", showlegend: false,
    x: [data.start.lon], y: [data.start.lat], text: [data.start.name], textposition: "bottom center",
    marker: { size: 15, symbol: "square", color: "#a15c00" }, hoverinfo: "text",
  };
  const layout = {
    margin: { l: 50, r: 10, t: 10, b: 40 }, height: 420,
    xaxis: { title: { text: "longitude" } }, yaxis: { title: { text: "latitude" }, scaleanchor: "x" },
  };
  Plotly.newPlot("route-chart", [line, stops, start], layout, { displaylogo: false, responsive: true });
})();
