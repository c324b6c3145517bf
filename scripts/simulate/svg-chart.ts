import type { StageStats } from './stages.ts'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A horizontal bar per agent stage (its wall-clock seconds), small enough to read in a Markdown page. */
export function stageChart(stages: StageStats[], title: string): string {
  const rows = stages.filter((s) => s.kind === 'agents')
  const width = 720
  const labelWidth = 190
  const barArea = width - labelWidth - 90
  const rowHeight = 26
  const height = 40 + rows.length * rowHeight
  const max = Math.max(1, ...rows.map((s) => s.seconds))
  const bars = rows.map((s, i) => {
    const y = 30 + i * rowHeight
    const w = Math.max(1, Math.round((s.seconds / max) * barArea))
    const fill = s.failures > 0 ? '#d9534f' : '#3b7dd8'
    return [
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escape(s.name)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" fill="${fill}"/>`,
      `<text x="${labelWidth + w + 6}" y="${y + 15}">${s.seconds} s · ${s.count}</text>`,
    ].join('')
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="18" font-weight="bold">${escape(title)}</text>`,
    ...bars,
    '</svg>',
    '',
  ].join('\n')
}
