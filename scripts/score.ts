/**
 * Operator CLI: `bun run score RESUME_FILE JD_FILE [--roles "A,B"] [--title T] [--company C]`.
 * Parses the resume (PDF/DOCX/TXT) and cleans the posting (HTML or text) exactly as Agents 3 and
 * 7 do, then scores the pair as Agent 6 does with the default weights. Prints one JSON document
 * {score, components, explanation, ...}. No database needed.
 */
import { parseArgs } from 'node:util'
import { CliError, usageError } from '#shared/cli/cli-error.ts'
import { runCli } from '#shared/cli/run-cli.ts'
import { buildJobFeatureSet } from '../server2/agents/fit-score/job-features.ts'
import { featureOptions } from '../server2/agents/fit-score/score-delta.ts'
import { scoreJobForUser } from '../server2/agents/fit-score/score-job-for-user.ts'
import { buildUserFeatures } from '../server2/agents/fit-score/user-features.ts'
import { DEFAULT_WEIGHTS } from '../server2/agents/fit-score/weights.ts'
import { cleanJobDescription } from '../server2/agents/jd-clean/clean-job-description.ts'
import { inferPostingHeader } from '../server2/agents/jd-clean/infer-posting-header.ts'
import { readResumeProfile } from './cli/read-resume-profile.ts'

const USAGE = 'bun run score RESUME_FILE JD_FILE [--roles "Role A,Role B"] [--title TITLE] [--company COMPANY]'

await runCli('score', async () => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { roles: { type: 'string' }, title: { type: 'string' }, company: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  })
  const [resumePath, jdPath] = positionals
  if (!resumePath || !jdPath || positionals.length > 2) throw usageError('expected RESUME_FILE and JD_FILE')

  const jdFile = Bun.file(jdPath)
  if (!(await jdFile.exists())) throw new CliError(`file not found: ${jdPath}`)
  const profile = await readResumeProfile(resumePath)

  const raw = await jdFile.text()
  const header = inferPostingHeader(raw)
  const title = values.title ?? header.title
  if (!title) throw usageError(`could not find a job title in ${jdPath}; pass --title`)
  const company = values.company ?? header.company ?? ''
  const cleaned = cleanJobDescription({ title, company, location_text: header.location_text, raw_jd: raw })

  const { space, jobs } = buildJobFeatureSet(
    [{ job_id: 'jd', title, company, structure: cleaned.structure, clean_text: cleaned.clean_text }],
    featureOptions,
  )
  const user = buildUserFeatures(space, {
    user_id: 'resume',
    profile,
    target_roles: values.roles ? values.roles.split(',').map((r) => r.trim()).filter((r) => r !== '') : [],
    locations: [],
    expected_salary_inr: null,
  })
  const result = scoreJobForUser(user, jobs[0] as (typeof jobs)[number], DEFAULT_WEIGHTS)
  console.log(
    JSON.stringify(
      {
        score: result.score,
        components: result.components,
        explanation: result.explanation,
        weights: DEFAULT_WEIGHTS,
        job: { title, company, required_skills: cleaned.structure.required_skills, nice_to_have_skills: cleaned.structure.nice_to_have_skills },
        resume: { name: profile.contact.full_name, skills: profile.skills.map((s) => s.id), total_experience_years: profile.total_experience_years },
      },
      null,
      2,
    ),
  )
}, { usage: USAGE, json: true })
