// The monthly report e-mail as one MIME message: the summary's HTML and plain-text twins as alternatives,
// the printed report attached. The dry run writes these bytes; sending hands the same bytes to SMTP.
import MailComposer from 'nodemailer/lib/mail-composer';

export interface ReportMessage {
  /** "Name <address>", or the two apart. */
  from: string | { name: string; address: string };
  /** Addresses; none is allowed for a dry run. */
  to: readonly string[];
  subject: string;
  /** The whole HTML part. */
  html: string;
  /** The plain-text part. */
  text: string;
  pdf: Uint8Array;
  pdfFileName: string;
  /** The message's Date header. */
  date: Date;
}

/** The raw RFC 5322 message (CRLF line ends): multipart/mixed of multipart/alternative (text, html) and the PDF. */
export async function reportMessageBytes(message: ReportMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.from,
    to: [...message.to],
    subject: message.subject,
    date: message.date,
    text: message.text,
    html: message.html,
    attachments: [{ filename: message.pdfFileName, content: Buffer.from(message.pdf), contentType: 'application/pdf' }],
    // A report, not a conversation: out-of-office replies and auto-responders leave it alone (RFC 3834).
    headers: { 'Auto-Submitted': 'auto-generated' },
    // Everything the message holds is given here; nothing is read from disk or the network while composing.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
