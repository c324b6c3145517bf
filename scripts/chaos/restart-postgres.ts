/**
 * Restarts the local PostgreSQL cluster the way an operator (or a crash and systemd) would:
 * every connection of every server drops at once. Needs the Debian cluster tools; the command
 * can be overridden with CHAOS_PG_RESTART (e.g. for a cluster with another version or name).
 */
export async function restartPostgres(): Promise<void> {
  const command = (process.env.CHAOS_PG_RESTART ?? 'pg_ctlcluster --skip-systemctl-redirect 15 main restart').split(' ')
  const child = Bun.spawn(command, { stdout: 'pipe', stderr: 'pipe' })
  const code = await child.exited
  if (code !== 0) throw new Error(`${command.join(' ')} exited ${code}: ${await new Response(child.stderr).text()}`)
}
