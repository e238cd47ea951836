// End-to-end browser scenario for the officer console and the public
// dashboard, driven by playwright-core against Debian's Chromium (headless).
// Run by tests/e2e/test_web.py, which starts the real stack and passes:
//   SUNWAI_WEB_BASE        analytics' base URL (http://127.0.0.1:PORT)
//   SUNWAI_WEB_TOKEN       a district officer's token
//   SUNWAI_WEB_BAD_TOKEN   a token that is not in the tokens table
//   SUNWAI_WEB_MINE        dockets in the officer's district (comma-separated;
//                          the first is acknowledged and resolved)
//   SUNWAI_WEB_OTHER       a docket in another district
//   SUNWAI_WEB_TWEET       the source tweet id of the first docket
//   SUNWAI_FAKE_X          the fake X server's base URL
//   SUNWAI_WEB_OUT         where screenshots go
//   SUNWAI_NODE_MODULES    build/web/npm/node_modules (playwright-core)
//   SUNWAI_CHROMIUM        the browser (default /usr/bin/chromium)
// Prints one JSON object on its last stdout line; exit 0 when every check
// passed, 1 otherwise (the object says which step failed and why).
import { createRequire } from "node:module";
import path from "node:path";

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error("missing environment variable " + name);
  return value;
};
const require = createRequire(path.join(env("SUNWAI_NODE_MODULES"), "noop.js"));
const { chromium } = require("playwright-core");

const BASE = env("SUNWAI_WEB_BASE");
const TOKEN = env("SUNWAI_WEB_TOKEN");
const BAD_TOKEN = env("SUNWAI_WEB_BAD_TOKEN");
const MINE = env("SUNWAI_WEB_MINE").split(",");
const OTHER = env("SUNWAI_WEB_OTHER");
const TWEET = env("SUNWAI_WEB_TWEET");
const FAKE_X = env("SUNWAI_FAKE_X");
const OUT = env("SUNWAI_WEB_OUT");
const ACTION_NOTE = "Phone recovered and handed back at Hazratganj police station";

const result = { ok: false, steps: [], screenshots: [], console_errors: [], csp_violations: [] };
const step = (name, detail) => { result.steps.push(detail === undefined ? name : { name, ...detail }); };
const check = (cond, message) => { if (!cond) throw new Error(message); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function shot(page, name) {
  const file = path.join(OUT, name);
  await page.screenshot({ path: file, fullPage: true });
  result.screenshots.push(file);
}

async function figure(page, key) {
  return Number(await page.getAttribute("#figure-" + key + " .value", "data-value"));
}

async function loadDashboard(page) {
  await page.goto(BASE + "/");
  await page.waitForSelector("body[data-loaded=true]", { timeout: 15000 });
}

const browser = await chromium.launch({
  executablePath: env("SUNWAI_CHROMIUM", "/usr/bin/chromium"),
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"]
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Nothing may leave the machine: any request to another origin fails the test.
  const foreign = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (!url.startsWith(BASE)) { foreign.push(url); return route.abort(); }
    return route.continue();
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI);
    });
  });
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    // The refused sign-in and the refused actions are expected HTTP errors.
    if (/status of (401|403)/.test(text)) return;
    (text.startsWith("CSP violation") ? result.csp_violations : result.console_errors).push(text);
  });
  page.on("pageerror", (err) => result.console_errors.push(String(err)));

  // 1. The public dashboard, with its charts, before anything is resolved.
  await loadDashboard(page);
  const before = { received: await figure(page, "received"), resolved: await figure(page, "resolved"),
                   pending: await figure(page, "pending") };
  check(before.received >= MINE.length + 1, "dashboard: received " + before.received);
  const charted = await page.evaluate(() => typeof window.Chart === "function" &&
    ["chart-day", "chart-category", "chart-district", "chart-time"].every((id) => !!window.Chart.getChart(id)));
  check(charted, "dashboard: charts were not drawn by the charting library");
  check(await page.locator("#league tbody tr").count() >= 2, "dashboard: league table is empty");
  step("dashboard", { before });

  // 2. A wrong token is refused: 401, an error message, no session.
  await page.goto(BASE + "/console/");
  check(page.url() === BASE + "/console/login", "console without a session did not go to sign-in: " + page.url());
  await page.fill("#signin-token", BAD_TOKEN);
  const [refused] = await Promise.all([page.waitForNavigation(), page.click("#signin-submit")]);
  check(refused.status() === 401, "wrong token: HTTP " + refused.status());
  check(await page.isVisible("#signin-error"), "wrong token: no error shown");
  check((await context.cookies()).length === 0, "wrong token: a cookie was set");
  step("wrong token refused");

  // 3. Sign in; the cookie is HttpOnly and SameSite=Strict.
  await page.fill("#signin-token", TOKEN);
  await Promise.all([page.waitForURL(BASE + "/console/"), page.click("#signin-submit")]);
  const cookies = await context.cookies();
  check(cookies.length === 1 && cookies[0].httpOnly && cookies[0].sameSite === "Strict" &&
        cookies[0].path === "/", "session cookie: " + JSON.stringify(cookies.map((c) => ({ ...c, value: "…" }))));
  step("signed in");

  // 4. The queue shows my district's open cases only, by SLA deadline.
  await page.waitForSelector("#queue-table tbody tr[data-docket]");
  const queue = await page.$$eval("#queue-table tbody tr[data-docket]", (rows) => rows.map((r) => r.dataset.docket));
  for (const d of MINE) check(queue.includes(d), "queue is missing my case " + d + ": " + queue);
  check(!queue.includes(OTHER), "queue shows another district's case " + OTHER);
  check(await page.textContent("#who") !== "", "who am I is empty");
  await shot(page, "console-queue.png");
  step("queue", { queue });

  // 5. Hindi: the switch changes the interface's language.
  await page.click("#lang-switch");
  check((await page.textContent("th[data-i18n='col.docket']")).trim() === "डॉकेट", "Hindi switch failed");
  await page.click("#lang-switch");
  step("language switch");

  // 6. An action without (or with a wrong) CSRF token is refused with 403,
  //    and another district's case cannot be read.
  const forged = await page.evaluate(async ([docket]) => {
    const post = (headers) => fetch("/console/api/case/" + docket + "/acknowledge", {
      method: "POST", credentials: "same-origin", headers, body: "{}" }).then((r) => r.status);
    return { none: await post({ "Content-Type": "application/json" }),
             wrong: await post({ "Content-Type": "application/json", "X-CSRF-Token": "0".repeat(64) }) };
  }, [MINE[0]]);
  check(forged.none === 403 && forged.wrong === 403, "CSRF: " + JSON.stringify(forged));
  const otherStatus = await page.evaluate(async (d) => (await fetch("/console/api/case/" + d)).status, OTHER);
  check(otherStatus === 403, "another district's case: HTTP " + otherStatus);
  step("csrf refused", { forged, other: otherStatus });

  // 7. The case page: acknowledge, then resolve with an action note.
  await Promise.all([page.waitForURL("**/console/case/" + MINE[0]),
                     page.click("#queue-table tbody tr[data-docket='" + MINE[0] + "'] a")]);
  await page.waitForSelector("#case-status[data-status]");
  check(await page.getAttribute("#case-status", "data-status") === "ROUTED", "case is not ROUTED");
  check((await page.textContent("#case-thread")).includes("stolen"), "the citizen's tweet is not shown");
  check((await page.textContent("#case-classification")).includes("%"), "no classification confidence");
  await page.click("#btn-acknowledge");
  await page.waitForSelector("#case-status[data-status='ACKNOWLEDGED']", { timeout: 15000 });
  check(await page.getAttribute("#action-result", "class") === "ok", "acknowledge: " + await page.textContent("#action-result"));
  await page.fill("#note-text", "Called the complainant; FIR being registered");
  await page.click("#btn-note");
  await page.waitForSelector("#case-notes li .badge:not(.public)", { timeout: 15000 });
  await page.fill("#resolve-note", ACTION_NOTE);
  await page.click("#btn-resolve");
  await page.waitForSelector("#case-status[data-status='RESOLVED']", { timeout: 15000 });
  const history = await page.$$eval("#case-history li", (items) => items.map((i) => i.dataset.event));
  check(history.includes("acknowledged") && history.includes("resolved"), "history: " + history);
  await shot(page, "console-case.png");
  step("acknowledged and resolved", { history });

  // 8. The citizen's resolution reply reaches the fake X server.
  let reply = null;
  for (let i = 0; i < 100 && !reply; i++) {
    const sent = (await (await fetch(FAKE_X + "/_control/sent")).json()).sent;
    reply = sent.find((s) => s.kind === "tweet" && s.in_reply_to_tweet_id === TWEET && s.text.includes(ACTION_NOTE));
    if (!reply) await sleep(200);
  }
  check(reply, "no resolution reply to tweet " + TWEET + " in the fake X server");
  check(reply.text.includes(MINE[0]), "the reply does not name the docket: " + reply.text);
  result.reply = reply.text;
  step("citizen reply sent");

  // 9. The dashboard's figures change: one more resolved, one fewer pending.
  let after = null;
  for (let i = 0; i < 40; i++) {
    await loadDashboard(page);
    after = { received: await figure(page, "received"), resolved: await figure(page, "resolved"),
              pending: await figure(page, "pending") };
    if (after.resolved === before.resolved + 1) break;
    await sleep(250);
  }
  check(after.resolved === before.resolved + 1 && after.pending === before.pending - 1,
        "dashboard figures did not change: " + JSON.stringify({ before, after }));
  await shot(page, "dashboard.png");
  await page.click("#lang-switch");
  check((await page.textContent("h1")).includes("शिकायतें"), "dashboard in Hindi");
  await shot(page, "dashboard-hi.png");
  await page.click("#lang-switch");
  step("dashboard changed", { after });

  // 10. The citizen's status page, styled and without personal data.
  const status = await page.goto(BASE + "/status/" + MINE[0]);
  check(status.status() === 200 && status.headers()["content-security-policy"], "status page headers");
  check((await page.textContent("#status")).trim() === "RESOLVED", "status page: " + await page.textContent("#status"));
  await shot(page, "status.png");
  step("status page");

  // 11. Sign out ends the session.
  await page.goto(BASE + "/console/");
  await page.waitForFunction(() => document.getElementById("signout-csrf").value !== "");
  await Promise.all([page.waitForURL(BASE + "/console/login"), page.click("#signout")]);
  const after401 = await page.evaluate(async () => (await fetch("/console/api/session")).status);
  check(after401 === 401, "after sign-out the session still works: " + after401);
  step("signed out");

  check(foreign.length === 0, "requests to other origins: " + foreign.join(", "));
  check(result.csp_violations.length === 0, "CSP violations: " + result.csp_violations.join("; "));
  check(result.console_errors.length === 0, "console errors: " + result.console_errors.join("; "));
  result.ok = true;
} catch (err) {
  result.error = String(err && err.stack ? err.stack : err);
  try {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages.length) await shot(pages[0], "failure.png");
  } catch (e) { /* best effort */ }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
