// The event map: country shapes from world-atlas shaded by events, and a
// circle per place sized by mentions. Everything is served by this app.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data").textContent);
  if (typeof L === "undefined") return;
  const map = L.map("map", { worldCopyJump: true, attributionControl: false }).setView([30, 10], 2);
  const byCountry = new Map(data.countries.map((c) => [c.country, c]));
  const most = Math.max(1, ...data.countries.map((c) => c.events));
  const eventsUrl = (place) => "/events?place=" + encodeURIComponent(place);
  fetch("/vendor/countries-110m.json")
    .then((r) => r.json())
    .then((topo) => {
      const shapes = topojson.feature(topo, topo.objects.countries);
      // Rings that cross the antimeridian would streak across the map:
      // unwrap their longitudes so each ring is continuous; drop Antarctica.
      shapes.features = shapes.features.filter((f) => f.id !== "010");
      for (const f of shapes.features) {
        const g = f.geometry;
        if (!g) continue;
        const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
        for (const polygon of polygons) for (const ring of polygon) {
          for (let i = 1; i < ring.length; i++) {
            while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360;
            while (ring[i][0] - ring[i - 1][0] < -180) ring[i][0] += 360;
          }
        }
      }
      L.geoJSON(shapes, {
        style: (f) => {
          const c = byCountry.get(data.numeric[f.id]);
          const share = c ? 0.25 + 0.6 * (c.events / most) : 0;
          return { color: "#8c959f", weight: 0.6, fillColor: c ? "#0969da" : "#f6f8fa", fillOpacity: c ? share : 1 };
        },
        onEachFeature: (f, layer) => {
          const code = data.numeric[f.id];
          const c = byCountry.get(code);
          layer.bindTooltip((f.properties.name || code || "") + (c ? ": " + c.events + " events" : ""));
          if (c) layer.on("click", () => { window.location.href = eventsUrl(code); });
        },
      }).addTo(map);
      drawPlaces();
    })
    .catch(drawPlaces);
  function drawPlaces() {
    const top = Math.max(1, ...data.places.map((p) => p.mentions));
    for (const p of data.places) {
      if (p.lat === null || p.lon === null) continue;
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: 5 + 20 * Math.sqrt(p.mentions / top), color: "#c62828", weight: 1, fillOpacity: 0.6,
        className: "place-marker",
      }).addTo(map);
      marker.bindTooltip(p.name + ": " + p.events + " events, " + p.mentions + " mentions");
      marker.on("click", () => { window.location.href = eventsUrl(p.name); });
    }
  }
})();
