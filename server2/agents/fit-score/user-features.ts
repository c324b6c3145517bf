import type { ResumeProfile } from '../../../shared/schemas/resume-profile.ts'
import { EMPTY_VECTOR, queryVector, type SparseVector } from './bm25.ts'
import type { FeatureSpace } from './feature-space.ts'
import { internSet } from './interner.ts'
import { type PlacePreference, placePreference } from './location-fit.ts'
import { textTokens } from './text-tokens.ts'
import { isSpecificRoleTerm, type RoleVector, roleVector } from './title-similarity.ts'

/** A user as scoring sees them: the parsed resume plus the preferences from `users`. */
export interface UserInput {
  readonly user_id: string
  readonly profile: ResumeProfile
  readonly target_roles: readonly string[]
  readonly locations: readonly string[]
  readonly expected_salary_inr: number | null
  /** the resume's extracted text when kept; otherwise it is composed from the profile */
  readonly resume_text?: string | null
}

/** Everything scoring needs about one user, precomputed once per run. */
export interface UserFeatures {
  readonly user_id: string
  /** interned skill ids, ascending */
  readonly skills: Uint32Array
  /** skills that retrieve candidates (not soft skills or languages), ascending */
  readonly indexSkills: Uint32Array
  /** target roles, or the latest job titles when none are set */
  readonly roles: readonly RoleVector[]
  /** interned specific role terms, for candidate generation */
  readonly roleIndexTerms: Uint32Array
  readonly years: number
  readonly places: PlacePreference
  /** annual INR */
  readonly expectedSalary: number | null
  readonly text: SparseVector
}

/** Without stated target roles the latest titles say what the user does. */
const FALLBACK_TITLES = 2
/** Without a stated expectation, Indian job switches typically ask ~20 % over current CTC. */
const HIKE_OVER_CURRENT = 1.2

function profileText(profile: ResumeProfile): string {
  return [
    profile.summary ?? '',
    ...profile.experience.flatMap((e) => [e.title, ...e.bullets]),
    ...profile.skills.map((s) => s.name),
    ...profile.projects,
    ...profile.certifications,
  ].join('\n')
}

function expectedSalary(input: UserInput): number | null {
  if (input.expected_salary_inr !== null && input.expected_salary_inr > 0) return input.expected_salary_inr
  const { expected_ctc_inr: expected, current_ctc_inr: current } = input.profile
  if (expected !== null && expected > 0) return expected
  return current !== null && current > 0 ? Math.round(current * HIKE_OVER_CURRENT) : null
}

/**
 * Builds one user's features against the space of the run's jobs (see
 * `buildJobFeatureSet`), which supplies the text statistics and vocabularies.
 */
export function buildUserFeatures(space: FeatureSpace, input: UserInput): UserFeatures {
  const { profile } = input
  for (const skill of profile.skills) space.learnSkillName(skill.id, skill.name)
  const roleTitles =
    input.target_roles.length > 0
      ? input.target_roles
      : profile.experience.slice(0, FALLBACK_TITLES).map((e) => e.title).filter((t) => t.trim() !== '')
  const roles = roleTitles.map((title) => roleVector(title, space.roleTerms)).filter((r) => r.total > 0)
  const indexTerms = new Set<number>()
  for (const role of roles) {
    for (const id of role.ids) if (isSpecificRoleTerm(space.roleTerms.keyOf(id))) indexTerms.add(id)
  }
  const locations = input.locations.length > 0 ? input.locations : profile.contact.location === null ? [] : [profile.contact.location]
  const text = input.resume_text?.trim() || profileText(profile)
  return {
    user_id: input.user_id,
    skills: internSet(space.skills, profile.skills.map((s) => s.id)),
    indexSkills: internSet(
      space.skills,
      profile.skills.map((s) => s.id).filter((id) => !space.isLowSignalSkill(id)),
    ),
    roles,
    roleIndexTerms: Uint32Array.from(indexTerms).sort(),
    years: Math.max(0, profile.total_experience_years),
    places: placePreference(locations),
    expectedSalary: expectedSalary(input),
    text: text === '' ? EMPTY_VECTOR : queryVector(textTokens(text), space.terms, space.corpus),
  }
}
