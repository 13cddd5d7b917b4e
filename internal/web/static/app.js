// tickerwire's only script: live headlines over the API's Server-Sent Events
// (/v1/stream) on the Latest page, and the watchlist form and list
// (/v1/watchlists). Everything it shows is set as text, never as HTML.
"use strict";

(function () {
  const NEUTRAL_BAND = 0.1;

  // el makes an element with a class, text and attributes.
  function el(tag, cls, text, attrs) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }

  function toneOf(score) {
    if (typeof score !== "number") return "neutral";
    if (score > NEUTRAL_BAND) return "positive";
    if (score < -NEUTRAL_BAND) return "negative";
    return "neutral";
  }

  function label(s) {
    return String(s).replace(/_/g, " ");
  }

  // --- Live headlines -----------------------------------------------------

  // articleItem renders an article of the API (the /v1/news/all shape) like
  // the server's headline items.
  function articleItem(a) {
    const li = el("li", "item fresh tone-" + toneOf(a.sentiment_score), null, { "data-uuid": a.uuid });
    li.append(el("a", "headline", a.title || "(untitled)", { href: "/news/" + encodeURIComponent(a.uuid) }));
    const meta = el("div", "meta");
    const seen = new Set();
    for (const e of a.entities || []) {
      const l = (e.listings && e.listings[0]) || { symbol: e.symbol, mic: e.exchange };
      if (!l.symbol || !l.mic || seen.has(l.symbol + "." + l.mic)) continue;
      seen.add(l.symbol + "." + l.mic);
      const chip = el("a", "chip tone-" + toneOf(e.sentiment_score), l.symbol, {
        href: "/company/" + encodeURIComponent(l.symbol + "." + l.mic),
        title: e.name || "",
      });
      chip.append(el("small", null, l.mic));
      meta.append(chip);
    }
    const types = new Set((a.events || []).map((e) => e.type).filter(Boolean));
    for (const t of types) meta.append(el("span", "badge", label(t)));
    if (a.source) meta.append(el("span", "source", a.source));
    meta.append(el("time", null, "just now", { datetime: a.published_at || "" }));
    li.append(meta);
    return li;
  }

  function startLive(list) {
    const live = document.getElementById("live");
    const show = (state, text) => {
      if (!live) return;
      live.dataset.state = state;
      live.textContent = text;
    };
    if (!window.EventSource) {
      show("closed", "");
      return;
    }
    const want = { sentiment: list.dataset.sentiment || "", source: list.dataset.source || "" };
    let arrived = 0;
    const es = new EventSource(list.dataset.stream);
    es.onopen = () => show("open", "● live");
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) show("closed", "live updates unavailable");
      else show("retrying", "reconnecting…");
    };
    const onArticle = (ev) => {
      let msg;
      try {
        msg = JSON.parse(ev.data);
      } catch (_) {
        return;
      }
      const a = (msg && (msg.article || msg.data)) || msg;
      if (!a || typeof a.uuid !== "string" || document.querySelector('[data-uuid="' + CSS.escape(a.uuid) + '"]')) return;
      if (want.sentiment && toneOf(a.sentiment_score) !== want.sentiment) return;
      if (want.source && a.source !== want.source) return;
      const empty = list.querySelector(".empty");
      if (empty) empty.remove();
      list.prepend(articleItem(a));
      arrived++;
      show("open", "● live · " + arrived + " new");
    };
    es.addEventListener("message", onArticle);
    es.addEventListener("article", onArticle);
    window.addEventListener("pagehide", () => es.close());
  }

  // --- Watchlists ---------------------------------------------------------

  const API = "/v1/watchlists";

  function splitList(s, sep) {
    return String(s || "")
      .split(sep)
      .map((x) => x.trim())
      .filter(Boolean);
  }

  async function apiError(resp) {
    if (resp.status === 404) return "This server has no watchlist API (" + API + ").";
    try {
      const j = await resp.json();
      if (j && j.error) return j.error.message || j.error.code || String(j.error);
    } catch (_) {
      /* not JSON */
    }
    return "The server answered " + resp.status + ".";
  }

  // matchingURL is the Search page for a watchlist's symbols, searches and event.
  function matchingURL(w) {
    const p = new URLSearchParams();
    if (w.symbols && w.symbols.length) p.set("symbol", w.symbols.join(","));
    const searches = w.searches || [];
    if (searches.length === 1) p.set("q", searches[0]);
    else if (searches.length > 1) p.set("q", searches.map((s) => "(" + s + ")").join(" | "));
    const events = w.events || w.event_types || [];
    if (events.length === 1) p.set("event", events[0]);
    return "/search?" + p.toString();
  }

  async function showDeliveries(w, box) {
    let resp;
    try {
      resp = await fetch(API + "/" + encodeURIComponent(w.id) + "/deliveries", { headers: { Accept: "application/json" } });
    } catch (_) {
      return;
    }
    if (!resp.ok) {
      box.append(el("p", "muted small", "Deliveries: " + (await apiError(resp))));
      return;
    }
    const j = await resp.json();
    const rows = Array.isArray(j) ? j : j.data || j.deliveries || [];
    if (!rows.length) {
      box.append(el("p", "muted small", "No alerts delivered yet."));
      return;
    }
    const table = el("table", "deliveries");
    const head = el("tr");
    for (const h of ["When", "Article", "Status", "Attempts"]) head.append(el("th", null, h));
    table.append(head);
    for (const d of rows.slice(0, 20)) {
      const tr = el("tr");
      tr.append(el("td", null, String(d.delivered_at || d.created_at || "").replace("T", " ").replace(/\..*|Z$/, "")));
      const td = el("td");
      const uuid = d.article_uuid;
      if (uuid) td.append(el("a", null, d.title || "article " + uuid.slice(0, 8), { href: "/news/" + encodeURIComponent(uuid) }));
      tr.append(td);
      tr.append(el("td", null, (d.status || "") + (d.last_error ? ": " + d.last_error : "")));
      tr.append(el("td", null, d.attempts !== undefined ? d.attempts : ""));
      table.append(tr);
    }
    box.append(table);
  }

  function watchlistCard(w, reload) {
    const card = el("article", "watchlist", null, { "data-id": String(w.id) });
    card.append(el("h3", null, w.name || "Watchlist " + w.id));
    const crit = el("p", "meta");
    for (const s of w.symbols || []) crit.append(el("a", "chip", s, { href: "/company/" + encodeURIComponent(s) }));
    for (const s of w.searches || []) crit.append(el("span", "badge", "“" + s + "”"));
    for (const e of w.events || w.event_types || []) crit.append(el("span", "badge", label(e)));
    if (typeof w.sentiment_gte === "number") crit.append(el("span", "badge", "sentiment ≥ " + w.sentiment_gte));
    if (typeof w.sentiment_lte === "number") crit.append(el("span", "badge", "sentiment ≤ " + w.sentiment_lte));
    if (w.webhook_url) crit.append(el("span", "muted small", "→ " + w.webhook_url));
    card.append(crit);
    const actions = el("p", "actions");
    actions.append(el("a", null, "Matching news", { href: matchingURL(w) }));
    const del = el("button", "link", "Delete", { type: "button" });
    del.addEventListener("click", async () => {
      const resp = await fetch(API + "/" + encodeURIComponent(w.id), { method: "DELETE" });
      if (resp.ok) reload();
      else actions.append(el("span", "error", await apiError(resp)));
    });
    actions.append(del);
    card.append(actions);
    showDeliveries(w, card);
    return card;
  }

  async function loadWatchlists(box) {
    const reload = () => loadWatchlists(box);
    let resp;
    try {
      resp = await fetch(API, { headers: { Accept: "application/json" } });
    } catch (err) {
      box.dataset.state = "error";
      box.replaceChildren(el("p", "error", "The watchlists could not be loaded: " + err));
      return;
    }
    if (!resp.ok) {
      box.dataset.state = resp.status === 404 ? "unavailable" : "error";
      box.replaceChildren(el("p", "error", await apiError(resp)));
      return;
    }
    const j = await resp.json();
    const list = Array.isArray(j) ? j : j.data || j.watchlists || [];
    box.replaceChildren(...(list.length ? list.map((w) => watchlistCard(w, reload)) : [el("p", "muted", "No watchlists yet.")]));
    box.dataset.state = "ready";
  }

  function watchlistBody(form) {
    const data = new FormData(form);
    const body = {
      name: String(data.get("name") || "").trim(),
      symbols: splitList(data.get("symbols"), /[\s,]+/).map((s) => s.toUpperCase()),
      searches: splitList(data.get("searches"), ";"),
      events: data.getAll("events").map(String),
    };
    for (const k of ["sentiment_gte", "sentiment_lte"]) {
      const v = String(data.get(k) || "").trim();
      if (v !== "") body[k] = Number(v);
    }
    const hook = String(data.get("webhook_url") || "").trim();
    if (hook) body.webhook_url = hook;
    return body;
  }

  function startWatchlists(form, box) {
    const status = document.getElementById("watchlist-status");
    const say = (cls, text) => {
      status.className = "status " + cls;
      status.textContent = text;
    };
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const body = watchlistBody(form);
      if (!body.symbols.length && !body.searches.length && !body.events.length) {
        say("error", "Give at least one symbol, search or event type.");
        return;
      }
      say("", "Saving…");
      let resp;
      try {
        resp = await fetch(API, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(body),
        });
      } catch (err) {
        say("error", "The watchlist could not be saved: " + err);
        return;
      }
      if (!resp.ok) {
        say("error", await apiError(resp));
        return;
      }
      say("ok", "Watchlist “" + body.name + "” created.");
      form.reset();
      loadWatchlists(box);
    });
    loadWatchlists(box);
  }

  function start() {
    const list = document.getElementById("headlines");
    if (list && list.dataset.stream) startLive(list);
    const form = document.getElementById("watchlist-form");
    const box = document.getElementById("watchlists");
    if (form && box) startWatchlists(form, box);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
