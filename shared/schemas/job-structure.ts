import { type Static, Type as T } from '@sinclair/typebox'

export const Seniority = T.Union([
  T.Literal('intern'),
  T.Literal('entry'),
  T.Literal('mid'),
  T.Literal('senior'),
  T.Literal('lead'),
  T.Literal('manager'),
  T.Literal('director'),
])
export type Seniority = Static<typeof Seniority>

export const WorkMode = T.Union([T.Literal('remote'), T.Literal('hybrid'), T.Literal('onsite')])
export type WorkMode = Static<typeof WorkMode>

export const EmploymentType = T.Union([
  T.Literal('full_time'),
  T.Literal('part_time'),
  T.Literal('contract'),
  T.Literal('internship'),
  T.Literal('freelance'),
])

/** What Agent 7 (JD cleaning) extracts from a raw posting; stored in jobs.structured. */
export const JobStructure = T.Object({
  title: T.String(),
  title_normalized: T.String(),
  seniority: T.Union([Seniority, T.Null()]),
  /** canonical taxonomy ids */
  required_skills: T.Array(T.String()),
  nice_to_have_skills: T.Array(T.String()),
  experience_min_years: T.Union([T.Number(), T.Null()]),
  experience_max_years: T.Union([T.Number(), T.Null()]),
  /** annual INR; monthly stipends are annualised and flagged */
  salary_min_inr: T.Union([T.Number(), T.Null()]),
  salary_max_inr: T.Union([T.Number(), T.Null()]),
  salary_is_monthly_stipend: T.Boolean(),
  locations: T.Array(T.String()),
  work_mode: T.Union([WorkMode, T.Null()]),
  employment_type: T.Union([EmploymentType, T.Null()]),
  /** an address applications can be emailed to, when the posting gives one */
  apply_email: T.Union([T.String(), T.Null()]),
})
export type JobStructure = Static<typeof JobStructure>
