import { PDFDocument, StandardFonts } from 'pdf-lib'

const SAMPLE_RESUME = [
  'Priya Sharma',
  'Bengaluru, Karnataka | priya.sharma@example.in | +91 98450 12345',
  '',
  'SUMMARY',
  'Backend engineer with 4 years of experience building payment and logistics APIs.',
  '',
  'EXPERIENCE',
  'Software Engineer II, Swiftkart Logistics, Bengaluru    Jul 2022 - Present',
  '- Built order-tracking services in TypeScript and Node.js on PostgreSQL and Redis.',
  '- Cut p95 latency of the shipment API by 40% with query tuning and caching.',
  'Software Engineer, PayLane Fintech, Pune    Jun 2020 - Jun 2022',
  '- Wrote UPI reconciliation jobs in Python and Go; deployed on AWS with Docker and Kubernetes.',
  '',
  'EDUCATION',
  'B.Tech, Computer Science, VIT Vellore, 2020, CGPA 8.4',
  '',
  'SKILLS',
  'TypeScript, Node.js, Python, Go, PostgreSQL, Redis, AWS, Docker, Kubernetes, REST APIs',
  '',
  'Current CTC: 18 LPA | Notice period: 30 days',
]

/** A one-page PDF resume of a Bengaluru backend engineer, drawn with pdf-lib. */
export async function sampleResumePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([595, 842])
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  SAMPLE_RESUME.forEach((line, index) => page.drawText(line, { x: 48, y: 790 - index * 16, size: 10, font }))
  return pdf.save()
}
