// `npm run mock`: Prism on 127.0.0.1 (PORT, default 4010) with the bundled spec, until Ctrl-C: a validating mock that
// answers from the spec's examples. `npm run mock -- --stateful`: the stateful fake instead (./testing's
// createRemoteAssistanceFake), which remembers what it was sent: a PATCH shows in the next GET. `--beta` with
// either: the beta contract (the settings singleton included).
import { parseArgs } from "node:util";
import { createRemoteAssistanceFake } from "../src/testing.ts";
import { startMock } from "./mock/prism.ts";

const { values } = parseArgs({ options: { stateful: { type: "boolean", default: false }, beta: { type: "boolean", default: false } } });
const contract = values.beta ? "beta" : "v1.0";
const port = Number(process.env.PORT ?? 4010);

let stop: () => Promise<void>;
let baseUrl: string;
if (values.stateful) {
  const server = await createRemoteAssistanceFake({ version: contract }).listen({ port });
  baseUrl = server.url;
  stop = server.close;
  console.log(`Stateful fake of the remoteAssistancePartner API (${contract}) at ${baseUrl} (pid ${process.pid}). Ctrl-C stops it.`);
} else {
  const mock = await startMock({ port, bundle: values.beta ? "generated/beta/openapi.json" : "generated/openapi.json" });
  baseUrl = mock.baseUrl;
  stop = mock.stop;
  console.log(`Mock of the remoteAssistancePartner API (${contract}) at ${baseUrl} (Prism, pid ${mock.pid}). Ctrl-C stops it.`);
}
console.log(`Try: curl -X PATCH ${baseUrl}/deviceManagement/remoteAssistancePartners/7443c8b9-c8b9-7443-b9c8-4374b9c84374 \\`);
console.log(`       -H 'Authorization: Bearer x' -H 'Content-Type: application/json' -d '{"displayName":"x"}'`);
const shutdown = async () => {
  await stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
