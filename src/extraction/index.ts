import type { Logger } from "../logger.ts";
import { loadConfig } from "../config.ts";
import { rulesExtractor } from "./rules/index.ts";
import { createLlmExtractor } from "./llm/index.ts";
import { createHybridExtractor } from "./hybrid.ts";
import type { Extractor, ExtractorName } from "./schema.ts";

export interface ExtractorOptions {
  /** Which extractor; by default hybrid when an LLM is configured, else rules. */
  extractor?: ExtractorName;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

export class ExtractorConfigError extends Error {}

/** The extractor the configuration asks for. The LLM ones fall back to the rules, never to nothing. */
export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const config = loadConfig(options.env ?? process.env);
  const llmConfigured = Boolean(config.OPENAI_API_KEY);
  const name = options.extractor ?? config.EXTRACTOR ?? (llmConfigured ? "hybrid" : "rules");
  if (name === "rules") return rulesExtractor;
  if (!llmConfigured) {
    throw new ExtractorConfigError(`the ${name} extractor needs OPENAI_API_KEY (and OPENAI_BASE_URL for a non-OpenAI endpoint)`);
  }
  const llm = createLlmExtractor({
    baseURL: config.OPENAI_BASE_URL,
    apiKey: config.OPENAI_API_KEY!,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    fallback: rulesExtractor,
    logger: options.logger,
  });
  return name === "llm" ? llm : createHybridExtractor({ llm, rules: rulesExtractor });
}
