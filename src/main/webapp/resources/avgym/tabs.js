/*
 * AV Gym dashboard tabs: a tab's 5 s poll asks the server only while the tab is on screen. Each
 * p:poll calls AvGym.shown(its tab's panel id) in its onstart, and a false answer cancels the
 * request: hidden tabs, and the whole page while the browser tab is in the background, cost the
 * server nothing. What happens at a moment (check-ins, occupancy, alerts) comes over /ws/live.
 * Time-series charts get their new points appended rather than drawn again.
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

  /*
   * A poll's new points ({widgetVar: {labels, values}} in args.points) appended to its charts,
   * the oldest dropped past max, without drawing the charts again. A chart not drawn yet (its tab
   * was never shown) gets them in the data it will be drawn with.
   */
  avgym.appendPoints = function (args, max) {
    if (!args || !args.points) {
      return;
    }
    var points = typeof args.points === "string" ? JSON.parse(args.points) : args.points;
    Object.keys(points).forEach(function (widgetVar) {
      var widget = PrimeFaces.widgets[widgetVar];
      if (!widget) {
        return;
      }
      var data = widget.chart ? widget.chart.data : widget.cfg.config.data;
      var fresh = points[widgetVar];
      for (var i = 0; i < fresh.labels.length; i++) {
        data.labels.push(fresh.labels[i]);
        data.datasets[0].data.push(fresh.values[i]);
      }
      while (data.labels.length > max) {
        data.labels.shift();
        data.datasets[0].data.shift();
      }
      if (widget.chart) {
        widget.chart.update("none");
      }
    });
  };
})();
