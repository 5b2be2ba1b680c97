// Checkout: when the province changes, list its communes from the public API (no page reload).
// Without this script the "Show its communes" button sends the form back and the server lists them.
(function () {
  "use strict";
  var province = document.getElementById("province");
  var commune = document.getElementById("commune");
  if (!province || !commune || !window.fetch) { return; }
  var button = province.form && province.form.querySelector("button[name=choose_province]");
  // .button sets a display, which would win over the hidden attribute.
  if (button) { button.style.display = "none"; }
  var hint = document.getElementById("commune-hint");

  function fill(items) {
    var keep = commune.value;
    while (commune.options.length > 1) { commune.remove(1); }
    items.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.code;
      option.textContent = item.name;
      if (item.code === keep) { option.selected = true; }
      commune.appendChild(option);
    });
    if (hint) { hint.hidden = items.length > 0; }
  }

  province.addEventListener("change", function () {
    if (!province.value) { fill([]); return; }
    var url = province.getAttribute("data-api") + "/" + encodeURIComponent(province.value) + "/communes";
    fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (data) { fill(data.items); })
      .catch(function () { if (button) { button.style.display = ""; } });
  });
})();
