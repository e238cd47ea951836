/* Sunwai web: helpers shared by the console and the dashboard.
 *
 * Every piece of data reaches the page through el() / textContent, never
 * innerHTML, so text from citizens, officers or the database cannot become
 * markup. */
"use strict";

const Sunwai = (() => {
  //  el("td", {class: "x", dataset: {docket: "UP-..."}}, "text" or [children])
  function el(tag, attrs, content) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "dataset") Object.assign(node.dataset, value);
      else if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    if (Array.isArray(content)) content.forEach((c) => { if (c) node.append(c); });
    else if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  //  "3d 4h", "2h 5m", "12m", "45s"; negative with a leading minus.
  function duration(ms) {
    const sign = ms < 0 ? "-" : "";
    let s = Math.floor(Math.abs(ms) / 1000);
    if (s >= 86400) return sign + Math.floor(s / 86400) + "d " + Math.floor((s % 86400) / 3600) + "h";
    if (s >= 3600) return sign + Math.floor(s / 3600) + "h " + Math.floor((s % 3600) / 60) + "m";
    if (s >= 60) return sign + Math.floor(s / 60) + "m";
    return sign + s + "s";
  }

  function when(iso) {
    if (!iso) return "–";
    const d = new Date(iso);
    if (isNaN(d.getTime())) return iso;
    return d.toLocaleString(SunwaiI18n.lang === "hi" ? "hi-IN" : "en-IN",
                            { dateStyle: "medium", timeStyle: "short" });
  }

  function number(n) {
    return Number(n || 0).toLocaleString(SunwaiI18n.lang === "hi" ? "hi-IN" : "en-IN");
  }

  //  The console's session (login, role, scope, csrf), fetched once.
  let session = null;
  async function getSession() {
    if (session) return session;
    const r = await fetch("/console/api/session", { credentials: "same-origin" });
    if (r.status === 401) { window.location.assign("/console/login"); throw new Error("signed out"); }
    if (!r.ok) throw new Error("session: HTTP " + r.status);
    session = await r.json();
    return session;
  }

  async function getJson(url) {
    const r = await fetch(url, { credentials: "same-origin" });
    if (r.status === 401 && url.startsWith("/console/")) {
      window.location.assign("/console/login");
      throw new Error("signed out");
    }
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.message || ("HTTP " + r.status));
    return body;
  }

  //  POST JSON with the session's CSRF token. {status, body}.
  async function post(url, fields) {
    const s = await getSession();
    const r = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": s.csrf },
      body: JSON.stringify(fields || {})
    });
    const body = await r.json().catch(() => ({}));
    return { status: r.status, body };
  }

  //  The header's "signed in as" line and the sign-out form.
  async function header() {
    const s = await getSession();
    const who = document.getElementById("who");
    if (who) {
      const where = s.scope === "all" ? SunwaiI18n.t("who.scope.all")
        : (s.scope === "unit" ? s.unit : s.district);
      who.textContent = s.name + " (" + s.login + ", " + s.role + ") · " + where;
      SunwaiI18n.onChange(() => header());
    }
    const csrf = document.getElementById("signout-csrf");
    if (csrf) csrf.value = s.csrf;
    return s;
  }

  return { el, clear, duration, when, number, getSession, getJson, post, header };
})();
