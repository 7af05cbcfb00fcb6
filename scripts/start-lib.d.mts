import type { Server } from 'node:http';

export type BinaryCheck = { ok: true; path: string } | { ok: false; reason: string };
export type FetchResult = { ok: true } | { ok: false; reason: string };
export type LaunchDecision =
  | { mode: 'electron'; binary: string; fetched?: boolean }
  | { mode: 'browser'; reason: string };

export function findElectronBinary(electronDir: string): BinaryCheck;
export function summariseFailure(output: string, fallback: string): string;
export function fetchElectronBinary(electronDir: string, timeoutMs?: number): Promise<FetchResult>;
export function decideLaunch(deps: { find: () => BinaryCheck; fetch: () => Promise<FetchResult> }): Promise<LaunchDecision>;
export function resolveStaticPath(root: string, urlPath: string): string | null;
export function createStaticServer(root: string, csp: string): Server;
export function listenOnFreePort(server: Server, port: number, attempts?: number): Promise<number>;
export function openCommand(platform: string, url: string): [string, string[]];
