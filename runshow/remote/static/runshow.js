/* runshow web views: the clock, the socket and the moving numbers (shared by every view).
 *
 * The page never counts on its own from when a message arrived. It estimates its
 * offset to the server's clock from repeated ping exchanges (NTP-style: the sample
 * with the smallest round trip wins), computes show time from the state's reference
 * instant (clock.show_ms at clock.server_ms, moving at clock.rate), and aims a
 * single timer at the next true second boundary of any number it shows.
 * Words come from the server's JSON; this file only spells numbers.
 */
"use strict";
(function () {
  const MINUS = "\u2212";
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang") === "en" ? "en" : "ko";
  document.documentElement.lang = lang;

  const RS = (window.RS = {
    lang,
    payload: null,
    offset: 0,
    rtt: Infinity,
    samples: [],
    synced: false,
    connected: false,
    attempt: 0,
    lastHeard: 0,
    pingId: 0,
    burst: 0,
    ws: null,
    timer: null,
    flips: [], // [primary text, client wall ms at the DOM write]: read by the bench
    lastPrimary: null,
    views: {},
    lists: {}, // name → {rev, rows, dirty: null (all) | Set of changed row indices}: the long lists
    resyncs: 0,
  });

  const clientNow = () => performance.timeOrigin + performance.now();
  RS.clientNow = clientNow;
  RS.serverNow = () => clientNow() + RS.offset;
  const mod = (a, b) => ((a % b) + b) % b;

  function showNow(p) {
    const c = p.clock;
    return c.show_ms + c.rate * (RS.serverNow() - c.server_ms);
  }
  RS.showNow = showNow;

  /* The exact values at show instant `showMs` (see runshow/remote/content.py). */
  function moving(p, showMs) {
    const t = p.timing;
    const e = showMs - p.clock.show_ms;
    return {
      show: showMs,
      e,
      remaining: t.remaining_ms == null ? null : t.remaining_ms - (t.ticking ? e : 0),
      next: t.next_ms == null ? null : t.next_ms - Math.min(e, t.pivot_ms),
      drift: t.drift_ms + (t.drift_rises ? Math.max(0, e - t.pivot_ms) : 0),
    };
  }
  RS.moving = moving;

  /* Whole seconds shown = the ceiling of the exact value (docs/engine.md). */
  const ceilS = (ms) => Math.ceil(ms / 1000 - 1e-9) + 0;
  RS.ceilS = ceilS;
  const pad = (n) => String(n).padStart(2, "0");
  function hms(total) {
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  }
  RS.countdown = (sec) => (sec < 0 ? MINUS + hms(-sec) : hms(sec));
  RS.driftText = (sec, w) => {
    if (sec === 0) return w.on_time;
    const a = Math.abs(sec);
    let m = Math.floor(a / 60);
    const s = a % 60;
    const h = Math.floor(m / 60);
    m %= 60;
    const amount = h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
    return (sec > 0 ? w.late : w.early).replace("%1", amount);
  };
  RS.clockText = (p, showMs) => {
    const day = mod(Math.floor((showMs + p.clock.tz_offset_ms) / 1000), 86400);
    return `${pad(Math.floor(day / 3600))}:${pad(Math.floor((day % 3600) / 60))}:${pad(day % 60)}`;
  };
  RS.level = (p, remS) => {
    const t = p.timing;
    if (!t.level_live || remS == null) return "neutral";
    if (remS < 0) return "overtime";
    if (t.danger_s != null && remS <= t.danger_s) return "danger";
    if (t.warning_s != null && remS <= t.warning_s) return "warning";
    return "normal";
  };

  /* Real ms until the next boundary of any shown number (null: nothing moves). */
  function nextDelay(p, showMs) {
    const rate = p.clock.rate;
    if (!(rate > 0)) return null;
    const t = p.timing;
    const q = moving(p, showMs);
    const fall = (v) => {
      const r = mod(v, 1000);
      return r > 1e-6 ? r : 1000;
    };
    const rise = (v) => {
      const r = mod(v, 1000);
      return (r > 1e-6 ? 1000 - r : 0) + 0.001;
    };
    let until = 1000 - mod(showMs, 1000); // the time of day
    if (t.ticking && q.remaining != null) until = Math.min(until, fall(q.remaining));
    const beforePivot = q.e < t.pivot_ms;
    if (q.next != null && beforePivot) until = Math.min(until, fall(q.next));
    if (t.drift_rises) until = Math.min(until, beforePivot ? t.pivot_ms - q.e + rise(q.drift) : rise(q.drift));
    return until / rate;
  }

  function render() {
    const p = RS.payload;
    const live = !!(p && RS.connected && RS.synced);
    document.body.classList.toggle("offline", !live);
    const banner = document.getElementById("offline");
    if (banner) {
      const w = p ? p.words : null;
      banner.textContent = live ? "" : !p ? "연결하는 중… · Connecting…" : RS.connected ? w.connecting : w.offline;
      banner.hidden = live;
    }
    if (!p) return;
    const q = moving(p, showNow(p));
    const view = RS.views[document.body.dataset.view];
    const primary = view ? view(p, q, live) : null;
    if (primary != null && primary !== RS.lastPrimary) {
      RS.lastPrimary = primary;
      RS.flips.push([primary, clientNow()]);
      if (RS.flips.length > 4000) RS.flips.splice(0, 2000);
    }
  }
  RS.render = render;

  function schedule() {
    clearTimeout(RS.timer);
    RS.timer = null;
    const p = RS.payload;
    if (!p || !RS.connected || !RS.synced) return;
    const delay = nextDelay(p, showNow(p));
    if (delay == null) return;
    RS.timer = setTimeout(tick, Math.max(0, Math.ceil(delay)));
  }
  function tick() {
    render();
    schedule();
  }

  /* ── the clock offset: NTP-style, the least round trip of the recent samples ── */
  function sendPing() {
    const ws = RS.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify({ type: "ping", id: ++RS.pingId, t0: clientNow() }));
  }
  function onPong(m) {
    const t3 = clientNow();
    if (typeof m.t0 !== "number") return;
    const rtt = t3 - m.t0 - (m.t2 - m.t1);
    const offset = (m.t1 - m.t0 + (m.t2 - t3)) / 2;
    RS.samples.push({ rtt, offset });
    if (RS.samples.length > 16) RS.samples.shift();
    let best = RS.samples[0];
    for (const s of RS.samples) if (s.rtt < best.rtt) best = s;
    RS.offset = best.offset;
    RS.rtt = best.rtt;
    const first = !RS.synced;
    RS.synced = true;
    if (RS.burst > 0) {
      RS.burst -= 1;
      sendPing();
    }
    if (first) render();
    schedule();
  }

  /* ── the long lists (rundowns): whole once, then the rows that changed (runshow/remote/rows.py) ──
   * A list's block carries its revision and either its rows, or a delta from the revision
   * this page holds, or neither (the page holds it already). Anything else means the page
   * lost track: it keeps what it shows and asks for the lists whole again. */
  function takeLists(m) {
    let lost = false;
    for (const name of ["rundown", "rundown_all"]) {
      const block = m.views && m.views[name];
      if (!block || block.rev == null) continue;
      const have = RS.lists[name];
      if (block.rows) {
        RS.lists[name] = { rev: block.rev, rows: block.rows, dirty: null };
      } else if (block.delta) {
        if (have && have.rev === block.delta.base) {
          const rows = have.rows.slice();
          const dirty = have.dirty === null ? null : new Set(have.dirty);
          for (const [i, row] of block.delta.set) {
            rows[i] = row;
            if (dirty) dirty.add(i);
          }
          RS.lists[name] = { rev: block.rev, rows, dirty };
        } else lost = true;
      } else if (!have || have.rev !== block.rev) lost = true;
    }
    if (lost && RS.ws && RS.ws.readyState === WebSocket.OPEN) {
      RS.resyncs += 1;
      RS.ws.send(JSON.stringify({ type: "resync" }));
    }
  }
  RS.takeLists = takeLists;

  /* ── the socket: offline at once, back by itself ── */
  function goOffline() {
    RS.connected = false;
    RS.synced = false;
    clearTimeout(RS.timer);
    render();
  }
  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    let ws;
    try {
      ws = new WebSocket(`${scheme}${location.host}/ws?lang=${lang}&view=${document.body.dataset.view}${params.get("rooms") === "all" ? "&rooms=all" : ""}`);
    } catch (err) {
      retry();
      return;
    }
    RS.ws = ws;
    ws.onopen = () => {
      if (RS.ws !== ws) return;
      RS.connected = true;
      RS.attempt = 0;
      RS.lists = {}; // a new socket: the server sends every list whole
      RS.samples = [];
      RS.synced = false;
      RS.lastHeard = clientNow();
      RS.burst = 7;
      sendPing();
      render();
    };
    ws.onmessage = (ev) => {
      if (RS.ws !== ws) return;
      RS.lastHeard = clientNow();
      let m;
      try {
        m = JSON.parse(ev.data);
      } catch (err) {
        return;
      }
      if (m.type === "pong") onPong(m);
      else if (m.type === "state") {
        takeLists(m);
        RS.payload = m;
        render();
        schedule();
      }
    };
    ws.onclose = () => {
      if (RS.ws !== ws) return;
      RS.ws = null;
      goOffline();
      retry();
    };
  }
  function retry() {
    const delay = Math.min(700, 100 * 2 ** RS.attempt) + Math.random() * 100;
    RS.attempt += 1;
    setTimeout(connect, delay);
  }
  // Every 2 s one ping keeps the estimate fresh and proves the server is there; 3.5 s of
  // silence on an open socket (a cable pulled, Wi-Fi gone) counts as gone.
  setInterval(() => {
    if (!RS.ws || !RS.connected) return;
    if (clientNow() - RS.lastHeard > 3500) {
      const ws = RS.ws;
      RS.ws = null;
      try {
        ws.close();
      } catch (err) {
        /* already closing */
      }
      goOffline();
      retry();
      return;
    }
    sendPing();
  }, 2000);
  document.addEventListener("visibilitychange", () => {
    render();
    schedule();
  });
  window.addEventListener("DOMContentLoaded", () => {
    render();
    connect();
  });
})();
