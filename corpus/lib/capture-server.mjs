// A loopback stand-in for Sentry's ingest: it accepts what the SDKs send (envelopes and store bodies, gzip or
// not) and writes each body, decompressed, to disk, one file per request, under the folder of the DSN's project id.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";

const ROUTE = /^\/api\/(\d+)\/(envelope|store)\/?(\?.*)?$/;
// A browser SDK posts from the page's origin: the answers carry CORS headers, and the private-network opt-in a
// page on a public origin needs to reach a loopback address.
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "content-type, content-encoding, x-sentry-auth",
  "access-control-allow-private-network": "true",
};

/** Starts the capture server; `folderFor(projectId)` names where that project's bodies go. */
export async function startCaptureServer(folderFor) {
  let sequence = 0;
  let received = 0;
  const server = http.createServer((request, response) => {
    const match = ROUTE.exec(request.url ?? "");
    if (request.method !== "POST" || !match) {
      response.writeHead(request.method === "OPTIONS" ? 204 : 404, CORS).end();
      return;
    }
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      let body = Buffer.concat(chunks);
      const encoding = request.headers["content-encoding"];
      if (encoding === "gzip" || (body[0] === 0x1f && body[1] === 0x8b)) body = zlib.gunzipSync(body);
      else if (encoding === "deflate") body = zlib.inflateSync(body);
      const folder = folderFor(Number(match[1]));
      fs.mkdirSync(folder, { recursive: true });
      const name = `${String(++sequence).padStart(6, "0")}.${match[2]}`;
      fs.writeFileSync(path.join(folder, name), body);
      received++;
      response.writeHead(200, { ...CORS, "content-type": "application/json" }).end('{"id":null}');
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    dsnFor: (projectId) => `http://corpuspublickey@127.0.0.1:${port}/${projectId}`,
    received: () => received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The events in one captured body: a store body is one event; an envelope holds items, some of them events. */
export function eventsInBody(kind, body) {
  if (kind === "store") return [JSON.parse(body.toString("utf8"))];
  const events = [];
  let offset = body.indexOf(0x0a);
  if (offset < 0) return events;
  offset++;
  while (offset < body.length) {
    let end = body.indexOf(0x0a, offset);
    if (end < 0) end = body.length;
    const headerText = body.subarray(offset, end).toString("utf8").trim();
    offset = end + 1;
    if (!headerText) continue;
    const header = JSON.parse(headerText);
    let payload;
    if (typeof header.length === "number") {
      payload = body.subarray(offset, offset + header.length);
      offset += header.length + 1;
    } else {
      let stop = body.indexOf(0x0a, offset);
      if (stop < 0) stop = body.length;
      payload = body.subarray(offset, stop);
      offset = stop + 1;
    }
    if (header.type === "event") events.push(JSON.parse(payload.toString("utf8")));
  }
  return events;
}
