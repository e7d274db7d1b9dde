import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Prisma } from "../db/client";
import { recordAudit } from "../audit/record";
import type { SessionUser } from "../auth/session";
import { inTransaction } from "../db";
import { ConflictError, ValidationError } from "../http/errors";
import { LocalInferenceService, modelRegistry } from "../inference";
import { modelConfigSchema, ModelRegistry, type ModelConfig } from "../inference/registry";
import { addModelColumnSql, groupingRecordColumns, runDdl } from "./ddl";
import { reportSchema } from "./service";
import { registeredModelsDir, syncModelVersions } from "./versions";

/**
 * Registers a trained model from its artifact (the seed's "add a column, flip a flag", done by regroup): the files
 * are checked (config, tokenizer, and a smoke embedding of two traces through the model on this machine's CPU), then
 * in one transaction the model's grouping_records column and HNSW index are added and its model_versions row written
 * (with that DDL, and audited). A registered model starts as "next": projects can be flipped to it, with fallback to
 * the stable model. Nothing is left behind when a check or the transaction fails.
 */

/** The files of an upload: config.json and model.onnx, and tokenizer.json / evaluation.json where the model has them. */
export interface ModelArtifact {
  config: Uint8Array;
  model: Uint8Array;
  tokenizer?: Uint8Array;
  evaluation?: Uint8Array;
}

export const REGISTERED_VERSION = /^v\d+$/;

const SMOKE_TRACES = [
  'ZeroDivisionError: division by zero\n  File "billing/invoice.py", function total\n    return amount / count',
  "TypeError: Cannot read properties of undefined (reading 'id')\n  File \"src/routes/users.js\", function loadUser\n    return user.id;",
];

function parseJsonFile(name: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    throw new ValidationError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
}

function describeIssues(name: string, issues: z.core.$ZodIssue[], what = "model config"): string {
  return `${name} is not a valid ${what}: ${issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`;
}

/** The config as registered: checked, and "next" whatever status the file gave. */
export function readArtifactConfig(artifact: ModelArtifact): ModelConfig {
  const parsed = modelConfigSchema.safeParse({
    ...(parseJsonFile("config.json", artifact.config) as object),
    status: "next",
  });
  if (!parsed.success) throw new ValidationError(describeIssues("config.json", parsed.error.issues));
  const config = parsed.data;
  if (!REGISTERED_VERSION.test(config.version))
    throw new ValidationError(`config.json: version "${config.version}" must be "v" followed by digits, e.g. "v3".`);
  if (config.dimensionStored > config.dimensionProduced)
    throw new ValidationError(
      `config.json: dimensionStored ${config.dimensionStored} exceeds dimensionProduced ${config.dimensionProduced}.`,
    );
  if (config.dimensionStored > 2000)
    throw new ValidationError(
      `config.json: dimensionStored ${config.dimensionStored} is over 2000, the most an HNSW index takes.`,
    );
  if (config.tokenizer.kind === "tokenizer.json" && !artifact.tokenizer)
    throw new ValidationError(`config.json names a tokenizer.json tokenizer; upload its tokenizer.json too.`);
  if (artifact.evaluation) {
    const report = reportSchema.safeParse(parseJsonFile("evaluation.json", artifact.evaluation));
    if (!report.success)
      throw new ValidationError(describeIssues("evaluation.json", report.error.issues, "evaluation report"));
    const named = Object.keys((report.data.dev ?? report.data.test)?.models ?? {});
    if (!named.includes(config.version))
      throw new ValidationError(
        `evaluation.json has no results for ${config.version} (it names ${named.join(", ") || "no model"}); ` +
          `name the trained model's entry ${config.version}.`,
      );
  }
  return config;
}

/** Writes the artifact into `folder` (created). */
function writeArtifact(folder: string, config: ModelConfig, artifact: ModelArtifact): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "config.json"), JSON.stringify(config, null, 2));
  fs.writeFileSync(path.join(folder, "model.onnx"), artifact.model);
  if (artifact.tokenizer) fs.writeFileSync(path.join(folder, "tokenizer.json"), artifact.tokenizer);
  if (artifact.evaluation) fs.writeFileSync(path.join(folder, "evaluation.json"), artifact.evaluation);
}

/** Embeds two traces with the staged model: it must load, produce its dimensions, and answer finite unit vectors. */
async function smokeEmbedding(stagingParent: string, config: ModelConfig): Promise<void> {
  const service = new LocalInferenceService(new ModelRegistry(stagingParent), { device: "cpu", maxBatch: 1 });
  let vectors: number[][];
  try {
    vectors = await service.embed(config.version, SMOKE_TRACES);
  } catch (error) {
    throw new ValidationError(`The model could not embed a test trace: ${(error as Error).message}`);
  }
  for (const vector of vectors) {
    if (vector.length !== config.dimensionStored)
      throw new ValidationError(`The model answered ${vector.length} dimensions, not ${config.dimensionStored}.`);
    const norm = Math.hypot(...vector);
    if (!vector.every(Number.isFinite) || !(Math.abs(norm - 1) < 1e-3))
      throw new ValidationError("The model's test embedding is not a finite, non-zero vector.");
  }
}

export interface RegisteredModel {
  version: string;
  column: string;
  ddl: string[];
}

export async function registerModel(artifact: ModelArtifact, actor: SessionUser): Promise<RegisteredModel> {
  const config = readArtifactConfig(artifact);
  const taken = modelRegistry
    .list()
    .find((entry) => entry.version === config.version || entry.column === config.column);
  if (taken)
    throw new ConflictError(
      `Model ${taken.version} (column ${taken.column}) is registered already; give the new model another version and column.`,
    );

  const root = registeredModelsDir();
  const staging = path.join(root, `.staging-${crypto.randomUUID()}`);
  const final = path.join(root, config.version);
  let moved = false;
  try {
    writeArtifact(path.join(staging, config.version), config, artifact);
    await smokeEmbedding(staging, config);
    const ddl = await inTransaction(async (tx) => {
      // One registration at a time, so that two uploads of one version cannot both pass the checks below.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('regroup:model_versions'))`;
      if (
        await tx.modelVersion.findFirst({ where: { OR: [{ version: config.version }, { columnName: config.column }] } })
      )
        throw new ConflictError(`Model ${config.version} or column ${config.column} is registered already.`);
      if ((await groupingRecordColumns(tx)).has(config.column))
        throw new ConflictError(`grouping_records already has a column "${config.column}"; choose another column.`);
      // A folder without a row is what an interrupted registration left: it is replaced.
      fs.rmSync(final, { recursive: true, force: true });
      fs.renameSync(path.join(staging, config.version), final);
      moved = true;
      const statements = addModelColumnSql(config.column, config.dimensionStored);
      const ran = await runDdl(tx, statements);
      await tx.modelVersion.create({
        data: {
          version: config.version,
          status: "next",
          columnName: config.column,
          dimension: config.dimensionStored,
          artifactDir: path.relative(path.dirname(root), final),
          ddl: ran as unknown as Prisma.InputJsonValue,
          registeredBy: actor.email,
        },
      });
      await recordAudit(tx, {
        actor,
        action: "model.register",
        target: { type: "model", id: config.version, label: `model ${config.version}` },
        after: {
          status: "next",
          column: config.column,
          dimensionProduced: config.dimensionProduced,
          dimensionStored: config.dimensionStored,
          threshold: config.threshold,
          tokenizer: config.tokenizer.kind,
          ddl: statements,
        },
      });
      return statements;
    });
    await syncModelVersions();
    return { version: config.version, column: config.column, ddl };
  } catch (error) {
    if (moved) fs.rmSync(final, { recursive: true, force: true });
    throw error;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
