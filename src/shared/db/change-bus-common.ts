import type { ChangeChannel, ChangeMessage } from './change-bus.js';

/* What both buses share (apart from change-bus.ts, which imports the buses, so no import runs in a circle). */

/** Every channel: the PostgreSQL bus LISTENs to all of them. */
export const changeChannels: readonly ChangeChannel[] = ['content_published', 'translation_reviewed'];

/** The longest payload (PostgreSQL allows 8,000 bytes; ours name a kind or a key). */
export const maxChangePayloadBytes = 1_000;

/** Listeners per channel, each called on its own: one that throws does not keep the message from the others. */
export function createSubscribers(onError: (error: unknown) => void = () => undefined) {
  const listeners = new Map<ChangeChannel, Set<(message: ChangeMessage) => void>>();
  return {
    add(channel: ChangeChannel, listener: (message: ChangeMessage) => void): () => void {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      // A listener added twice is called twice (each subscription stops on its own).
      const own = (message: ChangeMessage) => listener(message);
      set.add(own);
      return () => {
        set.delete(own);
      };
    },
    deliver(message: ChangeMessage): void {
      for (const listener of [...(listeners.get(message.channel) ?? [])]) {
        try {
          listener(message);
        } catch (error) {
          onError(error);
        }
      }
    },
    channels: (): ChangeChannel[] => [...listeners.keys()],
  };
}

export function checkPayload(payload: string): void {
  if (Buffer.byteLength(payload) > maxChangePayloadBytes) {
    throw new Error(`A change message holds at most ${maxChangePayloadBytes} bytes`);
  }
}
