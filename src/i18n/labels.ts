import type { Lang } from "../chat/port.ts";

type Catalog = Record<string, { zh: string; en: string }>;

function pick<T extends Catalog>(catalog: T) {
  return (key: string, lang: Lang): string => catalog[key]?.[lang] ?? key;
}

export const kindLabel = pick({
  order: { zh: "订单", en: "Order" },
  complaint: { zh: "投诉", en: "Complaint" },
  escalation: { zh: "升级事件", en: "Escalation" },
  inquiry: { zh: "咨询", en: "Inquiry" },
  other: { zh: "其他", en: "Other" },
});

export const statusLabel = pick({
  open: { zh: "待确认", en: "awaiting confirmation" },
  confirmed: { zh: "已确认", en: "confirmed" },
  resolved: { zh: "已解决", en: "resolved" },
  closed: { zh: "已关闭", en: "closed" },
  cancelled: { zh: "已取消", en: "cancelled" },
  discarded: { zh: "非工单", en: "not a ticket" },
});

export const fieldLabel = pick({
  customer: { zh: "客户", en: "Customer" },
  contactName: { zh: "联系人", en: "Contact" },
  contactPhone: { zh: "电话", en: "Phone" },
  orderRef: { zh: "单号", en: "Reference" },
  items: { zh: "货品", en: "Items" },
  product: { zh: "货品", en: "Product" },
  quantity: { zh: "数量", en: "Quantity" },
  unit: { zh: "单位", en: "Unit" },
  unitPrice: { zh: "单价", en: "Unit price" },
  deliveryDate: { zh: "交货日期", en: "Delivery date" },
  deliveryAddress: { zh: "送货地址", en: "Delivery address" },
  paymentTerms: { zh: "付款方式", en: "Payment terms" },
  category: { zh: "类别", en: "Category" },
  severity: { zh: "严重程度", en: "Severity" },
  claimAmount: { zh: "索赔金额", en: "Claimed amount" },
  escalationReasons: { zh: "升级原因", en: "Escalation reasons" },
  topic: { zh: "咨询类型", en: "Topic" },
  total: { zh: "合计", en: "Total" },
  status: { zh: "状态", en: "Status" },
  assignee: { zh: "负责人", en: "Assignee" },
  createdBy: { zh: "记录人", en: "Recorded by" },
  sentAt: { zh: "消息时间", en: "Sent" },
  message: { zh: "原始消息", en: "Original message" },
  notes: { zh: "备注", en: "Notes" },
  escalation: { zh: "升级状态", en: "Escalation" },
  resolution: { zh: "处理结果", en: "Resolution" },
  extractor: { zh: "识别方式", en: "Read by" },
});

export const valueLabel = pick({
  prepaid: { zh: "款到发货", en: "prepaid" },
  cod: { zh: "货到付款", en: "cash on delivery" },
  credit: { zh: "账期/月结", en: "on credit" },
  deposit: { zh: "定金", en: "deposit" },
  delay: { zh: "延误", en: "delay" },
  damage: { zh: "破损", en: "damage" },
  lost: { zh: "丢失", en: "lost" },
  quality: { zh: "质量", en: "quality" },
  wrong_item: { zh: "错发/漏发", en: "wrong item" },
  service: { zh: "服务", en: "service" },
  billing: { zh: "账务", en: "billing" },
  safety: { zh: "安全", en: "safety" },
  other: { zh: "其他", en: "other" },
  low: { zh: "低", en: "low" },
  medium: { zh: "中", en: "medium" },
  high: { zh: "高", en: "high" },
  critical: { zh: "紧急", en: "critical" },
  severe_incident: { zh: "严重异常", en: "severe incident" },
  large_loss: { zh: "重大损失", en: "large loss" },
  legal_threat: { zh: "法律威胁", en: "legal threat" },
  media_threat: { zh: "媒体曝光", en: "media threat" },
  regulator_threat: { zh: "监管投诉", en: "regulator complaint" },
  repeat_complaint: { zh: "重复投诉", en: "repeat complaint" },
  customer_request: { zh: "客户要求升级", en: "customer asked to escalate" },
  vip: { zh: "重要客户", en: "VIP customer" },
  price: { zh: "价格", en: "price" },
  stock: { zh: "库存", en: "stock" },
  tracking: { zh: "物流跟踪", en: "tracking" },
  invoice: { zh: "发票", en: "invoice" },
  policy: { zh: "政策", en: "policy" },
  acknowledged: { zh: "已知悉", en: "acknowledged" },
  agent: { zh: "客服", en: "agent" },
  supervisor: { zh: "主管", en: "supervisor" },
  admin: { zh: "管理员", en: "admin" },
});

const WEEKDAYS = {
  zh: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};

/** `2026-03-05` → `2026-03-05 (周四)`: an agent reading a date back to a customer wants the weekday. */
export function dayWithWeekday(day: string, lang: Lang): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return `${day} (${WEEKDAYS[lang][weekday]})`;
}
