// Requests straight to the fake's port that used to end the process hosting it or grow it without bound: each one
// now gets an HTTP answer (400 for what the fake cannot read, 413 past the body cap), the host sees no exception,
// and memory stays flat under a 150 MB POST. The fake runs in a child process, measured from outside.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { connect } from "node:net";
import { createInterface, type Interface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers/spec.js";

/** Sends `text` as written and resolves to the status line the fake answers with. */
const statusLine = (port: number, text: string) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, "127.0.0.1", () => socket.end(text));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1").split("\r\n")[0]!));
    socket.on("error", reject);
  });

const get = (target: string, headers: string) => `GET ${target} HTTP/1.1\r\n${headers}Authorization: Bearer t\r\nConnection: close\r\n\r\n`;

describe("requests straight to the fake's port", () => {
  let child: ChildProcess;
  let lines: Interface;
  let port: number;
  const nextLine = () => new Promise<Record<string, any>>((resolve) => lines.once("line", (line) => resolve(JSON.parse(line))));
  const report = async () => {
    const line = nextLine();
    child.stdin!.write("?\n");
    return line;
  };
  beforeAll(async () => {
    child = spawn(process.execPath, ["--import", "tsx", "test/testing/support/fake-host.ts"], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
    lines = createInterface({ input: child.stdout! });
    port = Number(new URL((await nextLine()).url).port);
  });
  afterAll(() => {
    child.stdin!.end();
    child.kill();
  });

  it.each([
    ["a path whose percent-encoding is broken", get("/v1.0/deviceManagement/remoteAssistancePartners/%E0%A4%A", "Host: 127.0.0.1\r\n")],
    ["a Host with a blank in it", get("/v1.0/deviceManagement/remoteAssistancePartners", "Host: a b\r\n")],
    ["a Host with user info", get("/v1.0/deviceManagement/remoteAssistancePartners", "Host: user@x\r\n")],
    ["two Host headers", get("/v1.0/deviceManagement/remoteAssistancePartners", "Host: a\r\nHost: b\r\n")],
    ["an absolute-form target that is not a URL", get("http://[::1/v1.0/x", "Host: 127.0.0.1\r\n")],
  ])("%s: 400, and the process lives on", async (_, text) => {
    expect(await statusLine(port, text)).toBe("HTTP/1.1 400 Bad Request");
    expect((await report()).failures).toEqual([]);
  });

  it("a declared Content-Length over 1 MiB: 413 before a byte of the body is read", async () => {
    const text = `POST /v1.0/deviceManagement/remoteAssistancePartners HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\nContent-Length: 157286400\r\n\r\n`;
    expect(await statusLine(port, text)).toBe("HTTP/1.1 413 Payload Too Large");
  });

  it("a 150 MB POST streamed without a length: 413, and the fake's memory stays flat (it was 555 MB)", async () => {
    const before = await report();
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, method: "POST", path: "/v1.0/deviceManagement/remoteAssistancePartners", headers: { authorization: "Bearer t", "transfer-encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      // The fake closes the connection after its 413: the rest of the upload fails, as it should.
      req.on("error", () => undefined);
      let sent = 0;
      const pump = () => {
        while (sent < 150) {
          sent++;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
      setTimeout(() => reject(new Error("no answer")), 50_000).unref();
    });
    expect(status).toBe(413);
    const after = await report();
    console.log(`fake under a 150 MB POST: RSS ${Math.round(before.rssKiB / 1024)} MiB before, peak ${Math.round(after.peakKiB / 1024)} MiB`);
    // Flat: the peak grew by far less than the body (the body is 150 MiB; it grew by ~2 MiB when measured).
    expect(after.peakKiB - before.peakKiB).toBeLessThan(32 * 1024);
    expect(after.failures).toEqual([]);
  });

  it("after all of it, an ordinary request is served", async () => {
    expect(await statusLine(port, get("/v1.0/deviceManagement/remoteAssistancePartners?$top=0", "Host: 127.0.0.1\r\n"))).toBe("HTTP/1.1 200 OK");
  });
});
