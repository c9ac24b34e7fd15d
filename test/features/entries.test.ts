// The /client entry: validation only with the validators given, spans only with tracing: openTelemetry.
import * as validators from "../../src/entries/validators.js";
import { context, trace } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect } from "vitest";
import { ContractViolationError, createRemoteAssistanceClient, openTelemetry } from "../../src/entries/client.js";
import { seedPartner } from "../fixtures/seed-examples.js";
import { type Handler, json, noContent, rejection, TOKEN } from "../helpers/graph-server.js";
import { it, type Graph } from "../helpers/fixtures.js";


const id = seedPartner.id;

async function lightClient(graph: Graph, handler: Handler, options: object = {}) {
  graph.answer(handler);
  return createRemoteAssistanceClient({ baseUrl: graph.baseUrl, getAccessToken: () => TOKEN, ...options });
}

describe("/client: validation with the validators given", () => {
  it("validate on without validators: a TypeError at creation that says how to give them", () => {
    for (const validate of ["request", "response", "both"] as const) {
      expect(() => createRemoteAssistanceClient({ getAccessToken: () => "t", validate })).toThrow(
        new TypeError(`validate: "${validate}" needs validators: import * as validators from "remote-assistance-contract/validators" and pass { validators }`),
      );
    }
    expect(() => createRemoteAssistanceClient({ getAccessToken: () => "t", validate: "off" })).not.toThrow();
  });

  it("the validators module: a bad body refused before sending, a bad response refused on receipt", async ({ graph }) => {
    const client = await lightClient(graph, (_req, res) => json(res, 200, { ...seedPartner, onboardingStatus: "on" }), { validate: "both", validators });
    const refused = await rejection(client.update(id, { onboardingStatus: "on" } as never));
    expect(refused).toBeInstanceOf(ContractViolationError);
    expect(refused.direction).toBe("request");
    expect(graph.seen).toHaveLength(0);
    const broken = await rejection(client.get(id));
    expect(broken).toMatchObject({ name: "ContractViolationError", direction: "response", status: 200 });
    expect(broken.errors[0].path).toBe("/onboardingStatus");
  });

  it("a function importing them: loaded on the first call that needs them, once", async ({ graph }) => {
    let imports = 0;
    const client = await lightClient(graph, (_req, res) => noContent(res), {
      validate: "request",
      validators: () => {
        imports++;
        return import("../../src/entries/validators.js");
      },
    });
    expect(imports).toBe(0);
    await client.update(id, { displayName: "x" });
    await client.update(id, { displayName: "y" });
    await expect(client.update(id, { displayName: 42 } as never)).rejects.toThrow(ContractViolationError);
    expect(imports).toBe(1);
    expect(graph.seen).toHaveLength(2);
  });

  it("an import that fails: that call fails with its error, nothing sent, and the next call imports again", async ({ graph }) => {
    let imports = 0;
    const failure = new Error("chunk failed to load");
    const client = await lightClient(graph, (_req, res) => noContent(res), {
      validate: "request",
      validators: () => (++imports === 1 ? Promise.reject(failure) : import("../../src/entries/validators.js")),
    });
    await expect(client.update(id, { displayName: "x" })).rejects.toBe(failure);
    expect(graph.seen).toHaveLength(0);
    await client.update(id, { displayName: "y" });
    await client.update(id, { displayName: "z" });
    expect(imports).toBe(2);
    expect(graph.seen).toHaveLength(2);
  });

  it("a module that is not the contract's: a TypeError naming the validator missing, nothing sent", async ({ graph }) => {
    const client = await lightClient(graph, (_req, res) => noContent(res), { validate: "request", validators: { validateODataError: validators.validateODataError } });
    await expect(client.update(id, { displayName: "x" })).rejects.toThrow(
      new TypeError("validators has no validateRemoteAssistancePartnerUpdate: give this contract's validators module"),
    );
    expect(graph.seen).toHaveLength(0);
  });

  it.each([null, "validators", 42])("validators %j: a TypeError at creation", (given) => {
    expect(() => createRemoteAssistanceClient({ getAccessToken: () => "t", validate: "both", validators: given as never })).toThrow(
      /validators must be the validators module or a function that imports it/,
    );
  });

  it("has no raw", async ({ graph }) => {
    const client = await lightClient(graph, (_req, res) => noContent(res));
    expect("raw" in client).toBe(false);
  });
});

describe("/client: spans only with tracing: openTelemetry", () => {
  const exporter = new InMemorySpanExporter();
  afterEach(() => {
    exporter.reset();
    trace.disable();
    context.disable();
  });

  it("without tracing, no span even with a provider registered; with it, one", async ({ graph }) => {
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    const plain = await lightClient(graph, (_req, res) => noContent(res));
    await plain.update(id, { displayName: "x" });
    expect(exporter.getFinishedSpans()).toEqual([]);
    const traced = createRemoteAssistanceClient({ baseUrl: graph.baseUrl, getAccessToken: () => TOKEN, tracing: openTelemetry });
    await traced.update(id, { displayName: "x" });
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(["PATCH /v1.0/deviceManagement/remoteAssistancePartners/{remoteAssistancePartnerId}"]);
  });

  it("tracing: false turns the root entry's spans off; anything else is a TypeError", async ({ graph }) => {
    const { createRemoteAssistanceClient: createRootClient } = await import("../../src/entries/index.js");
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    graph.answer((_req, res) => noContent(res));
    await createRootClient({ baseUrl: graph.baseUrl, getAccessToken: () => TOKEN, tracing: false }).update(id, { displayName: "x" });
    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(() => createRootClient({ getAccessToken: () => "t", tracing: "otel" as never })).toThrow(/tracing must be a function \(openTelemetry\) or false/);
  });
});
