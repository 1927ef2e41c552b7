import type { ChatCompletion } from "openai/resources/chat/completions";
import type { z } from "zod";
import type { Extraction } from "../schema.ts";
import type { AttemptFailure } from "./failures.ts";
import { ModelExtractionSchema, toExtraction } from "./model-schema.ts";

export type AnswerReading = { ok: true; extraction: Extraction } | { ok: false; failure: AttemptFailure };

const MAX_DETAIL_LENGTH = 300;

/** Field paths and zod's messages only: the model's values may quote the customer, so they stay out of logs. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const text = issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}

function validationFailure(issues: readonly z.core.$ZodIssue[]): AttemptFailure {
  const outOfVocabulary = issues.some((issue) => issue.code === "invalid_value");
  return { kind: outOfVocabulary ? "out_of_vocabulary" : "schema_violation", detail: describeIssues(issues), retryable: true };
}

/**
 * The extraction in a chat completion, or why there is none. A label outside the vocabulary is a
 * failure like any other schema violation: it is never passed on, not even partly.
 */
export function readAnswer(completion: ChatCompletion): AnswerReading {
  const choice = completion.choices[0];
  if (!choice) return { ok: false, failure: { kind: "empty_answer", detail: "no choices", retryable: true } };
  if (choice.finish_reason === "length") {
    return { ok: false, failure: { kind: "truncated", detail: "finish_reason length", retryable: true } };
  }
  if (choice.finish_reason === "content_filter" || choice.message.refusal) {
    return { ok: false, failure: { kind: "refused", detail: choice.message.refusal ?? "content_filter", retryable: false } };
  }
  const content = choice.message.content;
  if (!content?.trim()) return { ok: false, failure: { kind: "empty_answer", detail: "no content", retryable: true } };

  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, failure: { kind: "invalid_json", detail: "content is not JSON", retryable: true } };
  }
  const answer = ModelExtractionSchema.safeParse(json);
  if (!answer.success) return { ok: false, failure: validationFailure(answer.error.issues) };
  const extraction = toExtraction(answer.data);
  if (!extraction.success) return { ok: false, failure: validationFailure(extraction.error.issues) };
  return { ok: true, extraction: extraction.data };
}
