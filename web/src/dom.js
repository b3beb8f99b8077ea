// Building DOM from data: text always goes in text nodes (textContent), never through innerHTML.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** An http(s) link, or plain text for anything else (javascript: and data: never become links). */
export function safeLink(url, label) {
  let ok = false;
  try { ok = ["http:", "https:"].includes(new URL(url).protocol); } catch (e) { ok = false; }
  return ok ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow", text: label || url })
    : el("span", { text: label || url || "" });
}
