// The fake's throttling, per Microsoft's "Intune remote assistance service limits" (learn.microsoft.com/graph/
// throttling-limits): POST, PUT, DELETE and PATCH 100 per 20 s per app per tenant and 200 per tenant; any request
// 1,000 per 20 s per app per tenant and 2,000 per tenant. Past a limit, 429 with `Retry-After` in seconds, fractional
// as Microsoft's own sample shows (`Retry-After: 2.128`, learn.microsoft.com/graph/throttling).
// A fake serves one tenant. The app is the `appid` (or `azp`) claim of a JWT bearer token, as Graph tells apps apart;
// any other token is one app.

export interface ThrottleLimits {
  windowMs: number;
  writesPerApp: number;
  writesPerTenant: number;
  requestsPerApp: number;
  requestsPerTenant: number;
}

export const INTUNE_REMOTE_ASSISTANCE_LIMITS: ThrottleLimits = {
  windowMs: 20_000,
  writesPerApp: 100,
  writesPerTenant: 200,
  requestsPerApp: 1_000,
  requestsPerTenant: 2_000,
};

export const WRITE_METHODS = new Set(["POST", "PUT", "DELETE", "PATCH"]);

/** Each list holds the times of the requests admitted in the window, never more than its limit: memory is bounded. */
interface Windows {
  requests: number[];
  writes: number[];
}

export interface Throttle {
  /** Milliseconds to wait when a limit is reached (the request is not counted); undefined when admitted (and counted). */
  admit(app: string, write: boolean): number | undefined;
  reset(): void;
}

export function createThrottle(limits: ThrottleLimits, now: () => number): Throttle {
  let tenant: Windows = { requests: [], writes: [] };
  let apps = new Map<string, Windows>();
  const prune = (times: number[], at: number) => {
    while (times.length && times[0]! <= at - limits.windowMs) times.shift();
  };
  const wait = (times: number[], limit: number, at: number) => (times.length >= limit ? times[0]! + limits.windowMs - at : 0);
  return {
    admit(app, write) {
      const at = now();
      const own = apps.get(app) ?? { requests: [], writes: [] };
      for (const w of [tenant, own]) {
        prune(w.requests, at);
        prune(w.writes, at);
      }
      const waits = [wait(tenant.requests, limits.requestsPerTenant, at), wait(own.requests, limits.requestsPerApp, at)];
      if (write) waits.push(wait(tenant.writes, limits.writesPerTenant, at), wait(own.writes, limits.writesPerApp, at));
      const longest = Math.max(...waits);
      if (longest > 0) return longest;
      for (const w of [tenant, own]) {
        w.requests.push(at);
        if (write) w.writes.push(at);
      }
      apps.set(app, own);
      for (const [name, w] of apps) if (!w.requests.length) apps.delete(name);
      return undefined;
    },
    reset() {
      tenant = { requests: [], writes: [] };
      apps = new Map();
    },
  };
}

/** `Retry-After` as Graph writes it: decimal seconds, to the millisecond, never 0. */
export const retryAfter = (ms: number) => String(Math.max(1, Math.ceil(ms)) / 1000);

/** The app a bearer token speaks for: a JWT's appid or azp claim, else one app for every other token. */
export function appOf(token: string): string {
  const payload = token.split(".")[1];
  if (token.split(".").length !== 3 || !payload) return "app";
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    const id = claims.appid ?? claims.azp;
    return typeof id === "string" && id ? id : "app";
  } catch {
    return "app";
  }
}
