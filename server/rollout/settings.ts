import "server-only";
import { guardrailSettingsSchema, type GuardrailSettings } from "@/lib/contracts/rollout";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { db, inTransaction } from "../db";
import type { PrismaClient, Transaction } from "../db/client";

/** The "guardrails" setting; conservative defaults until an admin changes them. */
export const GUARDRAILS_KEY = "guardrails";

export const defaultGuardrails: GuardrailSettings = {
  maxOvergroupingUpper: 0.1,
  minOvergroupingSample: 10,
  maxFallbackRate: 0.5,
  minFallbackLookups: 20,
  autoPause: false,
};

/** The guardrail settings; a stored value that no longer parses falls back to the defaults, key by key. */
export async function getGuardrailSettings(client?: PrismaClient | Transaction): Promise<GuardrailSettings> {
  const prisma = client ?? (await db());
  const row = await prisma.setting.findUnique({ where: { key: GUARDRAILS_KEY } });
  const stored = guardrailSettingsSchema.partial().safeParse(row?.value ?? {});
  return { ...defaultGuardrails, ...(stored.success ? stored.data : {}) };
}

/** Saves the guardrail settings, audited as "guardrails.update" with before/after. */
export async function updateGuardrailSettings(
  user: SessionUser,
  settings: GuardrailSettings,
  reason: string,
): Promise<GuardrailSettings> {
  return inTransaction(async (tx) => {
    const before = await getGuardrailSettings(tx);
    await tx.setting.upsert({
      where: { key: GUARDRAILS_KEY },
      create: { key: GUARDRAILS_KEY, value: settings, updatedBy: user.email },
      update: { value: settings, updatedBy: user.email },
    });
    await recordAudit(tx, {
      actor: user,
      action: "guardrails.update",
      target: { type: "setting", id: GUARDRAILS_KEY, label: "Rollout guardrails" },
      before,
      after: settings,
      reason,
    });
    return settings;
  });
}
