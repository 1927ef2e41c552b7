import OpenAI from "openai";
import type { ChatCompletion } from "openai/resources/chat/completions";
import { zodResponseFormat } from "openai/helpers/zod";
import { setTimeout as sleep } from "node:timers/promises";
import {
  ExtractionInputSchema,
  type Extraction,
  type ExtractionInput,
  type ExtractionResult,
  type Extractor,
} from "../schema.ts";
import { readAnswer } from "./answer.ts";
import { classifyRequestError, isOutputFailure, type AttemptFailure } from "./failures.ts";
import { ModelExtractionSchema } from "./model-schema.ts";
import { loadPrompts, renderUserMessage } from "./prompt.ts";

/** The part of a pino logger the extractor uses. */
export interface LlmLogger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

export interface LlmExtractorOptions {
  /** A ready client; without one, a client is built from `baseURL` and `apiKey`. */
  client?: OpenAI;
  /** Any OpenAI-compatible endpoint serving Chat Completions, e.g. `http://127.0.0.1:8000/v1`. */
  baseURL?: string;
  apiKey?: string;
  model: string;
  /** Limit for one HTTP attempt. Default 15 000 ms. */
  timeoutMs?: number;
  /** Attempts per message, the first included. Default 3. */
  maxAttempts?: number;
  /** Limit for the whole message, all attempts and waits included. Default 30 000 ms. */
  budgetMs?: number;
  /** First wait after a 5xx, a connection error or a 429 without Retry-After; doubles each time. Default 500 ms. */
  retryDelayMs?: number;
  /** Sampling temperature; `null` leaves it to the server (some models reject the parameter). Default 0. */
  temperature?: number | null;
  /** Produces the record when the LLM cannot: the rules extractor. */
  fallback: Extractor;
  logger?: LlmLogger;
}

export const LLM_DEFAULTS = {
  timeoutMs: 15_000,
  maxAttempts: 3,
  budgetMs: 30_000,
  retryDelayMs: 500,
  temperature: 0,
} as const;

const MAX_BACKOFF_MS = 8_000;
const silentLogger: LlmLogger = { warn() {}, info() {} };
const responseFormat = zodResponseFormat(ModelExtractionSchema, "extraction");

type AttemptOutcome =
  | { ok: true; extraction: Extraction; completion: ChatCompletion }
  | { ok: false; failure: AttemptFailure; completion?: ChatCompletion };

class UsageTally {
  promptTokens?: number;
  completionTokens?: number;
  model?: string;

  add(completion: ChatCompletion | undefined): void {
    if (!completion) return;
    this.model = completion.model || this.model;
    if (!completion.usage) return;
    this.promptTokens = (this.promptTokens ?? 0) + completion.usage.prompt_tokens;
    this.completionTokens = (this.completionTokens ?? 0) + completion.usage.completion_tokens;
  }

  fields(): Pick<ExtractionResult, "promptTokens" | "completionTokens"> {
    return {
      ...(this.promptTokens === undefined ? {} : { promptTokens: this.promptTokens }),
      ...(this.completionTokens === undefined ? {} : { completionTokens: this.completionTokens }),
    };
  }
}

function positive(name: string, value: number, integer = false): number {
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`createLlmExtractor: ${name} must be a positive ${integer ? "integer" : "number"}, got ${value}`);
  }
  return value;
}

function createClient(options: LlmExtractorOptions): OpenAI {
  if (options.client) return options.client;
  if (!options.apiKey) throw new Error("createLlmExtractor needs a client or an apiKey");
  return new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 0, timeout: options.timeoutMs });
}

/**
 * An extractor that asks a chat model through Chat Completions, with the answer constrained to (and
 * validated against) the JSON Schema of `ModelExtractionSchema`.
 *
 * Retry policy. The client's own retries are switched off on every request: they would multiply
 * with the per-attempt timeout (3 × 15 s plus backoff ≈ 46 s) and bypass our validation. Instead
 * one loop counts every kind of failure against two limits: `maxAttempts` attempts and `budgetMs`
 * for the whole message; each attempt's timeout is the smaller of `timeoutMs` and what is left of
 * the budget. Invalid output and timeouts are retried at once (the next sample may be fine, and a
 * timeout has already waited); 5xx and connection errors after an exponential backoff; a 429 after
 * exactly its Retry-After, unless that runs past the budget, in which case we stop at once instead
 * of sleeping for nothing. 4xx other than 408/409/429 and refusals are not retried: asking again
 * changes nothing.
 *
 * Fallback. When the loop gives up, the `fallback` extractor's result is returned as it is, with
 * its own `extractor` name (so a stored record always names the extractor that produced its
 * fields), plus `fallbackReason`, the model that was asked, the tokens it used and the total latency.
 */
export function createLlmExtractor(options: LlmExtractorOptions): Extractor {
  const timeoutMs = positive("timeoutMs", options.timeoutMs ?? LLM_DEFAULTS.timeoutMs);
  const maxAttempts = positive("maxAttempts", options.maxAttempts ?? LLM_DEFAULTS.maxAttempts, true);
  const budgetMs = positive("budgetMs", options.budgetMs ?? LLM_DEFAULTS.budgetMs);
  const retryDelayMs = options.retryDelayMs ?? LLM_DEFAULTS.retryDelayMs;
  const temperature = options.temperature === undefined ? LLM_DEFAULTS.temperature : options.temperature;
  const logger = options.logger ?? silentLogger;
  const client = createClient({ ...options, timeoutMs });
  const prompts = loadPrompts();

  async function attempt(input: ExtractionInput, attemptTimeoutMs: number): Promise<AttemptOutcome> {
    let completion: ChatCompletion;
    try {
      // `create`, not `parse`: `parse` throws the completion away (and its token usage with it)
      // when validation fails, and we want to tell the failures apart.
      completion = await client.chat.completions.create(
        {
          model: options.model,
          messages: [
            { role: "system", content: prompts.system },
            { role: "user", content: renderUserMessage(prompts.userTemplate, input) },
          ],
          response_format: responseFormat,
          ...(temperature === null ? {} : { temperature }),
        },
        { maxRetries: 0, timeout: Math.max(1, Math.floor(attemptTimeoutMs)) },
      );
    } catch (error) {
      return { ok: false, failure: classifyRequestError(error) };
    }
    return { ...readAnswer(completion), completion };
  }

  function waitBefore(failure: AttemptFailure, retryNumber: number): number {
    if (failure.retryAfterMs !== undefined) return failure.retryAfterMs;
    if (failure.kind === "timeout" || isOutputFailure(failure)) return 0;
    const backoff = Math.min(MAX_BACKOFF_MS, retryDelayMs * 2 ** (retryNumber - 1));
    return backoff * (1 + Math.random() * 0.25);
  }

  async function fallBack(
    input: ExtractionInput,
    failure: AttemptFailure,
    attempts: number,
    limit: string,
    usage: UsageTally,
    startedAt: number,
  ): Promise<ExtractionResult> {
    const fallbackReason = `${failure.kind}: ${failure.detail} (after ${attempts} attempt${attempts === 1 ? "" : "s"}; ${limit})`;
    logger.warn(
      { attempts, failure: failure.kind, fallback: options.fallback.name, fallbackReason },
      "LLM extraction failed; using the fallback extractor",
    );
    const fallbackResult = await options.fallback.extract(input);
    return {
      ...fallbackResult,
      model: usage.model ?? options.model,
      latencyMs: Math.round(performance.now() - startedAt),
      ...usage.fields(),
      fallbackReason,
    };
  }

  return {
    name: "llm",
    async extract(input: ExtractionInput): Promise<ExtractionResult> {
      ExtractionInputSchema.parse(input);
      const startedAt = performance.now();
      const deadline = startedAt + budgetMs;
      const usage = new UsageTally();

      for (let attempts = 1; ; attempts += 1) {
        const outcome = await attempt(input, Math.min(timeoutMs, deadline - performance.now()));
        usage.add(outcome.completion);
        if (outcome.ok) {
          return {
            extraction: outcome.extraction,
            extractor: "llm",
            model: usage.model ?? options.model,
            latencyMs: Math.round(performance.now() - startedAt),
            ...usage.fields(),
          };
        }
        const { failure } = outcome;
        if (!failure.retryable) return fallBack(input, failure, attempts, "not retryable", usage, startedAt);
        if (attempts >= maxAttempts) return fallBack(input, failure, attempts, `${maxAttempts} attempts allowed`, usage, startedAt);
        const wait = waitBefore(failure, attempts);
        if (performance.now() + wait >= deadline) {
          return fallBack(input, failure, attempts, `${budgetMs} ms budget exhausted`, usage, startedAt);
        }
        logger.info(
          { attempt: attempts, maxAttempts, failure: failure.kind, detail: failure.detail, waitMs: Math.round(wait) },
          "LLM extraction attempt failed; retrying",
        );
        if (wait > 0) await sleep(wait);
      }
    },
  };
}
