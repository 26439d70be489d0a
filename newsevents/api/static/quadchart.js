// The datasets of the quad-class charts (trends, dyad): one stacked bar per
// CAMEO quad class and the mean Goldstein score as a line, not drawn across
// periods without events. `rows` holds one row (or undefined) per period;
// `value(row, key)` is a bar's height.
window.quadDatasets = function (rows, value) {
  "use strict";
  const classes = [
    ["verbal_cooperation", "verbal cooperation", "#7fc97f"],
    ["material_cooperation", "material cooperation", "#1a7f37"],
    ["verbal_conflict", "verbal conflict", "#f4a582"],
    ["material_conflict", "material conflict", "#c62828"],
  ];
  const datasets = classes.map(([key, label, color]) => ({
    type: "bar", label, backgroundColor: color, stack: "n", yAxisID: "y",
    data: rows.map((r) => (r ? value(r, key) : 0)),
  }));
  datasets.push({
    type: "line", label: "Goldstein mean", borderColor: "#24292f", yAxisID: "g",
    data: rows.map((r) => (r && r.events ? r.goldstein_mean : null)),
    tension: 0, spanGaps: false, pointRadius: 3,
  });
  return datasets;
};
