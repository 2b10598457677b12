/**
 * @module console/downloads
 * The one-time `credentials.csv` download of a newly created key ("each access key can be
 * downloaded only once", docs/reference/console-and-extension.md §2.5). Creating a key returns a ticket; the
 * first download with it answers the CSV and forgets the secret; later ones are refused (410).
 * An unused ticket lapses after TICKET_TTL_SECONDS on the emulator clock; it is remembered one
 * more TTL (so a late try hears "expired", not "unknown"), then dropped. Every ticket lives the
 * same time, so the Map's insertion order is expiry order: each new ticket drops lapsed ones from
 * the front and stops at the first live one (no scan of all tickets), and at most MAX_TICKETS are
 * kept, the oldest evicted first (⚠ UNCONFIRMED, an emulator bound on memory).
 */
import type { Clock } from '../domain/clock.js';
import { CREDENTIALS_CSV_HEADER } from './contract.js';
import { ConsoleError } from './console-error.js';
import { newOpaqueId } from './secrets.js';

export const TICKET_TTL_SECONDS = 600;
export const MAX_TICKETS = 10_000;

interface Ticket {
  user_id: string;
  domain_id: string;
  /** Emptied on first use, so the secret does not linger in memory. */
  csv: string;
  expires_at: number;
  used: boolean;
}

/** RFC 4180 quoting where a field needs it. */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Huawei's layout: a header row, then user name, AK, SK. */
export function credentialsCsv(userName: string, access: string, secret: string): string {
  return `${CREDENTIALS_CSV_HEADER.join(',')}\n${[userName, access, secret].map(field).join(',')}\n`;
}

export class DownloadBook {
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly clock: Clock,
    private readonly maxTickets = MAX_TICKETS,
  ) {}

  get size(): number {
    return this.tickets.size;
  }

  open(input: { user_id: string; domain_id: string; csv: string }): string {
    const now = this.clock.now();
    for (const [id, t] of this.tickets) {
      if (now < t.expires_at + TICKET_TTL_SECONDS * 1000 && this.tickets.size < this.maxTickets)
        break;
      this.tickets.delete(id);
    }
    const id = newOpaqueId();
    this.tickets.set(id, { ...input, expires_at: now + TICKET_TTL_SECONDS * 1000, used: false });
    return id;
  }

  /** The CSV, once, for the user who created the key. */
  take(ticketId: string, userId: string): string {
    const ticket = this.tickets.get(ticketId);
    if (!ticket || ticket.user_id !== userId) {
      throw new ConsoleError(
        'notFound',
        'No such download: the ticket is unknown or belongs to another user.',
      );
    }
    if (ticket.used) {
      throw new ConsoleError(
        'downloadUsed',
        'credentials.csv was already downloaded: each access key can be downloaded only once. If you lost it, delete the key and create a new one.',
      );
    }
    if (this.clock.now() >= ticket.expires_at) {
      ticket.csv = '';
      throw new ConsoleError(
        'downloadExpired',
        `The download expired (${TICKET_TTL_SECONDS / 60} minutes after creation). Delete the key and create a new one.`,
      );
    }
    const csv = ticket.csv;
    ticket.csv = '';
    ticket.used = true;
    return csv;
  }

  clear(domainId?: string): void {
    for (const [id, t] of this.tickets)
      if (domainId === undefined || t.domain_id === domainId) this.tickets.delete(id);
  }
}
