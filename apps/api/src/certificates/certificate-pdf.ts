
export interface CertificateContent {
  learnerName: string;
  courseTitle: string;
  courseVersion: number;
  hours: number;
  completedAt: Date;
  code: string;
  verifyUrl: string;
  locale: 'es' | 'en';
}

const TEXT = {
  es: { title: 'Certificado de finalización', certifies: 'Respeta certifica que', completed: 'completó el curso', version: 'versión', hours: 'horas', on: 'el', verify: 'Verifique este certificado en', code: 'Código de verificación' },
  en: { title: 'Certificate of completion', certifies: 'Respeta certifies that', completed: 'completed the course', version: 'version', hours: 'hours', on: 'on', verify: 'Verify this certificate at', code: 'Verification code' },
};

/** A one-page landscape A4 PDF with the essentials and a QR code pointing at the public verification page. */
export async function renderCertificatePdf(c: CertificateContent): Promise<Buffer> {
  // Loaded on first use: PDF and QR libraries stay out of the memory of processes that never issue one.
  const [{ default: PDFDocument }, { default: QRCode }] = await Promise.all([import('pdfkit'), import('qrcode')]);
  const t = TEXT[c.locale];
  const qr = await QRCode.toBuffer(c.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 300 });
  const date = new Intl.DateTimeFormat(c.locale === 'es' ? 'es-PE' : 'en-GB', { dateStyle: 'long', timeZone: 'America/Lima' }).format(c.completedAt);
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 56, info: { Title: `${t.title} — ${c.courseTitle}`, Author: 'Respeta' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const { width, height } = doc.page;
  doc.rect(24, 24, width - 48, height - 48).lineWidth(3).stroke('#5b2a86');
  doc.fillColor('#5b2a86').font('Helvetica-Bold').fontSize(30).text(t.title, 56, 80, { align: 'center', width: width - 112 });
  doc.moveDown(1.2).fillColor('#1d1d24').font('Helvetica').fontSize(15).text(t.certifies, { align: 'center', width: width - 112 });
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(26).text(c.learnerName, { align: 'center', width: width - 112 });
  doc.moveDown(0.6).font('Helvetica').fontSize(15).text(t.completed, { align: 'center', width: width - 112 });
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(18).text(c.courseTitle, { align: 'center', width: width - 112 });
  doc.moveDown(0.6).font('Helvetica').fontSize(13)
    .text(`${t.version} ${c.courseVersion} · ${c.hours} ${t.hours} · ${t.on} ${date}`, { align: 'center', width: width - 112 });
  doc.image(qr, width - 56 - 120, height - 56 - 140, { width: 120 });
  doc.fontSize(11).fillColor('#4a4a57').text(`${t.code}: ${c.code}`, 56, height - 56 - 60, { width: width - 260 });
  doc.text(`${t.verify} ${c.verifyUrl}`, { width: width - 260 });
  doc.end();
  return done;
}
