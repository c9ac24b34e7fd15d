// Beta's own operations, the account's remote assistance settings singleton, as named methods over the manifest.
import type { CallOptions, ClientCore } from "../../client/create-client.js";
import type { RemoteAssistanceSettings, RemoteAssistanceSettingsUpdate } from "./types.js";

/** Method name → operationId, for the settings singleton (beta only). */
export const SETTINGS_METHODS = {
  getSettings: "getRemoteAssistanceSettings",
  updateSettings: "updateRemoteAssistanceSettings",
} as const;

export interface RemoteAssistanceSettingsMethods {
  /** The account's remote assistance settings. */
  getSettings(options?: CallOptions): Promise<RemoteAssistanceSettings>;
  /** Resolves to the updated settings on 200, to `undefined` on 204 (both are success). */
  updateSettings(patch: RemoteAssistanceSettingsUpdate, options?: CallOptions): Promise<RemoteAssistanceSettings | undefined>;
}

export const settingsMethods = ({ invoke }: ClientCore): RemoteAssistanceSettingsMethods => ({
  getSettings: (callOptions) => invoke(SETTINGS_METHODS.getSettings, callOptions),
  updateSettings: (body, callOptions) => invoke(SETTINGS_METHODS.updateSettings, { ...callOptions, body }),
});
