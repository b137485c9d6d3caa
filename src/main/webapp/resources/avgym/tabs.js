/*
 * AV Gym dashboard tabs: a tab's 5 s poll asks the server only while the tab is on screen. Each
 * p:poll calls AvGym.shown(its tab's panel id) in its onstart, and a false answer cancels the
 * request: hidden tabs, and the whole page while the browser tab is in the background, cost the
 * server nothing. What happens at a moment (check-ins, occupancy, alerts) comes over /ws/live.
 */
(function () {
  "use strict";
  var avgym = (window.AvGym = window.AvGym || {});

  avgym.shown = function (panelId) {
    if (document.hidden) {
      return false;
    }
    var panel = document.getElementById(panelId);
    return !!panel && panel.offsetParent !== null;
  };
})();
