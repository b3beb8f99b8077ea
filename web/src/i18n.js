// UI labels in Arabic and English; the toggle flips language and page direction.
export const T = {
  brand: ["رصد · rasd", "rasd · رصد"],
  nav_dashboard: ["لوحة الأحداث", "Dashboard"],
  nav_try: ["جرّب مقالاً", "Try an article"],
  nav_api: ["واجهة البرمجة", "API"],
  f_q: ["بحث في النصوص", "Full-text search"],
  f_country: ["البلد", "Country"],
  f_type: ["نوع الحدث (PLOVER)", "PLOVER type"],
  f_acled: ["نوع ACLED", "ACLED type"],
  f_since: ["من", "From"],
  f_until: ["إلى", "To"],
  f_actor: ["الفاعل", "Actor"],
  any: ["الكل", "Any"],
  apply: ["تطبيق", "Apply"],
  reset: ["مسح", "Reset"],
  more: ["المزيد", "More"],
  csv: ["CSV", "CSV"],
  timeline: ["الأحداث يومياً حسب النوع", "Events per day by type"],
  clear_range: ["إلغاء التحديد", "Clear range"],
  events_n: ["{n} حدث", "{n} events"],
  articles_n: ["{n} مقال", "{n} articles"],
  showing: ["{shown} من {total} حدث", "{shown} of {total} events"],
  no_events: ["لا أحداث تطابق المرشحات", "No events match the filters"],
  near_chip: ["قرب {lat}، {lon} ({km} كم)", "near {lat}, {lon} ({km} km)"],
  range_chip: ["{a} ← {b}", "{a} → {b}"],
  // event card
  type: ["النوع", "Type"],
  mode: ["الأسلوب", "Mode"],
  acled: ["تصنيف ACLED", "ACLED"],
  date: ["التاريخ", "Date"],
  precision: ["الدقة", "precision"],
  place: ["المكان", "Place"],
  geo_precision: ["دقة الموقع", "geo precision"],
  actors: ["الفاعلون", "Actors"],
  figures: ["الأرقام", "Figures"],
  fatalities: ["قتلى", "killed"],
  injured: ["جرحى", "injured"],
  displaced: ["نازحون", "displaced"],
  arrested: ["معتقلون", "arrested"],
  confidence: ["الثقة", "Confidence"],
  factuality: ["الوقوع", "Factuality"],
  source: ["المصدر", "Source"],
  civilians: ["استهداف مدنيين", "civilian targeting"],
  unknown: ["غير معروف", "unknown"],
  evidence: ["الدليل", "Evidence"],
  // article layers
  l_evidence: ["دليل الحدث", "event evidence"],
  l_trigger: ["كلمة الحدث", "trigger"],
  l_actor: ["فاعل", "actor"],
  l_PERS: ["شخص", "person"],
  l_ORG: ["منظمة", "organisation"],
  l_LOC: ["موقع (كيان)", "location (entity)"],
  l_MISC: ["اسم آخر", "other name"],
  l_place: ["مكان", "place"],
  l_date: ["تاريخ", "date"],
  l_figure: ["رقم", "figure"],
  l_quote: ["اقتباس", "quote"],
  l_speaker: ["قائل", "speaker"],
  article: ["نص المقال", "Article text"],
  // try page
  try_title: ["جرّب مقالاً", "Try an article"],
  try_hint: ["الصق نص خبر عربي واختر تاريخ نشره، ثم اطّلع على ما قرأه رصد.",
             "Paste Arabic news text and its publication date, then see what rasd read."],
  published: ["تاريخ النشر", "Published"],
  title: ["العنوان", "Title"],
  read: ["اقرأ", "Read"],
  reading: ["جارٍ القراءة…", "Reading…"],
  found: ["وُجد: {e} حدث، {n} كيان، {p} مكان، {d} تاريخ، {f} رقم، {q} اقتباس",
          "Found: {e} events, {n} entities, {p} places, {d} dates, {f} figures, {q} quotes"],
  error: ["خطأ", "Error"],
};

export const TYPE_AR = {
  AGREE: "اتفاق", CONSULT: "تشاور", SUPPORT: "دعم", CONCEDE: "تنازل", COOPERATE: "تعاون", AID: "مساعدة",
  RETREAT: "انسحاب", REQUEST: "طلب", ACCUSE: "اتهام", REJECT: "رفض", THREATEN: "تهديد", PROTEST: "احتجاج",
  SANCTION: "عقوبات", MOBILIZE: "حشد", COERCE: "إكراه", ASSAULT: "اعتداء",
};
export const ACLED_AR = {
  "Battles": "معارك", "Explosions/Remote violence": "انفجارات/عنف عن بعد",
  "Violence against civilians": "عنف ضد المدنيين", "Protests": "احتجاجات", "Riots": "أعمال شغب",
  "Strategic developments": "تطورات استراتيجية",
};

let lang = "ar";
try { lang = localStorage.getItem("rasd-lang") || "ar"; } catch (e) { /* private mode */ }

export function getLang() { return lang; }
export function setLang(l) {
  lang = l === "en" ? "en" : "ar";
  try { localStorage.setItem("rasd-lang", lang); } catch (e) { /* ignore */ }
}

/** A label in the current language, with {name} placeholders filled (as text, never HTML). */
export function t(key, vars) {
  const pair = T[key];
  let s = pair ? pair[lang === "ar" ? 0 : 1] : key;
  if (vars) for (const k of Object.keys(vars)) s = s.split("{" + k + "}").join(String(vars[k]));
  return s;
}

export function typeLabel(type) {
  if (!type) return "—";
  return lang === "ar" && TYPE_AR[type] ? `${TYPE_AR[type]} (${type})` : type;
}
export function acledLabel(v) {
  if (!v) return "—";
  return lang === "ar" && ACLED_AR[v] ? ACLED_AR[v] : v;
}

const regionNames = {};
export function countryName(cc) {
  if (!cc) return "—";
  try {
    regionNames[lang] = regionNames[lang] || new Intl.DisplayNames([lang], { type: "region" });
    return regionNames[lang].of(cc.toUpperCase()) || cc;
  } catch (e) { return cc; }
}

export function fmtNum(n) {
  return new Intl.NumberFormat(lang === "ar" ? "ar-EG" : "en-GB").format(n);
}

/** Fill every [data-i18n] element's text and set the page language and direction. */
export function applyStatic(root = document) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
}
