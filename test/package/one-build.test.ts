// The package as built (dist/, one esbuild run over every entry): each class exists once whatever the entry, so an
// error from any entry's client is `instanceof` the GraphError every entry exports; and the brand guards hold even
// for an error from another copy of the package (a second module instance), where `instanceof` cannot.
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/spec.js";

type Entry = { GraphError: new (...args: never[]) => Error; isGraphError: (e: unknown) => boolean; createRemoteAssistanceClient: (o: object) => { get(id: string): Promise<unknown> } };
const entry = (name: string, copy = "") => import(`${pathToFileURL(join(root, "dist/entries", `${name}.js`)).href}${copy}`) as Promise<Entry>;
const notFound = async () => Response.json({ error: { code: "ResourceNotFound", message: "none" } }, { status: 404 });
const failureOf = async (made: Entry, baseUrl: string) => made.createRemoteAssistanceClient({ baseUrl, getAccessToken: () => "t", fetch: notFound, retry: false }).get("p").catch((e: unknown) => e);

describe("one build graph", () => {
  it("an error from the root, /client or /beta client is instanceof the GraphError of every entry, and isGraphError says so", async () => {
    const [rootEntry, client, beta] = await Promise.all([entry("index"), entry("client"), entry("beta")]);
    const errors = [await failureOf(rootEntry, "https://graph.example/v1.0"), await failureOf(client, "https://graph.example/v1.0"), await failureOf(beta, "https://graph.example/beta")];
    for (const error of errors) {
      for (const exported of [rootEntry, client, beta]) {
        expect(error).toBeInstanceOf(exported.GraphError);
        expect(exported.isGraphError(error)).toBe(true);
      }
    }
  });

  it("an error from another copy of the package: not instanceof this copy's GraphError, but isGraphError is true", async () => {
    // A second installed copy: dist/ copied elsewhere in the project (its bare imports still resolve here).
    const copy = join(root, ".scratch", `dist-copy-${process.pid}`);
    cpSync(join(root, "dist"), copy, { recursive: true });
    try {
      const ours = await entry("index");
      const theirs = (await import(pathToFileURL(join(copy, "entries/beta.js")).href)) as Entry;
      const error = await failureOf(theirs, "https://graph.example/beta");
      expect(error).not.toBeInstanceOf(ours.GraphError);
      expect(ours.isGraphError(error)).toBe(true);
      expect(ours.isGraphError({ name: "GraphError", status: 404 })).toBe(false);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
