/* Sunwai public dashboard: the state's figures from /api/v1/stats (public,
 * aggregates only), drawn with Chart.js (installed from npm at build time,
 * served from /web/vendor/).  Without the library the figures are shown as
 * tables.  Refreshed every minute. */
"use strict";

(() => {
  const REFRESH_MS = 60000;
  const { el, clear, number, duration } = Sunwai;
  const t = (k) => SunwaiI18n.t(k);
  const COLORS = { received: "#12355b", resolved: "#1b7f3b", pending: "#b35900" };
  const charts = {};
  let last = null;

  function hasCharts() { return typeof window.Chart === "function"; }

  //  Create or update a chart on canvas id.
  function draw(id, type, labels, datasets, options) {
    if (!hasCharts()) return;
    if (charts[id]) {
      charts[id].data.labels = labels;
      charts[id].data.datasets = datasets;
      charts[id].update("none");
      return;
    }
    charts[id] = new window.Chart(document.getElementById(id), {
      type,
      data: { labels, datasets },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
                               plugins: { legend: { position: "bottom" } } }, options || {})
    });
  }

  function series(key, values) {
    return { label: t("dash." + key), data: values, backgroundColor: COLORS[key],
             borderColor: COLORS[key], fill: false, tension: 0.2 };
  }

  //  A plain table for one grouping, when there is no charting library.
  function table(title, rows) {
    const body = rows.map(([label, f]) => el("tr", {}, [
      el("td", {}, label), el("td", {}, number(f.received)), el("td", {}, number(f.resolved)),
      el("td", {}, number(f.pending))]));
    return el("div", {}, [el("h2", {}, title), el("table", {}, [
      el("thead", {}, [el("tr", {}, [el("th", {}, ""), el("th", {}, t("dash.received")),
                                      el("th", {}, t("dash.resolved")), el("th", {}, t("dash.pending"))])]),
      el("tbody", {}, body)])]);
  }

  function render(s) {
    for (const key of ["received", "resolved", "pending", "past_sla", "rejected"]) {
      const box = document.querySelector("#figure-" + key + " .value");
      box.textContent = number(s.totals[key]);
      box.dataset.value = String(s.totals[key] || 0);
    }
    document.getElementById("as-of").textContent = String(s.as_of_seq);

    const days = Object.keys(s.by_day).sort().slice(-60);
    draw("chart-day", "line", days, ["received", "resolved", "pending"].map(
      (k) => series(k, days.map((d) => s.by_day[d][k] || 0))));

    const cats = Object.entries(s.by_category).sort((a, b) => b[1].received - a[1].received);
    draw("chart-category", "bar", cats.map(([c]) => SunwaiI18n.category(c === "unclassified" ? "" : c)),
         ["received", "resolved", "pending"].map((k) => series(k, cats.map(([, f]) => f[k] || 0))),
         { indexAxis: "y" });

    const districts = Object.entries(s.by_district).sort((a, b) => b[1].received - a[1].received).slice(0, 30);
    draw("chart-district", "bar", districts.map(([d]) => d),
         ["received", "resolved", "pending"].map((k) => series(k, districts.map(([, f]) => f[k] || 0))));

    const timed = Object.entries((s.times && s.times.by_district) || {})
      .filter(([, v]) => v.resolve && v.resolve.n > 0)
      .sort((a, b) => a[1].resolve.median_s - b[1].resolve.median_s).slice(0, 30);
    draw("chart-time", "bar", timed.map(([d]) => d), [{
      label: t("dash.median") + " (" + t("unit.h") + ")",
      data: timed.map(([, v]) => Math.round(v.resolve.median_s / 36) / 100),
      backgroundColor: COLORS.resolved }]);

    const league = document.querySelector("#league tbody");
    clear(league);
    for (const row of s.league || []) {
      league.append(el("tr", { dataset: { district: row.district } }, [
        el("td", {}, String(row.rank)), el("td", {}, row.district),
        el("td", {}, number(row.received)), el("td", {}, number(row.resolved)),
        el("td", {}, number(row.pending)),
        el("td", {}, (Math.round(row.resolution_rate * 1000) / 10) + "%"),
        el("td", {}, row.median_resolve_s === null || row.median_resolve_s === undefined
          ? "–" : duration(row.median_resolve_s * 1000))]));
    }

    const tables = document.getElementById("tables");
    if (!hasCharts()) {
      document.getElementById("no-charts").hidden = false;
      clear(tables);
      tables.append(table(t("dash.by_category"), cats.map(([c, f]) => [SunwaiI18n.category(c), f])),
                    table(t("dash.by_district"), districts),
                    table(t("dash.by_day"), days.map((d) => [d, s.by_day[d]])));
      tables.hidden = false;
    }
  }

  async function load() {
    const error = document.getElementById("dash-error");
    try {
      last = await Sunwai.getJson("/api/v1/stats");
      error.hidden = true;
      render(last);
      document.body.dataset.loaded = "true";
    } catch (e) {
      error.hidden = false;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("status-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const docket = document.getElementById("status-docket").value.trim();
      if (docket) window.location.assign("/status/" + encodeURIComponent(docket));
    });
    SunwaiI18n.onChange(() => {
      for (const id of Object.keys(charts)) { charts[id].destroy(); delete charts[id]; }
      if (last) render(last);
    });
    load();
    window.setInterval(load, REFRESH_MS);
  });
})();
