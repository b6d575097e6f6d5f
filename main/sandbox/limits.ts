// Resource limits for one run: the defaults every run gets, and the caps an exercise may
// raise them to (Piston and Judge0 work the same way: per-run limits under hard ceilings).
import type { SandboxLimitsInput } from '../../preload/contract/sandbox';

export interface SandboxLimits {
  /** Wall-clock limit for the learner's program, in milliseconds. */
  readonly timeoutMs: number;
  /** Memory, swap included, in bytes. */
  readonly memoryBytes: number;
  readonly pids: number;
  /** CPUs the run may use (CFS quota). */
  readonly cpus: number;
  /** stdout + stderr together, in bytes; past it the output is cut with a visible marker. */
  readonly outputBytes: number;
  /** Size of the tmpfs work directory, in bytes: twice workspaceLimits.maxTotalBytes, for tests, harness and what the run writes. */
  readonly workDirBytes: number;
  /** Largest single file, in bytes (RLIMIT_FSIZE); above workspaceLimits.maxFileBytes. */
  readonly fileBytes: number;
  readonly openFiles: number;
}

const MiB = 1024 * 1024;

export const defaultLimits: SandboxLimits = {
  timeoutMs: 5_000,
  memoryBytes: 256 * MiB,
  pids: 64,
  cpus: 1,
  outputBytes: 1 * MiB,
  workDirBytes: 16 * MiB,
  fileBytes: 8 * MiB,
  openFiles: 256,
};

/** The most an exercise may ask for. */
export const limitCaps = { timeoutMs: 30_000, memoryBytes: 1024 * MiB } as const;

/** Pytest or node:test start-up comes on top of the learner's time, so checks get this much more. */
export const checkExtraMs = 5_000;

/** Defaults, raised (never lowered below a sane floor, never past the caps) by an exercise. */
export function resolveLimits(input: SandboxLimitsInput | undefined): SandboxLimits {
  if (!input) return defaultLimits;
  const timeoutMs = input.timeoutSeconds === undefined ? defaultLimits.timeoutMs : clamp(Math.round(input.timeoutSeconds * 1000), 1_000, limitCaps.timeoutMs);
  const memoryBytes = input.memoryMb === undefined ? defaultLimits.memoryBytes : clamp(input.memoryMb * MiB, 64 * MiB, limitCaps.memoryBytes);
  return { ...defaultLimits, timeoutMs, memoryBytes };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
