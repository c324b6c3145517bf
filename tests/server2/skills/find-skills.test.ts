import { describe, expect, test } from 'bun:test'
import { findSkills, normalizeSkillName } from '../../../server2/agents/skills/find-skills.ts'

const ids = (text: string): string[] => findSkills(text).map((h) => h.id).sort()

// [text, exactly the skill ids expected]
const CASES: [string, string[]][] = [
  ['C, C++, C#', ['c', 'cpp', 'csharp']],
  ['Languages: C/C++', ['c', 'cpp']],
  ['C programming and data structures', ['c']],
  ['Worked with the C-suite on strategy', []],
  ['Led R&D for new products', []],
  ['Python, R and SQL', ['python', 'r-language', 'sql']],
  ['R.K. Sharma, Project Lead', []],
  ['Address: C/12, Sector 4, Noida', []],
  ['Objective-C and Swift developer', ['objective-c', 'swift']],
  ['React, Redux', ['react', 'redux']],
  ['Built apps in React Native', ['react-native']],
  ['Always react to customer escalations quickly', []],
  ['Java, JavaScript', ['java', 'javascript']],
  ['Core Java and J2EE', ['j2ee', 'java']],
  ['JS and TypeScript', ['javascript', 'typescript']],
  ['Node.js', ['nodejs']],
  ['node js', ['nodejs']],
  ['nodejs', ['nodejs']],
  ['Node, Express', ['expressjs', 'nodejs']],
  ['Node.js and Express', ['expressjs', 'nodejs']],
  ['.NET, ASP.NET Core, VB.NET', ['asp-net-core', 'dotnet', 'vb-net']],
  ['Go (lang) microservices', ['go', 'microservices']],
  ['Golang', ['go']],
  ['Proficient in Go and Python.', ['go', 'python']],
  ['Ready to go the extra mile', []],
  ['Involved in Go Live support', []],
  ['SQL, MySQL, PostgreSQL', ['mysql', 'postgresql', 'sql']],
  ['SQL Server 2019 and PL/SQL', ['pl-sql', 'sql-server']],
  ['MS SQL', ['sql-server']],
  ['CI/CD with Jenkins', ['ci-cd', 'jenkins']],
  ['AWS', ['aws']],
  ['Amazon Web Services (EC2, S3)', ['amazon-ec2', 'amazon-s3', 'aws']],
  ['Designed REST APIs', ['rest-api']],
  ['the rest of the team', []],
  ['Vue.js, Next.js', ['nextjs', 'vuejs']],
  ['Kubernetes (k8s) and Docker', ['docker', 'kubernetes']],
  ['Spring Boot, Spring', ['spring-boot', 'spring-framework']],
  ['Joined in Spring 2021 semester', []],
]

describe('findSkills', () => {
  test.each(CASES)('%p', (text, expected) => {
    expect(ids(text)).toEqual([...expected].sort())
  })

  test('reports where each skill was found', () => {
    const text = 'Node.js developer. Also nodejs.'
    const [hit] = findSkills(text)
    expect(hit?.matches).toEqual([
      { index: 0, text: 'Node.js' },
      { index: 24, text: 'nodejs' },
    ])
  })

  test('normalizeSkillName maps names and aliases in any spelling to ids', () => {
    expect(normalizeSkillName('node js')).toBe('nodejs')
    expect(normalizeSkillName('C++')).toBe('cpp')
    expect(normalizeSkillName('REST APIs')).toBe('rest-api')
    expect(normalizeSkillName('no such skill')).toBeNull()
  })
})
