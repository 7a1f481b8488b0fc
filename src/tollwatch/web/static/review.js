/* tollwatch review: accept or reject claims with PATCH /api/v1/claims/{id}, from the claim
   page (buttons, keys a/r) and the review queue (j/k or arrows to move, a/r, o/Enter).
   The write token is kept in this browser's localStorage and sent as a Bearer header. */
(function () {
  "use strict";
  var KEY = "tollwatch-token";
  var tokenInput = document.getElementById("token");
  var result = document.getElementById("review-result");
  if (tokenInput) {
    tokenInput.value = localStorage.getItem(KEY) || "";
    var save = document.getElementById("token-save");
    function store() { localStorage.setItem(KEY, tokenInput.value.trim()); }
    if (save) { save.addEventListener("click", store); }
    tokenInput.addEventListener("change", store);
  }
  function say(text, bad) {
    if (result) { result.textContent = text; result.className = bad ? "error" : "ok"; }
  }
  function send(id, body) {
    return fetch("/api/v1/claims/" + encodeURIComponent(id), {
      method: "PATCH",
      headers: { "Content-Type": "application/json",
                 "Authorization": "Bearer " + (localStorage.getItem(KEY) || "") },
      body: JSON.stringify(body),
      credentials: "same-origin"
    }).then(function (resp) {
      return resp.json().then(function (data) {
        if (!resp.ok) { throw new Error(typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail)); }
        return data;
      });
    });
  }
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
  }

  // -- the claim page
  var section = document.getElementById("review");
  if (section) {
    var claimId = section.getAttribute("data-claim");
    var form = document.getElementById("review-form");
    function corrections() {
      var out = {};
      form.querySelectorAll("input[data-kind]").forEach(function (input) {
        if (input.value === input.getAttribute("data-initial")) { return; }
        var raw = input.value.trim(), kind = input.getAttribute("data-kind"), v;
        if (raw === "") { v = kind === "list" ? [] : null; }
        else if (kind === "int") { v = parseInt(raw.replace(/[,\s]/g, ""), 10); if (isNaN(v)) { v = null; } }
        else if (kind === "list") { v = raw.split(";").map(function (s) { return s.trim(); }).filter(Boolean); }
        else if (kind === "bool") { v = raw === "true" ? true : raw === "false" ? false : null; }
        else { v = raw; }
        out[input.name] = v;
      });
      return out;
    }
    function review(status) {
      var note = document.getElementById("note").value.trim();
      var reviewer = document.getElementById("reviewer").value.trim();
      var body = { status: status, corrections: corrections() };
      if (note) { body.note = note; }
      if (reviewer) { body.reviewer = reviewer; }
      say("saving\u2026");
      send(claimId, body).then(function (data) {
        var st = document.getElementById("status");
        st.textContent = data.status;
        st.className = "status " + data.status;
        say("saved: " + data.status);
      }).catch(function (err) { say("not saved: " + err.message, true); });
    }
    document.getElementById("accept").addEventListener("click", function () { review("accepted"); });
    document.getElementById("reject").addEventListener("click", function () { review("rejected"); });
    document.addEventListener("keydown", function (e) {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (e.key === "a") { review("accepted"); }
      if (e.key === "r") { review("rejected"); }
    });
  }

  // -- the queue
  var queue = document.getElementById("queue");
  if (queue) {
    var rows = Array.prototype.slice.call(queue.querySelectorAll("tbody tr[data-claim]"));
    var at = 0;
    function select(n) {
      if (!rows.length) { return; }
      at = Math.max(0, Math.min(rows.length - 1, n));
      rows.forEach(function (r, k) { r.classList.toggle("selected", k === at); });
      rows[at].focus();
    }
    function decide(status) {
      var row = rows[at];
      if (!row) { return; }
      send(row.getAttribute("data-claim"), { status: status }).then(function (data) {
        row.querySelector(".st").textContent = data.status;
        row.classList.add("done", data.status);
        say("#" + row.getAttribute("data-claim") + " " + data.status);
        select(at + 1);
      }).catch(function (err) { say("not saved: " + err.message, true); });
    }
    document.addEventListener("keydown", function (e) {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (e.key === "j" || e.key === "ArrowDown") { select(at + 1); e.preventDefault(); }
      else if (e.key === "k" || e.key === "ArrowUp") { select(at - 1); e.preventDefault(); }
      else if (e.key === "a") { decide("accepted"); }
      else if (e.key === "r") { decide("rejected"); }
      else if ((e.key === "o" || e.key === "Enter") && rows[at]) {
        window.location.assign("/claims/" + encodeURIComponent(rows[at].getAttribute("data-claim")));
      }
    });
    rows.forEach(function (r, k) { r.addEventListener("click", function () { select(k); }); });
    select(0);
  }
})();
