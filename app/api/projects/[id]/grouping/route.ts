import { getGroupingSettingsHandler, updateGroupingSettingsHandler } from "@/server/grouping-settings/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = getGroupingSettingsHandler;
export const PUT = updateGroupingSettingsHandler;
