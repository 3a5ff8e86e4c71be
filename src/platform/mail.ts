import nodemailer from "nodemailer";

/** What sending an e-mail needs: nodemailer's transporter, or a stand-in in tests. */
export interface Mailer {
  sendMail(message: {
    from: string;
    to: string;
    replyTo?: string;
    subject: string;
    text: string;
  }): Promise<unknown>;
  close?(): void;
}

/** An SMTP transport from SMTP_URL (smtp://user:pass@host:587 or smtps://…:465), with bounded waits. */
export function createSmtpMailer(smtpUrl: string): Mailer {
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}
