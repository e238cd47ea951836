/* Sunwai officer console: the queue.  Open cases in the officer's scope,
 * ordered by SLA deadline (the server orders them), refreshed every 30 s. */
"use strict";

(() => {
  const REFRESH_MS = 30000;
  const { el, clear, duration } = Sunwai;
  const t = (k) => SunwaiI18n.t(k);
  let last = null;

  function query() {
    const p = new URLSearchParams();
    p.set("status", document.getElementById("filter-status").value);
    const priority = document.getElementById("filter-priority").value;
    if (priority) p.set("priority", priority);
    const category = document.getElementById("filter-category").value;
    if (category) p.set("category", category);
    if (document.getElementById("filter-review").checked) p.set("review", "1");
    return p.toString();
  }

  function render(data) {
    const body = document.querySelector("#queue-table tbody");
    clear(body);
    const now = data.now_ms;
    const open = ["RECEIVED", "CLASSIFIED", "ROUTED", "ACKNOWLEDGED", "REOPENED"];
    for (const c of data.cases) {
      const received = Date.parse(c.received_at);
      const due = c.resolve_deadline ? Date.parse(c.resolve_deadline) : null;
      const overdue = due !== null && due < now && open.includes(c.status);
      const flags = [];
      if (c.needs_review) flags.push(el("span", { class: "badge review" }, t("flag.review")));
      if (overdue) flags.push(el("span", { class: "badge overdue" }, t("flag.overdue")));
      if (c.escalation_level > 0)
        flags.push(el("span", { class: "badge" }, t("flag.escalated") + " " + c.escalation_level));
      if (c.reports > 1) flags.push(el("span", { class: "badge" }, c.reports + " " + t("flag.reports")));
      const link = el("a", { href: "/console/case/" + encodeURIComponent(c.docket) }, c.docket);
      body.append(el("tr", { class: overdue ? "overdue" : "", dataset: { docket: c.docket } }, [
        el("td", { class: "docket" }, [link]),
        el("td", { class: "category" }, SunwaiI18n.category(c.category)),
        el("td", {}, [el("span", { class: "badge " + (c.priority || "") }, c.priority || "–")]),
        el("td", { class: "district" }, c.district_name || c.district || "–"),
        el("td", { class: "hide-narrow" }, c.unit || "–"),
        el("td", { class: "status" }, SunwaiI18n.status(c.status)),
        el("td", { class: "age" }, duration(now - received)),
        el("td", { class: "left" }, due === null ? "–" : duration(due - now)),
        el("td", { class: "flags" }, flags)
      ]));
    }
    if (!data.cases.length)
      body.append(el("tr", {}, [el("td", { colspan: 9, class: "muted" }, t("queue.empty"))]));
    document.getElementById("queue-count").textContent = "(" + data.cases.length + ")";
    document.getElementById("queue-updated").textContent = new Date().toLocaleTimeString();
  }

  async function load() {
    const error = document.getElementById("queue-error");
    try {
      last = await Sunwai.getJson("/console/api/queue?" + query());
      error.hidden = true;
      render(last);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const select = document.getElementById("filter-category");
    for (const code of SUNWAI_CATEGORIES)
      select.append(el("option", { value: code, dataset: { i18n: "cat." + code } }, SunwaiI18n.category(code)));
    SunwaiI18n.apply(select);
    document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
    SunwaiI18n.onChange(() => { if (last) render(last); });
    await Sunwai.header();
    await load();
    window.setInterval(load, REFRESH_MS);
  });
})();
