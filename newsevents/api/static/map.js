// The event map: country shapes from world-atlas shaded by events, and a
// circle per place sized by mentions, for the events of the page's filters.
// A place's popup says how precisely it is located and links to its events;
// the date slider sets the filter form's since/until and applies them.
// Everything is served by this app. Names come from articles: they are
// written as text, never as HTML.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data").textContent);
  const PRECISION = {
    country: "country (its centre)", admin: "region (admin-1)", region: "region",
    city: "town", landmark: "landmark (within its town)",
  };
  // The events of a place or a country under the page's other filters.
  const eventsUrl = (place) => {
    const query = new URLSearchParams(data.filters || {});
    query.set("place", place);
    return "/events?" + query;
  };
  slider();
  if (typeof L === "undefined") return;
  const map = L.map("map", { worldCopyJump: true, attributionControl: false }).setView([30, 10], 2);
  const byCountry = new Map(data.countries.map((c) => [c.country, c]));
  const most = Math.max(1, ...data.countries.map((c) => c.events));
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
          layer.bindTooltip(text((f.properties.name || code || "") + (c ? ": " + c.events + " events" : "")));
          if (c) layer.on("click", () => { window.location.href = eventsUrl(code); });
        },
      }).addTo(map);
      drawPlaces();
    })
    .catch(drawPlaces);

  function text(value) {
    const span = document.createElement("span");
    span.textContent = value;
    return span;
  }

  function popup(p) {
    const box = document.createElement("div");
    box.className = "place-popup";
    const title = document.createElement("strong");
    title.textContent = p.name + (p.country ? ", " + p.country : "");
    const figures = document.createElement("div");
    figures.textContent = p.events + " events, " + p.mentions + " mentions";
    const precision = document.createElement("div");
    precision.className = "precision";
    precision.textContent = "Located as: " + (PRECISION[p.precision] || p.precision || "unknown");
    const link = document.createElement("a");
    link.href = eventsUrl(p.name);
    link.textContent = "List these events";
    box.append(title, figures, precision, link);
    return box;
  }

  function drawPlaces() {
    const top = Math.max(1, ...data.places.map((p) => p.mentions));
    for (const p of data.places) {
      if (p.lat === null || p.lon === null) continue;
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: 5 + 20 * Math.sqrt(p.mentions / top), color: "#c62828", weight: 1, fillOpacity: 0.6,
        className: "place-marker",
      }).addTo(map);
      marker.bindTooltip(text(p.name + ": " + p.events + " events"));
      marker.bindPopup(popup(p));
    }
  }

  // Two range inputs over the days from the first to the last event of the
  // database; moving one shows its date, letting go applies it.
  function slider() {
    const box = document.getElementById("date-slider");
    const form = document.getElementById("filters");
    if (!box || !form || !data.first || !data.last) return;
    const day = 86400000;
    const first = Date.parse(data.first);
    const span = Math.max(0, Math.round((Date.parse(data.last) - first) / day));
    const since = document.getElementById("slide-since");
    const until = document.getElementById("slide-until");
    const shown = document.getElementById("slide-range");
    const sinceField = form.querySelector("input[name=since]");
    const untilField = form.querySelector("input[name=until]");
    const iso = (n) => new Date(first + n * day).toISOString().slice(0, 10);
    const position = (value, fallback) => {
      const at = value ? Math.round((Date.parse(value) - first) / day) : fallback;
      return Math.min(span, Math.max(0, at));
    };
    for (const input of [since, until]) input.max = String(span);
    since.value = String(position(sinceField.value, 0));
    until.value = String(position(untilField.value, span));
    const show = () => { shown.textContent = iso(+since.value) + " to " + iso(+until.value); };
    const move = (moved) => {
      if (+since.value > +until.value) {
        if (moved === since) until.value = since.value; else since.value = until.value;
      }
      show();
    };
    const apply = () => {
      sinceField.value = +since.value > 0 ? iso(+since.value) : "";
      untilField.value = +until.value < span ? iso(+until.value) : "";
      form.requestSubmit();
    };
    since.addEventListener("input", () => move(since));
    until.addEventListener("input", () => move(until));
    since.addEventListener("change", apply);
    until.addEventListener("change", apply);
    show();
    box.hidden = false;
  }
})();
