/* tollwatch timeline chart: hand-written SVG, no dependencies, no network.
   Reads the JSON in #series-data (written by the server, never executed), draws one line
   per series (one origin's figures for one measure: item.series), lines only between the
   successive figures of one series, ranges as error bars (successive ranges as a band),
   one colour per origin (20 distinct, then dashed), a legend of the origins' common names
   (hovering an entry brings its lines forward), and each point's figure, outlet, date and
   quote on hover or focus.
   Every piece of text is set with textContent: article text is never parsed as HTML. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
                 "#e377c2", "#17becf", "#7f7f7f", "#bcbd22", "#393b79", "#e7298a",
                 "#66a61e", "#a6761d", "#00a2b3", "#fb9a99", "#6a3d9a", "#b15928",
                 "#1b9e77", "#ff4f00"];
  var holder = document.getElementById("chart");
  var source = document.getElementById("series-data");
  if (!holder || !source) { return; }
  var data = JSON.parse(source.textContent || "{}");
  var tip = document.getElementById("tooltip");
  var legend = document.getElementById("legend");

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(node); }
    return node;
  }
  function day(s) { var t = Date.parse((s || "").slice(0, 10) + "T00:00:00Z"); return isNaN(t) ? null : t; }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function fmt(n) { return Math.round(n).toLocaleString("en-US"); }

  var items = (data.items || []).filter(function (c) { return day(c.date) !== null; });
  var bySeries = {};
  var seriesKeys = [];
  var origins = [];
  var unnamed = {};
  // one line per series: its key (c.series) names origin, measure, part and, for a counted
  // group (issue 16), the group and its status, so "released" and "still held" are lines
  items.forEach(function (c) {
    var key = c.series || (c.origin + " \u00b7 " + c.metric);
    if (!bySeries[key]) { bySeries[key] = []; seriesKeys.push(key); }
    bySeries[key].push(c);
    if (origins.indexOf(c.origin) < 0) { origins.push(c.origin); }
    if (c.unnamed) { unnamed[c.origin] = true; }
  });
  origins.sort();
  seriesKeys.sort();
  function colourOf(origin) { return PALETTE[origins.indexOf(origin) % PALETTE.length]; }
  function dashOf(origin) { return origins.indexOf(origin) >= PALETTE.length ? "6 3" : null; }
  var width = Math.max(480, holder.clientWidth || 900), height = 380;
  var m = { l: 64, r: 24, t: 16, b: 40 };
  var svg = el("svg", { viewBox: "0 0 " + width + " " + height, width: "100%", role: "img",
                        "aria-label": "timeline chart" }, holder);
  if (!items.length) {
    var empty = el("text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, svg);
    empty.textContent = "No dated claims to draw.";
    holder.setAttribute("data-points", "0");
    holder.setAttribute("data-ready", "1");
    return;
  }
  // responses (confirmed, denied, declined to comment, neither) as marks at their days
  var marks = (data.responses || []).filter(function (r) { return day(r.date) !== null; });
  var xs = items.map(function (c) { return day(c.date); })
    .concat(marks.map(function (r) { return day(r.date); }));
  var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
  if (x0 === x1) { x0 -= 86400000 * 3; x1 += 86400000 * 3; }
  var y1 = Math.max.apply(null, items.map(function (c) { return c.high || c.point || 0; })) * 1.1 || 1;
  function X(t) { return m.l + (t - x0) / (x1 - x0) * (width - m.l - m.r); }
  function Y(v) { return height - m.b - v / y1 * (height - m.t - m.b); }

  var axes = el("g", { "class": "axes" }, svg);
  for (var i = 0; i <= 5; i++) {
    var v = y1 * i / 5, y = Y(v);
    el("line", { x1: m.l, x2: width - m.r, y1: y, y2: y, "class": "grid" }, axes);
    var lab = el("text", { x: m.l - 6, y: y + 4, "text-anchor": "end" }, axes);
    lab.textContent = fmt(v);
  }
  var ticks = Math.min(6, Math.max(2, Math.round((x1 - x0) / 86400000)));
  for (var j = 0; j <= ticks; j++) {
    var t = x0 + (x1 - x0) * j / ticks, x = X(t);
    el("line", { x1: x, x2: x, y1: height - m.b, y2: height - m.b + 5, "class": "tick" }, axes);
    var tl = el("text", { x: x, y: height - m.b + 18, "text-anchor": "middle" }, axes);
    tl.textContent = iso(t);
  }
  el("line", { x1: m.l, x2: width - m.r, y1: height - m.b, y2: height - m.b, "class": "axis" }, axes);

  function show(evt, c, node) {
    if (!tip) { return; }
    var r = c.reports[0] || {};
    tip.textContent = "";
    function line(cls, text) {
      var p = document.createElement("div");
      p.className = cls;
      p.textContent = text;
      tip.appendChild(p);
    }
    line("tt-figure", c.figure + " " + c.metric + (c.actor ? " · " + c.actor : ""));
    line("tt-origin", "origin: " + c.origin + (c.unnamed ? " (unnamed source)" : ""));
    if (c.kind) { line("tt-kind", c.kind + (c.reason ? ": " + c.reason : "")); }
    if (c.group_status) { line("tt-group", "group: " + (c.group || "") + ", " + c.group_status); }
    line("tt-outlet", "outlet: " + (r.outlet || r.doc_id || "") +
         (c.reports.length > 1 ? " (+" + (c.reports.length - 1) + " more)" : ""));
    line("tt-date", "date: " + (c.date || ""));
    var statuses = c.reports.map(function (x) { return x.status; }).filter(Boolean);
    if (statuses.length) { line("tt-status", "reviewed: " + statuses.join(", ")); }
    line("tt-quote", "\u201c" + (r.quote || "") + "\u201d");
    tip.hidden = false;
    var box = holder.getBoundingClientRect();
    var pt = node.getBoundingClientRect();
    tip.style.left = Math.max(0, Math.min(pt.left - box.left + 12, box.width - 320)) + "px";
    tip.style.top = (pt.top - box.top + 12) + "px";
  }
  function hide() { if (tip) { tip.hidden = true; } }
  function open(c) {
    var r = c.reports[0];
    if (r) { window.location.assign("/claims/" + encodeURIComponent(String(r.claim_id))); }
  }
  var SHAPES = { min: "M0,-6 L6,5 L-6,5 Z", max: "M0,6 L6,-5 L-6,-5 Z", range: "M-5,-5 H5 V5 H-5 Z" };
  var count = 0;
  var groups = {};
  seriesKeys.forEach(function (key) {
    var seq = bySeries[key].slice().sort(function (a, b) { return day(a.date) - day(b.date); });
    var origin = seq[0].origin;
    var colour = colourOf(origin);
    var g = el("g", { "class": "series", "data-series": key, "data-origin": origin }, svg);
    (groups[origin] = groups[origin] || []).push(g);
    // successive ranges of one series: a band from their lows to their highs
    var ranged = seq.filter(function (c) { return c.value === null && c.low !== null && c.high !== null; });
    if (ranged.length >= 2) {
      var top = ranged.map(function (c, n) { return (n ? "L" : "M") + X(day(c.date)).toFixed(1) + "," + Y(c.high).toFixed(1); });
      var bottom = ranged.slice().reverse().map(function (c) { return "L" + X(day(c.date)).toFixed(1) + "," + Y(c.low).toFixed(1); });
      el("path", { d: top.concat(bottom).join(" ") + " Z", fill: colour, "fill-opacity": 0.12, stroke: "none", "class": "band" }, g);
    }
    var d = seq.map(function (c, n) { return (n ? "L" : "M") + X(day(c.date)).toFixed(1) + "," + Y(c.point).toFixed(1); }).join(" ");
    var line = el("path", { d: d, fill: "none", stroke: colour, "stroke-width": 1.6, "class": "line",
                            "data-series": key, "data-n": seq.length }, g);
    // a status sub-series of a counted group ("released", "still held") is dashed
    var dash = seq[0].group_status ? "6 4" : dashOf(origin);
    if (dash) { line.setAttribute("stroke-dasharray", dash); }
    seq.forEach(function (c) {
      var cx = X(day(c.date)), cy = Y(c.point);
      if (c.value === null && c.low !== null && c.high !== null) {
        // an error bar with caps: the range's low to high
        var lo = Y(c.low), hi = Y(c.high);
        el("line", { x1: cx, x2: cx, y1: lo, y2: hi, stroke: colour, "stroke-width": 1.5, "class": "errbar" }, g);
        el("line", { x1: cx - 5, x2: cx + 5, y1: lo, y2: lo, stroke: colour, "stroke-width": 1.5, "class": "cap" }, g);
        el("line", { x1: cx - 5, x2: cx + 5, y1: hi, y2: hi, stroke: colour, "stroke-width": 1.5, "class": "cap" }, g);
      }
      var kind = c.value === null ? "range" : c.qualifier;
      var accepted = c.reports.some(function (r) { return r.status === "accepted"; });
      var shape = SHAPES[kind] ?
        el("path", { d: SHAPES[kind], transform: "translate(" + cx.toFixed(1) + "," + cy.toFixed(1) + ")" }, g) :
        el("circle", { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 5 }, g);
      shape.setAttribute("class", "pt" + (accepted ? " accepted" : ""));
      shape.setAttribute("fill", kind === "approx" ? "#fff" : colour);
      shape.setAttribute("stroke", colour);
      shape.setAttribute("stroke-width", "2");
      shape.setAttribute("tabindex", "0");
      shape.setAttribute("role", "link");
      shape.setAttribute("data-claim", String((c.reports[0] || {}).claim_id));
      shape.setAttribute("data-figure", c.figure);
      shape.setAttribute("data-series", key);
      shape.setAttribute("data-kind", c.kind || "");
      shape.setAttribute("aria-label", c.figure + " " + c.metric + " from " + c.origin + " on " + c.date);
      shape.addEventListener("mouseenter", function (e) { show(e, c, shape); });
      shape.addEventListener("focus", function (e) { show(e, c, shape); });
      shape.addEventListener("mouseleave", hide);
      shape.addEventListener("blur", hide);
      shape.addEventListener("click", function () { open(c); });
      shape.addEventListener("keydown", function (e) { if (e.key === "Enter") { open(c); } });
      count += 1;
    });
  });
  function focusOrigin(origin) {
    Array.prototype.forEach.call(svg.querySelectorAll("g.series"), function (g) {
      var mine = origin === null || g.getAttribute("data-origin") === origin;
      g.setAttribute("class", "series" + (mine ? "" : " dim"));
      if (mine && origin !== null) { svg.appendChild(g); }
    });
  }
  if (legend) {
    origins.forEach(function (origin) {
      var li = document.createElement("li");
      li.setAttribute("data-origin", origin);
      li.setAttribute("tabindex", "0");
      var sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = colourOf(origin);
      li.appendChild(sw);
      var n = (groups[origin] || []).reduce(function (a, g) { return a + g.querySelectorAll(".pt").length; }, 0);
      var aliases = [];
      items.forEach(function (c) {
        if (c.origin === origin) { (c.aliases || []).forEach(function (a) { if (a !== origin && aliases.indexOf(a) < 0) { aliases.push(a); } }); }
      });
      li.appendChild(document.createTextNode(" " + origin + (unnamed[origin] ? " (unnamed)" : "") + " (" + n + ")"));
      if (aliases.length) { li.title = "also: " + aliases.slice(0, 8).join("; "); }
      li.addEventListener("mouseenter", function () { focusOrigin(origin); });
      li.addEventListener("focus", function () { focusOrigin(origin); });
      li.addEventListener("mouseleave", function () { focusOrigin(null); });
      li.addEventListener("blur", function () { focusOrigin(null); });
      legend.appendChild(li);
    });
  }
  var MARK_COLOURS = { confirmed: "#2ca02c", denied: "#d62728", no_comment: "#7f7f7f",
                       neither: "#ff7f0e" };
  var mg = el("g", { "class": "responses" }, svg);
  marks.forEach(function (r) {
    var mx = X(day(r.date)), colour = MARK_COLOURS[r.kind] || "#333";
    el("line", { x1: mx, x2: mx, y1: m.t, y2: height - m.b, stroke: colour,
                 "stroke-dasharray": "4 3", "class": "response-line" }, mg);
    var mk = el("path", { d: "M0,-6 L6,0 L0,6 L-6,0 Z", fill: colour,
                          transform: "translate(" + mx.toFixed(1) + "," + (m.t + 6) + ")" }, mg);
    mk.setAttribute("class", "response-mark " + r.kind);
    mk.setAttribute("tabindex", "0");
    mk.setAttribute("data-response", String(r.response_id));
    mk.setAttribute("aria-label", r.label);
    var title = el("title", {}, mk);
    title.textContent = r.label;
    function showMark() {
      if (!tip) { return; }
      tip.textContent = "";
      var a = document.createElement("div"); a.className = "tt-figure"; a.textContent = r.label;
      var q = document.createElement("div"); q.className = "tt-quote";
      q.textContent = "\u201c" + (r.quote || "") + "\u201d";
      tip.appendChild(a); tip.appendChild(q);
      tip.hidden = false;
      var box = holder.getBoundingClientRect(), pt = mk.getBoundingClientRect();
      tip.style.left = Math.max(0, Math.min(pt.left - box.left + 12, box.width - 320)) + "px";
      tip.style.top = (pt.top - box.top + 12) + "px";
    }
    mk.addEventListener("mouseenter", showMark);
    mk.addEventListener("focus", showMark);
    mk.addEventListener("mouseleave", hide);
    mk.addEventListener("blur", hide);
  });
  holder.setAttribute("data-responses", String(marks.length));
  holder.setAttribute("data-points", String(count));
  holder.setAttribute("data-ready", "1");
})();
