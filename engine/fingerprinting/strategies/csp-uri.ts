// How Sentry reduces a CSP report's `blocked_uri` for grouping (`Csp.normalized_blocked_uri`):
// Python's `urlsplit` / `urlunsplit`, quirks included, so that a report groups here as it does
// there. http(s) URIs keep only their network location (host, port and any user info, as sent);
// any other scheme keeps `scheme://netloc` or, without a netloc, `scheme:`.

export const CSP_LOCAL = "'self'";

// Schemes `urlunsplit` writes with `//` even when the netloc is empty (Python's `uses_netloc`).
const USES_NETLOC = new Set([
  "ftp",
  "http",
  "gopher",
  "nntp",
  "telnet",
  "imap",
  "wais",
  "file",
  "mms",
  "https",
  "shttp",
  "snews",
  "prospero",
  "rtsp",
  "rtspu",
  "rsync",
  "svn",
  "svn+ssh",
  "sftp",
  "nfs",
  "git",
  "git+ssh",
  "ws",
  "wss",
]);

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

function unsplit(scheme: string, netloc: string): string {
  if (netloc || USES_NETLOC.has(scheme)) return `${scheme ? `${scheme}:` : ""}//${netloc}`;
  return scheme ? `${scheme}:` : "";
}

/** The grouping value of a CSP report's blocked URI (e.g. `https://cdn.example.com/a.js` → `cdn.example.com`). */
export function normalizeCspUri(value: string): string {
  if (value === "" || value === CSP_LOCAL || value === "self") return CSP_LOCAL;
  // Reported as a bare scheme (`data`, `blob`, `inline`): made into a URI as it stands.
  if (!value.includes(":")) return unsplit(value, "");
  // `urlsplit` drops tabs and newlines anywhere in the URL before splitting it.
  const url = value.replace(/[\t\r\n]/g, "");
  let scheme = "";
  let rest = url;
  const colon = url.indexOf(":");
  if (colon > 0 && SCHEME.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    rest = url.slice(colon + 1);
  }
  let netloc = "";
  if (rest.startsWith("//")) {
    const end = rest.slice(2).search(/[/?#]/);
    netloc = end < 0 ? rest.slice(2) : rest.slice(2, end + 2);
  }
  if (scheme === "http" || scheme === "https") return netloc;
  return unsplit(scheme, netloc);
}
