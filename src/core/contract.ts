// What a client is given to speak one contract: its API version (the path after a cloud's origin) and its operations
// manifest. A new API version is a new manifest, not new code.
import type { OperationManifest } from "./shapes.js";

export interface Contract {
  readonly version: "v1.0" | "beta";
  readonly operations: OperationManifest;
}
