// `npm run mock`: Prism on 127.0.0.1 (PORT, default 4010) with the bundled spec, until Ctrl-C.
import { startMock } from "./mock/prism.ts";

const mock = await startMock({ port: Number(process.env.PORT ?? 4010) });
console.log(`Mock of the remoteAssistancePartner API at ${mock.baseUrl} (Prism, pid ${mock.pid}). Ctrl-C stops it.`);
console.log(`Try: curl -X PATCH ${mock.baseUrl}/deviceManagement/remoteAssistancePartners/any-id \\`);
console.log(`       -H 'Authorization: Bearer x' -H 'Content-Type: application/json' -d '{"displayName":"x"}'`);
const stop = async () => {
  await mock.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
