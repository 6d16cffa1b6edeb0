// The timeline page: draws the embedded data with vis-timeline and shows an
// event's sentence, bounds, evidence and conflicts when it is clicked.
// Kept ASCII (to_html writes an ASCII page); text goes into the DOM as text.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var tl = data.timeline;
  var view = data.view;
  var BOUNDS = ["earliest start", "latest start", "earliest end", "latest end"];
  var STRENGTH = { 100: "hard", 80: "strong", 50: "medium", 20: "weak" };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  // ------------------------------------------------------------ indexes (linear)

  var docs = {};
  tl.documents.forEach(function (d, i) {
    docs[d.source] = { json: d, view: view.documents[i], index: i };
  });
  var several = tl.documents.length > 1;
  var events = {};
  tl.events.forEach(function (e, i) {
    events[e.id] = { json: e, view: view.events[i], order: i };
  });
  function eventOf(point) {
    var dot = point.lastIndexOf(".");
    return dot < 0 ? null : events[point.slice(0, dot)] ? point.slice(0, dot) : null;
  }
  var byEvent = {};
  tl.constraints.forEach(function (c) {
    var a = eventOf(c.from), b = eventOf(c.to);
    if (a !== null) (byEvent[a] = byEvent[a] || []).push(c.id);
    if (b !== null && b !== a) (byEvent[b] = byEvent[b] || []).push(c.id); // start..end: once
  });
  var dropped = {};
  var conflictsOf = {};
  var touchedBy = [];
  tl.conflicts.forEach(function (k, n) {
    if (k.dropped !== null) dropped[k.dropped] = n;
    var seen = {};
    touchedBy.push([]);
    k.cycle.forEach(function (ci) {
      var c = tl.constraints[ci];
      [c.from, c.to].forEach(function (p) {
        var id = eventOf(p);
        if (id !== null && !seen[id]) {
          seen[id] = true;
          (conflictsOf[id] = conflictsOf[id] || []).push(n);
          touchedBy[n].push(id);
        }
      });
    });
  });

  // ------------------------------------------------------------ words

  function docLabel(source) {
    return source || "text";
  }
  function flag(e) {
    return { PLANNED: " (planned)", NEGATED: " (negated)", HYPOTHETICAL: " (possible)" }[e.status] || "";
  }
  // What a reader sees of an event: its display text (the subject kept, the
  // dateline left out), then its status.
  function eventLabel(e) {
    return (e.display || e.text) + flag(e);
  }
  function where(e) {
    return (several ? docLabel(e.source) + ": " : "") + "sentence " + e.sentence; // counted from 1
  }
  function moment(minutes) {
    var iso = new Date((minutes - view.epoch_minutes) * 60000).toISOString();
    var cut = iso.indexOf("T");
    var time = iso.slice(cut + 1, cut + 6);
    return iso.slice(0, cut) + (time === "00:00" ? "" : " " + time);
  }
  function duration(m) {
    var units = [[525600, "year"], [1440, "day"], [60, "hour"], [1, "minute"]];
    for (var i = 0; i < units.length - 1 && m < units[i][0]; i++);
    var n = Math.round((m / units[i][0]) * 10) / 10;
    return n + " " + units[i][1] + (n === 1 ? "" : "s");
  }
  function pointName(p, self) {
    var id = eventOf(p);
    if (id === null) return p;
    var part = p.slice(p.lastIndexOf(".") + 1);
    if (id === self) return "its " + part;
    var text = events[id].json.text;
    return "the " + part + " of " + id + " (" + (text.length > 40 ? text.slice(0, 39) + "\u2026" : text) + ")";
  }
  // An exclusive upper bound at midnight closes the day before it, as Timeline.explain says.
  function until(minutes) {
    return minutes % 1440 === 0 ? "by the end of " + moment(minutes - 1440) : "by " + moment(minutes);
  }
  // How far b may be from a, given lo <= b - a <= hi (either may be null: unbounded).
  function gap(lo, hi) {
    if (lo !== null && hi !== null) {
      if (lo === hi) return lo === 0 ? "at the same time as" : "exactly " + duration(Math.abs(lo)) + (lo > 0 ? " after" : " before");
      if (lo >= 0) return (lo === 0 ? "at most " + duration(hi) : "between " + duration(lo) + " and " + duration(hi)) + " after";
      if (hi <= 0) return (hi === 0 ? "at most " + duration(-lo) : "between " + duration(-hi) + " and " + duration(-lo)) + " before";
      return "between " + duration(-lo) + " before and " + duration(hi) + " after";
    }
    if (lo !== null) return lo > 0 ? "at least " + duration(lo) + " after" : lo === 0 ? "not before" : "no more than " + duration(-lo) + " before";
    if (hi !== null) return hi > 0 ? "no more than " + duration(hi) + " after" : hi === 0 ? "not after" : "at least " + duration(-hi) + " before";
    return "unrelated to";
  }
  // What a constraint says, in words: "its start at or after 2019-03-12", "its end at least 1 minute after its start".
  function relation(c, self) {
    var lo = c.min_minutes, hi = c.max_minutes;
    if (c.from === "origin" || c.to === "origin") {
      var p = c.from === "origin" ? c.to : c.from;
      var flip = c.to === "origin";
      var a = flip ? (hi === null ? null : -hi) : lo;
      var b = flip ? (lo === null ? null : -lo) : hi;
      var parts = [];
      if (a !== null) parts.push("at or after " + moment(a));
      if (b !== null) parts.push(until(b));
      return pointName(p, self) + " " + (parts.join(" and ") || "unbounded");
    }
    return pointName(c.to, self) + " " + gap(lo, hi) + " " + pointName(c.from, self);
  }
  function evidenceWords(c) {
    return c.rule + (c.text ? ' "' + c.text + '"' : "");
  }

  // ------------------------------------------------------------ the axis

  var EXTENT = view.extent; // what the axis shows first; open ends run to its edges
  // The bar's background: solid where the event surely runs (latest start ..
  // earliest end), pale where it may have started or ended, fading out where
  // a bound is open.  Stops are percentages of the drawn range [lo, hi].
  function barStyle(ms, lo, hi) {
    var pct = function (t) {
      return (((t - lo) / (hi - lo)) * 100).toFixed(3) + "%";
    };
    var known = ms.filter(function (v) { return v !== null; });
    var first = Math.min.apply(null, known), last = Math.max.apply(null, known);
    var stops = [];
    if (ms[0] === null) stops.push("var(--open) 0%", "var(--maybe) " + pct(first));
    else stops.push("var(--maybe) 0%");
    if (ms[1] !== null && ms[2] !== null && ms[1] < ms[2]) {
      stops.push("var(--maybe) " + pct(ms[1]), "var(--sure) " + pct(ms[1]),
                 "var(--sure) " + pct(ms[2]), "var(--maybe) " + pct(ms[2]));
    }
    if (ms[3] === null) stops.push("var(--maybe) " + pct(last), "var(--open) 100%");
    else stops.push("var(--maybe) 100%");
    // A longhand: vis copies the style property by property, and a shorthand holding
    // var() has no longhand values to copy.
    return "background-image: linear-gradient(to right, " + stops.join(", ") + ");";
  }

  var items = [];
  var groups = [];
  var nested = {};
  var undated = [];
  tl.events.forEach(function (e) {
    var v = events[e.id].view;
    if (v.kind === "undated") {
      undated.push(e);
      return;
    }
    var docId = "doc:" + docs[e.source].index;
    (nested[docId] = nested[docId] || []).push("row:" + e.id);
    var label = el("span", { className: "row-label", "data-row": e.id, title: eventLabel(e) + " [" + where(e) + "]" },
                   [eventLabel(e)]);
    groups.push({ id: "row:" + e.id, content: label, order: events[e.id].order, className: "event-row", treeLevel: 1 });
    var content = el("span", { className: "when", "data-event": e.id, text: e.when });
    var status = " status-" + e.status.toLowerCase();
    var tip = el("span", { text: eventLabel(e) + ": " + e.when });
    if (v.kind === "point") {
      items.push({ id: e.id, group: "row:" + e.id, type: "point", start: v.ms[0], content: content, title: tip,
                   className: "event point" + status });
    } else {
      var lo = v.ms[0] !== null ? v.ms[0] : EXTENT[0];
      var hi = v.ms[3] !== null ? v.ms[3] : EXTENT[1];
      // The words go right of the last known bound, off the solid part.
      var last = Math.max.apply(null, v.ms.filter(function (x) { return x !== null; }));
      content.style.marginLeft = (((last - lo) / (hi - lo)) * 100).toFixed(3) + "%";
      items.push({ id: e.id, group: "row:" + e.id, type: "range", start: lo, end: hi, content: content, title: tip,
                   className: "event bar" + status + (v.ms[0] !== null ? " closed-left" : "") +
                     (v.ms[3] !== null ? " closed-right" : ""), style: barStyle(v.ms, lo, hi) });
    }
  });
  tl.documents.forEach(function (d, i) {
    var label = el("span", { className: "doc-label" }, [docLabel(d.source)]);
    var group = { id: "doc:" + i, content: label, order: -1 - tl.documents.length + i, className: "doc-row" };
    if (nested[group.id]) group.nestedGroups = nested[group.id];
    groups.push(group);
    var day = Date.parse(d.published + "T00:00:00Z");
    items.push({ id: "published:" + i, type: "background", start: day, end: day + 86400000,
                 className: "published", content: "",
                 title: el("span", { text: "published: " + docLabel(d.source) + " " + d.published }) });
  });

  header();
  sideLists();

  var YEAR = 365.25 * 86400000;
  var axis = new vis.Timeline(document.getElementById("axis"), new vis.DataSet(items), new vis.DataSet(groups), {
    stack: false,
    groupOrder: "order",
    orientation: { axis: "top", item: "top" },
    // No start and end here: given them, vis stays hidden until a later range event.
    onInitialDrawComplete: function () {
      // Ready once vis has drawn this window (on a later frame; a second at most).
      var ready = function () {
        axis.off("changed", ready);
        document.documentElement.setAttribute("data-ready", "true");
      };
      axis.on("changed", ready);
      setTimeout(ready, 1000);
      axis.setWindow(EXTENT[0], EXTENT[1] + 0.25 * (EXTENT[1] - EXTENT[0]), { animation: false }); // room for the words
    },
    zoomMin: 3600000, // an hour across the axis
    zoomMax: Math.min(10000 * YEAR, Math.max(1000 * YEAR, 3 * (EXTENT[1] - EXTENT[0]))),
    showCurrentTime: false, // the axis is the articles' time, not the reader's
    moment: function (date) { return vis.moment(date).utc(); }, // bounds are wall-clock times
    selectable: true,
    multiselect: false,
    height: "100%",
    verticalScroll: true,
    margin: { item: { horizontal: 0, vertical: 5 }, axis: 8 },
    groupHeightMode: "fixed",
  });

  // ------------------------------------------------------------ the side panel

  function sentenceView(e) {
    var d = docs[e.source];
    var text = d.view.text;
    var span = d.view.sentences[e.sentence - 1];
    if (text === null || !span) return el("blockquote", { className: "sentence", text: e.text });
    var marks = [[e.start, e.end, "clause", null], [e.trigger_start, e.trigger_end, "trigger", "the event's trigger"]];
    d.json.expressions.forEach(function (x) {
      if (x.end > span[0] && x.start < span[1]) {
        marks.push([x.start, x.end, "timex", x.type + " " + (x.value === null ? "(unresolved)" : x.value)]);
      }
    });
    var cuts = [span[0], span[1]];
    marks.forEach(function (m) {
      cuts.push(Math.max(span[0], Math.min(span[1], m[0])), Math.max(span[0], Math.min(span[1], m[1])));
    });
    cuts = cuts.sort(function (a, b) { return a - b; }).filter(function (x, i, a) { return i === 0 || x !== a[i - 1]; });
    var out = el("blockquote", { className: "sentence" });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var classes = [], titles = [];
      marks.forEach(function (m) {
        if (m[0] <= a && b <= m[1]) {
          classes.push(m[2]);
          if (m[3]) titles.push(m[3]);
        }
      });
      var piece = text.slice(a, b);
      if (!classes.length) out.appendChild(document.createTextNode(piece));
      else {
        var node = el(classes.indexOf("clause") >= 0 && classes.length === 1 ? "span" : "mark",
                      { className: classes.join(" "), text: piece });
        if (titles.length) node.title = titles.join("; ");
        out.appendChild(node);
      }
    }
    return out;
  }

  function eventLink(id) {
    var e = events[id].json;
    var a = el("a", { href: "#", className: "event-link", "data-goto": id, title: e.text, text: id });
    return a;
  }

  function conflictView(n, self) {
    var k = tl.conflicts[n];
    var li = el("li", { className: "conflict" });
    var d = k.dropped === null ? null : tl.constraints[k.dropped];
    li.appendChild(el("div", {}, [el("strong", { text: "dropped " }), d ? evidenceWords(d) : "(not recorded)"]));
    if (d) li.appendChild(el("div", { className: "relation", text: relation(d, self) }));
    var others = k.cycle.filter(function (ci) { return ci !== k.dropped; }).map(function (ci) {
      return evidenceWords(tl.constraints[ci]);
    });
    if (others.length) li.appendChild(el("div", { text: "it contradicted: " + others.join("; ") }));
    li.appendChild(el("div", { className: "reason", text: k.reason }));
    var touched = touchedBy[n].filter(function (id) { return id !== self; });
    if (touched.length) {
      var line = el("div", { className: "touched" }, [self ? "also touched: " : "events: "]);
      touched.forEach(function (id, i) {
        if (i) line.appendChild(document.createTextNode(", "));
        line.appendChild(eventLink(id));
      });
      li.appendChild(line);
    }
    return li;
  }

  function showEvent(id) {
    var entry = events[id];
    if (!entry) return;
    var e = entry.json, v = entry.view;
    var box = document.getElementById("details");
    box.textContent = "";
    box.dataset.event = id;
    box.appendChild(el("h2", {}, [eventLabel(e)]));
    var traits = [e.status, e.tense, e.aspect, e.event_class].filter(function (t) { return t && t !== "NONE"; });
    box.appendChild(el("p", { className: "meta", text: [id, where(e), e.when].concat(traits.join(" ").toLowerCase()).join(" \u00b7 ") }));
    box.appendChild(sentenceView(e));
    var table = el("dl", { className: "bounds" });
    var assigned = {};
    BOUNDS.forEach(function (name, i) {
      var line = v.evidence[i] === null ? null : v.explanation[v.evidence[i]];
      var value, reasons;
      if (line === null) {
        value = v.ms[i] === null ? "open" : "?";
        reasons = v.ms[i] === null ? ["no evidence bounds it"] : [];
      } else {
        assigned[v.evidence[i]] = true;
        var cut = line.indexOf(": ");
        value = (cut < 0 ? line : line.slice(0, cut)).replace(/^(start|end) /, "");
        reasons = cut < 0 ? [] : line.slice(cut + 2).split("; ");
      }
      table.appendChild(el("dt", { className: line === null ? "open" : "known" },
        [el("span", { className: "bound", text: name }), " ", el("span", { className: "value", text: value })]));
      table.appendChild(el("dd", {}, [el("ul", {}, reasons.map(function (r) { return el("li", { text: r }); }))]));
    });
    box.appendChild(table);
    var rest = v.explanation.filter(function (_l, i) { return !assigned[i]; });
    if (rest.length) box.appendChild(el("ul", { className: "explanation" }, rest.map(function (r) { return el("li", { text: r }); })));
    var ks = conflictsOf[id] || [];
    if (ks.length) {
      box.appendChild(el("h3", { className: "warn", text: "Conflicts that touched it (" + ks.length + ")" }));
      box.appendChild(el("ul", { className: "conflicts" }, ks.map(function (n) { return conflictView(n, id); })));
    }
    var cs = byEvent[id] || [];
    if (cs.length) {
      box.appendChild(el("h3", { text: "Constraints on it (" + cs.length + ")" }));
      box.appendChild(el("ul", { className: "constraints" }, cs.map(function (ci) {
        var c = tl.constraints[ci];
        var tag = dropped[ci] !== undefined ? " (dropped)" : "";
        return el("li", { className: dropped[ci] !== undefined ? "dropped" : "" }, [
          el("span", { className: "rule", text: evidenceWords(c) }),
          el("span", { className: "strength", text: " " + (STRENGTH[c.strength] || "strength " + c.strength) + tag }),
          el("div", { className: "relation", text: relation(c, id) }),
        ]);
      })));
    }
    document.getElementById("side").scrollTop = 0;
    var selected = axis.getSelection();
    if (v.kind !== "undated" && (selected.length !== 1 || selected[0] !== id)) axis.setSelection(id);
    if (v.kind === "undated" && selected.length) axis.setSelection([]);
  }

  function header() {
    var box = document.getElementById("documents");
    tl.documents.forEach(function (d) {
      var how = d.published_from && d.published_from !== "given" ? " (" + d.published_from + ")" : "";
      box.appendChild(el("div", { className: "doc" }, [el("strong", { text: docLabel(d.source) }),
        ": published " + d.published + how]));
    });
    var n = tl.events.length;
    box.appendChild(el("div", { className: "counts", text: n + " event" + (n === 1 ? "" : "s") + ", " +
      (n - undated.length) + " dated, " + undated.length + " undated, " + tl.conflicts.length + " conflict" +
      (tl.conflicts.length === 1 ? "" : "s") + " resolved" }));
  }

  function sideLists() {
    var u = document.getElementById("undated");
    u.appendChild(el("h2", { text: "Undated (" + undated.length + ")" }));
    if (!undated.length) u.appendChild(el("p", { className: "empty", text: "Every event has a bound." }));
    else {
      u.appendChild(el("p", { className: "note", text: "No evidence places these on the axis." }));
      u.appendChild(el("ul", {}, undated.map(function (e) {
        return el("li", {}, [el("a", { href: "#", className: "event-link", "data-goto": e.id, text: eventLabel(e) }),
          el("span", { className: "where", text: " " + where(e) })]);
      })));
    }
    var c = document.getElementById("conflicts");
    c.appendChild(el("h2", { text: "Conflicts (" + tl.conflicts.length + ")" }));
    if (!tl.conflicts.length) c.appendChild(el("p", { className: "empty", text: "The evidence agrees: nothing was dropped." }));
    else c.appendChild(el("ul", { className: "conflicts" }, tl.conflicts.map(function (_k, n) { return conflictView(n, null); })));
  }

  axis.on("select", function (props) {
    if (props.items.length === 1 && events[props.items[0]]) showEvent(props.items[0]);
  });
  axis.on("click", function (props) {
    if (props.what === "group-label" && typeof props.group === "string" && props.group.indexOf("row:") === 0) {
      showEvent(props.group.slice(4));
    }
  });
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("[data-goto]") : null;
    if (!link) return;
    ev.preventDefault();
    var id = link.getAttribute("data-goto");
    showEvent(id);
    if (events[id] && events[id].view.kind !== "undated") axis.focus(id, { animation: false });
  });

  // For tests and the console: the vis Timeline and the page's own lookups.
  window.timelineView = { axis: axis, showEvent: showEvent, data: data };
})();
