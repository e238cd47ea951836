/* Sunwai web: the English and Hindi strings, and the language switch.
 *
 * Elements carry data-i18n="key" (their text), data-i18n-placeholder or
 * data-i18n-title; apply() sets them with textContent / attributes, never
 * as HTML.  The choice is kept in localStorage ("sunwai.lang"). */
"use strict";

const SUNWAI_STRINGS = {
  en: {
    "lang.other": "हिन्दी",
    "app.name": "Sunwai",
    "nav.dashboard": "Dashboard",
    "nav.console": "Officer console",
    "nav.queue": "Queue",
    "signin.title": "Officer sign-in",
    "signin.token": "Officer token",
    "signin.submit": "Sign in",
    "signin.help": "Paste the token your administrator issued to you. The browser keeps only a session cookie, never the token.",
    "signin.refused": "Sign-in refused: unknown, expired or revoked token.",
    "signin.api": "API tokens cannot sign in to the console.",
    "signin.missing": "Enter your officer token.",
    "signout": "Sign out",
    "who.scope.all": "whole state",
    "who.scope.district": "district",
    "who.scope.unit": "unit",
    "queue.title": "Cases",
    "queue.empty": "No cases match.",
    "queue.updated": "Updated",
    "queue.auto": "Refreshes every 30 seconds.",
    "queue.count": "cases",
    "filter.status": "Status",
    "filter.status.open": "Open",
    "filter.status.closed": "Closed",
    "filter.status.any": "All",
    "filter.priority": "Priority",
    "filter.category": "Category",
    "filter.any": "Any",
    "filter.review": "Needs review only",
    "filter.apply": "Apply",
    "col.docket": "Docket",
    "col.category": "Category",
    "col.priority": "Priority",
    "col.district": "District",
    "col.unit": "Unit",
    "col.status": "Status",
    "col.age": "Age",
    "col.left": "Time left",
    "col.flags": "Flags",
    "flag.review": "needs review",
    "flag.overdue": "overdue",
    "flag.reports": "reports",
    "flag.escalated": "escalated",
    "case.back": "Back to the queue",
    "case.thread": "The citizen's messages",
    "case.kind.complaint": "complaint",
    "case.kind.reply": "reply",
    "case.kind.same_author": "further message",
    "case.kind.confirm": "confirmed resolution",
    "case.kind.dispute": "disputed resolution",
    "case.details": "Case",
    "case.received": "Received",
    "case.ack_due": "Acknowledge by",
    "case.resolve_due": "Resolve by",
    "case.parent": "Grouped into",
    "case.linked": "Linked reports",
    "case.classification": "Classification",
    "case.confidence": "confidence",
    "case.model": "model",
    "case.officer": "officer",
    "case.reclassify": "Correct the classification (becomes a training label)",
    "case.history": "History",
    "case.notes": "Notes",
    "case.no_notes": "No notes yet.",
    "case.actions": "Actions",
    "note.public": "public",
    "note.internal": "internal",
    "note.public_box": "Visible to the citizen",
    "field.note": "Note",
    "field.action_note": "Action taken (sent to the citizen)",
    "field.reason": "Reason",
    "field.unit": "Unit",
    "field.original": "Docket of the original complaint",
    "field.category": "Category",
    "field.district": "District (LGD code)",
    "btn.acknowledge": "Acknowledge",
    "btn.note": "Add note",
    "btn.resolve": "Resolve",
    "btn.reassign": "Reassign",
    "btn.duplicate": "Mark duplicate",
    "btn.reopen": "Reopen",
    "btn.close": "Close",
    "btn.reclassify": "Save correction",
    "result.failed": "Not done",
    "dash.title": "Complaints to the police: the state's figures",
    "dash.received": "Received",
    "dash.resolved": "Resolved",
    "dash.pending": "Pending",
    "dash.past_sla": "Past deadline",
    "dash.rejected": "Not taken up",
    "dash.by_day": "Complaints by day",
    "dash.by_category": "By category",
    "dash.by_district": "By district",
    "dash.time_to_resolve": "Median time to resolve, hours",
    "dash.league": "District league table",
    "dash.rank": "Rank",
    "dash.rate": "Resolution rate",
    "dash.median": "Median time to resolve",
    "dash.as_of": "Figures include events up to no.",
    "dash.status": "Track a complaint",
    "dash.status_help": "Enter the docket number from the police's reply.",
    "dash.status_button": "Show status",
    "dash.no_charts": "The charting library is not installed: figures are shown as tables.",
    "dash.refresh": "Refreshes every minute.",
    "dash.error": "Figures are unavailable right now.",
    "unit.h": "h",
    "status.RECEIVED": "received",
    "status.CLASSIFIED": "classified",
    "status.ROUTED": "assigned",
    "status.ACKNOWLEDGED": "acknowledged",
    "status.RESOLVED": "resolved",
    "status.CLOSED": "closed",
    "status.REOPENED": "reopened",
    "status.REJECTED": "not taken up",
    "cat.emergency": "Emergency",
    "cat.crime_against_women": "Crime against women",
    "cat.cyber_fraud": "Cyber fraud",
    "cat.theft": "Theft",
    "cat.vehicle_theft": "Vehicle theft",
    "cat.assault": "Assault",
    "cat.missing_person": "Missing person",
    "cat.domestic_violence": "Domestic violence",
    "cat.land_dispute": "Land dispute",
    "cat.traffic": "Traffic",
    "cat.nuisance": "Nuisance",
    "cat.police_conduct": "Police conduct",
    "cat.information": "Information",
    "cat.appreciation": "Appreciation",
    "cat.spam": "Spam",
    "cat.not_police": "Not a police matter",
    "cat.unclassified": "Unclassified"
  },
  hi: {
    "lang.other": "English",
    "app.name": "सुनवाई",
    "nav.dashboard": "डैशबोर्ड",
    "nav.console": "अधिकारी कंसोल",
    "nav.queue": "मामलों की सूची",
    "signin.title": "अधिकारी साइन इन",
    "signin.token": "अधिकारी टोकन",
    "signin.submit": "साइन इन करें",
    "signin.help": "अपने प्रशासक द्वारा जारी टोकन चिपकाएँ। ब्राउज़र केवल सत्र कुकी रखता है, टोकन कभी नहीं।",
    "signin.refused": "साइन इन अस्वीकृत: अज्ञात, समाप्त या रद्द टोकन।",
    "signin.api": "API टोकन से कंसोल में साइन इन नहीं किया जा सकता।",
    "signin.missing": "अपना अधिकारी टोकन दर्ज करें।",
    "signout": "साइन आउट",
    "who.scope.all": "पूरा राज्य",
    "who.scope.district": "जनपद",
    "who.scope.unit": "इकाई",
    "queue.title": "मामले",
    "queue.empty": "कोई मामला नहीं मिला।",
    "queue.updated": "अद्यतन",
    "queue.auto": "हर 30 सेकंड में ताज़ा होता है।",
    "queue.count": "मामले",
    "filter.status": "स्थिति",
    "filter.status.open": "खुले",
    "filter.status.closed": "बंद",
    "filter.status.any": "सभी",
    "filter.priority": "प्राथमिकता",
    "filter.category": "श्रेणी",
    "filter.any": "कोई भी",
    "filter.review": "केवल समीक्षा वाले",
    "filter.apply": "लागू करें",
    "col.docket": "डॉकेट",
    "col.category": "श्रेणी",
    "col.priority": "प्राथमिकता",
    "col.district": "जनपद",
    "col.unit": "इकाई",
    "col.status": "स्थिति",
    "col.age": "बीता समय",
    "col.left": "शेष समय",
    "col.flags": "संकेत",
    "flag.review": "समीक्षा आवश्यक",
    "flag.overdue": "समय सीमा पार",
    "flag.reports": "शिकायतें",
    "flag.escalated": "उच्चाधिकारी को भेजा गया",
    "case.back": "सूची पर वापस",
    "case.thread": "नागरिक के संदेश",
    "case.kind.complaint": "शिकायत",
    "case.kind.reply": "उत्तर",
    "case.kind.same_author": "अगला संदेश",
    "case.kind.confirm": "निस्तारण की पुष्टि",
    "case.kind.dispute": "निस्तारण पर आपत्ति",
    "case.details": "मामला",
    "case.received": "प्राप्त",
    "case.ack_due": "स्वीकृति की समय सीमा",
    "case.resolve_due": "निस्तारण की समय सीमा",
    "case.parent": "इस मामले में समूहित",
    "case.linked": "जुड़ी शिकायतें",
    "case.classification": "वर्गीकरण",
    "case.confidence": "विश्वास",
    "case.model": "मॉडल",
    "case.officer": "अधिकारी",
    "case.reclassify": "वर्गीकरण सुधारें (प्रशिक्षण लेबल बनेगा)",
    "case.history": "इतिहास",
    "case.notes": "टिप्पणियाँ",
    "case.no_notes": "अभी कोई टिप्पणी नहीं।",
    "case.actions": "कार्रवाई",
    "note.public": "सार्वजनिक",
    "note.internal": "आंतरिक",
    "note.public_box": "नागरिक को दिखाई दे",
    "field.note": "टिप्पणी",
    "field.action_note": "की गई कार्रवाई (नागरिक को भेजी जाएगी)",
    "field.reason": "कारण",
    "field.unit": "इकाई",
    "field.original": "मूल शिकायत का डॉकेट",
    "field.category": "श्रेणी",
    "field.district": "जनपद (LGD कोड)",
    "btn.acknowledge": "प्राप्ति स्वीकार करें",
    "btn.note": "टिप्पणी जोड़ें",
    "btn.resolve": "निस्तारित करें",
    "btn.reassign": "पुनः आवंटित करें",
    "btn.duplicate": "डुप्लिकेट चिह्नित करें",
    "btn.reopen": "पुनः खोलें",
    "btn.close": "बंद करें",
    "btn.reclassify": "सुधार सहेजें",
    "result.failed": "नहीं हुआ",
    "dash.title": "पुलिस को प्राप्त शिकायतें: राज्य के आँकड़े",
    "dash.received": "प्राप्त",
    "dash.resolved": "निस्तारित",
    "dash.pending": "लंबित",
    "dash.past_sla": "समय सीमा पार",
    "dash.rejected": "अस्वीकृत",
    "dash.by_day": "दिनवार शिकायतें",
    "dash.by_category": "श्रेणीवार",
    "dash.by_district": "जनपदवार",
    "dash.time_to_resolve": "निस्तारण का माध्यिका समय, घंटे",
    "dash.league": "जनपदों की रैंकिंग",
    "dash.rank": "क्रम",
    "dash.rate": "निस्तारण दर",
    "dash.median": "निस्तारण का माध्यिका समय",
    "dash.as_of": "आँकड़े घटना संख्या तक:",
    "dash.status": "अपनी शिकायत की स्थिति",
    "dash.status_help": "पुलिस के उत्तर में दिया गया डॉकेट नंबर दर्ज करें।",
    "dash.status_button": "स्थिति देखें",
    "dash.no_charts": "चार्ट लाइब्रेरी उपलब्ध नहीं है: आँकड़े तालिका में दिखाए गए हैं।",
    "dash.refresh": "हर मिनट ताज़ा होता है।",
    "dash.error": "आँकड़े अभी उपलब्ध नहीं हैं।",
    "unit.h": "घं",
    "status.RECEIVED": "प्राप्त",
    "status.CLASSIFIED": "वर्गीकृत",
    "status.ROUTED": "आवंटित",
    "status.ACKNOWLEDGED": "स्वीकृत",
    "status.RESOLVED": "निस्तारित",
    "status.CLOSED": "बंद",
    "status.REOPENED": "पुनः खोला गया",
    "status.REJECTED": "अस्वीकृत",
    "cat.emergency": "आपात स्थिति",
    "cat.crime_against_women": "महिलाओं के विरुद्ध अपराध",
    "cat.cyber_fraud": "साइबर धोखाधड़ी",
    "cat.theft": "चोरी",
    "cat.vehicle_theft": "वाहन चोरी",
    "cat.assault": "मारपीट",
    "cat.missing_person": "गुमशुदा व्यक्ति",
    "cat.domestic_violence": "घरेलू हिंसा",
    "cat.land_dispute": "भूमि विवाद",
    "cat.traffic": "यातायात",
    "cat.nuisance": "उपद्रव",
    "cat.police_conduct": "पुलिस का आचरण",
    "cat.information": "सूचना",
    "cat.appreciation": "सराहना",
    "cat.spam": "स्पैम",
    "cat.not_police": "पुलिस से असंबंधित",
    "cat.unclassified": "अवर्गीकृत"
  }
};

const SUNWAI_CATEGORIES = [
  "emergency", "crime_against_women", "cyber_fraud", "theft", "vehicle_theft", "assault",
  "missing_person", "domestic_violence", "land_dispute", "traffic", "nuisance",
  "police_conduct", "information", "appreciation", "spam", "not_police"
];

const SunwaiI18n = (() => {
  let lang = "en";
  try {
    const saved = window.localStorage.getItem("sunwai.lang");
    if (saved === "hi" || saved === "en") lang = saved;
  } catch (e) { /* storage disabled: English */ }
  const listeners = [];

  function t(key) {
    const table = SUNWAI_STRINGS[lang] || SUNWAI_STRINGS.en;
    if (Object.prototype.hasOwnProperty.call(table, key)) return table[key];
    if (Object.prototype.hasOwnProperty.call(SUNWAI_STRINGS.en, key)) return SUNWAI_STRINGS.en[key];
    return key;
  }

  //  A category or status code as words; the code itself if unknown.
  function category(code) {
    if (!code) return t("cat.unclassified");
    const key = "cat." + code;
    return t(key) === key ? code : t(key);
  }
  function status(code) {
    const key = "status." + code;
    return t(key) === key ? code : t(key);
  }

  function apply(root) {
    const scope = root || document;
    document.documentElement.lang = lang;
    scope.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    scope.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
      el.setAttribute("placeholder", t(el.dataset.i18nPlaceholder));
    });
    scope.querySelectorAll("[data-i18n-title]").forEach((el) => {
      el.setAttribute("title", t(el.dataset.i18nTitle));
    });
  }

  function set(next) {
    lang = next === "hi" ? "hi" : "en";
    try { window.localStorage.setItem("sunwai.lang", lang); } catch (e) { /* ignore */ }
    apply();
    listeners.forEach((fn) => fn(lang));
  }

  function onChange(fn) { listeners.push(fn); }

  document.addEventListener("DOMContentLoaded", () => {
    apply();
    const button = document.getElementById("lang-switch");
    if (button) button.addEventListener("click", () => set(lang === "en" ? "hi" : "en"));
  });

  return { t, apply, set, onChange, category, status, get lang() { return lang; } };
})();
