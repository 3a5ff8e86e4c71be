import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  /** Every message accepted, parsed. */
  received: ParsedMail[];
  /** SMTP_URL of this server. */
  url: string;
  close(): Promise<void>;
}

/**
 * A mail server on 127.0.0.1 for the tests, keeping what it receives. Recipients starting with
 * `refusePrefix` are refused for good (SMTP 550), as an unknown address would be.
 */
export async function startTestSmtp(options: { refusePrefix?: string } = {}): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const { refusePrefix } = options;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refusePrefix && address.address.startsWith(refusePrefix)) {
        callback(Object.assign(new Error("Adresse inconnue"), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
