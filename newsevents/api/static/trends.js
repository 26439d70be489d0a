// The trend chart: events per period stacked by quad class, the mean
// Goldstein score as a line (drawn only where there are events), and the
// articles published per period. "per article published" divides each
// count by the articles of its period (GDELT's share of coverage). Every
// period is in the data, zero-filled by the server.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data").textContent);
  if (typeof Chart === "undefined") return;
  const labels = data.items.map((r) => r.period);
  const box = document.getElementById("normalise");
  let chart = null;
  function draw() {
    const per = box && box.checked;
    const value = (r, key) => (per ? (r.articles ? r[key] / r.articles : 0) : r[key]);
    const datasets = window.quadDatasets(data.items, value);
    if (!per) {
      datasets.push({
        type: "line", label: "articles published", borderColor: "#0969da", borderDash: [4, 4],
        yAxisID: "a", data: data.items.map((r) => r.articles), tension: 0, pointRadius: 2,
      });
    }
    if (chart) chart.destroy();
    chart = new Chart(document.getElementById("chart-trend"), {
      data: { labels, datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: per ? "events per article" : "events" } },
          g: { position: "right", min: -10, max: 10, title: { display: true, text: "Goldstein mean" }, grid: { drawOnChartArea: false } },
          a: { position: "right", beginAtZero: true, display: !per, title: { display: true, text: "articles" }, grid: { drawOnChartArea: false } },
        },
      },
    });
    window.newseventsTrend = chart;
  }
  if (box) box.addEventListener("change", draw);
  draw();
})();
