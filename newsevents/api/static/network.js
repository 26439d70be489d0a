// The actor network: the page's top N edges, node size by events, edges
// coloured by whether the pair mostly cooperates (green) or fights (red),
// width by events and labelled with their count. Actors are labelled by
// name (their code when they have none; the "label by code" box switches).
// Labels are text in the canvas, never HTML.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data").textContent);
  if (typeof cytoscape === "undefined") return;
  const phone = window.matchMedia("(max-width: 760px)").matches;
  const top = Math.max(1, ...data.nodes.map((n) => n.events));
  const heaviest = Math.max(1, ...data.edges.map((e) => e.cooperation + e.conflict));
  const short = (name) => (name.length > 22 ? name.slice(0, 21) + "…" : name);
  const elements = data.nodes.map((n) => ({
    data: {
      id: n.id, code: n.id, name: n.name ? short(n.name) : n.id,
      size: (phone ? 12 : 18) + (phone ? 26 : 40) * Math.sqrt(n.events / top),
    },
  }));
  data.edges.forEach((e, i) => elements.push({
    data: {
      id: "e" + i, source: e.source, target: e.target,
      count: String(e.cooperation + e.conflict),
      colour: e.conflict > e.cooperation ? "#c62828" : "#1a7f37",
      width: 1 + 7 * ((e.cooperation + e.conflict) / heaviest),
    },
  }));
  const byCode = document.getElementById("by-code");
  const cy = cytoscape({
    container: document.getElementById("graph"),
    elements,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, fit: true, padding: 20 },
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      { selector: "node", style: {
        label: "data(name)", width: "data(size)", height: "data(size)", "background-color": "#0969da",
        "font-size": phone ? 9 : 11, "text-valign": "bottom", "text-margin-y": 2,
        "text-background-color": "#fff", "text-background-opacity": 0.7, "text-background-padding": 1,
      } },
      { selector: "edge", style: {
        width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(count)",
        "font-size": phone ? 8 : 9, color: "#57606a", "text-rotation": "autorotate",
      } },
    ],
  });
  if (byCode) {
    byCode.addEventListener("change", () => {
      cy.style().selector("node").style("label", byCode.checked ? "data(code)" : "data(name)").update();
    });
  }
  cy.on("tap", "node", (ev) => { window.location.href = "/actors/" + encodeURIComponent(ev.target.id()); });
  cy.on("tap", "edge", (ev) => {
    const d = ev.target.data();
    // The dyad of exactly these two codes, with the network's other filters:
    // its counts are the edge's.
    const query = new URLSearchParams(window.location.search);
    for (const key of ["actor", "target", "undirected", "limit", "min_events", "format"]) query.delete(key);
    query.set("match", "exact");
    window.location.href = "/dyads/" + encodeURIComponent(d.source) + "/" + encodeURIComponent(d.target) + "?" + query;
  });
  window.newseventsGraph = cy;
})();
