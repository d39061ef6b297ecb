/** Escaping for the HTML report: text content, attribute values, and link targets. */

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A relative link target made safe: no scheme (http:, javascript:…), no protocol-relative "//". */
export function safeHref(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) {
    throw new Error(`report: link "${href}" must be a relative path to a file written next to the report`);
  }
  return escapeHtml(href);
}

/** An https link to the outside (the paper): refused unless it is plain https. */
export function externalHref(href: string): string {
  if (!/^https:\/\/[A-Za-z0-9.-]+\/[^\s"'<>]*$/.test(href)) {
    throw new Error(`report: external link "${href}" must be a plain https:// URL`);
  }
  return escapeHtml(href);
}
