/**
 * Writes `.env.example` from shared/config/env-schema.ts, so the documented variables can never
 * drift from the validated ones. `--check` exits 1 when the file is stale (lint runs it).
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { TSchema } from '@sinclair/typebox'
import { runCli } from '#shared/cli/run-cli.ts'
import { EnvSchema } from '#shared/config/env-schema.ts'

const TARGET = join(import.meta.dir, '..', '.env.example')

export function renderEnvExample(): string {
  const required = new Set<string>(EnvSchema.required ?? [])
  const lines = [
    '# Talvix configuration. Copy to .env (never committed); the real environment wins over .env.',
    '# `bun run dev` needs none of this: it uses an embedded database and generates local secrets.',
    '# Generated from shared/config/env-schema.ts by `bun run gen:env`.',
    '',
  ]
  for (const [name, schema] of Object.entries(EnvSchema.properties) as [string, TSchema][]) {
    const hasDefault = schema.default !== undefined
    const status = hasDefault ? `default ${JSON.stringify(schema.default)}` : required.has(name) ? 'required' : 'optional'
    const purpose = typeof schema.title === 'string' ? `${schema.title}. ` : ''
    lines.push(`# ${purpose}Expected: ${schema.description ?? 'a value'} (${status})`)
    lines.push(`${hasDefault || !required.has(name) ? '# ' : ''}${name}=${hasDefault ? String(schema.default) : ''}`)
  }
  return `${lines.join('\n')}\n`
}

if (import.meta.main) {
  await runCli('gen:env', async () => {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { check: { type: 'boolean', default: false } }, strict: true })
    const next = renderEnvExample()
    const file = Bun.file(TARGET)
    const current = (await file.exists()) ? await file.text() : ''
    if (values.check) {
      if (current === next) return
      console.error('.env.example is stale: run bun run gen:env')
      process.exit(1)
    }
    if (current !== next) {
      await Bun.write(TARGET, next)
      console.log('wrote .env.example')
    }
  }, { usage: 'bun run gen:env [--check]' })
}
