import { readFileSync } from 'node:fs'

/** Linux's USER_HZ: /proc reports CPU time in ticks of 1/100 s on every architecture Linux ships. */
const TICKS_PER_SECOND = 100

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat. The load
 * targets' CPU per request is the framework's cost without the noise a shared machine puts on
 * throughput: the load generator and PostgreSQL compete for the same two cores.
 */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // the command name may hold spaces and parentheses: the fields that follow start after its last ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields from "state" on: utime and stime are the 12th and 13th (stat(5) fields 14 and 15)
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
}
