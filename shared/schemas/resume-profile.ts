import { type Static, Type as T } from '@sinclair/typebox'

/** Where a skill was seen in a resume or JD: the section and the line that shows it. */
export const SkillEvidence = T.Object({
  section: T.String(),
  snippet: T.String(),
})

export const ProfileSkill = T.Object({
  /** canonical taxonomy id, e.g. "javascript" */
  id: T.String(),
  name: T.String(),
  category: T.String(),
  evidence: T.Array(SkillEvidence),
})
export type ProfileSkill = Static<typeof ProfileSkill>

export const ExperienceEntry = T.Object({
  title: T.String(),
  company: T.String(),
  /** ISO month "YYYY-MM" */
  start: T.Union([T.String(), T.Null()]),
  /** ISO month "YYYY-MM"; null means present */
  end: T.Union([T.String(), T.Null()]),
  /** the date text as written, e.g. "Jan 2019 - Present" */
  dates: T.String(),
  bullets: T.Array(T.String()),
})
export type ExperienceEntry = Static<typeof ExperienceEntry>

export const EducationEntry = T.Object({
  degree: T.String(),
  institution: T.String(),
  year: T.Union([T.Integer(), T.Null()]),
})

/** The structured profile Agent 3 (resume intelligence) extracts from a resume. */
export const ResumeProfile = T.Object({
  contact: T.Object({
    full_name: T.Union([T.String(), T.Null()]),
    email: T.Union([T.String(), T.Null()]),
    /** E.164, e.g. "+919876543210" */
    phone: T.Union([T.String(), T.Null()]),
    location: T.Union([T.String(), T.Null()]),
  }),
  summary: T.Union([T.String(), T.Null()]),
  experience: T.Array(ExperienceEntry),
  education: T.Array(EducationEntry),
  skills: T.Array(ProfileSkill),
  projects: T.Array(T.String()),
  certifications: T.Array(T.String()),
  total_experience_years: T.Number(),
  /** annual INR */
  current_ctc_inr: T.Union([T.Number(), T.Null()]),
  expected_ctc_inr: T.Union([T.Number(), T.Null()]),
  notice_period_days: T.Union([T.Integer(), T.Null()]),
})
export type ResumeProfile = Static<typeof ResumeProfile>
