/*
 * AV Gym live overview: subscribes to check-ins, occupancy and alerts over /ws/live with the
 * dashboard's session cookie, keeps the epoch and sequence numbers, and resumes after a
 * reconnect. When the server says it could not recover what was missed, it reloads state
 * from the REST API. Every value is written with textContent: nothing from the wire is HTML.
 * Pages without the overview that want check-ins as they happen (the check-in log) mark an element
 * with data-live-checkins; every check-in is also dispatched as an "avgym:checkin" DOM event, which
 * the check-in log and the desk pop-up listen to.
 */
(function () {
  "use strict";
  var root = document.getElementById("live-overview");
  if (!root && !document.querySelector("[data-live-checkins]")) {
    return;
  }
  var TOPICS = ["checkins", "occupancy", "alerts"];
  var MAX_ROWS = 50;
  var status = document.getElementById("live-status");
  var feed = document.getElementById("checkin-feed-rows");
  var empty = document.getElementById("checkin-feed-empty");
  var occupancy = document.getElementById("occupancy");
  var position = null; // {epoch, seq: {topic: n}}
  var retry = 0;
  var locations = {};
  var arrivedDuringReload = null;

  function setStatus(text, state) {
    if (!status) {
      return;
    }
    status.textContent = text;
    status.className = "avgym-live-status avgym-live-" + state;
  }

  function cell(row, text, className) {
    var td = document.createElement("td");
    td.textContent = text == null ? "" : String(text);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function time(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? "" : d.toLocaleTimeString();
  }

  function addCheckin(data, atTop) {
    if (!feed) {
      return;
    }
    var row = document.createElement("tr");
    row.className = "avgym-feed-row decision-row-" + data.decision;
    row.setAttribute("data-checkin-id", data.checkinId != null ? data.checkinId : data.id);
    cell(row, time(data.at));
    cell(row, data.decision, "decision-" + data.decision);
    cell(row, data.member ? data.member.name : "Unknown credential");
    cell(row, data.location);
    cell(row, data.device || (data.staffUser ? "staff: " + data.staffUser : ""));
    cell(row, data.direction);
    cell(row, (data.reasons || []).join(", "));
    if (atTop) {
      feed.insertBefore(row, feed.firstChild);
    } else {
      feed.appendChild(row);
    }
    while (feed.rows.length > MAX_ROWS) {
      feed.deleteRow(feed.rows.length - 1);
    }
    empty.hidden = feed.rows.length > 0;
  }

  function renderOccupancy() {
    if (!occupancy) {
      return;
    }
    var codes = Object.keys(locations).sort();
    occupancy.textContent = "";
    if (codes.length === 0) {
      var p = document.createElement("p");
      p.className = "avgym-muted";
      p.textContent = "No locations yet.";
      occupancy.appendChild(p);
      return;
    }
    codes.forEach(function (code) {
      var l = locations[code];
      var card = document.createElement("div");
      card.className = "avgym-occupancy-card";
      card.setAttribute("data-location", code);
      var title = document.createElement("strong");
      title.textContent = l.name || code;
      var figures = document.createElement("span");
      figures.className = "avgym-occupancy-figures";
      figures.textContent = l.occupancy + " / " + (l.capacity || "∞");
      var bar = document.createElement("div");
      bar.className = "avgym-bar";
      var fill = document.createElement("div");
      var ratio = l.capacity ? Math.min(1, l.occupancy / l.capacity) : 0;
      fill.className = "avgym-bar-fill" + (ratio >= 0.9 ? " avgym-bar-high" : ratio >= 0.7 ? " avgym-bar-mid" : "");
      fill.style.width = Math.round(ratio * 100) + "%";
      bar.setAttribute("role", "progressbar");
      bar.setAttribute("aria-label", "Occupancy of " + (l.name || code));
      bar.setAttribute("aria-valuetext", figures.textContent);
      bar.setAttribute("aria-valuemin", "0");
      bar.setAttribute("aria-valuemax", String(l.capacity || 0));
      bar.setAttribute("aria-valuenow", String(l.occupancy));
      bar.appendChild(fill);
      card.appendChild(title);
      card.appendChild(figures);
      card.appendChild(bar);
      occupancy.appendChild(card);
    });
  }

  function getJson(path) {
    return fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .catch(function () {
        return null;
      });
  }

  function reload() {
    if (!root) {
      return;
    }
    getJson("/api/occupancy").then(function (list) {
      if (Array.isArray(list)) {
        locations = {};
        list.forEach(function (l) {
          locations[l.code || l.location] = l;
        });
        renderOccupancy();
      }
    });
    // Check-ins pushed while the list loads may be newer than what it returns: kept, not wiped.
    arrivedDuringReload = [];
    getJson("/api/checkins?size=" + MAX_ROWS).then(function (page) {
      var items = page && Array.isArray(page.items) ? page.items : [];
      var arrived = arrivedDuringReload || [];
      arrivedDuringReload = null;
      var listed = {};
      feed.textContent = "";
      items.forEach(function (item) {
        listed[item.id] = true;
        addCheckin(item, false);
      });
      arrived.forEach(function (data) {
        if (!listed[data.checkinId]) {
          addCheckin(data, true);
        }
      });
      empty.hidden = feed.rows.length > 0;
    });
  }

  function onEvent(event) {
    if (position && event.epoch === position.epoch) {
      position.seq[event.topic] = event.seq;
    }
    var data = event.data || {};
    if (event.topic === "checkins") {
      if (arrivedDuringReload) {
        arrivedDuringReload.push(data);
      }
      addCheckin(data, true);
      document.dispatchEvent(new CustomEvent("avgym:checkin", { detail: data }));
    } else if (event.topic === "occupancy") {
      var known = locations[data.location] || { name: data.location };
      known.occupancy = data.occupancy;
      known.capacity = data.capacity;
      locations[data.location] = known;
      renderOccupancy();
    } else if (event.topic === "alerts" && root && window.PF && PF("growl")) {
      showAlert(data);
    }
  }

  // Live alerts show as growl messages, at most MAX_ALERTS at a time: an alert storm must not
  // bury the page under notices (the Analytics tab lists every alert).
  var MAX_ALERTS = 3;
  var shownAlerts = [];

  function showAlert(data) {
    var growl = PF("growl");
    var before = growl.jq.find(".ui-growl-item-container").toArray();
    growl.renderMessage({
      summary: data.kind || "Alert",
      detail: data.message || "",
      severity: data.severity === "info" ? "info" : "warn"
    });
    growl.jq.find(".ui-growl-item-container").each(function () {
      if (before.indexOf(this) < 0) {
        shownAlerts.push(this);
      }
    });
    shownAlerts = shownAlerts.filter(function (item) {
      return document.body.contains(item);
    });
    while (shownAlerts.length > MAX_ALERTS) {
      var oldest = shownAlerts.shift();
      oldest.parentNode.removeChild(oldest);
    }
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/ws/live");
    setStatus("Connecting…", "connecting");
    socket.onopen = function () {
      var request = { type: "subscribe", topics: TOPICS };
      if (position) {
        request.since = { epoch: position.epoch, seq: position.seq };
      }
      socket.send(JSON.stringify(request));
    };
    socket.onmessage = function (message) {
      var frame;
      try {
        frame = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      if (frame.type === "subscribed") {
        retry = 0;
        var resumed = frame.recovered && position;
        position = { epoch: frame.epoch, seq: Object.assign({}, frame.seq) };
        setStatus(resumed ? "Live (resumed)" : "Live", "up");
        if (!resumed) {
          reload();
        }
      } else if (frame.type === "event") {
        onEvent(frame);
      } else if (frame.type === "batch") {
        frame.events.forEach(onEvent);
      }
    };
    socket.onclose = function (close) {
      if (close.code === 1008) {
        setStatus("Signed out — reload the page", "down");
        return;
      }
      retry = Math.min(retry + 1, 6);
      var delay = Math.round(Math.random() * 500 * Math.pow(2, retry));
      setStatus("Reconnecting…", "down");
      setTimeout(connect, delay);
    };
  }

  connect();
})();
