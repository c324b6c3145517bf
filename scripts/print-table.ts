const cell = (value: unknown) => (value === null || value === undefined ? '-' : String(value))

/** Prints rows as an aligned plain-text table (operators read these in a terminal). */
export function printTable(rows: Record<string, unknown>[]) {
  if (rows.length === 0) {
    console.log('(none)')
    return
  }
  const columns = Object.keys(rows[0]!)
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd()
  console.log(line(columns))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))))
}
