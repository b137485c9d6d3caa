/*
 * The desk pop-up on the Overview: when a desk device of this desk's club scans a card (a
 * check-in on the live channel, dispatched by live.js as "avgym:checkin"), the server is asked for
 * the member's card through the p:remoteCommand "deskScanned". Which devices count is in the
 * element's data-desk-devices (space-separated device codes), rendered by the server.
 */
(function () {
  "use strict";
  if (!document.getElementById("desk-popup-devices")) {
    return;
  }
  document.addEventListener("avgym:checkin", function (event) {
    // Looked up each time: choosing the club re-renders the form, and with it this element.
    var popup = document.getElementById("desk-popup-devices");
    var data = event.detail || {};
    var devices = ((popup && popup.getAttribute("data-desk-devices")) || "").split(" ");
    if (!data.device || devices.indexOf(data.device) < 0 || typeof window.deskScanned !== "function") {
      return;
    }
    window.deskScanned([{ name: "checkin", value: String(data.checkinId) }]);
  });
})();
