import { SPEC_FIELDS, type Extraction } from "../schema.ts";

/** An extraction in the spec's field names only: `currency` and null or undefined fields dropped. */
export function toSpecOutput(extraction: Extraction): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of SPEC_FIELDS) {
    const value = extraction[field];
    if (value === null || value === undefined) continue;
    out[field] = value;
  }
  if (extraction.items) out.items = extraction.items.map(dropEmpty);
  return out;
}

function dropEmpty(item: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null && v !== undefined));
}
