// `npm run mock`: the fake of the remoteAssistancePartner API over HTTP on 127.0.0.1 (PORT, default 4010) until
// Ctrl-C. It is the same fake a test gets from remote-assistance-contract/testing (docs/testing.md): it remembers
// what it is sent, answers as Graph does, and throttles as Microsoft's limits say. Flags: `--beta` (the beta
// contract, with the settings singleton), `--strict` (this package's body rules instead of Graph's), `--options
// file.json` (any of the fake's options, e.g. your own partners). `--stateful` is accepted and changes nothing: the
// mock is the stateful fake now (it was Prism, whose answers did not agree with the fake's).
import { parseArgs } from "node:util";
import { startMock } from "./mock/serve.ts";

const { values } = parseArgs({
  options: {
    beta: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    options: { type: "string" },
    stateful: { type: "boolean", default: false },
  },
});
const port = Number(process.env.PORT ?? 4010);
const mock = await startMock({ port, beta: values.beta, strict: values.strict, ...(values.options ? { optionsFile: values.options } : {}) });
const contract = values.beta ? "beta" : "v1.0";
console.log(`Fake of the remoteAssistancePartner API (${contract}${values.strict ? ", strict" : ""}) at ${mock.baseUrl} (pid ${mock.pid}). Ctrl-C stops it.`);
console.log(`Try: curl -X PATCH ${mock.baseUrl}/deviceManagement/remoteAssistancePartners/7443c8b9-c8b9-7443-b9c8-4374b9c84374 \\`);
console.log(`       -H 'Authorization: Bearer x' -H 'Content-Type: application/json' -d '{"displayName":"x"}'`);
const shutdown = async () => {
  await mock.stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
