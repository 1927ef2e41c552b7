import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";

/**
 * Why one attempt produced no usable extraction. Transport failures come from the HTTP call; output
 * failures from reading the model's answer.
 */
export type FailureKind =
  | "timeout"
  | "rate_limited"
  | "server_error"
  | "connection_error"
  | "client_error"
  | "unexpected_error"
  | "invalid_json"
  | "schema_violation"
  | "out_of_vocabulary"
  | "truncated"
  | "empty_answer"
  | "refused";

export interface AttemptFailure {
  kind: FailureKind;
  detail: string;
  retryable: boolean;
  /** The wait the server asked for (Retry-After), when it named one. */
  retryAfterMs?: number;
}

/** Failures about the answer's content: asking again is the cure, waiting is not. */
const OUTPUT_FAILURES: ReadonlySet<FailureKind> = new Set([
  "invalid_json",
  "schema_violation",
  "out_of_vocabulary",
  "truncated",
  "empty_answer",
]);

export function isOutputFailure(failure: AttemptFailure): boolean {
  return OUTPUT_FAILURES.has(failure.kind);
}

/** `retry-after-ms` (OpenAI's own), else `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const millis = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const retryAfter = headers?.get("retry-after");
  if (!retryAfter) return undefined;
  const seconds = Number.parseFloat(retryAfter);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(retryAfter);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** The server's own `error.message`, without the status the client prefixes to it. */
function serverMessage(error: APIError): string {
  const body: unknown = error.error;
  if (typeof body === "object" && body !== null && "message" in body && typeof body.message === "string") {
    return body.message;
  }
  return error.message;
}

/** Reads an error thrown by the openai client (its own retries are off, so each error is one attempt). */
export function classifyRequestError(error: unknown): AttemptFailure {
  if (error instanceof APIConnectionTimeoutError) {
    return { kind: "timeout", detail: "no answer within the attempt's timeout", retryable: true };
  }
  if (error instanceof APIConnectionError) {
    return { kind: "connection_error", detail: error.message, retryable: true };
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const detail = `HTTP ${error.status}: ${serverMessage(error)}`;
    if (error.status === 429) {
      const wait = retryAfterMs(error.headers);
      return { kind: "rate_limited", detail, retryable: true, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
    }
    if (error.status >= 500 || error.status === 408 || error.status === 409) {
      return { kind: "server_error", detail, retryable: true };
    }
    return { kind: "client_error", detail, retryable: false };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: "unexpected_error", detail, retryable: false };
}
