/*
 * PrimeFaces renders the choices of p:selectOneButton as elements with role="radio" and marks the
 * chosen one only with the class ui-state-active; a screen reader needs aria-checked to say which
 * one is chosen (and ARIA requires it on a radio). This keeps aria-checked in step with the class
 * on every page, after ajax updates too.
 */
(function () {
  "use strict";

  function sync() {
    var radios = document.querySelectorAll(".ui-selectonebutton [role=radio]");
    for (var i = 0; i < radios.length; i++) {
      var checked = radios[i].classList.contains("ui-state-active") ? "true" : "false";
      if (radios[i].getAttribute("aria-checked") !== checked) {
        radios[i].setAttribute("aria-checked", checked);
      }
    }
  }

  function start() {
    sync();
    // Setting aria-checked is not a class change, so this observer never feeds itself.
    new MutationObserver(sync).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["class"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
