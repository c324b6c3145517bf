import { describe, expect, test } from 'bun:test'
import { findSkills, normalizeSkillName } from '../../../server2/agents/skills/find-skills.ts'

const ids = (text: string): string[] => findSkills(text).map((h) => h.id).sort()

// [text, exactly the skill ids expected]
const CASES: [string, string[]][] = [
  ['C, C++, C#', ['c', 'cpp', 'csharp']],
  ['Languages: C/C++', ['c', 'cpp']],
  ['C programming and data structures', ['c', 'data-structures-and-algorithms']],
  ['Worked with the C-suite on strategy', []],
  ['Led R&D for new products', []],
  ['Python, R and SQL', ['python', 'r-language', 'sql']],
  ['R.K. Sharma, Project Lead', []],
  ['Address: C/12, Sector 4, Noida', []],
  ['Objective-C and Swift developer', ['objective-c', 'swift']],
  ['React, Redux', ['react', 'redux']],
  ['Built apps in React Native', ['react-native']],
  ['We react quickly when plans change', []],
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
  ['Fluent in French and German', ['french', 'german']],
  ['Loves French fries', []],
  ['ML, AI', ['artificial-intelligence', 'machine-learning']],
  ['Drinks 500 ml of water', []],
  ['Machine Learning and Deep Learning', ['deep-learning', 'machine-learning']],
  ['Excel, MS Excel, Advanced Excel', ['excel']],
  ['Proficient in Excel and PowerPoint', ['excel', 'microsoft-powerpoint']],
  ['I excel in sales negotiations', ['negotiation-skills']],
  ['Power BI dashboards', ['data-visualization', 'power-bi']],
  ['GST returns (GSTR-1, GSTR-3B)', ['gst-returns-filing']],
  ['GST compliance and TDS', ['gst', 'tds']],
  ['Tally ERP 9', ['tally-erp-9']],
  ['Tally.ERP 9 and TallyPrime', ['tally-erp-9', 'tally-prime']],
  ['Knowledge of Tally', ['tally']],
  ['Tally the cash book daily', ['petty-cash-management']],
  ['Bank reconciliation, accounts payable & receivable', ['accounts-payable', 'accounts-receivable', 'bank-reconciliation']],
  ['SAP FICO and SAP MM', ['sap-fico', 'sap-mm']],
  ['P&L management', ['p-and-l-management']],
  ['PF/ESI compliance and payroll', ['payroll', 'pf-esi-compliance']],
  ['Inside sales, B2B sales, channel sales', ['b2b-sales', 'channel-sales', 'inside-sales']],
  ['Google Ads, Meta Ads, SEO', ['google-ads', 'meta-ads', 'seo']],
  ['Voice and non-voice process', ['non-voice-process']],
  ['Voice process, Zoho CRM, Freshdesk', ['freshdesk', 'voice-process', 'zoho-crm']],
  ['UI/UX, Figma, CorelDRAW, AutoCAD', ['autocad', 'coreldraw', 'figma', 'ui-ux-design']],
  ['Lives in Chennai, Tamil Nadu', []],
  ['Languages: Tamil, Hindi, English', ['english', 'hindi', 'tamil']],
  ['Worked at TCS and ITC', []],
  ['SQL injection testing', []],
  ['CI/CD and CI-CD and cicd', ['ci-cd']],
  ['Scikit-learn, scikit learn, sklearn', ['scikit-learn']],
  ['Father: R. K. Sharma', []],
  ['python, go, rust', ['go', 'python', 'rust']],
  ['We move forward with unity.', []],
  ['ms office, excel, word', ['excel', 'microsoft-office', 'microsoft-word']],
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
