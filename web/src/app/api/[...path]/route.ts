// Same-origin access to the gateway in dev and test: /api/* is passed through, streamed both ways (uploads
// of hundreds of MB, the progress stream unbuffered). GATEWAY_URL is read per request so one build serves
// any gateway. In production the ingress sends /api to the gateway and this route is not reached.
import type { NextRequest } from "next/server";

export const dynamic = "force-dynamic";

const PASSED_REQUEST_HEADERS = ["accept", "authorization", "content-type", "content-length", "last-event-id"];
const DROPPED_RESPONSE_HEADERS = ["connection", "content-encoding", "content-length", "keep-alive", "transfer-encoding"];

function gatewayUrl(request: NextRequest): string {
  const base = (process.env.GATEWAY_URL ?? "http://127.0.0.1:8000").replace(/\/$/, "");
  return `${base}${request.nextUrl.pathname}${request.nextUrl.search}`;
}

async function pass(request: NextRequest): Promise<Response> {
  const headers = new Headers();
  for (const name of PASSED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  let upstream: Response;
  try {
    upstream = await fetch(gatewayUrl(request), {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      signal: request.signal,
      redirect: "manual",
      cache: "no-store",
      // @ts-expect-error -- Node's fetch needs duplex for a streamed request body; the DOM type lacks it
      duplex: "half",
    });
  } catch {
    const error = { code: "unavailable", message: "card-recon's server is not answering", details: null };
    return Response.json({ error }, { status: 502 });
  }
  const out = new Headers(upstream.headers);
  for (const name of DROPPED_RESPONSE_HEADERS) out.delete(name);
  out.set("x-accel-buffering", "no");
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: out });
}

export { pass as DELETE, pass as GET, pass as PATCH, pass as POST, pass as PUT };
