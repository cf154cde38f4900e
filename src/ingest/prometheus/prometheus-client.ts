/**
 * A client for the range-query API every Prometheus-compatible store serves
 * (`/api/v1/query_range`: Prometheus, Thanos, Mimir, VictoriaMetrics, Grafana Cloud). The
 * endpoint and credentials come from the environment only, never from a committed file.
 */

/** How the puller reaches the API; built by `prometheusSettingsFromEnv`. */
export interface PrometheusSettings {
  /** Base URL, e.g. https://prometheus.example.com or https://mimir.example.com/prometheus. */
  url: string;
  /** Sent with every request: Authorization and extra headers such as X-Scope-OrgID. */
  headers: Record<string, string>;
  /** Per request, in milliseconds; also sent to the API as its own `timeout`. */
  timeoutMs: number;
}

export const PROMETHEUS_ENV = {
  url: 'LEDGER_PROMETHEUS_URL',
  bearerToken: 'LEDGER_PROMETHEUS_BEARER_TOKEN',
  username: 'LEDGER_PROMETHEUS_USERNAME',
  password: 'LEDGER_PROMETHEUS_PASSWORD',
  /** Extra headers, one `Name: value` per line (or separated by `;`), e.g. `X-Scope-OrgID: tenant-1`. */
  headers: 'LEDGER_PROMETHEUS_HEADERS',
  timeout: 'LEDGER_PROMETHEUS_TIMEOUT_SECONDS',
} as const;

export type SettingsResult = { ok: true; settings: PrometheusSettings } | { ok: false; message: string };

export function prometheusSettingsFromEnv(env: NodeJS.ProcessEnv): SettingsResult {
  const url = env[PROMETHEUS_ENV.url]?.trim();
  if (!url)
    return {
      ok: false,
      message: `set ${PROMETHEUS_ENV.url} to the API's base URL, e.g. ${PROMETHEUS_ENV.url}=http://localhost:9090`,
    };
  if (!/^https?:\/\/[^/]/.test(url))
    return { ok: false, message: `${PROMETHEUS_ENV.url} "${url}" is not an http(s) URL` };
  const headers: Record<string, string> = {};
  const token = env[PROMETHEUS_ENV.bearerToken];
  const user = env[PROMETHEUS_ENV.username];
  const password = env[PROMETHEUS_ENV.password];
  if (token && user)
    return {
      ok: false,
      message: `set either ${PROMETHEUS_ENV.bearerToken} or ${PROMETHEUS_ENV.username}/${PROMETHEUS_ENV.password}, not both`,
    };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (user) headers['Authorization'] = `Basic ${Buffer.from(`${user}:${password ?? ''}`).toString('base64')}`;
  for (const line of (env[PROMETHEUS_ENV.headers] ?? '').split(/[\n;]/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[A-Za-z0-9-]+$/.test(name))
      return {
        ok: false,
        message: `${PROMETHEUS_ENV.headers}: "${line.trim()}" is not a header; write Name: value, e.g. X-Scope-OrgID: tenant-1`,
      };
    headers[name] = line.slice(colon + 1).trim();
  }
  const timeoutText = env[PROMETHEUS_ENV.timeout];
  const timeoutS = timeoutText === undefined || timeoutText === '' ? 60 : Number(timeoutText);
  if (!(timeoutS > 0))
    return { ok: false, message: `${PROMETHEUS_ENV.timeout} "${timeoutText}" is not a number of seconds` };
  return { ok: true, settings: { url: url.replace(/\/+$/, ''), headers, timeoutMs: timeoutS * 1000 } };
}

/** The API's answer to a failed request, in its own words. */
export class PrometheusApiError extends Error {
  /** HTTP status, or 0 when no answer came (refused, timed out). */
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

interface ApiAnswer {
  status?: string;
  data?: unknown;
  error?: string;
  errorType?: string;
}

/** Side effects of the client: `fetch`, and `sleep` between retries (tests make it instant). */
export interface ClientEffects {
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
}

export const realClientEffects: ClientEffects = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** Backoff before retry n (0-based): 1 s, 2 s, 4 s, 8 s, unless the API says Retry-After. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000];

/** Samples of one range query, summed over the series it returned: evaluation time (ms) → value. */
export type RangeSamples = Map<number, number>;

export async function queryRange(
  settings: PrometheusSettings,
  range: { expr: string; startMs: number; endMs: number; stepMs: number },
  fx: ClientEffects = realClientEffects,
): Promise<RangeSamples> {
  const body = new URLSearchParams({
    query: range.expr,
    start: String(range.startMs / 1000),
    end: String(range.endMs / 1000),
    step: String(range.stepMs / 1000),
    timeout: `${Math.ceil(settings.timeoutMs / 1000)}s`,
  });
  const data = await request(settings, '/api/v1/query_range', body, fx);
  const result = (data as { result?: unknown }).result;
  const samples: RangeSamples = new Map();
  if (!Array.isArray(result)) return samples;
  // Several series are summed: counts add up (a Sloth query without sum() returns one per label set).
  for (const series of result as { values?: [number, string][] }[]) {
    for (const [t, v] of series.values ?? []) {
      const value = Number(v);
      if (!Number.isFinite(value)) continue;
      const ms = Math.round(t * 1000);
      samples.set(ms, (samples.get(ms) ?? 0) + value);
    }
  }
  return samples;
}

/** Every metric name the store knows, for telling "no samples yet" from "no such metric". */
export async function metricNamesKnown(
  settings: PrometheusSettings,
  fx: ClientEffects = realClientEffects,
): Promise<Set<string>> {
  const data = await request(settings, '/api/v1/label/__name__/values', null, fx);
  return new Set(Array.isArray(data) ? data.filter((n): n is string => typeof n === 'string') : []);
}

async function request(
  settings: PrometheusSettings,
  path: string,
  body: URLSearchParams | null,
  fx: ClientEffects,
): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    let status = 0;
    let message: string;
    let retryAfterMs: number | undefined;
    try {
      const response = await fx.fetch(`${settings.url}${path}`, {
        method: body === null ? 'GET' : 'POST',
        headers: {
          Accept: 'application/json',
          ...(body === null ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
          ...settings.headers,
        },
        ...(body === null ? {} : { body: body.toString() }),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      status = response.status;
      const text = await response.text();
      let json: ApiAnswer | null;
      try {
        json = JSON.parse(text) as ApiAnswer;
      } catch {
        json = null;
      }
      if (response.ok && json?.status === 'success') return json.data;
      const said =
        json?.error !== undefined
          ? `${json.errorType !== undefined ? `${json.errorType}: ` : ''}${json.error}`
          : text.trim().slice(0, 200);
      message =
        status === 401 || status === 403
          ? `authentication failed (HTTP ${status})${said ? `: ${said}` : ''}`
          : json?.error !== undefined
            ? said
            : `HTTP ${status}${said ? `: ${said}` : ''}`;
      const after = Number(response.headers.get('retry-after'));
      if (after > 0) retryAfterMs = Math.min(after, 60) * 1000;
    } catch (e) {
      const err = e as Error;
      message =
        err.name === 'TimeoutError'
          ? `no answer within ${settings.timeoutMs / 1000} s (timeout)`
          : `cannot reach ${settings.url}: ${networkReason(err)}`;
    }
    const retriable = status === 0 || status === 429 || status >= 500;
    const delay = RETRY_DELAYS_MS[attempt];
    if (!retriable || delay === undefined) throw new PrometheusApiError(message, status);
    await fx.sleep(retryAfterMs ?? delay);
  }
}

/** fetch() hides the reason (ECONNREFUSED, ENOTFOUND…) in its cause, sometimes in an AggregateError. */
function networkReason(err: Error): string {
  const cause = (err as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? err.message;
}
