import { beforeAll, describe, expect, test } from 'bun:test'
import { Value } from '@sinclair/typebox/value'
import { ResumeProfile } from '../../../shared/schemas/resume-profile.ts'
import { extractResumeText, type ResumeMime } from '../../../server2/agents/resume-parse/extract-resume-text.ts'
import { parseResume } from '../../../server2/agents/resume-parse/parse-resume.ts'
import { renderDocx, renderPdf, renderTxt } from './fixtures/render-resume.ts'
import { RESUMES, TODAY, type ResumeFixture } from './fixtures/resumes.ts'

const MIME: Record<ResumeFixture['format'], ResumeMime> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
}

async function render(fixture: ResumeFixture): Promise<Uint8Array> {
  if (fixture.format === 'pdf') return renderPdf(fixture.lines)
  if (fixture.format === 'docx') return renderDocx(fixture.lines)
  return renderTxt(fixture.lines)
}

test('the fixtures cover at least 12 resumes in every file format', () => {
  expect(RESUMES.length).toBeGreaterThanOrEqual(12)
  expect(new Set(RESUMES.map((r) => r.format))).toEqual(new Set(['pdf', 'docx', 'txt']))
})

describe.each(RESUMES.map((fixture) => [`${fixture.name} (${fixture.format})`, fixture] as const))('%s', (_, fixture) => {
  let profile: ResumeProfile
  beforeAll(async () => {
    const text = await extractResumeText(await render(fixture), MIME[fixture.format])
    profile = parseResume(text, { today: TODAY })
  })
  const { expected } = fixture

  test('matches the ResumeProfile schema', () => {
    expect([...Value.Errors(ResumeProfile, profile)]).toEqual([])
  })
  test('contact', () => expect(profile.contact).toEqual(expected.contact))
  test('experience entries', () => {
    expect(profile.experience.map(({ title, company, start, end, dates }) => ({ title, company, start, end, dates }))).toEqual(
      expected.experience,
    )
  })
  test('bullets stay with their job', () => {
    expect(profile.experience.map((e) => e.bullets.length)).toEqual(expected.bullet_counts)
  })
  test('education', () => expect(profile.education).toEqual(expected.education))
  test('total experience years', () => expect(profile.total_experience_years).toBe(expected.total_experience_years))
  test('current and expected CTC, notice period', () => {
    expect({
      current: profile.current_ctc_inr,
      expected: profile.expected_ctc_inr,
      notice: profile.notice_period_days,
    }).toEqual({ current: expected.current_ctc_inr, expected: expected.expected_ctc_inr, notice: expected.notice_period_days })
  })
  test('summary', () => {
    if (expected.summary === null) expect(profile.summary).toBeNull()
    else expect(profile.summary?.startsWith(expected.summary)).toBe(true)
  })
  test('projects and certifications', () => {
    expect({ projects: profile.projects, certifications: profile.certifications }).toEqual({
      projects: expected.projects,
      certifications: expected.certifications,
    })
  })
  test('skills carry evidence from the sections they appear in', () => {
    for (const [id, section] of Object.entries(expected.skills)) {
      const skill = profile.skills.find((s) => s.id === id)
      expect({ id, sections: skill?.evidence.map((e) => e.section).includes(section) }).toEqual({ id, sections: true })
    }
    for (const skill of profile.skills) expect(skill.evidence.length).toBeGreaterThan(0)
  })
})
