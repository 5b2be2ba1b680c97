// The storefront's small enhancements. Every flow works without this file: add to cart is a form
// post, checkout totals have an "Update total" button, the filter drawer is a <details>, the
// gallery's full-size view is a link to an anchor. With it: no reloads, and fewer taps.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  // Messages go to the page's one live region (base.html), so screen readers hear them.
  function say(text, kind) {
    var region = document.getElementById("messages");
    if (!region) { return; }
    region.textContent = "";
    var p = document.createElement("p");
    p.className = "flash flash-" + (kind || "success");
    p.textContent = text;
    region.appendChild(p);
  }

  // ---------- Quantity steppers: − and + beside a number field (the cart's submit at once) ----------
  $all(".stepper").forEach(function (stepper) {
    var qty = $("input[type=number]", stepper);
    if (!qty) { return; }
    $all("[data-step]", stepper).forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var min = qty.min === "" ? 1 : parseInt(qty.min, 10);
        var max = parseInt(qty.max, 10) || 99;
        var value = parseInt(qty.value, 10);
        var next = (isNaN(value) ? min : value) + parseInt(button.getAttribute("data-step"), 10);
        qty.value = String(Math.min(max, Math.max(min, next)));
        if (stepper.hasAttribute("data-autosubmit") && qty.form) { qty.form.submit(); }
      });
    });
  });

  // ---------- Product page: packaging choice, quantity stepper, add to cart ----------
  $all("form[data-add-to-cart]").forEach(function (form) {
    var qty = $("input[name=quantity]", form);
    var priceBox = $("[data-buy-price]");

    $all("input[name=packaging_id]", form).forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (!radio.checked) { return; }
        if (priceBox) {
          priceBox.textContent = radio.getAttribute("data-price") + " ";
          var approx = radio.getAttribute("data-approx");
          if (approx) {
            var span = document.createElement("span");
            span.className = "approx";
            span.textContent = approx;
            priceBox.appendChild(span);
          }
        }
        if (qty) {
          qty.max = radio.getAttribute("data-max");
          if (parseInt(qty.value, 10) > parseInt(qty.max, 10)) { qty.value = qty.max; }
        }
      });
    });

    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData) { return; }
      event.preventDefault();
      var button = $("button[type=submit]", form);
      if (button) { button.setAttribute("aria-busy", "true"); button.disabled = true; }
      fetch(form.action, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        if (!result.ok || !result.data.ok) {
          say(result.data.message || "", "error");
          return;
        }
        updateCount(result.data.count, result.data.count_text);
        showPanel(result.data.panel);
      }).catch(function () {
        form.submit();  // the network or the JSON failed: fall back to the plain form post
      }).then(function () {
        if (button) { button.removeAttribute("aria-busy"); button.disabled = false; }
      });
    });
  });

  function updateCount(count, text) {
    $all("[data-cart-count]").forEach(function (el) { el.textContent = count ? String(count) : ""; });
    $all("[data-cart-count-text]").forEach(function (el) { el.textContent = text || ""; });
  }

  function showPanel(html) {
    var slot = document.getElementById("added-slot");
    if (!slot || !html) { return; }
    slot.innerHTML = html;
    var panel = $(".added-panel", slot);
    if (!panel) { return; }
    panel.classList.add("is-sheet");
    var close = $("[data-close-panel]", panel);
    function hide() {
      slot.innerHTML = "";
      document.removeEventListener("keydown", onKey);
      var button = $("form[data-add-to-cart] button[type=submit]");
      if (button) { button.focus(); }
    }
    function onKey(event) { if (event.key === "Escape") { hide(); } }
    if (close) {
      close.hidden = false;
      close.addEventListener("click", hide);
    }
    document.addEventListener("keydown", onKey);
    panel.focus();
  }

  // A panel rendered by the server after a plain post: let it be closed too.
  (function () {
    var panel = $("#added-slot .added-panel");
    if (!panel) { return; }
    var close = $("[data-close-panel]", panel);
    if (close) {
      close.hidden = false;
      close.addEventListener("click", function () { panel.parentNode.removeChild(panel); });
    }
  })();

  // ---------- Gallery: thumbnails swap the main photo; Escape closes the full-size view ----------
  var mainLink = $("[data-gallery-main]");
  $all(".thumbs-strip a[data-full]").forEach(function (thumb) {
    thumb.addEventListener("click", function (event) {
      if (!mainLink) { return; }
      event.preventDefault();
      var img = $("img", mainLink);
      if (img) { img.src = thumb.getAttribute("data-full"); }
      mainLink.setAttribute("href", thumb.getAttribute("href"));
      $all(".thumbs-strip a").forEach(function (a) { a.removeAttribute("aria-current"); });
      thumb.setAttribute("aria-current", "true");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && /^#photo-\d+$/.test(window.location.hash)) {
      window.location.hash = "gallery";
    }
  });

  // ---------- Checkout: only the chosen fulfilment's fields; totals from the server ----------
  var checkout = $("form[data-checkout]");
  if (checkout) {
    var sections = $all("[data-fulfilment-section]", checkout);
    var province = $("select[name=province]", checkout);
    var totalBox = document.getElementById("checkout-total");
    var updateButton = $("[data-update-total]", checkout);
    if (updateButton && updateButton.parentNode) { updateButton.parentNode.hidden = true; }

    var chosen = function () {
      var checked = $("input[name=fulfilment]:checked", checkout);
      return checked ? checked.value : "";
    };
    var showChosen = function () {
      var value = chosen();
      sections.forEach(function (section) {
        section.hidden = value !== "" && section.getAttribute("data-fulfilment-section") !== value;
      });
    };
    var refreshTotal = function () {
      if (!totalBox || !window.fetch) { return; }
      var url = new URL(checkout.getAttribute("data-total-url"), window.location.href);
      url.searchParams.set("fulfilment", chosen());
      url.searchParams.set("province", province ? province.value : "");
      fetch(url.toString(), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data && typeof data.html === "string") { totalBox.innerHTML = data.html; } })
        .catch(function () { if (updateButton) { updateButton.parentNode.hidden = false; } });
    };
    $all("input[name=fulfilment]", checkout).forEach(function (radio) {
      radio.addEventListener("change", function () { showChosen(); refreshTotal(); });
    });
    if (province) { province.addEventListener("change", refreshTotal); }
    showChosen();
  }

  // An error summary takes the focus, so that it is read first and its links lead to the fields.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
