import { z } from "zod";
import { auditListResponseSchema, auditQuerySchema } from "../audit";
import { endpoint, rawBody } from "../endpoint";
import { healthResponseSchema } from "../health";
import { issueDetailResponseSchema, issueStreamQuerySchema, issueStreamResponseSchema } from "../issues";
import {
  dropModelIndexSchema,
  MODEL_UPLOAD_MAX_BYTES,
  modelDdlResponseSchema,
  modelListResponseSchema,
  modelStatusChangeResponseSchema,
  modelStatusChangeSchema,
  modelVersionParamsSchema,
} from "../models";
import {
  dashboardQuerySchema,
  dashboardResponseSchema,
  mergesQuerySchema,
  mergesResponseSchema,
  thresholdQuerySchema,
  thresholdResponseSchema,
} from "../overgrouping";
import { projectListResponseSchema } from "../projects";
import {
  createUserRequestSchema,
  meResponseSchema,
  signInRequestSchema,
  updateUserRequestSchema,
  userListResponseSchema,
  userResponseSchema,
} from "../users";
import { idParamsSchema } from "./params";

/** The console's endpoints outside review and rollout: sign-in, users, projects, issues, audit, models, dashboards. */
export const consoleEndpoints = {
  health: endpoint({
    method: "GET",
    path: "/api/health",
    summary:
      "Whether regroup can serve: the database answers; whether the models are loaded; how far ingest is behind.",
    tag: "operations",
    access: "public",
    response: healthResponseSchema,
  }),
  signIn: endpoint({
    method: "POST",
    path: "/api/auth/signin",
    summary: "Signs in with email and password; sets the session cookie.",
    tag: "auth",
    access: "public",
    body: signInRequestSchema,
    response: meResponseSchema,
    maxBodyBytes: 4096,
  }),
  signOut: endpoint({
    method: "POST",
    path: "/api/auth/signout",
    summary: "Ends this browser's session.",
    tag: "auth",
    access: "viewer",
    response: z.object({ ok: z.boolean() }),
  }),
  me: endpoint({
    method: "GET",
    path: "/api/auth/me",
    summary: "Who is signed in.",
    tag: "auth",
    access: "viewer",
    response: meResponseSchema,
  }),
  listUsers: endpoint({
    method: "GET",
    path: "/api/users",
    summary: "Every user of the console.",
    tag: "users",
    access: "admin",
    response: userListResponseSchema,
  }),
  createUser: endpoint({
    method: "POST",
    path: "/api/users",
    summary: "Creates a user with a role and a password; audited.",
    tag: "users",
    access: "admin",
    body: createUserRequestSchema,
    response: userResponseSchema,
    status: 201,
  }),
  updateUser: endpoint({
    method: "PATCH",
    path: "/api/users/[id]",
    summary: "Changes a user's role, password or whether it is disabled; audited.",
    tag: "users",
    access: "admin",
    params: idParamsSchema,
    body: updateUserRequestSchema,
    response: userResponseSchema,
  }),
  listProjects: endpoint({
    method: "GET",
    path: "/api/projects",
    summary: "Every project with its issue and event counts; those the grouping API registered are marked.",
    tag: "projects",
    access: "viewer",
    response: projectListResponseSchema,
  }),
  projectIssues: endpoint({
    method: "GET",
    path: "/api/projects/[id]/issues",
    summary:
      "A project's issues, a page at a time: searched (title, culprit, exception type), filtered (how each came to be, " +
      "model, first seen), sorted (last seen, events, first seen) and paged by a keyset cursor.",
    tag: "projects",
    access: "viewer",
    params: idParamsSchema,
    query: issueStreamQuerySchema,
    response: issueStreamResponseSchema,
  }),
  issueDetail: endpoint({
    method: "GET",
    path: "/api/issues/[id]",
    summary: "An issue, its hashes and its events, each with why it was grouped there.",
    tag: "projects",
    access: "viewer",
    params: idParamsSchema,
    response: issueDetailResponseSchema,
  }),
  listAudit: endpoint({
    method: "GET",
    path: "/api/audit",
    summary: "The audit log, newest first, a page at a time.",
    tag: "audit",
    access: "viewer",
    query: auditQuerySchema,
    response: auditListResponseSchema,
  }),
  listModels: endpoint({
    method: "GET",
    path: "/api/models",
    summary: "The registered embedding models, their index sizes and evaluations.",
    tag: "models",
    access: "viewer",
    response: modelListResponseSchema,
  }),
  registerModel: endpoint({
    method: "POST",
    path: "/api/models",
    summary:
      "Registers a trained model from its artifact (checked with a smoke embedding); adds its vector column and HNSW " +
      "index. It starts as a next model.",
    tag: "models",
    access: "admin",
    body: rawBody(
      "multipart/form-data with the files config, model (model.onnx), and tokenizer (tokenizer.json) and evaluation " +
        "(evaluation.json) where the model has them.",
      ["multipart/form-data"],
    ),
    response: modelDdlResponseSchema,
    status: 201,
    maxBodyBytes: MODEL_UPLOAD_MAX_BYTES,
  }),
  changeModelStatus: endpoint({
    method: "POST",
    path: "/api/models/[version]/status",
    summary: "Promotes a model to stable, retires it (its column is no longer written), or brings it back.",
    tag: "models",
    access: "admin",
    params: modelVersionParamsSchema,
    body: modelStatusChangeSchema,
    response: modelStatusChangeResponseSchema,
  }),
  dropModelIndex: endpoint({
    method: "DELETE",
    path: "/api/models/[version]/index",
    summary: "Drops a retired model's HNSW index.",
    tag: "models",
    access: "admin",
    params: modelVersionParamsSchema,
    body: dropModelIndexSchema,
    response: modelDdlResponseSchema,
  }),
  overgroupingDashboard: endpoint({
    method: "GET",
    path: "/api/overgrouping",
    summary: "Merge and overgrouping rates per model, day, platform and project.",
    tag: "overgrouping",
    access: "viewer",
    query: dashboardQuerySchema,
    response: dashboardResponseSchema,
  }),
  labeledMerges: endpoint({
    method: "GET",
    path: "/api/overgrouping/merges",
    summary: "The labeled merges behind a rate.",
    tag: "overgrouping",
    access: "viewer",
    query: mergesQuerySchema,
    response: mergesResponseSchema,
  }),
  thresholdExplorer: endpoint({
    method: "GET",
    path: "/api/overgrouping/threshold",
    summary: "Precision and recall of each model over thresholds, from the labeled pairs.",
    tag: "overgrouping",
    access: "viewer",
    query: thresholdQuerySchema,
    response: thresholdResponseSchema,
  }),
};
