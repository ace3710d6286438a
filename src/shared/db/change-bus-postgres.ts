import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { ChangeBus, ChangeChannel } from './change-bus.js';
import { changeChannels, checkPayload, createSubscribers } from './change-bus-common.js';

/*
 * The change bus on PostgreSQL: NOTIFY in the announcing transaction (PostgreSQL sends it at commit, and never
 * for a transaction that rolled back), LISTEN on one connection of this instance's own, outside the pool. The
 * payload on the wire is "<instance id> <payload>", so an instance knows its own messages (`fromHere`).
 *
 * When the listening connection breaks (the server restarted, an administrator ended it, the network), it is
 * opened again with back-off (0.1 s doubling to 5 s); once it listens again every subscriber gets
 * `{ missed: true }`, since what was announced meanwhile is lost.
 */

const reconnectDelays = { firstMs: 100, maxMs: 5_000 };

const channelSet = new Set<string>(changeChannels);

export function createPostgresChangeBus(url: string, onError: (error: unknown) => void = () => undefined): ChangeBus {
  const instance = randomUUID();
  const subscribers = createSubscribers(onError);
  let client: pg.Client | undefined;
  let stopped = true;
  let retry: NodeJS.Timeout | undefined;
  let delayMs = reconnectDelays.firstMs;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: url,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      // So an operator (and a test) can tell this connection in pg_stat_activity.
      application_name: 'nmk-change-bus',
    });
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost) return;
      lost = true;
      if (error !== undefined) onError(error);
      next.removeAllListeners('notification');
      // Closed on purpose (close()), or already replaced: nothing to do.
      if (client !== next || stopped) return;
      client = undefined;
      next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on('error', onLost);
    next.on('end', () => onLost());
    next.on('notification', (notification) => {
      if (!channelSet.has(notification.channel)) return;
      const text = notification.payload ?? '';
      const space = text.indexOf(' ');
      const from = space < 0 ? '' : text.slice(0, space);
      subscribers.deliver({
        channel: notification.channel as ChangeChannel,
        payload: space < 0 ? text : text.slice(space + 1),
        fromHere: from === instance,
      });
    });
    try {
      await next.connect();
      // Identifiers from the fixed list of channels (never from a message).
      for (const channel of changeChannels) await next.query(`LISTEN ${channel}`);
    } catch (error) {
      next.removeAllListeners('notification');
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
  };

  const scheduleReconnect = () => {
    if (stopped || retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect()
        .then(() => {
          if (stopped || client === undefined) return;
          delayMs = reconnectDelays.firstMs;
          for (const channel of changeChannels) subscribers.deliver({ channel, payload: '', missed: true });
        })
        .catch((error: unknown) => {
          onError(error);
          delayMs = Math.min(delayMs * 2, reconnectDelays.maxMs);
          scheduleReconnect();
        });
    }, delayMs);
    retry.unref();
  };

  return {
    async announce(trx, channel, payload) {
      checkPayload(payload);
      await sql`SELECT pg_notify(${channel}, ${`${instance} ${payload}`})`.execute(trx);
    },
    subscribe: (channel, listener) => subscribers.add(channel, listener),
    async start() {
      if (!stopped) return;
      stopped = false;
      delayMs = reconnectDelays.firstMs;
      try {
        await connect();
      } catch (error) {
        stopped = true;
        throw error;
      }
    },
    async close() {
      stopped = true;
      if (retry !== undefined) clearTimeout(retry);
      retry = undefined;
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
