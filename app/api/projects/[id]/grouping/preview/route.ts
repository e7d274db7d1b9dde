import { previewGroupingSettingsHandler } from "@/server/grouping-settings/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = previewGroupingSettingsHandler;
