// The Japanese reading of the docs' search index, on its own: both the index and the query go through it.
import { describe, expect, it } from "vitest";
import { normalizeForSearch, segmentForSearch } from "../../scripts/docs/search-segmenter.js";

const words = (text: string) => segmentForSearch(normalizeForSearch(text)).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

describe("the search index's reading of Japanese", () => {
  it.each([
    ["remoteAssistancePartner の更新", "更新"],
    ["remoteAssistancePartner の削除", "削除"],
    ["remoteAssistancePartners の一覧表示", "一覧"],
    ["パートナーのオンボーディングを開始する要求です", "オンボーディング"],
    ["remoteAssistancePartners の件数の取得", "取得"],
  ])("%s contains every pair of the query %s", (title, query) => {
    const indexed = new Set(words(title));
    expect(words(query).every((pair) => indexed.has(pair))).toBe(true);
  });

  it("keeps voiced kana whole (Redoc's NFKD split ボ into ホ and a mark)", () => {
    expect(words("オンボーディング")).toContain("ボー");
    expect(words("オンボーディング").join("")).not.toMatch(/\u3099/);
  });

  it("leaves Latin words and identifiers as they are, lower-cased", () => {
    expect(words("disconnect action DeviceManagementServiceConfig.ReadWrite.All")).toEqual(["disconnect", "action", "devicemanagementserviceconfig", "readwrite", "all"]);
  });

  it("does not match a word that is not there", () => {
    const indexed = new Set(words("remoteAssistancePartner の更新"));
    expect(words("削除").every((pair) => indexed.has(pair))).toBe(false);
  });
});
