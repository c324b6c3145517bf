/** A failure a CLI means to report as one line: what is wrong and how to fix it. */
export class CliError extends Error {
  /** 2 for a wrong invocation (flags, arguments), 1 for everything else */
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** A wrong invocation: exit code 2, like parseArgs' own errors. */
export const usageError = (message: string) => new CliError(message, 2)
