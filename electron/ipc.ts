import { z } from 'zod';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { isAppPageUrl } from './app-url';
import type { IpcResult } from './channels';

/** The part of an invoke event the registry looks at; lets tests pass a plain object. */
export interface SenderEvent {
  senderFrame: { url: string } | null;
}

export interface Route<S extends z.ZodType = z.ZodType, R = unknown> {
  schema: S;
  handle(payload: z.output<S>, event: SenderEvent): R | Promise<R>;
}

/** Helper that keeps the payload type tied to its schema. */
export function route<S extends z.ZodType, R>(schema: S, handle: Route<S, R>['handle']): Route<S, R> {
  return { schema, handle };
}

/** An error whose message is meant for the user (the handler already worded it). */
export class UserError extends Error {}

export const FOREIGN_SENDER = 'Request refused: it did not come from the Tickler CRM window.';
export const UNKNOWN_CHANNEL = 'Request refused: unknown operation.';

/** Only the app's own page may call the main process; frames elsewhere (or gone) are refused. */
export function isTrustedSender(event: SenderEvent): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppPageUrl(url);
}

function messageOf(err: unknown): string {
  if (err instanceof z.ZodError) return 'Invalid request: ' + z.prettifyError(err).replace(/\n+/g, '; ');
  if (err instanceof Error && err.message) return err.message;
  return 'The operation failed.';
}

export type Registry = ReturnType<typeof createIpcRegistry>;

/**
 * One table of channel → schema → handler. `dispatch` checks the sender, validates the
 * payload, runs the handler and turns every failure into `{ ok: false, error }`.
 */
export function createIpcRegistry(routes: Record<string, Route>, log: (msg: string, err?: unknown) => void = () => {}) {
  async function dispatch(channel: string, event: SenderEvent, payload: unknown): Promise<IpcResult<unknown>> {
    if (!isTrustedSender(event)) {
      log(`IPC ${channel} refused: sender ${event.senderFrame?.url ?? '(none)'}`);
      return { ok: false, error: FOREIGN_SENDER };
    }
    const r = Object.hasOwn(routes, channel) ? routes[channel] : undefined;
    if (!r) return { ok: false, error: UNKNOWN_CHANNEL };
    const parsed = r.schema.safeParse(payload);
    if (!parsed.success) return { ok: false, error: messageOf(parsed.error) };
    try {
      return { ok: true, value: await r.handle(parsed.data, event) };
    } catch (err) {
      // The full error goes to the log; the window gets only the message.
      log(`IPC ${channel} failed`, err);
      return { ok: false, error: messageOf(err) };
    }
  }
  return { channels: Object.keys(routes), dispatch };
}

/** Wires the registry to `ipcMain.handle` (asynchronous invoke only; no `ipcMain.on`). */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, registry: Registry): void {
  for (const channel of registry.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => registry.dispatch(channel, event, payload));
  }
}
