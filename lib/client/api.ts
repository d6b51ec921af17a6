// Browser-side calls to Trellis's own API. Failures carry Tacker's error message.
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly detail: unknown,
  ) {
    super(message);
  }
}

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const res = await fetch(path, {
    ...rest,
    headers: { accept: 'application/json', ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...rest.headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const err = (data as { TackerError?: { type: string; message: string; detail: unknown } } | undefined)?.TackerError;
    if (res.status === 401 && typeof window !== 'undefined') window.location.assign(`/login?callbackUrl=${encodeURIComponent(location.pathname)}`);
    throw new ApiRequestError(res.status, err?.type ?? 'Error', err?.message ?? `${res.status} ${res.statusText}`, err?.detail);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
