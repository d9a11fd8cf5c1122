#!/usr/bin/env node
// Webhooks through the real @vercel/sdk client (webhooks.createWebhook, getWebhooks, getWebhook, deleteWebhook) against
// Patchbay's config-service, held to the Vercel contract on the raw JSON as check.mjs does for configurations.
//
//   create: PATCHBAY_TOKEN=... RECEIVER_URL=https://... [TEAM_ID=team_...] node webhooks.mjs create
//           registers a webhook for integration-configuration.removed and .permission-upgraded, reads it back (list and
//           by id) and prints {"ok":true,"id":"hook_…","secret":"…"}: the secret is answered only by the creation.
//   delete: PATCHBAY_TOKEN=... WEBHOOK_ID=hook_... [TEAM_ID=team_...] node webhooks.mjs delete
//           deletes it and checks that getWebhook then fails with a 404 and getWebhooks no longer lists it.
//
// Exit 0 on success, 1 on any failure, 2 on usage errors. [PATCHBAY_CONFIG_URL=http://localhost:8081]

import { HTTPClient, Vercel } from "@vercel/sdk";
import { VercelError } from "@vercel/sdk/models/vercelerror.js";
import { ResponseValidationError } from "@vercel/sdk/models/responsevalidationerror.js";

const serverURL = process.env.PATCHBAY_CONFIG_URL || "http://localhost:8081";
const bearerToken = process.env.PATCHBAY_TOKEN;
const teamId = process.env.TEAM_ID || undefined;
const mode = process.argv[2];
if (!bearerToken || !["create", "delete"].includes(mode)
    || (mode === "create" && !process.env.RECEIVER_URL) || (mode === "delete" && !process.env.WEBHOOK_ID)) {
  console.error("usage: PATCHBAY_TOKEN=… (RECEIVER_URL=… node webhooks.mjs create | WEBHOOK_ID=… node webhooks.mjs delete)");
  process.exit(2);
}

let lastRaw = null;
const httpClient = new HTTPClient();
httpClient.addHook("response", async (res) => {
  lastRaw = { status: res.status, body: await res.clone().text() };
});
const vercel = new Vercel({ bearerToken, serverURL, httpClient, timeoutMs: 15_000 });
const scope = teamId ? { teamId } : {};
const EVENTS = ["integration-configuration.removed", "integration-configuration.permission-upgraded"];

function fail(step, problems) {
  console.error(`FAIL in ${step}:\n  - ${problems.join("\n  - ")}\n  raw body: ${lastRaw?.body}`);
  console.log(JSON.stringify({ ok: false, step }));
  process.exit(1);
}

// the webhook resource as Vercel answers it: required fields typed, optional ones omitted rather than null
function checkWebhook(raw, path, { secret }) {
  const p = [];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [`${path} must be an object`];
  for (const f of ["id", "url", "ownerId"]) if (typeof raw[f] !== "string") p.push(`${path}.${f} must be a string`);
  for (const f of ["createdAt", "updatedAt"]) if (typeof raw[f] !== "number") p.push(`${path}.${f} must be a number (epoch ms)`);
  if (!Array.isArray(raw.events) || !raw.events.every((e) => typeof e === "string")) p.push(`${path}.events must be a string[]`);
  if ("projectIds" in raw && !Array.isArray(raw.projectIds)) p.push(`${path}.projectIds must be an array when present`);
  if (!/^hook_[0-9A-Za-z]{24}$/.test(raw.id ?? "")) p.push(`${path}.id must be hook_ + 24 base62`);
  if (secret && (typeof raw.secret !== "string" || raw.secret.length < 24)) p.push(`${path}.secret must be a string of 24+ characters`);
  if (!secret && "secret" in raw) p.push(`${path}.secret must not be answered here`);
  for (const [k, v] of Object.entries(raw)) if (v === null) p.push(`${path}.${k} is null; omit it instead`);
  return p;
}

async function step(name, call) {
  try {
    return await call();
  } catch (err) {
    if (err instanceof ResponseValidationError) fail(name, [`the SDK rejected the response: ${err.pretty()}`]);
    if (err instanceof VercelError) fail(name, [`HTTP ${err.statusCode}: ${err.message}`]);
    fail(name, [String(err?.stack || err)]);
  }
}

if (mode === "create") {
  const created = await step("createWebhook", () => vercel.webhooks.createWebhook({
    ...scope, requestBody: { url: process.env.RECEIVER_URL, events: EVENTS },
  }));
  const raw = JSON.parse(lastRaw.body);
  const problems = checkWebhook(raw, "<root>", { secret: true });
  if (created.id !== raw.id || created.secret !== raw.secret) problems.push("the SDK's result differs from the raw body");
  if (JSON.stringify([...raw.events].sort()) !== JSON.stringify([...EVENTS].sort())) problems.push(`events are ${raw.events}`);
  if (raw.url !== process.env.RECEIVER_URL) problems.push(`url is ${raw.url}`);
  if (problems.length) fail("createWebhook", problems);

  const list = await step("getWebhooks", () => vercel.webhooks.getWebhooks({ ...scope }));
  const rawList = JSON.parse(lastRaw.body);
  if (!Array.isArray(rawList)) fail("getWebhooks", ["body must be a bare JSON array"]);
  const listProblems = rawList.flatMap((w, i) => checkWebhook(w, `[${i}]`, { secret: false }));
  if (!list.some((w) => w.id === created.id)) listProblems.push("the new webhook is not listed");
  if (lastRaw.body.includes(created.secret)) listProblems.push("the list answers the secret");
  if (listProblems.length) fail("getWebhooks", listProblems);

  const one = await step("getWebhook", () => vercel.webhooks.getWebhook({ id: created.id, ...scope }));
  const oneProblems = checkWebhook(JSON.parse(lastRaw.body), "<root>", { secret: false });
  if (one.id !== created.id) oneProblems.push(`getWebhook answered ${one.id}`);
  if (lastRaw.body.includes(created.secret)) oneProblems.push("getWebhook answers the secret");
  if (oneProblems.length) fail("getWebhook", oneProblems);

  console.log(JSON.stringify({ ok: true, id: created.id, secret: created.secret, listed: list.length }));
} else {
  const id = process.env.WEBHOOK_ID;
  await step("deleteWebhook", () => vercel.webhooks.deleteWebhook({ id, ...scope }));
  let status = null;
  try {
    await vercel.webhooks.getWebhook({ id, ...scope });
  } catch (err) {
    if (err instanceof VercelError && !(err instanceof ResponseValidationError)) status = err.statusCode;
    else fail("getWebhook(after delete)", [String(err)]);
  }
  if (status !== 404) fail("getWebhook(after delete)", [`expected a 404, got ${status ?? "the webhook"}`]);
  const list = await step("getWebhooks(after delete)", () => vercel.webhooks.getWebhooks({ ...scope }));
  if (list.some((w) => w.id === id)) fail("getWebhooks(after delete)", ["the deleted webhook is still listed"]);
  console.log(JSON.stringify({ ok: true, deleted: true, afterDeleteStatus: 404 }));
}
