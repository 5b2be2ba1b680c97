/* Form helpers for the portal, staff and back-office pages (no inline scripts: CSP).
   Every flow works without this file; it only makes them kinder. */
(function () {
  "use strict";

  // An error summary takes the focus, so a long page does not leave the reader at its top.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  } else {
    var invalid = document.querySelector("[aria-invalid='true']");
    if (invalid) invalid.focus();
  }

  // Ask before a destructive button (forms with data-confirm="question").
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "1";
    var progress = form.querySelector("[data-progress]");
    if (progress) progress.hidden = false;
  }, true);

  // Warn before leaving a page with typed but unsaved changes (forms marked data-unsaved-warning).
  var watched = document.querySelectorAll("form[data-unsaved-warning]");
  var dirty = false;
  Array.prototype.forEach.call(watched, function (form) {
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
  });
  if (watched.length) {
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return undefined;
      event.preventDefault();
      event.returnValue = "";
      return "";
    });
  }

  // Preview chosen photos before they are sent (inputs with data-preview="id of a list").
  Array.prototype.forEach.call(document.querySelectorAll("input[type=file][data-preview]"), function (input) {
    var list = document.getElementById(input.getAttribute("data-preview"));
    if (!list || !window.URL) return;
    input.addEventListener("change", function () {
      list.textContent = "";
      Array.prototype.forEach.call(input.files, function (file) {
        if (!/^image\//.test(file.type)) return;
        var item = document.createElement("li");
        var img = document.createElement("img");
        img.src = URL.createObjectURL(file);
        img.alt = file.name;
        img.width = 96;
        img.height = 96;
        img.addEventListener("load", function () { URL.revokeObjectURL(img.src); });
        var name = document.createElement("span");
        name.textContent = file.name;
        item.appendChild(img);
        item.appendChild(name);
        list.appendChild(item);
      });
    });
  });
})();

/* Tables that turn into cards on phones: name each cell after its column where the template did not. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("table.cards"), function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.children, function (cell) {
        if (!cell.hasAttribute("data-label") && heads[column] && cell.tagName === "TD") {
          cell.setAttribute("data-label", heads[column]);
        }
        column += cell.colSpan || 1;
      });
    });
  });
})();
