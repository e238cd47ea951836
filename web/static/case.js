/* Sunwai officer console: one case.  Shows the citizen's thread, the case's
 * facts, its classifications, notes and event history, and sends the
 * officer's actions (as JSON with the CSRF token) to the server, which
 * passes them to router as case commands. */
"use strict";

(() => {
  const { el, clear, when, duration } = Sunwai;
  const t = (k) => SunwaiI18n.t(k);
  const docket = decodeURIComponent(window.location.pathname.replace(/^\/console\/case\//, ""));
  let current = null;

  function fact(list, key, value) {
    list.append(el("dt", {}, t(key)), el("dd", {}, value));
  }

  function render(c) {
    document.title = "Sunwai · " + c.docket;
    document.getElementById("case-docket").textContent = c.docket;
    const status = document.getElementById("case-status");
    status.textContent = SunwaiI18n.status(c.status);
    status.dataset.status = c.status;

    const thread = document.getElementById("case-thread");
    clear(thread);
    for (const m of c.thread) {
      thread.append(el("li", { class: m.kind }, [
        el("div", { class: "muted" }, t("case.kind." + m.kind) + " · " + when(m.at) + " · " + m.channel),
        el("div", { class: "text" }, m.text)
      ]));
    }

    const facts = document.getElementById("case-facts");
    clear(facts);
    fact(facts, "col.category", SunwaiI18n.category(c.category));
    fact(facts, "col.priority", c.priority || "–");
    fact(facts, "col.district", c.district || "–");
    fact(facts, "col.unit", c.unit || "–");
    fact(facts, "case.received", when(c.received_at));
    fact(facts, "case.ack_due", c.ack_deadline ? when(c.ack_deadline) : "–");
    const left = c.resolve_deadline ? " (" + duration(Date.parse(c.resolve_deadline) - c.now_ms) + ")" : "";
    fact(facts, "case.resolve_due", c.resolve_deadline ? when(c.resolve_deadline) + left : "–");
    if (c.parent) {
      facts.append(el("dt", {}, t("case.parent")),
                   el("dd", {}, [el("a", { href: "/console/case/" + encodeURIComponent(c.parent) }, c.parent)]));
    }
    if (c.linked.length) {
      facts.append(el("dt", {}, t("case.linked")), el("dd", {}, c.linked.map((l) =>
        el("a", { href: "/console/case/" + encodeURIComponent(l.docket), class: "badge" },
           l.docket + " " + SunwaiI18n.status(l.status)))));
    }

    const cls = document.getElementById("case-classification");
    clear(cls);
    const list = el("ul", { class: "history" });
    for (const k of c.classifications) {
      const parts = [SunwaiI18n.category(k.category)];
      if (k.confidence !== null) parts.push(t("case.confidence") + " " + Math.round(k.confidence * 100) + "%");
      if (k.priority) parts.push(k.priority);
      if (k.district_name || k.district) parts.push(k.district_name || k.district);
      if (k.language) parts.push(k.language);
      const who = k.origin === "officer" ? t("case.officer") + " " + (k.officer || "")
        : t("case.model") + " " + (k.model_version || "");
      list.append(el("li", { class: "classification " + k.origin }, [
        el("strong", {}, parts.join(" · ")),
        k.needs_review ? el("span", { class: "badge review" }, t("flag.review")) : null,
        el("div", { class: "muted" }, who + " · " + when(k.at))
      ]));
    }
    if (c.needs_review && !c.classifications.length)
      list.append(el("li", {}, [el("span", { class: "badge review" }, t("flag.review"))]));
    cls.append(list);
    document.getElementById("reclassify-category").value = c.category || "";

    const notes = document.getElementById("case-notes");
    clear(notes);
    for (const n of c.notes) {
      notes.append(el("li", {}, [
        el("span", { class: "badge " + (n.public ? "public" : "") }, t(n.public ? "note.public" : "note.internal")),
        el("span", { class: "muted" }, when(n.at) + (n.officer ? " · " + n.officer : "")),
        el("div", { class: "text" }, n.text)
      ]));
    }
    if (!c.notes.length) notes.append(el("li", { class: "muted" }, t("case.no_notes")));

    const history = document.getElementById("case-history");
    clear(history);
    for (const e of c.events) {
      const payload = Object.keys(e.payload || {}).length ? " " + JSON.stringify(e.payload) : "";
      history.append(el("li", { dataset: { event: e.event_type } }, [
        el("strong", {}, e.event_type),
        el("span", { class: "muted" }, " · " + when(e.at) + " · " + e.actor),
        payload ? el("div", { class: "muted" }, payload) : null
      ]));
    }

    const open = ["ROUTED", "ACKNOWLEDGED", "REOPENED"];
    document.getElementById("btn-acknowledge").disabled = !["ROUTED", "REOPENED"].includes(c.status);
    document.getElementById("btn-resolve").disabled = !open.includes(c.status);
    document.getElementById("btn-reopen").disabled = !["RESOLVED", "CLOSED", "REJECTED"].includes(c.status);
    document.getElementById("btn-close").disabled = c.status !== "RESOLVED";
    document.getElementById("btn-reassign").disabled = ["RESOLVED", "CLOSED", "REJECTED"].includes(c.status);
  }

  async function load() {
    const error = document.getElementById("case-error");
    try {
      current = await Sunwai.getJson("/console/api/case/" + encodeURIComponent(docket));
      error.hidden = true;
      render(current);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }

  async function act(action, fields, form) {
    const result = document.getElementById("action-result");
    const buttons = form.querySelectorAll("button");
    buttons.forEach((b) => { b.disabled = true; });
    result.className = "";
    result.textContent = "…";
    try {
      const r = await Sunwai.post("/console/api/case/" + encodeURIComponent(docket) + "/" + action, fields);
      result.className = r.status === 200 ? "ok" : "failed";
      result.dataset.code = r.body.code || String(r.status);
      result.textContent = r.status === 200 ? r.body.message
        : t("result.failed") + ": " + (r.body.message || ("HTTP " + r.status));
      if (r.status === 200) form.reset();
    } catch (e) {
      result.className = "failed";
      result.textContent = t("result.failed") + ": " + e.message;
    }
    buttons.forEach((b) => { b.disabled = false; });
    await load();
  }

  function on(id, handler) {
    document.getElementById(id).addEventListener("submit", (e) => { e.preventDefault(); handler(e.target); });
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const select = document.getElementById("reclassify-category");
    for (const code of SUNWAI_CATEGORIES)
      select.append(el("option", { value: code, dataset: { i18n: "cat." + code } }, SunwaiI18n.category(code)));
    SunwaiI18n.apply(select);
    SunwaiI18n.onChange(() => { if (current) render(current); });
    const v = (id) => document.getElementById(id).value.trim();
    on("form-acknowledge", (f) => act("acknowledge", {}, f));
    on("form-note", (f) => act("note", { note: v("note-text"), public: document.getElementById("note-public").checked }, f));
    on("form-resolve", (f) => act("resolve", { note: v("resolve-note") }, f));
    on("form-reassign", (f) => act("reassign", { unit: v("reassign-unit"), reason: v("reassign-reason") }, f));
    on("form-duplicate", (f) => act("duplicate", { duplicate_of: v("duplicate-of") }, f));
    on("form-reopen", (f) => act("reopen", { reason: v("reopen-reason") }, f));
    on("form-close", (f) => act("close", { reason: v("close-reason") }, f));
    on("form-reclassify", (f) => {
      const fields = { category: v("reclassify-category") };
      if (v("reclassify-district")) fields.district = v("reclassify-district");
      return act("reclassify", fields, f);
    });
    await Sunwai.header();
    await load();
    try {
      const units = await Sunwai.getJson("/console/api/units");
      const unit = document.getElementById("reassign-unit");
      for (const u of units.units) unit.append(el("option", { value: u.code }, u.name + " (" + u.code + ")"));
    } catch (e) { /* reassignment stays empty */ }
  });
})();
