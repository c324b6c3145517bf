/**
 * Operator CLI: `bun run score RESUME_FILE JD_FILE [--roles "A,B"] [--title T] [--company C]`.
 * Parses the resume (PDF/DOCX/TXT) and cleans the posting (HTML or text) exactly as Agents 3 and
 * 7 do, then scores the pair as Agent 6 does with the default weights. Prints one JSON document
 * {score, components, explanation, ...}. No database needed.
 */
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { detectResumeType } from '../server1/resume/detect-resume-type.ts'
import { buildJobFeatureSet } from '../server2/agents/fit-score/job-features.ts'
import { featureOptions } from '../server2/agents/fit-score/score-delta.ts'
import { scoreJobForUser } from '../server2/agents/fit-score/score-job-for-user.ts'
import { buildUserFeatures } from '../server2/agents/fit-score/user-features.ts'
import { DEFAULT_WEIGHTS } from '../server2/agents/fit-score/weights.ts'
import { cleanJobDescription } from '../server2/agents/jd-clean/clean-job-description.ts'
import { inferPostingHeader } from '../server2/agents/jd-clean/infer-posting-header.ts'
import { extractResumeText } from '../server2/agents/resume-parse/extract-resume-text.ts'
import { parseResume } from '../server2/agents/resume-parse/parse-resume.ts'

const USAGE = 'usage: bun run score RESUME_FILE JD_FILE [--roles "Role A,Role B"] [--title TITLE] [--company COMPANY]'

function fail(message: string, exitCode = 1): never {
  console.error(JSON.stringify({ error: message }))
  process.exit(exitCode)
}

const { values, positionals } = parseArgs({
  args: Bun.argv.slice(2),
  options: { roles: { type: 'string' }, title: { type: 'string' }, company: { type: 'string' } },
  allowPositionals: true,
  strict: true,
})
const [resumePath, jdPath] = positionals
if (!resumePath || !jdPath || positionals.length > 2) fail(USAGE, 2)

const resumeFile = Bun.file(resumePath)
const jdFile = Bun.file(jdPath)
if (!(await resumeFile.exists())) fail(`file not found: ${resumePath}`)
if (!(await jdFile.exists())) fail(`file not found: ${jdPath}`)

const bytes = new Uint8Array(await resumeFile.arrayBuffer())
const type = await detectResumeType(bytes, basename(resumePath))
if ('error' in type) fail(type.error)
let profile
try {
  profile = parseResume(await extractResumeText(bytes, type.mime))
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}

const raw = await jdFile.text()
const header = inferPostingHeader(raw)
const title = values.title ?? header.title
if (!title) fail(`could not find a job title in ${jdPath}; pass --title`, 2)
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
