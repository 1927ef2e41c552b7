import type { Tx } from "../db/client.ts";
import type { InboundMessage, Person } from "../generated/sqlite/client.ts";
import type { Lang, Platform, ReplyInput } from "../chat/port.ts";
import { audit } from "../audit.ts";
import { findByMention, setRole } from "../people/people.ts";
import { loadRecord, loadRecordByCode, OPEN_STATUSES, RECORD_INCLUDE, type FullRecord } from "../records/load.ts";
import { recordCreatedReply, recordDetailReply, recordFields, recordSummaryLine } from "../records/present.ts";
import { fieldLabel, kindLabel, statusLabel, valueLabel } from "../i18n/labels.ts";
import { USAGE, helpText, type Command, type Verb } from "./grammar.ts";
import { EDITABLE_FIELDS, fieldsFor, resolveField, type EditableField } from "./edit-fields.ts";
import type { ParseResult } from "./parse.ts";

export interface CommandContext {
  tx: Tx;
  actor: Person;
  lang: Lang;
  now: Date;
  message: InboundMessage;
  platform: Platform;
  timeZone: string;
}

const tr = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/** A command that cannot be carried out; the reply says why, in the speaker's language. */
export class CommandRefused extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly verb?: Verb,
  ) {
    super(en);
  }
}

const LIST_LIMIT = 20;

function errorReply(lang: Lang, reason: string, verb?: Verb): ReplyInput {
  return {
    lang,
    tone: "error",
    title: reason,
    text: verb ? `${tr(lang, "用法", "Usage")}: ${USAGE[verb]}` : tr(lang, "发送 /cs help 查看全部命令", "Send /cs help for all commands"),
  };
}

/** The reply to a command that did not parse: what is wrong, and the usage line. */
export function parseErrorReply(result: Extract<ParseResult, { ok: false }>, lang: Lang): ReplyInput {
  const problems: Record<string, [string, string]> = {
    unknown_command: [`未知命令「${result.word ?? ""}」`, `Unknown command "${result.word ?? ""}"`],
    missing_code: ["缺少记录编号（如 ORD-0007）", "A record code is missing (e.g. ORD-0007)"],
    bad_code: ["记录编号格式不对（如 ORD-0007、CMP-0012）", "That is not a record code (e.g. ORD-0007, CMP-0012)"],
    missing_person: ["缺少要指定的人（@名字）", "Say who (@name)"],
    bad_mention: ["请用 @名字 指定人", "Name the person as @name"],
    missing_text: ["备注内容为空", "The note is empty"],
    missing_changes: ["缺少要修改的字段（字段=值）", "Say what to change (field=value)"],
    bad_assignment: ["修改内容要写成 字段=值", "Write changes as field=value"],
    missing_role: ["缺少角色：agent、supervisor 或 admin", "Say which role: agent, supervisor or admin"],
    bad_role: ["角色只能是 agent、supervisor 或 admin", "The role must be agent, supervisor or admin"],
  };
  const [zh, en] = problems[result.problem] ?? ["命令有误", "That command is not right"];
  return errorReply(lang, tr(lang, zh, en), result.verb);
}

async function recordOrRefuse(ctx: CommandContext, code: string, verb: Verb): Promise<FullRecord> {
  const record = await loadRecordByCode(ctx.tx, code);
  if (!record) throw new CommandRefused(`找不到记录 ${code}`, `There is no record ${code}`, verb);
  return record;
}

/** Agents act on what is theirs; supervisors and admins on anything. */
function mayManage(actor: Person, record: FullRecord): boolean {
  if (actor.role !== "agent") return true;
  return record.assigneeId === actor.id || (record.assigneeId === null && record.createdById === actor.id);
}

async function ownerName(tx: Tx, record: FullRecord): Promise<string> {
  const id = record.assigneeId ?? record.createdById;
  if (id == null) return "—";
  return (await tx.person.findUnique({ where: { id } }))?.displayName ?? `#${id}`;
}

async function requireManage(ctx: CommandContext, record: FullRecord, verb: Verb) {
  if (mayManage(ctx.actor, record)) return;
  const owner = await ownerName(ctx.tx, record);
  throw new CommandRefused(
    `${record.code} 由 ${owner} 负责，只有负责人或主管可以操作`,
    `${record.code} belongs to ${owner}; only they or a supervisor can do that`,
    verb,
  );
}

function requireStatus(record: FullRecord, allowed: readonly string[], verb: Verb) {
  if (allowed.includes(record.status)) return;
  throw new CommandRefused(
    `${record.code} 已是「${statusLabel(record.status, "zh")}」状态`,
    `${record.code} is already ${statusLabel(record.status, "en")}`,
    verb,
  );
}

async function changeStatus(
  ctx: CommandContext,
  record: FullRecord,
  action: string,
  data: Parameters<Tx["record"]["update"]>[0]["data"],
): Promise<FullRecord> {
  // The version guard turns a concurrent change of the same record into a clean refusal.
  const { count } = await ctx.tx.record.updateMany({
    where: { id: record.id, version: record.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new CommandRefused(`${record.code} 刚被别人修改，请重试`, `${record.code} was just changed by someone else; try again`);
  const after = await loadRecord(ctx.tx, record.id);
  await audit(ctx.tx, {
    actorId: ctx.actor.id,
    action,
    entity: "record",
    entityId: record.code,
    before: { status: record.status, assigneeId: record.assigneeId },
    after: { status: after.status, assigneeId: after.assigneeId, ...("resolution" in data ? { resolution: after.resolution } : {}) },
    sourceMessageId: ctx.message.id,
    at: ctx.now,
  });
  return after;
}

async function peopleNames(tx: Tx, record: FullRecord): Promise<Map<number, string>> {
  const ids = new Set<number>();
  for (const id of [record.assigneeId, record.createdById, record.resolvedById, record.confirmedById]) if (id != null) ids.add(id);
  for (const n of record.notes) if (n.authorId != null) ids.add(n.authorId);
  for (const e of record.escalations) for (const id of [e.acknowledgedById, e.resolvedById]) if (id != null) ids.add(id);
  const people = await tx.person.findMany({ where: { id: { in: [...ids] } } });
  return new Map(people.map((p) => [p.id, p.displayName]));
}

type Handler<V extends Verb> = (ctx: CommandContext, command: Extract<Command, { verb: V }>) => Promise<ReplyInput>;

const handlers: { [V in Verb]: Handler<V> } = {
  async help(ctx) {
    return { lang: ctx.lang, tone: "info", title: tr(ctx.lang, "客服机器人命令", "Customer-service bot commands"), text: helpText(ctx.lang) };
  },

  async list(ctx) {
    const where = { assigneeId: ctx.actor.id, status: { in: [...OPEN_STATUSES] } };
    const records = await ctx.tx.record.findMany({ where, include: RECORD_INCLUDE, orderBy: { createdAt: "asc" }, take: LIST_LIMIT });
    const total = await ctx.tx.record.count({ where });
    if (total === 0) {
      return { lang: ctx.lang, tone: "success", title: tr(ctx.lang, "你没有未完成的记录", "You have no open items") };
    }
    const lines = records.map((r) => recordSummaryLine(r, ctx.lang));
    if (total > records.length) lines.push(tr(ctx.lang, `……还有 ${total - records.length} 条`, `…and ${total - records.length} more`));
    return { lang: ctx.lang, tone: "info", title: tr(ctx.lang, `你的未完成记录（${total}）`, `Your open items (${total})`), text: lines.join("\n") };
  },

  async show(ctx, { code }) {
    const record = await recordOrRefuse(ctx, code, "show");
    return recordDetailReply(record, ctx.lang, await peopleNames(ctx.tx, record), ctx.timeZone);
  },

  async confirm(ctx, { code }) {
    const record = await recordOrRefuse(ctx, code, "confirm");
    await requireManage(ctx, record, "confirm");
    requireStatus(record, ["open"], "confirm");
    await changeStatus(ctx, record, "record.confirm", { status: "confirmed", confirmedAt: ctx.now, confirmedById: ctx.actor.id });
    return { lang: ctx.lang, tone: "success", title: tr(ctx.lang, `${code} 已确认`, `${code} confirmed`) };
  },

  async done(ctx, { code, note }) {
    const record = await recordOrRefuse(ctx, code, "done");
    await requireManage(ctx, record, "done");
    requireStatus(record, OPEN_STATUSES, "done");
    await changeStatus(ctx, record, "record.resolve", {
      status: "resolved",
      resolvedAt: ctx.now,
      resolvedById: ctx.actor.id,
      resolution: note ?? null,
    });
    const open = record.escalations.filter((e) => e.state !== "resolved");
    if (open.length > 0) {
      await ctx.tx.escalation.updateMany({
        where: { id: { in: open.map((e) => e.id) } },
        data: { state: "resolved", resolvedAt: ctx.now, resolvedById: ctx.actor.id, nextPingAt: null },
      });
    }
    return {
      lang: ctx.lang,
      tone: "success",
      title: tr(ctx.lang, `${code} 已办结`, `${code} resolved`),
      text: note ? `${tr(ctx.lang, "处理说明", "Note")}: ${note}` : undefined,
    };
  },

  async assign(ctx, { code, person }) {
    const record = await recordOrRefuse(ctx, code, "assign");
    await requireManage(ctx, record, "assign");
    requireStatus(record, OPEN_STATUSES, "assign");
    const assignee = await findByMention(ctx.tx, ctx.platform, person);
    if (!assignee) {
      throw new CommandRefused(`不认识 ${person}（对方需先在这里发过消息）`, `I don't know ${person} yet (they need to have written here)`, "assign");
    }
    await changeStatus(ctx, record, "record.assign", { assigneeId: assignee.id });
    return {
      lang: ctx.lang,
      tone: "success",
      title: tr(ctx.lang, `${code} 已转给 ${assignee.displayName}`, `${code} assigned to ${assignee.displayName}`),
    };
  },

  async note(ctx, { code, text }) {
    const record = await recordOrRefuse(ctx, code, "note");
    const note = await ctx.tx.recordNote.create({
      data: { recordId: record.id, authorId: ctx.actor.id, text, sourceMessageId: ctx.message.id, createdAt: ctx.now },
    });
    await audit(ctx.tx, {
      actorId: ctx.actor.id,
      action: "record.note",
      entity: "record",
      entityId: record.code,
      after: { noteId: note.id, text },
      sourceMessageId: ctx.message.id,
      at: ctx.now,
    });
    return { lang: ctx.lang, tone: "success", title: tr(ctx.lang, `已为 ${code} 添加备注`, `Note added to ${code}`) };
  },

  async edit(ctx, { code, changes }) {
    const record = await recordOrRefuse(ctx, code, "edit");
    await requireManage(ctx, record, "edit");
    requireStatus(record, OPEN_STATUSES, "edit");
    const allowed = fieldsFor(record.kind);
    const parsed: { field: EditableField; item: number; value: string | number }[] = [];
    for (const change of changes) {
      const target = resolveField(change.field);
      if (!target || !allowed.includes(target.field)) {
        throw new CommandRefused(
          `${kindLabel(record.kind, "zh")}没有可修改的字段「${change.field}」；可改：${allowed.join(", ")}`,
          `${kindLabel(record.kind, "en")} has no editable field "${change.field}"; editable: ${allowed.join(", ")}`,
          "edit",
        );
      }
      const value = EDITABLE_FIELDS[target.field].schema.safeParse(change.value);
      if (!value.success) {
        const hint = "options" in EDITABLE_FIELDS[target.field].schema ? ` (${(EDITABLE_FIELDS[target.field].schema as { options: string[] }).options.join("|")})` : "";
        throw new CommandRefused(
          `「${change.value}」不是有效的${fieldLabel(target.field, "zh")}${hint}`,
          `"${change.value}" is not a valid ${fieldLabel(target.field, "en").toLowerCase()}${hint}`,
          "edit",
        );
      }
      parsed.push({ field: target.field, item: target.item, value: value.data });
    }
    const before = recordFields(record, "en").fields;
    for (const change of parsed) await applyEdit(ctx.tx, record, change);
    await ctx.tx.record.update({ where: { id: record.id }, data: { version: { increment: 1 } } });
    if (record.order && parsed.some((c) => c.field === "quantity" || c.field === "unitPrice")) await recomputeTotal(ctx.tx, record.id);
    const after = await loadRecord(ctx.tx, record.id);
    await audit(ctx.tx, {
      actorId: ctx.actor.id,
      action: "record.edit",
      entity: "record",
      entityId: record.code,
      before,
      after: { changes: parsed, fields: recordFields(after, "en").fields },
      sourceMessageId: ctx.message.id,
      at: ctx.now,
    });
    const reply = recordCreatedReply(after, ctx.lang);
    return { ...reply, tone: "success", title: tr(ctx.lang, `${code} 已更新，请再核对`, `${code} updated — please check again`) };
  },

  async cancel(ctx, { code, reason }) {
    const record = await recordOrRefuse(ctx, code, "cancel");
    await requireManage(ctx, record, "cancel");
    requireStatus(record, OPEN_STATUSES, "cancel");
    await changeStatus(ctx, record, "record.cancel", { status: "cancelled", resolution: reason ?? null });
    return { lang: ctx.lang, tone: "success", title: tr(ctx.lang, `${code} 已取消`, `${code} cancelled`) };
  },

  async role(ctx, { person, role }) {
    if (ctx.actor.role !== "admin") {
      throw new CommandRefused("只有管理员可以设置角色", "Only admins can set roles", "role");
    }
    const target = await findByMention(ctx.tx, ctx.platform, person);
    if (!target) throw new CommandRefused(`不认识 ${person}`, `I don't know ${person} yet`, "role");
    if (target.id === ctx.actor.id && role !== "admin") {
      const admins = await ctx.tx.person.count({ where: { role: "admin" } });
      if (admins <= 1) throw new CommandRefused("你是唯一的管理员，不能取消自己的管理员角色", "You are the only admin; you cannot drop your own admin role", "role");
    }
    await setRole(ctx.tx, target, role, ctx.actor.id, ctx.now, ctx.message.id);
    return {
      lang: ctx.lang,
      tone: "success",
      title: tr(ctx.lang, `${target.displayName} 的角色现在是 ${valueLabel(role, "zh")}`, `${target.displayName} is now ${valueLabel(role, "en")}`),
    };
  },
};

async function applyEdit(tx: Tx, record: FullRecord, change: { field: EditableField; item: number; value: string | number }) {
  const { field, item, value } = change;
  switch (field) {
    case "customer":
      return tx.record.update({ where: { id: record.id }, data: { customerName: value as string } });
    case "contactName":
    case "contactPhone":
    case "orderRef":
      return tx.record.update({ where: { id: record.id }, data: { [field]: value } });
    case "deliveryDate":
    case "deliveryAddress":
    case "paymentTerms":
      return tx.order.update({ where: { recordId: record.id }, data: { [field]: value } });
    case "product":
    case "quantity":
    case "unit":
    case "unitPrice":
      return tx.orderItem.upsert({
        where: { orderId_position: { orderId: record.id, position: item } },
        create: { orderId: record.id, position: item, [field]: value },
        update: { [field]: value },
      });
    case "category":
    case "severity":
    case "claimAmount":
      return tx.complaint.update({ where: { recordId: record.id }, data: { [field]: value } });
    case "topic":
      return tx.inquiry.update({ where: { recordId: record.id }, data: { topic: value as string } });
  }
}

async function recomputeTotal(tx: Tx, recordId: number) {
  const items = await tx.orderItem.findMany({ where: { orderId: recordId } });
  const complete = items.length > 0 && items.every((i) => i.quantity != null && i.unitPrice != null);
  const total = complete ? items.reduce((sum, i) => sum + Number(i.quantity) * Number(i.unitPrice), 0) : null;
  await tx.order.update({ where: { recordId }, data: { totalAmount: total } });
}

/** Runs a parsed command in the caller's transaction and returns the reply. */
export async function runCommand(ctx: CommandContext, command: Command): Promise<ReplyInput> {
  try {
    return await (handlers[command.verb] as Handler<Verb>)(ctx, command as never);
  } catch (error) {
    if (error instanceof CommandRefused) return errorReply(ctx.lang, tr(ctx.lang, error.zh, error.en), error.verb);
    throw error;
  }
}

