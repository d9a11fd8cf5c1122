#!/usr/bin/env node
// Compatibility check: drives Patchbay's config-service with the real @vercel/sdk client, the way a
// Vercel user would, and fails loudly on anything the SDK (or the Vercel wire contract) would not accept.
//
//   PATCHBAY_TOKEN=... CONFIG_ID=icfg_... [TEAM_ID=team_...] [TEAM_SLUG=...] \
//   [PATCHBAY_CONFIG_URL=http://localhost:8081] node check.mjs
//
// WARNING: this DELETES the configuration CONFIG_ID.
//
// Two layers of checking (see SDK-CONTRACT.md for why both are needed):
//   1. The SDK's own zod validation: any ResponseValidationError / SDKValidationError / unexpected status
//      or content type fails the run.
//   2. Contract checks on the raw JSON the SDK received. The SDK parses leniently: a missing "required"
//      field is zero-defaulted or makes it fall back to an all-optional union member, numbers may arrive
//      as strings, null is accepted for most optional fields, unknown enum members of some nested
//      objects make it silently drop the whole object. A real Vercel response never does any of that,
//      so we hold the service to the documented shape, using the SDK's own enum tables.
//
// Output: one JSON line on stdout; exit 0 on success, 1 on any failure, 2 on usage errors.

import { HTTPClient, SDK_METADATA, Vercel } from "@vercel/sdk";
import { ResponseValidationError } from "@vercel/sdk/models/responsevalidationerror.js";
import { SDKValidationError } from "@vercel/sdk/models/sdkvalidationerror.js";
import { VercelError } from "@vercel/sdk/models/vercelerror.js";
import {
  ConnectionError,
  RequestTimeoutError,
} from "@vercel/sdk/models/httpclienterrors.js";
import * as one from "@vercel/sdk/models/getconfigurationop.js";
import * as many from "@vercel/sdk/models/getconfigurationsop.js";

// ---------------------------------------------------------------------------------------------- setup
const serverURL = process.env.PATCHBAY_CONFIG_URL || "http://localhost:8081";
const bearerToken = process.env.PATCHBAY_TOKEN;
const configId = process.env.CONFIG_ID;
const teamId = process.env.TEAM_ID || undefined;
const teamSlug = process.env.TEAM_SLUG || undefined;

if (!bearerToken || !configId) {
  console.error(
    "usage: PATCHBAY_TOKEN=<jwt> CONFIG_ID=<icfg_...> [TEAM_ID=<team_...>] [TEAM_SLUG=<slug>] "
      + "[PATCHBAY_CONFIG_URL=http://localhost:8081] node check.mjs\n"
      + (bearerToken ? "" : "  missing PATCHBAY_TOKEN\n")
      + (configId ? "" : "  missing CONFIG_ID\n"),
  );
  process.exit(2);
}

// A user-supplied HTTPClient (a documented SDK feature) whose response hook keeps a copy of the raw
// body, so that layer 2 can look at exactly what the SDK parsed.
let lastRaw = null;
const httpClient = new HTTPClient();
httpClient.addHook("response", async (res, req) => {
  lastRaw = {
    method: req.method,
    url: req.url,
    status: res.status,
    contentType: res.headers.get("content-type"),
    body: await res.clone().text(),
  };
});

const vercel = new Vercel({ bearerToken, serverURL, httpClient, timeoutMs: 15_000 });
const scope = { ...(teamId ? { teamId } : {}), ...(teamSlug ? { slug: teamSlug } : {}) };

// ------------------------------------------------------------------------------- contract (layer 2)
class ContractError extends Error {
  constructor(what, problems, raw) {
    super(`${what} does not match the Vercel contract:\n  - ${problems.join("\n  - ")}`);
    this.name = "ContractError";
    this.raw = raw;
  }
}

const enumValues = (obj) => Object.values(obj);
const jsonType = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

// Field rules. kind: string | number | string[] | enum | object; nullable: the SDK schema declares
// `| null` for it (z.nullable), so a JSON null is legitimate. Everything else must be omitted when unset.
function configRules(m, listItem) {
  const en = listItem
    ? {
      source: m.GetConfigurationsResponseBodySource,
      status: m.GetConfigurationsResponseBodyStatus,
      installationType: m.ResponseBodyInstallationType,
      disabledReason: m.GetConfigurationsResponseBodyDisabledReason,
      type: m.GetConfigurationsResponseBodyType,
    }
    : {
      source: m.GetConfigurationResponseBodySource,
      status: m.GetConfigurationResponseBodyStatus,
      installationType: m.GetConfigurationResponseBodyInstallationType,
      disabledReason: m.GetConfigurationResponseBodyDisabledReason,
      type: m.GetConfigurationResponseBodyType,
    };
  return {
    // required in the SDK's "full configuration" union member
    id: { kind: "string", required: true },
    integrationId: { kind: "string", required: true },
    ownerId: { kind: "string", required: true },
    slug: { kind: "string", required: true },
    type: { kind: "enum", values: enumValues(en.type), required: true },
    scopes: { kind: "string[]", required: true },
    createdAt: { kind: "number", required: true },
    updatedAt: { kind: "number", required: true },
    userId: { kind: "string", required: true },
    // optional
    completedAt: { kind: "number" },
    projects: { kind: "string[]" },
    source: { kind: "enum", values: enumValues(en.source) },
    status: { kind: "enum", values: enumValues(en.status) },
    installationType: { kind: "enum", values: enumValues(en.installationType) },
    disabledAt: { kind: "number" },
    disabledReason: { kind: "enum", values: enumValues(en.disabledReason) },
    externalId: { kind: "string" },
    teamId: { kind: "string", nullable: true },
    deletedAt: { kind: "number", nullable: true },
    deleteRequestedAt: { kind: "number", nullable: true },
    customerDeleteRequestedAt: { kind: "number", nullable: true },
    acceptedPoliciesInheritedFromInstallationId: { kind: "string" },
    // present only in getConfiguration's first union member (which also needs transferRequest, so the
    // SDK never actually returns these for Patchbay) - still, if we send them they must be well-formed
    ...(listItem ? {} : {
      projectSelection: { kind: "enum", values: enumValues(one.ProjectSelection) },
      notification: { kind: "object", check: checkNotification },
      canConfigureOpenTelemetry: { kind: "boolean" },
    }),
  };
}

function checkNotification(n, path) {
  const p = [];
  if (!Object.values(one.GetConfigurationResponseBodyLevel).includes(n.level)) {
    p.push(`${path}.level must be one of ${Object.values(one.GetConfigurationResponseBodyLevel).join("|")}, got ${JSON.stringify(n.level)}`);
  }
  if (typeof n.title !== "string") p.push(`${path}.title must be a string, got ${jsonType(n.title)}`);
  for (const k of ["message", "href"]) {
    if (k in n && typeof n[k] !== "string") p.push(`${path}.${k} must be a string when present, got ${jsonType(n[k])}`);
  }
  return p;
}

function checkIntegration(i, path) {
  const p = [];
  if (jsonType(i) !== "object") return [`${path} must be an object {name, icon, isLegacy}, got ${jsonType(i)}`];
  if (typeof i.name !== "string") p.push(`${path}.name must be a string, got ${jsonType(i.name)}`);
  if (typeof i.icon !== "string") p.push(`${path}.icon must be a string, got ${jsonType(i.icon)}`);
  if (typeof i.isLegacy !== "boolean") p.push(`${path}.isLegacy must be a boolean, got ${jsonType(i.isLegacy)}`);
  if ("flags" in i && !(Array.isArray(i.flags) && i.flags.every((f) => typeof f === "string"))) {
    p.push(`${path}.flags must be a string[]`);
  }
  if ("assignedBetaLabelAt" in i && typeof i.assignedBetaLabelAt !== "number") {
    p.push(`${path}.assignedBetaLabelAt must be a number`);
  }
  if ("tagIds" in i) {
    const allowed = enumValues(many.TagIds);
    const bad = Array.isArray(i.tagIds) ? i.tagIds.filter((t) => !allowed.includes(t)) : ["<not an array>"];
    if (bad.length) p.push(`${path}.tagIds has values the SDK rejects: ${JSON.stringify(bad)}`);
  }
  return p;
}

function checkConfiguration(raw, path, rules) {
  if (jsonType(raw) !== "object") return [`${path} must be a JSON object, got ${jsonType(raw)}`];
  const p = [];
  for (const [field, rule] of Object.entries(rules)) {
    const fp = `${path}.${field}`;
    if (!(field in raw)) {
      if (rule.required) p.push(`${fp} is required but missing`);
      continue;
    }
    const v = raw[field];
    if (v === null) {
      if (!rule.nullable) p.push(`${fp} is null; omit it instead (not nullable in the SDK schema)`);
      continue;
    }
    switch (rule.kind) {
      case "string":
      case "number":
      case "boolean":
        if (typeof v !== rule.kind) p.push(`${fp} must be a ${rule.kind}, got ${jsonType(v)} ${JSON.stringify(v)}`);
        break;
      case "string[]":
        if (!Array.isArray(v) || !v.every((s) => typeof s === "string")) p.push(`${fp} must be a string[], got ${JSON.stringify(v)}`);
        break;
      case "enum":
        if (!rule.values.includes(v)) p.push(`${fp} must be one of ${rule.values.join("|")}, got ${JSON.stringify(v)}`);
        break;
      case "object":
        if (jsonType(v) !== "object") p.push(`${fp} must be an object, got ${jsonType(v)}`);
        else p.push(...rule.check(v, fp));
        break;
    }
  }
  return p;
}

function parseRaw(what) {
  try {
    return JSON.parse(lastRaw.body);
  } catch (e) {
    throw new ContractError(what, [`body is not JSON: ${e.message}`], lastRaw?.body);
  }
}

// ------------------------------------------------------------------------------------------- steps
let step = "init";
let currentCheck = null; // raw body -> problems[], used to explain an SDK ResponseValidationError
const summary = { ok: true, sdk: SDK_METADATA.sdkVersion };

async function main() {
  // 1. getConfiguration
  step = "getConfiguration";
  currentCheck = (raw) => checkConfiguration(raw, "<root>", configRules(one, false));
  const cfg = await vercel.integrations.getConfiguration({ id: configId, ...scope });
  {
    const raw = parseRaw(step);
    const problems = currentCheck(raw);
    if (raw && "id" in raw && raw.id !== configId) problems.push(`<root>.id is ${JSON.stringify(raw?.id)}, expected ${JSON.stringify(configId)}`);
    if (cfg.id !== configId) problems.push(`SDK result id is ${JSON.stringify(cfg.id)}, expected ${JSON.stringify(configId)}`);
    if (problems.length) throw new ContractError(`GET /v1/integrations/configuration/${configId}`, problems, lastRaw.body);
  }
  summary.getConfiguration = cfg.id;

  // 2. getConfigurations for both views
  for (const view of ["account", "project"]) {
    step = `getConfigurations(view=${view})`;
    currentCheck = (raw) => {
      if (!Array.isArray(raw)) return [`body must be a bare JSON array, got ${jsonType(raw)}`];
      return raw.flatMap((item, i) => [
        ...checkConfiguration(item, `[${i}]`, configRules(many, true)),
        ...(view !== "project" ? [] : [
          ...checkIntegration(item?.integration, `[${i}].integration`),
          ...(item?.source === "oauth" ? [`[${i}] has source=oauth; view=project must leave those out`] : []),
        ]),
      ]);
    };
    const list = await vercel.integrations.getConfigurations({ view, ...scope });
    const raw = parseRaw(step);
    const problems = currentCheck(raw);
    if (Array.isArray(raw)) {
      if (view === "project" && raw.length > 0 && !list.every((c) => c.integration)) {
        problems.push("the SDK dropped `integration` from the parsed items (it fell back to the account-view member)");
      }
    }
    if (!Array.isArray(list)) problems.push(`SDK result is not an array`);
    if (problems.length) throw new ContractError(`GET /v1/integrations/configurations?view=${view}`, problems, lastRaw.body);
    summary[`${view}Count`] = list.length;
    if (view === "account") summary.accountIncludesConfig = list.some((c) => c.id === configId);
  }

  // 3. deleteConfiguration (the SDK accepts exactly 204)
  step = "deleteConfiguration";
  currentCheck = null;
  await vercel.integrations.deleteConfiguration({ id: configId, ...scope });
  summary.deleted = true;

  // 4. getConfiguration must now fail with 404
  step = "getConfiguration(after delete)";
  currentCheck = (raw) => checkConfiguration(raw, "<root>", configRules(one, false));
  let after;
  try {
    after = await vercel.integrations.getConfiguration({ id: configId, ...scope });
  } catch (err) {
    if (err instanceof VercelError && !(err instanceof ResponseValidationError) && err.statusCode === 404) {
      summary.afterDeleteStatus = 404;
      return;
    }
    throw err;
  }
  const hint = after?.deleteRequestedAt || after?.customerDeleteRequestedAt
    ? ` (deleteRequestedAt=${after.deleteRequestedAt}: a marketplace install is only deletion-requested until the`
      + " partner finalizes it or the grace period ends; use an external install for this check)"
    : "";
  throw new ContractError(step, [`expected the SDK to throw a 404 VercelError, but it returned the configuration${hint}`], lastRaw?.body);
}

function describe(err) {
  const rawBody = (b) => (b == null ? "" : `\n  raw body: ${String(b).slice(0, 2000)}`);
  // ResponseValidationError is also `instanceof SDKValidationError` (SDK back-compat), so test it first.
  if (err instanceof ResponseValidationError) {
    // The SDK reports every union member's failure (starting with members we never aim for, e.g. the
    // one needing `transferRequest`); the contract digest names the actual offending fields first.
    let digest = "";
    try {
      const problems = currentCheck ? currentCheck(JSON.parse(err.body)) : [];
      if (problems.length) digest = `\n  contract digest:\n  - ${problems.join("\n  - ")}`;
    } catch { /* body not JSON: the SDK error says so */ }
    return { kind: "ResponseValidationError", status: err.statusCode,
      text: `the SDK rejected the response (HTTP ${err.statusCode}, ${err.contentType})${digest}\n${err.pretty()}${rawBody(err.body)}` };
  }
  if (err instanceof SDKValidationError) {
    return { kind: "SDKValidationError", text: `SDK validation error:\n${err.pretty()}${rawBody(lastRaw?.body)}` };
  }
  if (err instanceof VercelError) {
    // SDKError: an error status (4XX/5XX), or a status/content type the operation does not accept
    return { kind: err.name, status: err.statusCode,
      text: `HTTP ${err.statusCode} (${err.contentType || "no content-type"}): ${err.message}` };
  }
  if (err instanceof ConnectionError || err instanceof RequestTimeoutError) {
    return { kind: err.name, text: `cannot reach ${serverURL}: ${err.message}${err.cause ? ` (${err.cause})` : ""}` };
  }
  if (err instanceof SyntaxError) {
    // the SDK JSON.parse()s a 2xx application/json body before validating and lets SyntaxError escape
    return { kind: "InvalidJSON", text: `the response body is not valid JSON: ${err.message}${rawBody(lastRaw?.body)}` };
  }
  if (err instanceof ContractError) {
    return { kind: "ContractError", text: `${err.message}${rawBody(err.raw)}` };
  }
  return { kind: err?.name || "Error", text: String(err?.stack || err) };
}

try {
  await main();
  console.log(JSON.stringify(summary));
} catch (err) {
  const d = describe(err);
  console.error(`FAIL in ${step}: ${d.kind}: ${d.text}`);
  console.log(JSON.stringify({ ok: false, step, error: d.kind, ...(d.status ? { status: d.status } : {}) }));
  process.exit(1);
}
