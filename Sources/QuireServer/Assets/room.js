// Quire's proofreading room. Plain JavaScript, no libraries; loaded from /static/room.js only
// (the Content-Security-Policy forbids inline script). Every text from the catalogue is put in
// the page with textContent or .value, never as HTML.
"use strict";
(function () {
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  const view = document.body.dataset.view;

  async function api(method, url, body) {
    const init = { method, headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" };
    if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    const response = await fetch(url, init);
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { status: response.status, data };
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  // Level bars: widths from the counts.
  document.querySelectorAll(".levels span[data-count]").forEach(function (span) {
    span.style.flexGrow = span.dataset.count;
  });

  // ---- Word-level diff (longest common subsequence of words) ----
  function tokens(text) { return text.split(/(\s+)/).filter(function (t) { return t.length > 0; }); }
  function diff(a, b) {
    const x = tokens(a), y = tokens(b), n = x.length, m = y.length;
    const table = [];
    for (let i = 0; i <= n; i++) table.push(new Int32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--)
      table[i][j] = x[i] === y[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    const out = []; let i = 0, j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) { out.push(["=", x[i]]); i++; j++; }
      else if (table[i + 1][j] >= table[i][j + 1]) out.push(["-", x[i++]]);
      else out.push(["+", y[j++]]);
    }
    while (i < n) out.push(["-", x[i++]]);
    while (j < m) out.push(["+", y[j++]]);
    return out;
  }
  function showDiff(container, a, b) {
    container.textContent = "";
    diff(a, b).forEach(function (part) {
      container.appendChild(part[0] === "=" ? document.createTextNode(part[1]) : el(part[0] === "+" ? "ins" : "del", part[1]));
    });
  }
  function fieldsText(f) { return (f.header ? f.header + "\n" : "") + f.body + (f.footer ? "\n" + f.footer : ""); }

  if (view === "editor") editor();
  if (view === "replace") replace();

  function editor() {
    const root = document.getElementById("editor");
    const doc = root.dataset.document;
    let number = Number(root.dataset.page);
    // Page turns fetch the next page's JSON and fill the same editor (no reload); the address follows.
    function pageAPI() { return "/api/documents/" + encodeURIComponent(doc) + "/pages/" + number; }
    function pageURL(n) { return "/documents/" + encodeURIComponent(doc) + "/pages/" + n; }
    const fields = { header: document.getElementById("header"), body: document.getElementById("body"), footer: document.getElementById("footer") };
    const status = document.getElementById("status");
    const img = document.getElementById("scan"), stage = document.getElementById("scan-stage"), boxes = document.getElementById("boxes");
    const scanView = document.getElementById("scan-view");
    let page = null, baseRevision = null, dirty = false, lastField = fields.body;
    let zoom = 1, rotation = 0, mapping = [], textTokens = [], boxNodes = [];

    function say(text, isError) { status.textContent = text; status.className = isError ? "error" : ""; }
    function level() { const c = document.querySelector('input[name="level"]:checked'); return c ? Number(c.value) : 1; }
    function setLevel(n) { const r = document.querySelector('input[name="level"][value="' + n + '"]'); if (r) { r.checked = true; dirty = true; } }
    function current() { return { header: fields.header.value, body: fields.body.value, footer: fields.footer.value, level: level() }; }
    function fill(f) { fields.header.value = f.header; fields.body.value = f.body; fields.footer.value = f.footer; setLevel(f.level); }
    function showMark() {
      const mark = document.getElementById("mark");
      if (page.current) mark.textContent = "Level " + page.current.fields.level + " set by " + (page.current.levelUser || "the OCR") + "; last saved by " + page.current.user + " at " + page.current.createdAt + " (revision " + page.current.id + ")";
      else mark.textContent = "Level " + page.ocr.level + " from the OCR; nobody has saved this page yet.";
    }

    async function load() {
      const result = await api("GET", pageAPI());
      if (result.status !== 200) { say((result.data && result.data.error) || "cannot load the page", true); return; }
      page = result.data;
      say("");
      document.title = page.title + " — page " + page.number + " · Quire";
      document.querySelector(".bar .title bdi").textContent = page.title + " — page " + page.number;
      document.getElementById("merge").hidden = true;
      document.getElementById("history").hidden = true;
      baseRevision = page.current ? page.current.id : null;
      fill(page.current ? page.current.fields : page.ocr);
      dirty = false;
      if (page.draft) {
        const saved = page.current ? page.current.fields : page.ocr;
        if (JSON.stringify(page.draft.fields) !== JSON.stringify(saved)) {
          fill(page.draft.fields); dirty = true;
          say("Draft of " + page.draft.savedAt + " restored (not saved yet)");
        }
      }
      showMark();
      if (page.ocrRunning && !status.textContent) say("An OCR batch is running on this catalogue; saves may wait a moment for it.");
      document.getElementById("page-label").textContent = "Page " + page.number + " of " + page.pageCount;
      const prev = document.getElementById("prev"), next = document.getElementById("next");
      if (page.previous === undefined) page.previous = null;
      if (page.next === undefined) page.next = null;
      prev.hidden = page.previous === null; next.hidden = page.next === null;
      if (page.previous !== undefined && page.previous !== null) prev.href = pageURL(page.previous);
      if (page.next !== undefined && page.next !== null) next.href = pageURL(page.next);
      const palette = document.getElementById("palette");
      if (!palette.childElementCount) page.palette.forEach(function (ch) {
        const b = el("button", ch); b.type = "button"; b.title = "Insert " + ch;
        b.addEventListener("mousedown", function (e) { e.preventDefault(); });
        b.addEventListener("click", function () { insert(ch); });
        palette.appendChild(b);
      });
      if (page.image) { img.hidden = false; img.src = page.image; document.getElementById("no-scan").hidden = true; }
      else { img.hidden = true; img.removeAttribute("src"); document.getElementById("no-scan").hidden = false; }
      drawBoxes();
      realign();
      fields.body.focus();
    }

    function insert(text) {
      const f = lastField, s = f.selectionStart, e = f.selectionEnd;
      f.setRangeText(text, s, e, "end"); f.focus(); changed();
    }

    // ---- Word boxes ----
    function drawBoxes() {
      boxes.textContent = ""; boxNodes = [];
      if (!page.width || !page.height) return;
      page.words.forEach(function (w, index) {
        if (!w.box) { boxNodes.push(null); return; }
        const node = el("div", undefined, "box");
        node.style.left = (100 * w.box[0] / page.width) + "%";
        node.style.top = (100 * w.box[1] / page.height) + "%";
        node.style.width = (100 * w.box[2] / page.width) + "%";
        node.style.height = (100 * w.box[3] / page.height) + "%";
        node.dataset.index = index;
        node.title = w.text + (w.confidence !== null && w.confidence !== undefined ? " (" + Math.round(w.confidence * 100) + "%)" : "");
        node.addEventListener("click", function () { caretToWord(index); });
        boxes.appendChild(node); boxNodes.push(node);
      });
      markUncertain();
    }
    function threshold() { return Number(document.getElementById("threshold").value) / 100; }
    function isUncertain(w) { return w.confidence !== null && w.confidence !== undefined && w.confidence < threshold(); }
    // Uncertain words underlined in the fields: a copy of each field's text behind it (the field
    // is transparent), with those words in <mark>; built with text nodes, never as HTML.
    function paintBackdrops() {
      Object.keys(fields).forEach(function (name) {
        const f = fields[name], back = document.getElementById(name + "-backdrop");
        f.style.height = "auto"; f.style.height = (f.scrollHeight + 2) + "px";
        back.textContent = "";
        let at = 0;
        textTokens.forEach(function (t, index) {
          if (t.field !== name || mapping[index] < 0 || !isUncertain(page.words[mapping[index]])) return;
          back.appendChild(document.createTextNode(f.value.slice(at, t.start)));
          back.appendChild(el("mark", f.value.slice(t.start, t.end)));
          at = t.end;
        });
        back.appendChild(document.createTextNode(f.value.slice(at) + "\n"));
      });
    }
    function markUncertain() {
      if (textTokens.length) paintBackdrops();
      const list = document.getElementById("uncertain-list"); list.textContent = "";
      page.words.forEach(function (w, index) {
        if (boxNodes[index]) boxNodes[index].classList.toggle("uncertain", isUncertain(w));
        if (isUncertain(w)) {
          const b = el("button", w.text); b.type = "button"; b.className = "uncertain-word";
          b.addEventListener("click", function () { caretToWord(index); });
          list.appendChild(b);
        }
      });
    }
    function normal(t) { return t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""); }
    // The text's words, with where each is; then an edit-distance alignment of the OCR's words to
    // them, so that a box follows its word through edits.
    function realign() {
      textTokens = [];
      ["header", "body", "footer"].forEach(function (name) {
        const re = /\S+/g; let m;
        while ((m = re.exec(fields[name].value)) !== null) textTokens.push({ field: name, start: m.index, end: m.index + m[0].length, text: normal(m[0]) });
      });
      const words = page.words.map(function (w) { return normal(w.text); });
      const n = words.length, m = textTokens.length;
      if (n * m > 4000000) { mapping = new Array(m).fill(-1); paintBackdrops(); return; }
      const cost = [];
      for (let i = 0; i <= n; i++) { cost.push(new Int32Array(m + 1)); cost[i][0] = i; }
      for (let j = 0; j <= m; j++) cost[0][j] = j;
      for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
        const same = words[i - 1] === textTokens[j - 1].text ? 0 : 1;
        cost[i][j] = Math.min(cost[i - 1][j - 1] + same, cost[i - 1][j] + 1, cost[i][j - 1] + 1);
      }
      mapping = new Array(m).fill(-1);
      let i = n, j = m;
      while (i > 0 && j > 0) {
        const same = words[i - 1] === textTokens[j - 1].text ? 0 : 1;
        if (cost[i][j] === cost[i - 1][j - 1] + same) { mapping[j - 1] = i - 1; i--; j--; }
        else if (cost[i][j] === cost[i - 1][j] + 1) i--;
        else j--;
      }
      paintBackdrops();
      followCaret();
    }
    function tokenAtCaret() {
      const f = document.activeElement;
      const name = Object.keys(fields).find(function (k) { return fields[k] === f; }) || "body";
      const pos = fields[name].selectionStart;
      let best = -1;
      textTokens.forEach(function (t, index) { if (t.field === name && t.start <= pos && pos <= t.end) best = index; });
      return best;
    }
    function highlight(wordIndex) {
      boxNodes.forEach(function (n) { if (n) n.classList.remove("current"); });
      const node = boxNodes[wordIndex];
      if (!node) return;
      node.classList.add("current");
      const r = node.getBoundingClientRect(), v = scanView.getBoundingClientRect();
      if (r.top < v.top || r.bottom > v.bottom) scanView.scrollTop += r.top - v.top - v.height / 3;
      if (r.left < v.left || r.right > v.right) scanView.scrollLeft += r.left - v.left - v.width / 3;
    }
    function followCaret() {
      const t = tokenAtCaret();
      highlight(t >= 0 ? mapping[t] : -1);
      root.dataset.currentWord = t >= 0 && mapping[t] >= 0 ? String(mapping[t]) : "";
    }
    function caretToWord(wordIndex) {
      const t = mapping.indexOf(wordIndex);
      if (t < 0) { say("That word is no longer in the text"); return; }
      const token = textTokens[t], f = fields[token.field];
      f.focus(); f.setSelectionRange(token.start, token.end);
      lastField = f; followCaret();
    }
    function nextUncertain(step) {
      const here = tokenAtCaret();
      const order = [];
      textTokens.forEach(function (t, index) { if (mapping[index] >= 0 && isUncertain(page.words[mapping[index]])) order.push(index); });
      if (order.length === 0) { say("No uncertain word"); return; }
      let target = step > 0 ? order.find(function (i) { return i > here; }) : order.slice().reverse().find(function (i) { return i < here; });
      if (target === undefined) target = step > 0 ? order[0] : order[order.length - 1];
      caretToWord(mapping[target]);
    }

    // ---- Saving, drafts, merge ----
    async function save(thenNext) {
      const sent = current();
      const result = await api("POST", pageAPI() + "/save", { fields: sent, base: baseRevision });
      if (result.status === 200) {
        const revision = result.data.revision;
        baseRevision = revision.id; page.current = revision; dirty = false;
        document.getElementById("merge").hidden = true;
        showMark(); say("Saved (revision " + revision.id + ")");
        if (thenNext && page.next !== null) go(page.next);
      } else if (result.status === 409) {
        const theirs = result.data.current;
        document.getElementById("merge").hidden = false;
        document.getElementById("merge-mine").textContent = fieldsText(sent);
        document.getElementById("merge-theirs").textContent = fieldsText(theirs.fields);
        document.getElementById("merge-user").textContent = theirs.user;
        showDiff(document.getElementById("merge-diff"), fieldsText(theirs.fields), fieldsText(sent));
        // The next save is based on their revision: the fields still hold your text to merge.
        baseRevision = theirs.id; page.current = theirs; showMark();
        say("Not saved: " + theirs.user + " saved this page meanwhile. Merge, then save again.", true);
      } else {
        say("Not saved: " + ((result.data && result.data.error) || ("error " + result.status)), true);
      }
    }
    async function saveDraft() {
      if (!dirty || !page) return;
      const result = await api("POST", pageAPI() + "/draft", { fields: current(), base: baseRevision });
      if (result.status === 200) root.dataset.draftSaved = String(Date.now());
    }
    setInterval(saveDraft, 3000);
    window.addEventListener("beforeunload", function () { if (dirty) saveDraft(); });

    function changed() { dirty = true; realign(); }
    Object.keys(fields).forEach(function (k) {
      const f = fields[k];
      f.addEventListener("input", changed);
      f.addEventListener("focus", function () { lastField = f; });
      ["keyup", "click", "select"].forEach(function (e) { f.addEventListener(e, followCaret); });
    });
    document.querySelectorAll('input[name="level"]').forEach(function (r) { r.addEventListener("change", function () { dirty = true; }); });
    document.getElementById("threshold").addEventListener("change", markUncertain);
    document.getElementById("save").addEventListener("click", function () { save(false); });
    document.getElementById("save-next").addEventListener("click", function () { save(true); });
    document.getElementById("next-uncertain").addEventListener("click", function () { nextUncertain(1); });
    document.getElementById("prev-uncertain").addEventListener("click", function () { nextUncertain(-1); });

    // ---- History ----
    document.getElementById("history-button").addEventListener("click", async function () {
      const box = document.getElementById("history"), list = document.getElementById("history-list");
      box.hidden = !box.hidden; if (box.hidden) return;
      const result = await api("GET", pageAPI() + "/history");
      list.textContent = "";
      const revisions = result.data || [];
      // Any two versions (the OCR counts as one): tick two, then compare.
      const versions = [{ label: "OCR", fields: page.ocr }].concat(revisions.map(function (r) { return { label: "revision " + r.id, fields: r.fields }; }));
      function pick(index) {
        const box = el("input"); box.type = "checkbox"; box.className = "compare"; box.value = String(index);
        box.title = "Tick two versions and press Compare"; return box;
      }
      const compare = el("button", "Compare the two ticked"); compare.type = "button"; compare.id = "compare";
      compare.addEventListener("click", function () {
        const ticked = Array.from(list.querySelectorAll(".compare:checked")).map(function (b) { return versions[Number(b.value)]; });
        if (ticked.length !== 2) { say("Tick two versions to compare", true); return; }
        showDiff(document.getElementById("history-diff"), fieldsText(ticked[0].fields), fieldsText(ticked[1].fields));
      });
      const ocrEntry = el("li"); ocrEntry.appendChild(pick(0)); ocrEntry.appendChild(document.createTextNode(" OCR (level " + page.ocr.level + ")"));
      list.appendChild(ocrEntry);
      revisions.forEach(function (r, index) {
        const item = el("li"); item.appendChild(pick(index + 1));
        item.appendChild(document.createTextNode(" Revision " + r.id + " by " + r.user + ", " + r.createdAt + ", level " + r.fields.level + " (set by " + (r.levelUser || "the OCR") + ") "));
        const before = index === 0 ? page.ocr : revisions[index - 1].fields;
        const b1 = el("button", "diff with previous"); b1.type = "button";
        b1.addEventListener("click", function () { showDiff(document.getElementById("history-diff"), fieldsText(before), fieldsText(r.fields)); });
        const b2 = el("button", "diff with OCR"); b2.type = "button";
        b2.addEventListener("click", function () { showDiff(document.getElementById("history-diff"), fieldsText(page.ocr), fieldsText(r.fields)); });
        item.appendChild(b1); item.appendChild(b2); list.appendChild(item);
      });
      list.appendChild(compare);
    });

    // ---- Scan: zoom, pan, fit, rotate, layout, divider ----
    function applyView() { stage.style.width = (zoom * 100) + "%"; stage.style.transform = rotation ? "rotate(" + rotation + "deg)" : ""; }
    document.getElementById("zoom-in").addEventListener("click", function () { zoom *= 1.25; applyView(); });
    document.getElementById("zoom-out").addEventListener("click", function () { zoom = Math.max(0.2, zoom / 1.25); applyView(); });
    document.getElementById("fit").addEventListener("click", function () { zoom = 1; rotation = 0; applyView(); });
    document.getElementById("rotate").addEventListener("click", function () {
      rotation = (rotation + 90) % 360; applyView();
      stage.style.transformOrigin = rotation === 90 ? "0 100%" : rotation === 270 ? "100% 0" : "50% 50%";
      if (rotation === 0) stage.style.transformOrigin = "0 0";
    });
    document.getElementById("layout").addEventListener("click", function () { root.classList.toggle("stacked"); root.classList.toggle("side"); });
    let panning = null;
    scanView.addEventListener("pointerdown", function (e) { if (e.target.classList.contains("box")) return; panning = { x: e.clientX, y: e.clientY, l: scanView.scrollLeft, t: scanView.scrollTop }; });
    window.addEventListener("pointermove", function (e) { if (panning) { scanView.scrollLeft = panning.l - (e.clientX - panning.x); scanView.scrollTop = panning.t - (e.clientY - panning.y); } });
    window.addEventListener("pointerup", function () { panning = null; dragging = false; });
    const divider = document.getElementById("divider"), pane = document.getElementById("scan-pane");
    let dragging = false;
    divider.addEventListener("pointerdown", function (e) { dragging = true; e.preventDefault(); });
    window.addEventListener("pointermove", function (e) {
      if (!dragging) return;
      const r = root.getBoundingClientRect();
      const share = root.classList.contains("stacked") ? (e.clientY - r.top) / r.height : (e.clientX - r.left) / r.width;
      pane.style.flexBasis = Math.min(90, Math.max(10, share * 100)) + "%";
    });

    // ---- Keyboard ----
    const sheet = document.getElementById("shortcuts");
    document.addEventListener("keydown", function (e) {
      const inField = e.target.tagName === "TEXTAREA" || e.target.tagName === "INPUT";
      if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(false); }
      else if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); save(true); }
      else if (e.altKey && e.key === "PageDown" && page && page.next !== null) { e.preventDefault(); go(page.next); }
      else if (e.altKey && e.key === "PageUp" && page && page.previous !== null) { e.preventDefault(); go(page.previous); }
      else if (e.altKey && /^Digit[0-4]$/.test(e.code)) { e.preventDefault(); setLevel(Number(e.code.slice(5))); }
      else if (e.altKey && (e.code === "Period" || e.code === "Comma")) { e.preventDefault(); nextUncertain(e.code === "Period" ? 1 : -1); }
      else if (e.key === "?" && !inField) { e.preventDefault(); sheet.hidden = !sheet.hidden; }
      else if (e.key === "Escape") { sheet.hidden = true; }
    });

    // A page turn: the draft of this page first, then the other page in the same editor.
    let turning = false;
    async function go(target) {
      if (turning) return;
      turning = true;
      try {
        await saveDraft();
        number = target; root.dataset.page = String(target);
        history.pushState({ page: target }, "", pageURL(target));
        await load();
      } finally { turning = false; }
    }
    window.addEventListener("popstate", function () {
      const n = Number(location.pathname.split("/").pop());
      if (n && n !== number) { number = n; root.dataset.page = String(n); load(); }
    });
    ["prev", "next"].forEach(function (id) {
      document.getElementById(id).addEventListener("click", function (e) {
        const target = id === "prev" ? page && page.previous : page && page.next;
        if (target === null || target === undefined) return;
        e.preventDefault(); go(target);
      });
    });

    load();
  }

  function replace() {
    const root = document.getElementById("replace"), doc = root.dataset.document;
    const url = "/api/documents/" + encodeURIComponent(doc) + "/replace";
    const list = document.getElementById("changes"), statusLine = document.getElementById("replace-status"), apply = document.getElementById("apply");
    function asked() { return { find: document.getElementById("find").value, replace: document.getElementById("replacement").value }; }
    document.getElementById("preview").addEventListener("click", async function () {
      const result = await api("POST", url, asked());
      list.textContent = "";
      if (result.status !== 200) { statusLine.textContent = (result.data && result.data.error) || "error"; return; }
      result.data.changes.forEach(function (c) {
        const item = el("li"); item.dataset.page = c.number;
        const label = el("label"); const box = el("input"); box.type = "checkbox"; box.checked = true; box.value = c.number; box.className = "apply-page";
        label.appendChild(box); label.appendChild(document.createTextNode(" page " + c.number + ": " + c.count + " change" + (c.count === 1 ? "" : "s")));
        const d = el("div", undefined, "diff"); showDiff(d, c.before, c.after);
        item.appendChild(label); item.appendChild(d); list.appendChild(item);
      });
      statusLine.textContent = result.data.changes.length + " page(s) would change";
      apply.disabled = result.data.changes.length === 0;
    });
    apply.addEventListener("click", async function () {
      const pages = Array.from(document.querySelectorAll(".apply-page:checked")).map(function (b) { return Number(b.value); });
      const body = asked(); body.pages = pages;
      const result = await api("POST", url, body);
      if (result.status !== 200) { statusLine.textContent = (result.data && result.data.error) || "error"; return; }
      statusLine.textContent = "Replaced in " + (pages.length - result.data.conflicts.length) + " page(s)" + (result.data.conflicts.length ? "; changed meanwhile, skipped: " + result.data.conflicts.join(", ") : "");
      apply.disabled = true;
    });
  }

  // ---- The batch view: snapshots pushed by the server (server-sent events) ----
  if (view === "batches") {
    const rows = document.getElementById("batch-rows");
    const problems = document.getElementById("batch-problems");
    const running = document.getElementById("batch-running");
    const jobs = document.getElementById("batch-jobs");
    const duration = function (seconds) {
      if (seconds === undefined || seconds === null) return "–";
      return seconds < 60 ? seconds + " s" : Math.floor(seconds / 60) + " min " + (seconds % 60) + " s";
    };
    const source = new EventSource("/batches/events");
    source.addEventListener("message", function (event) {
      const snapshot = JSON.parse(event.data);
      running.textContent = snapshot.ocrRunning ? "An OCR batch is running on this catalogue." : "No OCR batch is running.";
      running.dataset.running = snapshot.ocrRunning ? "yes" : "no";
      rows.replaceChildren();
      problems.replaceChildren();
      jobs.replaceChildren();
      (snapshot.jobs || []).forEach(function (j) {
        const item = el("li", j.document + ": OCR " + j.state + ", " + j.done + " of " + j.total + " page(s) of this run" +
          (j.failed ? ", " + j.failed + " failed" : "") + (j.message ? " (" + j.message + ")" : ""));
        item.className = "job"; item.dataset.document = j.document; item.dataset.state = j.state;
        if (jobs.dataset.admin === "yes" && j.state === "running") {
          const form = el("form"); form.method = "post"; form.action = "/batches/ocr"; form.className = "batch-cancel";
          [["csrf", csrf], ["document", j.document], ["action", "cancel"]].forEach(function (pair) {
            const input = el("input"); input.type = "hidden"; input.name = pair[0]; input.value = pair[1]; form.appendChild(input);
          });
          const button = el("button", "Cancel"); button.type = "submit"; button.className = "cancel"; form.appendChild(button);
          item.appendChild(form);
        }
        jobs.appendChild(item);
      });
      if (snapshot.documents.length === 0) {
        const row = el("tr"); const cell = el("td", "No pages waiting, being read or in trouble."); cell.colSpan = 9; row.appendChild(cell); rows.appendChild(row);
      }
      snapshot.documents.forEach(function (d) {
        const row = el("tr"); row.className = "batch"; row.dataset.document = d.id;
        const name = el("td"); const link = el("a", d.title); link.href = "/documents/" + encodeURIComponent(d.id);
        name.appendChild(link); name.appendChild(el("br")); name.appendChild(el("code", d.id)); row.appendChild(name);
        [[d.done + " of " + d.pages, "done"], [d.pending, "pending"], [d.reading, "reading"], [d.failed, "failed"], [d.quarantined, "quarantined"],
         [d.finished, "finished"], [d.pagesPerSecond === undefined ? "–" : d.pagesPerSecond, "rate"], [duration(d.secondsLeft), "eta"]].forEach(function (pair) {
          const cell = el("td", String(pair[0])); cell.dataset.field = pair[1]; row.appendChild(cell);
        });
        rows.appendChild(row);
        d.problems.forEach(function (p) {
          problems.appendChild(el("li", d.id + " page " + p.page + ": " + p.state + " after " + p.failures + " failure(s)" + (p.error ? ": " + p.error : "")));
        });
      });
    });
  }
})();
