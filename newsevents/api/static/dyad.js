// The dyad timeline: stacked counts by quad class and the Goldstein sum,
// one chart per direction. Data comes from the page's JSON block.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data").textContent);
  if (typeof Chart === "undefined") return;
  const classes = [
    ["verbal_cooperation", "verbal cooperation", "#7fc97f"],
    ["material_cooperation", "material cooperation", "#1a7f37"],
    ["verbal_conflict", "verbal conflict", "#f4a582"],
    ["material_conflict", "material conflict", "#c62828"],
  ];
  const periods = [...new Set(data.items.map((r) => r.period))].sort();
  function draw(id, source, target) {
    const rows = new Map();
    for (const r of data.items) if (r.source === source && r.target === target) rows.set(r.period, r);
    const datasets = classes.map(([key, label, color]) => ({
      type: "bar", label, backgroundColor: color, stack: "n", yAxisID: "y",
      data: periods.map((p) => (rows.get(p) || {})[key] || 0),
    }));
    datasets.push({
      type: "line", label: "Goldstein sum", borderColor: "#24292f", yAxisID: "g",
      data: periods.map((p) => (rows.get(p) || {}).goldstein || 0), tension: 0.2,
    });
    new Chart(document.getElementById(id), {
      data: { labels: periods, datasets },
      options: {
        animation: false, responsive: true,
        scales: {
          x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: "events" } },
          g: { position: "right", title: { display: true, text: "Goldstein" }, grid: { drawOnChartArea: false } },
        },
      },
    });
  }
  draw("chart-ab", data.a, data.b);
  draw("chart-ba", data.b, data.a);
})();
