/** A setting that is missing or invalid: names the variable and what it expects, never its value (it could be a secret). */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message)
    this.name = 'ConfigError'
  }
}
