// What creating a fake refuses: the message of the TypeError `createRemoteAssistanceFake(options)` throws, without
// its prefix; a fake made without one fails the test, naming the options that were accepted.
import { expect } from "vitest";
import { createRemoteAssistanceFake, type RemoteAssistanceFakeOptions } from "../../../src/testing.js";

export function refusedOptions(options: unknown): string {
  try {
    createRemoteAssistanceFake(options as RemoteAssistanceFakeOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as TypeError).message.replace(/^createRemoteAssistanceFake: /, "");
  }
  throw new Error(`${JSON.stringify(options)} was accepted`);
}
