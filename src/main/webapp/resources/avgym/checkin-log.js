/*
 * The check-in log page: a check-in arriving on the live channel (live.js dispatches it as an
 * "avgym:checkin" event) asks the server for the newest page again, at most once a second, through
 * the page's p:remoteCommand "liveCheckins"; the server applies the filters, so the page never
 * shows a row the filters exclude. A click anywhere on a row opens its member, like its link.
 */
(function () {
  "use strict";
  var log = document.querySelector("[data-live-checkins]");
  if (!log) {
    return;
  }
  var DEBOUNCE_MS = 1000;
  var waiting = false;

  document.addEventListener("avgym:checkin", function () {
    if (waiting || typeof window.liveCheckins !== "function") {
      return;
    }
    waiting = true;
    setTimeout(function () {
      waiting = false;
      window.liveCheckins();
    }, DEBOUNCE_MS);
  });

  document.addEventListener("click", function (event) {
    var row = event.target.closest ? event.target.closest("tr.avgym-log-row") : null;
    if (!row || event.target.closest("a, button, input")) {
      return;
    }
    var link = row.querySelector("a.avgym-member-link");
    if (link) {
      window.location.href = link.href;
    }
  });
})();
