// Times async candidates against each other fairly on a noisy machine: the calls are split into blocks, the
// candidates take turns block by block (in an order rotated every turn), and each candidate's per-call time is the
// median over its blocks. Drift in machine load then hits every candidate alike instead of whichever ran last.
import { median, rotated } from "./stats.ts";

export async function interleave(
  candidates: Record<string, () => Promise<unknown>>,
  { calls, block = 100, warmup = 300 }: { calls: number; block?: number; warmup?: number },
): Promise<Record<string, number>> {
  const names = Object.keys(candidates);
  for (const name of names) for (let i = 0; i < warmup; i++) await candidates[name]!();
  const perBlock: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const turns = Math.ceil(calls / block);
  for (let turn = 0; turn < turns; turn++) {
    for (const name of rotated(names, turn)) {
      const call = candidates[name]!;
      const started = process.hrtime.bigint();
      for (let i = 0; i < block; i++) await call();
      perBlock[name]!.push(Number(process.hrtime.bigint() - started) / 1e3 / block);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(perBlock[n]!)]));
}
