import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { ReminderMessage } from './reminder-kind.js';

/** What became of one send: sent, worth trying again later (nothing was delivered), or failed for good. */
export type SendOutcome = { result: 'sent' } | { result: 'retry' | 'failed'; error: string };

/** Plain-text mail through SMTP_URL (nodemailer). Without SMTP_URL it is not configured and sends nothing. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async send(to: string, message: ReminderMessage): Promise<SendOutcome> {
    if (!this.transport) return { result: 'failed', error: 'no SMTP_URL' };
    try {
      await this.transport.sendMail({ from: this.config.mail.from, to, subject: message.subject, text: message.text });
      return { result: 'sent' };
    } catch (error) {
      return classify(error as { code?: string; command?: string; responseCode?: number });
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

/**
 * Only failures where nothing can have been delivered are retried: the connection never opened, or the server
 * answered 4xx (try later). A 5xx is final; anything else (e.g. the connection dropped after the message was sent)
 * might have delivered it, so it is not retried either: a reminder must never arrive twice. The error kept has no
 * address or text from the server (which may quote the recipient).
 */
export function classify(error: { code?: string; command?: string; responseCode?: number }): SendOutcome {
  const described = [error.code, error.command, error.responseCode].filter((part) => part !== undefined).join(' ') || 'unknown error';
  const code = error.responseCode;
  if (code !== undefined && code >= 400 && code < 500) return { result: 'retry', error: described };
  if (code === undefined && (error.command === 'CONN' || error.code === 'EDNS' || error.code === 'ECONNECTION')) return { result: 'retry', error: described };
  return { result: 'failed', error: described };
}
