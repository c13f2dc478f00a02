/* What each view paints from the server's payload. Words and decisions come from
 * the payload (runshow/remote/content.py); only moving numbers are spelled here. */
"use strict";
(function () {
  const RS = window.RS;
  const $ = (id) => document.getElementById(id);
  const NO_TIME = "--:--";
  function setText(id, text) {
    const el = $(id);
    if (el && el.textContent !== text) el.textContent = text;
  }
  function show(id, on) {
    const el = $(id);
    if (el) el.hidden = !on;
  }
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function setData(node, key, value) {
    if (node.dataset[key] !== value) node.dataset[key] = value;
  }
  function rebuildOnce(p, key, build) {
    // lists change with the state, not with time: rebuild them once per published state
    const holder = $(key);
    if (!holder || holder.dataset.seq === String(p.seq)) return;
    holder.dataset.seq = String(p.seq);
    holder.replaceChildren(...build());
  }
  function primaryOf(p, block, q, live) {
    if (!live) return NO_TIME;
    if (block.primary === "remaining" && q.remaining != null) return RS.countdown(RS.ceilS(q.remaining));
    if (block.primary === "next" && q.next != null) return RS.countdown(RS.ceilS(q.next));
    return block.countdown;
  }
  function levelOf(p, q) {
    return q.remaining == null ? "neutral" : RS.level(p, RS.ceilS(q.remaining));
  }
  function driftClass(sec) {
    return sec > 0 ? "late" : sec < 0 ? "early" : "even";
  }
  function rehearsalBanner(p) {
    setText("rehearsal", p.words.rehearsal);
    show("rehearsal", !!p.views.stage.rehearsal);
    document.body.classList.toggle("rehearsal", !!p.views.stage.rehearsal);
  }

  RS.views.stage = (p, q, live) => {
    const s = p.views.stage;
    const body = document.body;
    body.classList.toggle("blackout", !!s.blackout);
    show("blackout", !!s.blackout);
    rehearsalBanner(p);
    setText("header", s.header);
    setText("clock", live ? RS.clockText(p, q.show) : "--:--:--");
    setText("title", s.title);
    setText("presenter", s.presenter);
    setText("message", s.message || "");
    show("message", !!s.message);
    show("who", !s.message);
    rebuildOnce(p, "strip", () => {
      const out = [];
      s.strip.forEach((item, i) => {
        if (i) out.push(el("li", "arrow", "→"));
        const chip = el("li", `chip ${item.role}`);
        chip.dataset.role = item.role;
        if (item.tag) chip.append(el("span", "tag", item.tag));
        chip.append(el("span", "name", item.name));
        out.push(chip);
      });
      return out;
    });
    show("strip", s.strip.length > 0 && !s.message);
    const level = s.primary === "remaining" ? levelOf(p, q) : "neutral";
    const remS = q.remaining == null ? 0 : RS.ceilS(q.remaining);
    setData(body, "level", live ? level : "offline");
    body.classList.toggle("blink-off", live && level === "overtime" && remS % 2 !== 0);
    setText("caption", level === "overtime" ? s.caption_overtime : s.caption);
    setData(body, "status", s.status);
    const primary = primaryOf(p, s, q, live);
    setText("countdown", primary);
    setText("next-label", s.next_label);
    setText("next-countdown", live && s.next_live && q.next != null ? p.words.in.replace("%1", RS.countdown(RS.ceilS(q.next))) : live ? s.next_countdown : "");
    const driftS = s.drift_live ? RS.ceilS(q.drift) : s.drift_seconds;
    setText("drift", live ? (s.drift_live ? RS.driftText(driftS, p.words) : s.drift) : "");
    setData($("drift"), "sign", driftClass(driftS));
    setText("notice", s.notice || "");
    show("notice", !!s.notice);
    show("bottom", !s.notice);
    return primary;
  };

  RS.views.overlay = (p, q, live) => {
    const o = p.views.overlay;
    setText("title", o.title);
    setText("presenter", o.presenter);
    const primary = primaryOf(p, o, q, live);
    setText("countdown", primary);
    setData(document.body, "level", live ? (o.primary === "remaining" ? levelOf(p, q) : "neutral") : "offline");
    return primary;
  };

  RS.views.lobby = (p, q, live) => {
    const l = p.views.lobby;
    setText("event", l.event);
    setText("venue", [l.venue, l.date].filter(Boolean).join(" · "));
    setText("label", l.label);
    setText("title", l.title);
    setText("when", l.when);
    const primary = l.live ? (live && q.next != null ? RS.countdown(RS.ceilS(q.next)) : NO_TIME) : "";
    setText("countdown", primary);
    show("countdown", l.live);
    setText("clock", live ? RS.clockText(p, q.show) : "--:--:--");
    return primary;
  };

  RS.views.clock = (p, q, live) => {
    const c = p.views.clock;
    const primary = live ? RS.clockText(p, q.show) : "--:--:--";
    setText("clock", primary);
    setText("on-air", c.on_air.text);
    setData($("on-air"), "state", c.on_air.code);
    setText("segment", c.segment);
    setText("drift-label", c.drift_label);
    const driftS = RS.ceilS(q.drift);
    setText("drift", live ? RS.driftText(driftS, p.words) : "");
    setData($("drift"), "sign", driftClass(driftS));
    return primary;
  };

  RS.views.backstage = (p, q, live) => {
    const b = p.views.backstage;
    const s = p.views.stage;
    setText("title", b.title);
    setText("clock", live ? RS.clockText(p, q.show) : "--:--:--");
    const primary = primaryOf(p, s, q, live);
    setText("countdown", primary);
    setData(document.body, "level", live ? (s.primary === "remaining" ? levelOf(p, q) : "neutral") : "offline");
    setText("message", s.message || "");
    show("message", !!s.message);
    rebuildOnce(p, "segments", () => {
      if (!b.segments.length) return [el("p", "empty", b.empty)];
      return b.segments.map((seg) => {
        const box = el("section", `segment ${seg.role}`);
        box.dataset.role = seg.role;
        const head = el("header");
        head.append(el("span", "label", seg.label), el("h2", null, seg.title));
        const meta = el("p", "meta", [seg.part, seg.planned, seg.owner].filter(Boolean).join(" · "));
        box.append(head, meta);
        if (seg.standby_text) box.append(el("p", "standby", seg.standby_text));
        if (seg.speakers.length) {
          const list = el("ol", "speakers");
          for (const sp of seg.speakers) {
            const li = el("li", `speaker ${sp.role}`);
            li.dataset.role = sp.role;
            if (sp.tag) li.append(el("span", "tag", sp.tag));
            li.append(el("span", "name", sp.name));
            if (sp.affiliation) li.append(el("span", "affiliation", sp.affiliation));
            li.append(el("span", "slot", `${sp.start_projected ? "≈" : ""}${sp.start} (${sp.planned})`));
            if (sp.standby_text) li.append(el("span", "standby", sp.standby_text));
            list.append(li);
          }
          box.append(list);
        }
        return box;
      });
    });
    return primary;
  };

  /* ── the rundowns: lists kept row by row (RS.lists), moving cells spelled here ── */
  const pad2 = (n) => String(n).padStart(2, "0");
  const mod = (a, b) => ((a % b) + b) % b;
  function hmOf(us, tzMs) {
    // the local HH:MM of an instant in µs since the epoch (exact integer arithmetic: see rows.py)
    const minutes = Math.floor((us + tzMs * 1000) / 60e6);
    return `${pad2(mod(Math.floor(minutes / 60), 24))}:${pad2(mod(minutes, 60))}`;
  }
  function signedMinutes(sec) {
    const sign = sec > 0 ? "+" : sec < 0 ? "\u2212" : "";
    const a = Math.abs(sec);
    return `${sign}${Math.floor(a / 60)}:${pad2(a % 60)}`;
  }
  function projectedDelta(minutes) {
    // runshow/present/timefmt.py::projected_delta: a projection, to the minute of its ≈ end
    const sign = minutes > 0 ? "+" : minutes < 0 ? "\u2212" : "";
    return `\u2248${sign}${Math.abs(minutes)}\u2032`;
  }
  function cellUs(cell, chain, at) {
    // max(chain − s, floor, now if the cell never starts before now): runshow/remote/rows.py::cell_us
    let v = chain - cell[0];
    if (cell[1] != null && cell[1] > v) v = cell[1];
    if (cell[2] && at > v) v = at;
    return v;
  }
  RS.cellUs = cellUs;
  /* What a row shows now: its moving cells (ls, le) for the chain's end and show time in µs. */
  function spell(row, chain, at, tzMs) {
    let start = row.start;
    let end = row.end;
    let delta = row.delta;
    let deltaS = row.delta_s;
    if (chain != null && row.ls) start = "≈" + hmOf(cellUs(row.ls, chain, at), tzMs);
    if (chain != null && row.le) {
      const e = cellUs(row.le, chain, at);
      end = "≈" + hmOf(e, tzMs);
      if (row.phase === "current") {
        // the cue on now counts its delta by the second
        deltaS = -Math.floor(-(e - row.pe) / 1e6) + 0;
        delta = signedMinutes(deltaS);
      } else {
        // every other: the minutes between its ≈ end and its planned end (projected_minutes)
        const minutes = Math.floor(e / 6e7) - Math.floor(row.pe / 6e7);
        deltaS = minutes * 60;
        delta = projectedDelta(minutes);
      }
    }
    return { actual: [start, end].filter(Boolean).join(" – "), delta, deltaS };
  }
  RS.spell = spell;

  function followCurrent(p) {
    // follow the current row when the cue changes, not on every state (the reader may scroll)
    const cue = p.state && p.state.current ? p.state.current.cue : null;
    if (cue === RS.followedCue) return;
    const current = document.querySelector("#rows tr.current") || document.querySelector("#rows tr.contains");
    if (current) {
      RS.followedCue = cue;
      current.scrollIntoView({ block: "center" });
    }
  }
  /* Keep #rows equal to a list: each row a group of <tr> (a segment and its speakers), the
   * groups rebuilt only for the rows that changed. Returns whether anything was rebuilt. */
  function syncRows(name, makeGroup) {
    const list = RS.lists[name];
    const body = $("rows");
    if (!list || !body) return false;
    const dom = RS.dom && RS.dom.name === name ? RS.dom : null;
    if (dom && dom.rev === list.rev && list.dirty !== null && list.dirty.size === 0) return false;
    if (!dom || list.dirty === null) {
      const groups = list.rows.map((row) => makeGroup(row));
      body.replaceChildren(...groups.flat());
      RS.dom = { name, rev: list.rev, groups };
    } else {
      for (const i of [...list.dirty].sort((a, b) => a - b)) {
        const group = makeGroup(list.rows[i]);
        const old = dom.groups[i];
        old[0].before(...group);
        for (const tr of old) tr.remove();
        dom.groups[i] = group;
      }
      dom.rev = list.rev;
    }
    list.dirty = new Set();
    return true;
  }

  function rundownAll(p, r, q, live) {
    // every room's segments, read-only; the running room's current row is followed
    setText("title", r.title);
    setText("clock", live ? RS.clockText(p, q.show) : "--:--:--");
    setText("end", r.running);
    const head = $("head");
    if (head && !head.childElementCount) {
      const c = r.columns;
      const tr = el("tr");
      for (const name of [c.room, c.planned, c.title, c.owner]) tr.append(el("th", null, name));
      head.append(tr);
    }
    const changed = syncRows("rundown_all", (row) => {
      const tr = el("tr", `segment-row room-row ${row.phase}${row.plenary ? " plenary" : ""}`);
      tr.dataset.phase = row.phase;
      tr.dataset.room = row.room;
      tr.append(
        el("td", "room", row.room),
        el("td", "planned digits", `${row.planned_start}–${row.planned_end}`),
        el("td", "title", row.title),
        el("td", "owner", row.owner),
      );
      return [tr];
    });
    if (changed) followCurrent(p);
    return null;
  }

  RS.views.rundown = (p, q, live) => {
    if (p.views.rundown_all && !p.views.rundown) return rundownAll(p, p.views.rundown_all, q, live);
    const r = p.views.rundown;
    setText("title", r.title);
    setText("clock", live ? RS.clockText(p, q.show) : "--:--:--");
    setText("end", r.end_label.replace("%1", r.projected_end).replace("%2", r.planned_end));
    const head = $("head");
    if (head && !head.childElementCount) {
      const c = r.columns;
      const tr = el("tr");
      for (const name of [c.part, c.title, c.owner, c.planned, c.actual, c.length, c.delta]) tr.append(el("th", null, name));
      head.append(tr);
    }
    const t = p.timing;
    // the moving cells at the instant shown (the snapshot's own instant when not live)
    const chain = t.chain_us == null ? null : t.chain_us + (live ? Math.round((q.drift - t.drift_ms) * 1000) : 0);
    const at = Math.round((live ? q.show : p.clock.show_ms) * 1000);
    const tz = p.clock.tz_offset_ms;
    const changed = syncRows("rundown", (row) => {
      const out = [];
      const add = (item, cls) => {
        const tr = el("tr", `${cls} ${item.phase}`);
        tr.dataset.phase = item.phase;
        const now = spell(item, chain, at, tz);
        const d = el("td", "delta digits", now.delta);
        d.dataset.sign = now.deltaS == null ? "none" : driftClass(now.deltaS);
        tr.append(
          el("td", "part", item.part || ""),
          el("td", "title", item.title),
          el("td", "owner", item.owner),
          el("td", "planned digits", `${item.planned_start}–${item.planned_end}`),
          el("td", "actual digits", now.actual),
          el("td", "length digits", item.length),
          d,
        );
        if (item.ls || item.le) tr.rsRow = item; // a row whose cells move with time
        out.push(tr);
      };
      add(row, "segment-row");
      for (const sp of row.speakers) add(sp, "speaker-row");
      return out;
    });
    if (changed) {
      RS.movingRows = RS.dom.groups.flat().filter((tr) => tr.rsRow);
      followCurrent(p);
    }
    for (const tr of RS.movingRows || []) {
      const now = spell(tr.rsRow, chain, at, tz);
      const cells = tr.children;
      if (cells[4].textContent !== now.actual) cells[4].textContent = now.actual;
      if (cells[6].textContent !== now.delta) cells[6].textContent = now.delta;
      setData(cells[6], "sign", now.deltaS == null ? "none" : driftClass(now.deltaS));
    }
    return null;
  };
})();
