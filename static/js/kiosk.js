// The kiosk returns to its start page after a minute without a touch.
// Without this script the kiosk still works: every tile and button is a plain link.
(function () {
  "use strict";
  var body = document.body;
  var home = body.getAttribute("data-home");
  var seconds = parseInt(body.getAttribute("data-idle-seconds"), 10) || 60;
  if (!home) { return; }
  var atHome = window.location.pathname === new URL(home, window.location.href).pathname;
  var timer = null;
  function reset() {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(function () {
      if (atHome) { window.scrollTo(0, 0); reset(); } else { window.location.assign(home); }
    }, seconds * 1000);
  }
  ["pointerdown", "touchstart", "keydown", "scroll", "wheel"].forEach(function (name) {
    window.addEventListener(name, reset, { passive: true });
  });
  reset();
})();
