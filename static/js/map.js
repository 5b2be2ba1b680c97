// Draws the sales points on a tiled map; the list below stays the source of truth,
// so without scripts or tiles nothing is lost.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var data = document.getElementById("map-markers");
  if (!el || !data || typeof L === "undefined") { return; }
  var markers = JSON.parse(data.textContent);
  var map = L.map(el, { scrollWheelZoom: false });
  L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution, maxZoom: 18 }).addTo(map);
  var bounds = [];
  markers.forEach(function (m) {
    var link = document.createElement("a");
    link.href = m.url;
    link.textContent = m.name;
    L.marker([m.lat, m.lng], { title: m.name, alt: m.name }).addTo(map).bindPopup(link);
    bounds.push([m.lat, m.lng]);
  });
  if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 13 }); }
  el.classList.add("map-ready");
})();
