import type { FuzzReport } from './run-fuzz.ts'

/** Prints the summary; the last line is one JSON object. Returns whether the run failed. */
export function printFuzzReport(report: FuzzReport): boolean {
  console.log(
    `\n${report.inputs} inputs in ${report.seconds} s (seed ${report.seed}): ${report.http_inputs} HTTP, ${report.realtime_inputs} realtime clients, ${report.whatsapp_inputs} WhatsApp pipeline, ${report.parser_inputs} WhatsApp parser`,
  )
  console.log('\nby endpoint (answer → count):')
  for (const [endpoint, counts] of Object.entries(report.by_endpoint).sort(([a], [b]) => a.localeCompare(b))) {
    const total = Object.values(counts).reduce((n, c) => n + c, 0)
    const detail = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status}×${n}`).join(' ')
    console.log(`  ${endpoint.padEnd(48)} ${String(total).padStart(6)}  ${detail}`)
  }
  console.log(`\nby status: ${Object.entries(report.by_status).sort(([a], [b]) => a.localeCompare(b)).map(([s, n]) => `${s}×${n}`).join(' ')}`)
  console.log(`5xx answers: ${report.server_errors}`)
  console.log(`changed tables: ${report.changed_tables.length === 0 ? 'none' : report.changed_tables.map((c) => `${c.table} (${c.rows_before}→${c.rows_after}${c.content_changed ? ', content' : ''})`).join(', ')}`)
  console.log(`WhatsApp audit rows (stored inbound + queued replies, by design): ${report.whatsapp_audit_rows}`)
  console.log(`health after: ${Object.entries(report.health).map(([s, status]) => `${s} ${status}`).join(', ')}`)
  const failed = report.violations.length > 0 || report.server_errors > 0 || report.changed_rows > 0 || report.crashes > 0
  if (report.violations.length > 0) {
    console.log(`\nviolations (first ${report.violations.length}):`)
    for (const v of report.violations) console.log(`  #${v.input} ${v.endpoint}: ${v.rule}\n      ${v.sample}`)
  }
  console.log(failed ? '\nFAIL' : '\nPASS')
  console.log(JSON.stringify({ inputs: report.inputs, server_errors: report.server_errors, changed_rows: report.changed_rows, crashes: report.crashes, violations: report.violations.length, seed: report.seed }))
  return failed
}
