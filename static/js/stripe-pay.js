// Mounts Stripe's Payment Element on the pay page and confirms the payment.
// Stripe sends the buyer back to the order page; the signed webhook, not this script, confirms the order.
(function () {
  "use strict";
  var form = document.getElementById("card-form");
  if (!form) { return; }
  var needsJs = document.getElementById("card-needs-js");
  var message = document.getElementById("card-message");
  var button = document.getElementById("card-submit");

  function show(text) {
    message.textContent = text;
    message.hidden = false;
  }

  form.hidden = false;
  if (needsJs) { needsJs.hidden = true; }
  if (typeof window.Stripe !== "function") {  // blocked or failed to load
    button.disabled = true;
    show(form.getAttribute("data-load-error"));
    return;
  }
  var stripe = window.Stripe(form.getAttribute("data-publishable-key"), { locale: form.getAttribute("data-locale") });
  var elements = stripe.elements({ clientSecret: form.getAttribute("data-client-secret") });
  elements.create("payment").mount("#payment-element");

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    message.hidden = true;
    stripe.confirmPayment({
      elements: elements,
      confirmParams: { return_url: form.getAttribute("data-return-url") }
    }).then(function (result) {
      // Only reached when the payment failed at once; on success the browser has left for return_url.
      if (result.error) {
        show(result.error.message || form.getAttribute("data-pay-error"));
        button.disabled = false;
      }
    });
  });
})();
