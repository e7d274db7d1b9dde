import "server-only";
import type { Guideline } from "@/lib/contracts/review";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { db, inTransaction } from "../db";

/** Shown for a platform until an admin writes its own guidelines. */
export const DEFAULT_GUIDELINE = [
  "GROUP when fixing one would fix the other: the same faulty code, even when reached through different callers.",
  "SEPARATE when the first in-app frame that differs is where each error really starts, or when only library/framework frames are shared.",
  "Exception type and message alone are not enough; look at the in-app frames and their context lines.",
  "UNSURE when the traces do not say enough. When in doubt between GROUP and SEPARATE, prefer SEPARATE: a wrong merge hides a problem.",
].join("\n");

export async function guidelineFor(platform: string): Promise<Guideline> {
  const prisma = await db();
  const row = await prisma.guideline.findUnique({ where: { platform } });
  return row
    ? { platform, body: row.body, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() }
    : { platform, body: DEFAULT_GUIDELINE, updatedBy: null, updatedAt: null };
}

/** Every platform with projects or guidelines, with its guidelines (the default where none were written). */
export async function listGuidelines(): Promise<Guideline[]> {
  const prisma = await db();
  const [rows, projects] = await Promise.all([
    prisma.guideline.findMany(),
    prisma.project.findMany({ select: { platform: true }, distinct: ["platform"] }),
  ]);
  const platforms = [...new Set([...projects.map((p) => p.platform), ...rows.map((r) => r.platform)])].sort();
  return platforms.map((platform) => {
    const row = rows.find((r) => r.platform === platform);
    return row
      ? { platform, body: row.body, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() }
      : { platform, body: DEFAULT_GUIDELINE, updatedBy: null, updatedAt: null };
  });
}

/** Replaces a platform's guidelines; admins only (checked by the route), audited. */
export async function updateGuideline(actor: SessionUser, platform: string, body: string): Promise<Guideline> {
  return inTransaction(async (tx) => {
    const before = await tx.guideline.findUnique({ where: { platform } });
    const row = await tx.guideline.upsert({
      where: { platform },
      create: { platform, body, updatedBy: actor.email },
      update: { body, updatedBy: actor.email },
    });
    await recordAudit(tx, {
      actor,
      action: "guideline.update",
      target: { type: "guideline", id: platform, label: `${platform} guidelines` },
      before: before ? { body: before.body } : null,
      after: { body },
    });
    return { platform, body: row.body, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
  });
}
