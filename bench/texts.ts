import { existsSync, readFileSync } from "node:fs";

const DEV_SET = new URL("../../shared/eval/dev.jsonl", import.meta.url);

/** Real chat texts: the labelled dev set when it is beside the project, else a few of our own. */
export function sampleTexts(): string[] {
  if (existsSync(DEV_SET)) {
    return readFileSync(DEV_SET, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text);
  }
  return [
    "客户张伟（13812345678）要200箱A4复印纸，单价38元，明天下午前送到苏州工业园区星湖街88号，货到付款",
    "Acme Corp says 12 of the 50 monitors arrived cracked, order SO-4471, they want a refund",
    "This is the third time I'm writing about the missing pallets and nobody has fixed it. Get me your manager.",
    "客户说再不处理就去12315投诉，订单SO20260301-17",
    "请问A4复印纸现在什么价？200箱以上有优惠吗？",
    "谢谢，辛苦了",
  ];
}
