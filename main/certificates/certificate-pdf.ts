// A printable certificate: a pdf-lib page with the learner, course, tier, issuer, status, the
// evidence and criteria, LinkedIn's "Add to profile" as a link, and for a server-issued one a QR
// code that opens its public verification page. A self-issued one says so across the page and
// tells how to check it (it has no page). pdf-lib and qrcode load on the first export, not at
// start-up (together about 150 ms of every launch otherwise).
import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { CredentialStatus } from '../../common/sync-api/achievement-credential';
import type { IssuedCertificateView } from '../../preload/contract/certificates';

const statusText: Record<CredentialStatus, string> = {
  valid: 'Valid: signature verified, not revoked, not expired.',
  'self-issued': "SELF-ISSUED: signed by the learner's own app; no server has checked the evidence.",
  revoked: 'REVOKED by its issuer.',
  expired: 'EXPIRED.',
  invalid: 'INVALID: the signature does not hold.',
};

/** A clickable link over [x, y, width, height] (pdf-lib draws text; the annotation makes it a link). */
async function addLink(doc: PDFDocument, page: PDFPage, rect: [number, number, number, number], url: string) {
  const { PDFString } = await import('pdf-lib');
  const [x, y, width, height] = rect;
  const annotation = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x, y, x + width, y + height],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
    }),
  );
  page.node.addAnnot(annotation);
}

export async function certificatePdf(cert: IssuedCertificateView, status: CredentialStatus): Promise<Uint8Array> {
  const [{ PDFDocument, rgb, StandardFonts, degrees }, { default: QRCode }] = await Promise.all([import('pdf-lib'), import('qrcode')]);
  const tierColour = { bronze: rgb(0.55, 0.35, 0.17), silver: rgb(0.45, 0.47, 0.5), gold: rgb(0.72, 0.55, 0.1) } as const;
  const tier = `${cert.tier.charAt(0).toUpperCase()}${cert.tier.slice(1)}`;
  const doc = await PDFDocument.create();
  doc.setTitle(`${cert.courseTitle}: ${tier} certificate${cert.selfIssued ? ' (self-issued)' : ''}`);
  doc.setAuthor(cert.issuerName);
  const page = doc.addPage([842, 595]); // A4 landscape
  const serif = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const sans = await doc.embedFont(StandardFonts.Helvetica);
  const ink = rgb(0.1, 0.1, 0.12);
  const link = rgb(0.1, 0.3, 0.6);
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: tierColour[cert.tier], borderWidth: 4 });
  if (cert.selfIssued) page.drawText('SELF-ISSUED', { x: 190, y: 170, size: 96, font: bold, color: rgb(0.85, 0.85, 0.87), rotate: degrees(20), opacity: 0.6 });
  const centre = (text: string, y: number, size: number, font = serif) =>
    page.drawText(text, { x: (842 - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color: ink });
  centre(cert.selfIssued ? 'Certificate of achievement (self-issued)' : 'Certificate of achievement', 500, 30, bold);
  centre('This certifies that', 455, 15);
  centre(cert.learnerName, 415, 30, bold);
  centre(`earned the ${tier} certificate for`, 380, 15);
  centre(cert.courseTitle, 345, 24, bold);
  centre(`Issued ${new Date(cert.issuedAt).toISOString().slice(0, 10)} by ${cert.issuerName}`, 315, 13);
  const left = (text: string, y: number, size = 9, font = sans, color = ink) => page.drawText(text, { x: 60, y, size, font, color, maxWidth: 720 });
  left(`Status: ${statusText[status]}`, 285, 10, sans, status === 'valid' ? rgb(0.07, 0.39, 0.16) : rgb(0.64, 0.05, 0.15));
  left(`Criteria: ${cert.criteria}`, 268);
  cert.evidence.slice(0, 4).forEach((line, i) => left(`Evidence: ${line}`, 253 - i * 13));
  const textX = cert.verifyUrl ? 195 : 60;
  if (cert.verifyUrl) {
    const qr = await QRCode.toBuffer(cert.verifyUrl, { margin: 1, width: 240 });
    page.drawImage(await doc.embedPng(qr), { x: 60, y: 50, width: 120, height: 120 });
    page.drawText('Verify this certificate (scan the code or open):', { x: textX, y: 150, size: 11, font: sans });
    page.drawText(cert.verifyUrl, { x: textX, y: 134, size: 9, font: sans, color: link });
    await addLink(doc, page, [textX, 130, sans.widthOfTextAtSize(cert.verifyUrl, 9), 12], cert.verifyUrl);
  } else {
    page.drawText('Verify: open the credential file in Dronacharya (Certificates > Check a credential); the key is named in it.', {
      x: textX,
      y: 134,
      size: 10,
      font: sans,
    });
  }
  page.drawText('Add to profile on LinkedIn', { x: textX, y: 112, size: 11, font: bold, color: link });
  await addLink(doc, page, [textX, 108, bold.widthOfTextAtSize('Add to profile on LinkedIn', 11), 14], cert.linkedInUrl);
  page.drawText(`Credential id: urn:uuid:${cert.id}`, { x: textX, y: 90, size: 9, font: sans });
  page.drawText('Open Badges 3.0 AchievementCredential, signed with Ed25519.', { x: textX, y: 74, size: 9, font: sans });
  return doc.save();
}
