export { createLlmExtractor, LLM_DEFAULTS, type LlmExtractorOptions, type LlmLogger } from "./llm-extractor.ts";
export type { AttemptFailure, FailureKind } from "./failures.ts";
