/**
 * `bun run simulate --users N --jobs M --speed X [--seed S] [--report docs/simulation.md|none]`
 *
 * Plays one IST day of Talvix on a fresh database (PostgreSQL at TEST_DATABASE_URL or the local
 * default; embedded PGlite when none answers) with the three servers as processes: N generated
 * users sign up through Server 1 (resume upload → onboarding, roles, platform logins through the
 * vault — some already expired — WhatsApp numbers, review mode, plans), M postings are served by
 * local Naukri/LinkedIn/Indeed/Greenhouse fixtures, and the real schedules fire at compressed
 * times through fire_schedule(): 19:30 session health, 20:00 scrape → JD cleaning → delta fit
 * scoring → apply, 03:30 retention, 05:00 calibration, 07:00 coach; users approve, chat on WhatsApp, pay and read
 * notifications in between. Prints the stage report and the invariants; the last line is one
 * JSON object; exit code 1 if any invariant fails. Writes the report to docs/simulation.md.
 */
import { writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { runCli } from '#shared/cli/run-cli.ts'
import { parseOptions } from './simulate/options.ts'
import { jsonLine, markdownReport, type SimulationResult, textReport } from './simulate/report.ts'
import { runDay } from './simulate/run-day.ts'
import { stageChart } from './simulate/svg-chart.ts'

/** Prints the report and writes the Markdown + SVG; true when every invariant passed. */
export async function publish(result: SimulationResult, reportPath: string | null, title: string): Promise<boolean> {
  if (reportPath) {
    const chart = join(dirname(reportPath), `${basename(reportPath, '.md')}-stages.svg`)
    await writeFile(chart, stageChart(result.stages, `${title}: stage wall time (s) · runs`))
    await writeFile(reportPath, markdownReport(result, basename(chart)))
  }
  for (const line of textReport(result)) console.log(line)
  console.log(jsonLine(result))
  return result.invariants.every((i) => i.pass)
}

if (import.meta.main) {
  const options = await runCli('simulate', () => parseOptions(process.argv.slice(2)), {
    usage: 'bun run simulate [--users N] [--jobs M] [--speed X] [--seed S] [--report docs/simulation.md|none]',
  })
  const command = `bun run simulate --users ${options.users} --jobs ${options.jobs} --speed ${options.speed} --seed ${options.seed}`
  const result = await runDay(options, command)
  const passed = await publish(result, options.reportPath, `${options.users} users, ${options.jobs} jobs`)
  process.exit(passed ? 0 : 1)
}
