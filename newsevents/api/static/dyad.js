// The dyad timeline: stacked counts by quad class and the mean Goldstein
// score, one chart per direction. Data comes from the page's JSON block: every
// period from the first to the last (zero-filled by the server), so the time
// axis has no holes; the mean is not drawn across periods without events.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data").textContent);
  if (typeof Chart === "undefined") return;
  const periods = [...new Set(data.items.map((r) => r.period))].sort();
  function draw(id, source, target) {
    const rows = new Map();
    for (const r of data.items) if (r.source === source && r.target === target) rows.set(r.period, r);
    const datasets = window.quadDatasets(periods.map((p) => rows.get(p)), (r, key) => r[key] || 0);
    new Chart(document.getElementById(id), {
      data: { labels: periods, datasets },
      options: {
        animation: false, responsive: true,
        scales: {
          x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: "events" } },
          g: { position: "right", min: -10, max: 10, title: { display: true, text: "Goldstein mean" }, grid: { drawOnChartArea: false } },
        },
      },
    });
  }
  draw("chart-ab", data.a, data.b);
  draw("chart-ba", data.b, data.a);
})();
