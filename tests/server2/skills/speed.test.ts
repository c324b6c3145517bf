import { expect, test } from 'bun:test'
import { findSkills } from '../../../server2/agents/skills/find-skills.ts'

// Timing is printed, not asserted: the shared CI machine is too noisy for a hard limit.
const RESUME_PAGE = `EXPERIENCE
Infosys Limited, Technology Lead, Pune (Jun 2019 - Present)
- Built REST APIs in Java, Spring Boot and Hibernate on AWS (EC2, S3, Lambda), PostgreSQL and Redis.
- Migrated a monolith to microservices on Kubernetes with Docker, Jenkins CI/CD and Terraform.
- Led sprint planning and code reviews for 6 engineers in an Agile/Scrum team; mentored juniors.
- Built Power BI dashboards and automated MIS reports with Advanced Excel (VLOOKUP, pivot tables) and VBA.
Tata Consultancy Services, Systems Engineer, Chennai, Tamil Nadu (Jul 2016 - May 2019)
- Developed React and Node.js applications, wrote unit tests in Jest and JUnit, automated Selenium suites.
- Handled L2 production support in ServiceNow; coordinated with business analysts on requirements gathering.
SKILLS: C, C++, Python, R, Go (lang), SQL, MongoDB, Kafka, Git, Jira, Linux, communication, leadership.
`

const JD = (n: number): string => `Accounts Executive ${n} - Mumbai, 4-6 LPA
Maintain books of accounts in Tally Prime; file GST returns (GSTR-1, GSTR-3B); TDS returns (24Q, 26Q).
Bank reconciliation, vendor reconciliation, accounts payable and receivable, MIS in Advanced Excel.
Good communication skills in English and Hindi. SAP FICO is a plus. Go through our website to apply.
`

test('speed: a five-page resume and 30,000 JDs', () => {
  const resume = RESUME_PAGE.repeat(20)
  findSkills(resume)
  const runs = 200
  let t = performance.now()
  for (let i = 0; i < runs; i++) findSkills(resume)
  const resumeMs = (performance.now() - t) / runs
  t = performance.now()
  let hits = 0
  for (let i = 0; i < 30_000; i++) hits += findSkills(JD(i)).length
  const jdSeconds = (performance.now() - t) / 1000
  console.log(
    `findSkills: ${resume.length}-char resume in ${resumeMs.toFixed(2)} ms; 30,000 JDs in ${jdSeconds.toFixed(2)} s`,
  )
  expect(hits).toBeGreaterThan(30_000)
}, 60_000)
