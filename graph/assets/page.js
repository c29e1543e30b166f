/* presskg page: settling, legend and type filters, transcript filters, search,
   neighbourhood highlight and tooltips. Runs right after the network is drawn;
   `network`, `nodes` and `edges` are the globals pyvis's template defines. */
(function () {
  "use strict";

  var page = JSON.parse(document.getElementById("presskg-data").textContent);
  var state = {
    page: page,
    network: network,
    nodes: nodes,
    edges: edges,
    drawnMs: performance.now(),
    settled: false,
    settleMs: null,
    cutShort: false,
    focused: null,
    highlighted: null
  };
  window.presskg = state;

  function el(id) {
    return document.getElementById(id);
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- physics: bounded stabilisation, then off, so the page is still
  function settle() {
    if (state.settled) return;
    state.settled = true;
    state.settleMs = performance.now();
    network.setOptions({ physics: { enabled: false } });
    document.documentElement.setAttribute("data-settled", "true");
  }
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", settle);
  // Bounded in time too: on a slow or busy machine the layout stops after the
  // budget instead of after its iterations (what is drawn by then is kept).
  network.on("stabilizationProgress", function () {
    if (!state.settled && performance.now() - state.drawnMs > page.settleBudgetMs) {
      state.cutShort = true;
      network.stopSimulation();
    }
  });

  // ---- colours as generated, so highlighting and filters can restore them
  var baseColor = {};
  var baseFont = {};
  nodes.forEach(function (n) {
    baseColor[n.id] = n.color;
    baseFont[n.id] = n.font || { color: "#222222" };
  });
  var edgeColor = {};
  edges.forEach(function (e) {
    edgeColor[e.id] = e.color;
  });

  // ---- heading, notices, counts
  el("pk-title").textContent = page.title;
  if (page.notices.length) {
    var notice = el("pk-notice");
    page.notices.forEach(function (text) {
      notice.appendChild(make("p", "", text));
    });
    notice.hidden = false;
  }
  var stats = page.shownNodes.toLocaleString() + " nodes";
  if (page.totalNodes > page.shownNodes) {
    stats += " shown of " + page.totalNodes.toLocaleString();
  }
  stats += ", " + edges.length.toLocaleString() + " edges";
  el("pk-stats").textContent = stats;

  el("pk-toggle").addEventListener("click", function () {
    var panel = el("pk-panel");
    var collapsed = panel.classList.toggle("pk-collapsed");
    this.textContent = collapsed ? "+" : "–";
    this.setAttribute("aria-expanded", String(!collapsed));
  });

  // ---- filters: by type (the legend) and by transcript
  var hiddenTypes = {};
  var txOn = page.transcripts.map(function () {
    return true;
  });
  var txFilterActive = page.transcripts.length > 1;

  function isVisible(n) {
    if (hiddenTypes[n.ptype]) return false;
    if (txFilterActive && n.tx && n.tx.length) {
      for (var i = 0; i < n.tx.length; i++) {
        if (txOn[n.tx[i]]) return true;
      }
      return false;
    }
    return true;
  }

  function applyFilters() {
    var updates = [];
    nodes.forEach(function (n) {
      var hide = !isVisible(n);
      if (Boolean(n.hidden) !== hide) updates.push({ id: n.id, hidden: hide });
    });
    if (updates.length) nodes.update(updates);
  }

  function swatch(color, shape) {
    var s = make("span", "pk-swatch pk-shape-" + shape);
    s.style.background = color;
    return s;
  }

  function checkItem(checked, onChange) {
    var label = make("label", "pk-item");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () {
      onChange(box.checked);
    });
    label.appendChild(box);
    return { label: label, box: box };
  }

  var typeBoxes = {};
  page.legend.forEach(function (entry) {
    var item = checkItem(true, function (on) {
      hiddenTypes[entry.label] = !on;
      applyFilters();
    });
    item.box.setAttribute("data-type", entry.label);
    item.label.appendChild(swatch(entry.color, entry.shape));
    item.label.appendChild(make("span", "pk-type-name", entry.label));
    item.label.appendChild(make("span", "pk-count", entry.count.toLocaleString()));
    typeBoxes[entry.label] = item.box;
    el("pk-legend").appendChild(item.label);
  });

  if (txFilterActive) {
    var list = el("pk-tx-list");
    var txItems = [];
    page.transcripts.forEach(function (t, i) {
      var item = checkItem(true, function (on) {
        txOn[i] = on;
        applyFilters();
      });
      item.box.setAttribute("data-transcript", t.key);
      var name = t.date && t.title.indexOf(t.date) < 0 ? t.date + " " + t.title : t.title;
      var span = make("span", "pk-tx-name", name);
      span.title = t.key;
      item.label.appendChild(span);
      item.label.appendChild(make("span", "pk-count", t.count.toLocaleString()));
      txItems.push({ label: item.label, box: item.box, text: (name + " " + t.key).toLowerCase() });
      list.appendChild(item.label);
    });
    el("pk-transcripts").hidden = false;
    el("pk-tx-filter").addEventListener("input", function () {
      var q = this.value.trim().toLowerCase();
      txItems.forEach(function (it) {
        it.label.style.display = !q || it.text.indexOf(q) >= 0 ? "" : "none";
      });
    });
    function setAll(on) {
      txItems.forEach(function (it, i) {
        if (it.label.style.display === "none") return;
        it.box.checked = on;
        txOn[i] = on;
      });
      applyFilters();
    }
    el("pk-tx-all").addEventListener("click", function () {
      setAll(true);
    });
    el("pk-tx-none").addEventListener("click", function () {
      setAll(false);
    });
  }

  // ---- neighbourhood highlight
  var DIM_NODE = { background: "#EDEFF2", border: "#DADDE2" };
  var DIM_FONT = { color: "#C4C8CE" };
  var DIM_EDGE = { color: "#EEF0F3", opacity: 0.6 };
  var DIM_EDGE_FONT = { color: "rgba(0,0,0,0)", strokeWidth: 0 };
  var EDGE_FONT = { color: "#555555", strokeWidth: 3 };
  var dimmed = {};
  var dimmedEdges = {};

  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) {
      keep[n] = true;
    });
    var nodeUpdates = [];
    nodes.forEach(function (n) {
      var dim = !keep[n.id];
      if (dim && !dimmed[n.id]) {
        nodeUpdates.push({ id: n.id, color: DIM_NODE, font: DIM_FONT });
        dimmed[n.id] = true;
      } else if (!dim && dimmed[n.id]) {
        nodeUpdates.push({ id: n.id, color: baseColor[n.id], font: baseFont[n.id] });
        delete dimmed[n.id];
      }
    });
    var edgeUpdates = [];
    edges.forEach(function (e) {
      var dim = e.from !== id && e.to !== id;
      if (dim && !dimmedEdges[e.id]) {
        edgeUpdates.push({ id: e.id, color: DIM_EDGE, font: DIM_EDGE_FONT });
        dimmedEdges[e.id] = true;
      } else if (!dim && dimmedEdges[e.id]) {
        edgeUpdates.push({ id: e.id, color: edgeColor[e.id], font: EDGE_FONT });
        delete dimmedEdges[e.id];
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    state.highlighted = id;
  }

  function clearHighlight() {
    var nodeUpdates = Object.keys(dimmed).map(function (id) {
      return { id: id, color: baseColor[id], font: baseFont[id] };
    });
    var edgeUpdates = Object.keys(dimmedEdges).map(function (id) {
      return { id: id, color: edgeColor[id], font: EDGE_FONT };
    });
    dimmed = {};
    dimmedEdges = {};
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    state.highlighted = null;
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight(params.nodes[0]);
    } else if (!params.edges.length) {
      clearHighlight();
      network.unselectAll();
    }
  });

  // ---- search by name or any alias: the query is normalised like presskg's keys
  // (NFKC, lower case, no separators inside Latin names); each name is indexed
  // both as written and in simplified Chinese
  var JOIN = /([0-9a-z])[\s\-_·.]+(?=[0-9a-z])/g;

  function norm(text) {
    return String(text)
      .normalize("NFKC")
      .toLowerCase()
      .trim()
      .replace(JOIN, "$1")
      .replace(/\s+/g, " ");
  }

  var index = [];
  nodes.forEach(function (n) {
    if (n.search && n.search.length) {
      index.push({ id: n.id, keys: n.search, rank: n.mentions || 0, label: n.label, type: n.ptype });
    }
  });

  function find(query) {
    var q = norm(query);
    if (!q) return [];
    var hits = [];
    index.forEach(function (entry) {
      var best = 3;
      for (var i = 0; i < entry.keys.length; i++) {
        var k = entry.keys[i];
        var score = k === q ? 0 : k.indexOf(q) === 0 ? 1 : k.indexOf(q) > 0 ? 2 : 3;
        if (score < best) best = score;
      }
      if (best < 3) hits.push({ entry: entry, score: best });
    });
    hits.sort(function (a, b) {
      return a.score - b.score || b.entry.rank - a.entry.rank || (a.entry.id < b.entry.id ? -1 : 1);
    });
    return hits.slice(0, 12);
  }

  function focusNode(id) {
    var n = nodes.get(id);
    if (!n) return false;
    if (n.hidden) {
      if (typeBoxes[n.ptype] && hiddenTypes[n.ptype]) {
        hiddenTypes[n.ptype] = false;
        typeBoxes[n.ptype].checked = true;
      }
      nodes.update({ id: id, hidden: false });
    }
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.1),
      animation: { duration: 450, easingFunction: "easeInOutQuad" }
    });
    state.focused = id;
    return true;
  }

  var results = el("pk-results");
  var box = el("pk-search");
  var current = [];
  var active = -1;

  function renderResults() {
    while (results.firstChild) results.removeChild(results.firstChild);
    current.forEach(function (hit, i) {
      var legend = page.legend.filter(function (l) {
        return l.label === hit.entry.type;
      })[0];
      var li = make("li", i === active ? "pk-active" : "");
      li.setAttribute("role", "option");
      li.setAttribute("data-id", hit.entry.id);
      if (legend) li.appendChild(swatch(legend.color, legend.shape));
      li.appendChild(make("span", "", nodes.get(hit.entry.id).label));
      li.appendChild(make("span", "pk-alias", hit.entry.type));
      li.addEventListener("mousedown", function (ev) {
        ev.preventDefault();
        focusNode(hit.entry.id);
      });
      results.appendChild(li);
    });
  }

  var pending = null;
  box.addEventListener("input", function () {
    current = find(box.value);
    active = current.length ? 0 : -1;
    renderResults();
    clearTimeout(pending);
    if (current.length && current[0].score === 0) {
      var id = current[0].entry.id;
      pending = setTimeout(function () {
        focusNode(id);
      }, 150);
    }
  });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!current.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : current.length - 1)) % current.length;
      renderResults();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      clearTimeout(pending);
      if (current.length) focusNode(current[Math.max(0, active)].entry.id);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      box.value = "";
      current = [];
      renderResults();
      clearHighlight();
      network.unselectAll();
    }
  });

  state.find = function (query) {
    return find(query).map(function (hit) {
      return hit.entry.id;
    });
  };
  state.focusNode = focusNode;
  state.highlight = highlight;
  state.clearHighlight = clearHighlight;

  // ---- tooltips: `tip` is HTML that presskg built with every user value escaped
  var tip = el("pk-tip");
  var canvasBox = document.getElementById("mynetwork");

  function showTip(html, pointer) {
    tip.innerHTML = html;
    tip.hidden = false;
    var rect = canvasBox.getBoundingClientRect();
    var x = rect.left + pointer.x + 16;
    var y = rect.top + pointer.y + 16;
    var w = tip.offsetWidth;
    var h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, x - w - 32);
    if (y + h > window.innerHeight - 8) y = Math.max(8, window.innerHeight - h - 8);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  function hideTip() {
    tip.hidden = true;
  }

  network.on("hoverNode", function (params) {
    var n = nodes.get(params.node);
    if (n && n.tip) showTip(n.tip, params.pointer.DOM);
  });
  network.on("hoverEdge", function (params) {
    var e = edges.get(params.edge);
    if (e && e.tip) showTip(e.tip, params.pointer.DOM);
  });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
})();
