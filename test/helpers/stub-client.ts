// A client whose fetch is a function of the test's (no server), and the ways an error is printed: for tests of
// what the client does with an answer, where a node:http server would add nothing.
import { inspect } from "node:util";
import { createRemoteAssistanceClient, type RemoteAssistanceClientOptions } from "../../src/entries/index.js";

/** Every way an error can be printed or sent to a log. */
export const renderings = (error: any) => [String(error), error.message, error.stack ?? "", JSON.stringify(error), inspect(error, { depth: 10 }), String(error.cause ?? ""), JSON.stringify(error.body ?? null)];

/** A client whose fetch is `answer`, with the Authorization header of every attempt recorded. */
export function clientAnswering(answer: (attempt: number) => Response | Promise<Response>, options: Partial<RemoteAssistanceClientOptions> = {}) {
  const sent: string[] = [];
  const client = createRemoteAssistanceClient({
    baseUrl: "https://graph.example/v1.0",
    getAccessToken: () => "token",
    retry: false,
    fetch: async (_input, init) => {
      sent.push(String((init?.headers as Record<string, string>).Authorization));
      return answer(sent.length);
    },
    ...options,
  });
  return { client, sent };
}
