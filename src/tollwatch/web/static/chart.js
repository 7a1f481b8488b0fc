/* tollwatch timeline chart: hand-written SVG, no dependencies, no network.
   Reads the JSON in #series-data (written by the server, never executed), draws one line
   per origin, and shows each point's figure, outlet, date and quote on hover or focus.
   Every piece of text is set with textContent: article text is never parsed as HTML. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
                 "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
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
  var byOrigin = {};
  var origins = [];
  // one line per origin, or per origin and status of a counted group (issue 16)
  function lineOf(c) { return c.line || c.origin; }
  items.forEach(function (c) {
    var key = lineOf(c);
    if (!byOrigin[key]) { byOrigin[key] = []; origins.push(key); }
    byOrigin[key].push(c);
  });
  origins.sort();
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
  var xs = items.map(function (c) { return day(c.date); });
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
    line("tt-origin", "origin: " + c.origin);
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
  origins.forEach(function (origin, k) {
    var colour = PALETTE[k % PALETTE.length];
    var seq = byOrigin[origin].slice().sort(function (a, b) { return day(a.date) - day(b.date); });
    var g = el("g", { "class": "series", "data-origin": origin }, svg);
    var d = seq.map(function (c, n) { return (n ? "L" : "M") + X(day(c.date)).toFixed(1) + "," + Y(c.point).toFixed(1); }).join(" ");
    var dash = seq[0].group_status ? { "stroke-dasharray": "6 4" } : {};
    el("path", Object.assign({ d: d, fill: "none", stroke: colour, "stroke-width": 1.6,
                               "class": "line" }, dash), g);
    seq.forEach(function (c) {
      var cx = X(day(c.date)), cy = Y(c.point);
      if (c.value === null && c.low !== null && c.high !== null) {
        el("line", { x1: cx, x2: cx, y1: Y(c.low), y2: Y(c.high), stroke: colour, "stroke-width": 6, "stroke-opacity": 0.25 }, g);
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
      shape.setAttribute("aria-label", c.figure + " from " + c.origin + " on " + c.date);
      shape.addEventListener("mouseenter", function (e) { show(e, c, shape); });
      shape.addEventListener("focus", function (e) { show(e, c, shape); });
      shape.addEventListener("mouseleave", hide);
      shape.addEventListener("blur", hide);
      shape.addEventListener("click", function () { open(c); });
      shape.addEventListener("keydown", function (e) { if (e.key === "Enter") { open(c); } });
      count += 1;
    });
    if (legend) {
      var li = document.createElement("li");
      var sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = colour;
      li.appendChild(sw);
      li.appendChild(document.createTextNode(" " + origin + " (" + seq.length + ")"));
      legend.appendChild(li);
    }
  });
  holder.setAttribute("data-points", String(count));
  holder.setAttribute("data-ready", "1");
})();
