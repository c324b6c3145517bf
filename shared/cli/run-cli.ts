import { describeFailure } from './describe-failure.ts'

export interface CliOptions {
  /** the command line to show after a wrong invocation (exit code 2) */
  usage?: string
  /** print a failure as {"error": "..."}: for CLIs whose output contract is JSON */
  json?: boolean
}

/**
 * The entry point of every CLI and of `bun run serverN`: runs main (the whole command, or the
 * checks before a long run) and returns its result. A failure with an outside cause (a wrong
 * flag, an unreachable database, a missing file, a bad setting) prints one line on stderr —
 * `name: what is wrong and how to fix it` — and exits non-zero; anything else is a bug and is
 * rethrown with its stack.
 */
export async function runCli<T>(name: string, main: () => Promise<T> | T, options: CliOptions = {}): Promise<T> {
  try {
    return await main()
  } catch (error) {
    const failure = describeFailure(error)
    if (!failure) throw error
    // one line, always: some messages (parseArgs') come with line breaks
    const what = failure.line.replace(/\s*\n\s*/g, ' ')
    const line = failure.exitCode === 2 && options.usage ? `${what} (usage: ${options.usage})` : what
    console.error(options.json ? JSON.stringify({ error: line }) : `${name}: ${line}`)
    process.exit(failure.exitCode)
  }
}
