// The actor network: node size by events, edges coloured by whether the
// pair mostly cooperates (green) or fights (red), width by events.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data").textContent);
  if (typeof cytoscape === "undefined") return;
  const top = Math.max(1, ...data.nodes.map((n) => n.events));
  const heaviest = Math.max(1, ...data.edges.map((e) => e.cooperation + e.conflict));
  const elements = data.nodes.map((n) => ({
    data: { id: n.id, label: n.id, title: n.name || n.id, size: 18 + 40 * Math.sqrt(n.events / top) },
  }));
  data.edges.forEach((e, i) => elements.push({
    data: {
      id: "e" + i, source: e.source, target: e.target,
      colour: e.conflict > e.cooperation ? "#c62828" : "#1a7f37",
      width: 1 + 7 * ((e.cooperation + e.conflict) / heaviest),
    },
  }));
  const cy = cytoscape({
    container: document.getElementById("graph"),
    elements,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000 },
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#0969da", "font-size": 11 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
    ],
  });
  cy.on("tap", "node", (ev) => { window.location.href = "/events?actor=" + encodeURIComponent(ev.target.id()); });
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
