import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SPEC_FIELDS } from "../../src/extraction/schema.ts";

/**
 * A stand-in for an OpenAI-compatible server: `POST /v1/chat/completions` only, answering with the
 * response and error shapes the real API uses, so the real `openai` client can be tested over HTTP.
 * Each request takes the next scripted behaviour from a queue; when the queue is empty the default
 * behaviour answers (a 500 unless set otherwise), so an unexpected extra request is visible.
 */

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

export type Behaviour =
  | { type: "answer"; content: string; finishReason?: "stop" | "length" | "content_filter"; usage?: Usage; model?: string }
  | { type: "error"; status: number; message: string; errorType: string; code: string | null; headers?: Record<string, string> }
  | { type: "delay"; ms: number; then: Behaviour };

export interface RecordedRequest {
  /** `Date.now()` when the request arrived. */
  receivedAt: number;
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: ChatCompletionRequestBody;
}

/** The parts of a chat completion request the tests look at. */
export interface ChatCompletionRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  temperature?: number;
  [key: string]: unknown;
}

export const DEFAULT_USAGE: Usage = { prompt_tokens: 1200, completion_tokens: 80 };

/** A complete strict-mode answer: the given fields, every other schema field `null`. */
export function strictAnswer(fields: Record<string, unknown>): Record<string, unknown> {
  return { ...Object.fromEntries([...SPEC_FIELDS, "currency"].map((name) => [name, null])), ...fields };
}

/** Builders for the behaviours the extractor must survive. */
export const reply = {
  json: (value: unknown, usage: Usage = DEFAULT_USAGE): Behaviour => ({ type: "answer", content: JSON.stringify(value), usage }),
  extraction: (fields: Record<string, unknown>, usage: Usage = DEFAULT_USAGE): Behaviour => reply.json(strictAnswer(fields), usage),
  raw: (content: string, usage: Usage = DEFAULT_USAGE): Behaviour => ({ type: "answer", content, usage }),
  malformedJson: (): Behaviour => reply.raw('{"kind": "order", "customer": "张伟",'),
  truncated: (): Behaviour => ({ type: "answer", content: '{"kind": "ord', finishReason: "length", usage: DEFAULT_USAGE }),
  rateLimited: (retryAfterSeconds: number): Behaviour => ({
    type: "error",
    status: 429,
    message: "Rate limit reached for requests. Please try again later.",
    errorType: "requests",
    code: "rate_limit_exceeded",
    headers: { "retry-after": String(retryAfterSeconds) },
  }),
  serverError: (): Behaviour => ({
    type: "error",
    status: 500,
    message: "The server had an error while processing your request. Sorry about that!",
    errorType: "server_error",
    code: null,
  }),
  overloaded: (): Behaviour => ({
    type: "error",
    status: 503,
    message: "The engine is currently overloaded, please try again later.",
    errorType: "server_error",
    code: null,
  }),
  badRequest: (message: string): Behaviour => ({ type: "error", status: 400, message, errorType: "invalid_request_error", code: null }),
  delayed: (ms: number, then: Behaviour): Behaviour => ({ type: "delay", ms, then }),
};

export interface FakeOpenAiServer {
  /** The base URL to give the client, ending in `/v1`. */
  readonly baseURL: string;
  readonly requests: readonly RecordedRequest[];
  /** Scripts the next requests, one behaviour each, in order. */
  enqueue(...behaviours: Behaviour[]): void;
  /** What answers once the queue is empty. */
  setDefault(behaviour: Behaviour): void;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const queue: Behaviour[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let fallbackBehaviour: Behaviour = {
    type: "error",
    status: 500,
    message: "fake server: no scripted behaviour left",
    errorType: "server_error",
    code: null,
  };
  let completionCount = 0;

  function perform(behaviour: Behaviour, body: ChatCompletionRequestBody, res: ServerResponse): void {
    if (res.destroyed) return;
    if (behaviour.type === "delay") {
      const timer = setTimeout(() => {
        timers.delete(timer);
        perform(behaviour.then, body, res);
      }, behaviour.ms);
      timers.add(timer);
      res.on("close", () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
      return;
    }
    if (behaviour.type === "error") {
      sendJson(
        res,
        behaviour.status,
        { error: { message: behaviour.message, type: behaviour.errorType, param: null, code: behaviour.code } },
        behaviour.headers,
      );
      return;
    }
    completionCount += 1;
    const usage = behaviour.usage ?? DEFAULT_USAGE;
    sendJson(res, 200, {
      id: `chatcmpl-fake${completionCount}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: behaviour.model ?? body.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: behaviour.content, refusal: null },
          finish_reason: behaviour.finishReason ?? "stop",
          logprobs: null,
        },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      system_fingerprint: null,
    });
  }

  const server = createServer(async (req, res) => {
    const receivedAt = Date.now();
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const text = await readBody(req);
    if (req.method !== "POST" || path !== "/v1/chat/completions") {
      sendJson(res, 404, { error: { message: `Unknown request URL: ${req.method} ${path}`, type: "invalid_request_error", param: null, code: "unknown_url" } });
      return;
    }
    let body: ChatCompletionRequestBody;
    try {
      body = JSON.parse(text) as ChatCompletionRequestBody;
    } catch {
      sendJson(res, 400, { error: { message: "We could not parse the JSON body of your request.", type: "invalid_request_error", param: null, code: null } });
      return;
    }
    requests.push({ receivedAt, method: req.method, path, headers: req.headers, body });
    perform(queue.shift() ?? fallbackBehaviour, body, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...behaviours) => void queue.push(...behaviours),
    setDefault: (behaviour) => {
      fallbackBehaviour = behaviour;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
