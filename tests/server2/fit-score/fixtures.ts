/**
 * Hand-written profiles and cleaned jobs for the fit-scoring tests, shaped as
 * the resume-intelligence and JD-cleaning agents produce them, with relevance
 * labels a recruiter would give (2 = apply now, 1 = plausible, 0 = not for them).
 */
import type { JobStructure } from '../../../shared/schemas/job-structure.ts'
import type { ResumeProfile } from '../../../shared/schemas/resume-profile.ts'
import type { JobInput } from '../../../server2/agents/fit-score/job-features.ts'
import type { UserInput } from '../../../server2/agents/fit-score/user-features.ts'

const LPA = 100_000

interface Role {
  title: string
  company: string
  start: string
  end: string | null
  bullets: string[]
}

export function profile(p: {
  name: string
  location: string
  summary: string
  years: number
  roles: Role[]
  skills: [id: string, name: string][]
  currentLpa?: number
  expectedLpa?: number
}): ResumeProfile {
  return {
    contact: { full_name: p.name, email: null, phone: null, location: p.location },
    summary: p.summary,
    experience: p.roles.map((r) => ({ ...r, dates: `${r.start} - ${r.end ?? 'Present'}` })),
    education: [],
    skills: p.skills.map(([id, name]) => ({ id, name, category: 'test', evidence: [] })),
    projects: [],
    certifications: [],
    total_experience_years: p.years,
    current_ctc_inr: p.currentLpa === undefined ? null : p.currentLpa * LPA,
    expected_ctc_inr: p.expectedLpa === undefined ? null : p.expectedLpa * LPA,
    notice_period_days: null,
  }
}

export function posting(
  job_id: string,
  title: string,
  company: string,
  s: {
    req: string[]
    nice?: string[]
    years?: [number | null, number | null]
    lpa?: [number | null, number | null]
    loc: string[]
    mode?: JobStructure['work_mode']
    seniority?: JobStructure['seniority']
    text: string
  },
): JobInput {
  const structure: JobStructure = {
    title,
    title_normalized: title.toLowerCase(),
    seniority: s.seniority ?? null,
    required_skills: s.req,
    nice_to_have_skills: s.nice ?? [],
    experience_min_years: s.years?.[0] ?? null,
    experience_max_years: s.years?.[1] ?? null,
    salary_min_inr: s.lpa?.[0] == null ? null : s.lpa[0] * LPA,
    salary_max_inr: s.lpa?.[1] == null ? null : s.lpa[1] * LPA,
    salary_is_monthly_stipend: false,
    locations: s.loc,
    work_mode: s.mode ?? 'onsite',
    employment_type: 'full_time',
    apply_email: null,
  }
  return { job_id, title, company, structure, clean_text: s.text }
}

export const USERS: Record<'priya' | 'rahul' | 'sunita' | 'arjun' | 'vikram', UserInput> = {
  priya: {
    user_id: 'priya',
    target_roles: ['Frontend Developer', 'SDE'],
    locations: ['Bengaluru'],
    expected_salary_inr: 22 * LPA,
    profile: profile({
      name: 'Priya Raghavan',
      location: 'Bangalore, Karnataka',
      summary: 'Frontend engineer with 4 years building React and TypeScript web apps for e-commerce and fintech.',
      years: 4,
      currentLpa: 17,
      roles: [
        {
          title: 'Software Engineer - Frontend',
          company: 'Razorpay',
          start: '2022-03',
          end: null,
          bullets: [
            'Built the merchant dashboard in React, TypeScript and Redux used by 50k merchants',
            'Migrated pages to Next.js server rendering, cutting page load by 40%',
            'Wrote Jest and React Testing Library unit tests; raised coverage to 85%',
          ],
        },
        {
          title: 'UI Developer',
          company: 'Mindtree',
          start: '2020-01',
          end: '2022-02',
          bullets: ['Responsive HTML, CSS and JavaScript pages; webpack build tuning', 'Integrated REST APIs'],
        },
      ],
      skills: [
        ['javascript', 'JavaScript'],
        ['typescript', 'TypeScript'],
        ['react', 'React'],
        ['redux', 'Redux'],
        ['html', 'HTML'],
        ['css', 'CSS'],
        ['nextjs', 'Next.js'],
        ['jest', 'Jest'],
        ['git', 'Git'],
        ['rest-api', 'REST APIs'],
        ['webpack', 'Webpack'],
        ['tailwind-css', 'Tailwind CSS'],
      ],
    }),
  },
  rahul: {
    user_id: 'rahul',
    target_roles: ['Data Analyst', 'Business Analyst'],
    locations: ['Delhi NCR'],
    expected_salary_inr: 9 * LPA,
    profile: profile({
      name: 'Rahul Verma',
      location: 'Gurgaon',
      summary: 'Data analyst turning sales and operations data into dashboards and insights.',
      years: 2.5,
      roles: [
        {
          title: 'Data Analyst',
          company: 'Zomato',
          start: '2022-06',
          end: null,
          bullets: [
            'Wrote SQL queries over order data and built Power BI dashboards for city operations teams',
            'Automated weekly Excel reports with Python and pandas, saving 10 hours a week',
            'Ran statistical analysis of delivery times and presented insights to stakeholders',
          ],
        },
      ],
      skills: [
        ['sql', 'SQL'],
        ['excel', 'Excel'],
        ['power-bi', 'Power BI'],
        ['python', 'Python'],
        ['pandas', 'pandas'],
        ['tableau', 'Tableau'],
        ['statistics', 'Statistics'],
        ['data-visualization', 'Data Visualization'],
      ],
    }),
  },
  sunita: {
    user_id: 'sunita',
    target_roles: ['Accountant', 'Accounts Executive'],
    locations: ['Pune'],
    expected_salary_inr: 6.5 * LPA,
    profile: profile({
      name: 'Sunita Kulkarni',
      location: 'Pune',
      summary: 'B.Com accountant with 6 years in Tally ERP, GST returns, TDS and month-end closing.',
      years: 6,
      roles: [
        {
          title: 'Senior Accountant',
          company: 'Kalyani Traders',
          start: '2019-04',
          end: null,
          bullets: [
            'Maintained books of accounts in Tally ERP 9 and Tally Prime; ledger scrutiny and bank reconciliation',
            'Filed GSTR-1 and GSTR-3B monthly GST returns; TDS deduction and quarterly TDS returns',
            'Accounts payable and receivable, vendor payments, monthly MIS reports in Excel',
          ],
        },
      ],
      skills: [
        ['tally', 'Tally ERP'],
        ['gst', 'GST'],
        ['tds', 'TDS'],
        ['accounts-payable', 'Accounts Payable'],
        ['accounts-receivable', 'Accounts Receivable'],
        ['bank-reconciliation', 'Bank Reconciliation'],
        ['excel', 'Excel'],
        ['mis-reporting', 'MIS Reporting'],
        ['income-tax', 'Income Tax'],
        ['bookkeeping', 'Bookkeeping'],
      ],
    }),
  },
  arjun: {
    user_id: 'arjun',
    target_roles: ['Inside Sales Executive', 'Business Development Executive'],
    locations: ['Noida'],
    expected_salary_inr: 4.5 * LPA,
    profile: profile({
      name: 'Arjun Singh',
      location: 'Noida',
      summary: 'Inside sales executive with 18 months of B2B software sales over phone and email.',
      years: 1.5,
      roles: [
        {
          title: 'Inside Sales Executive',
          company: 'IndiaMART',
          start: '2023-01',
          end: null,
          bullets: [
            'Made 80+ cold calls a day to SME owners; qualified leads and booked demos',
            'Managed pipeline in Salesforce CRM; closed 120 subscriptions, 110% of quota',
            'Lead generation on LinkedIn; negotiation of annual plans',
          ],
        },
      ],
      skills: [
        ['inside-sales', 'Inside Sales'],
        ['lead-generation', 'Lead Generation'],
        ['cold-calling', 'Cold Calling'],
        ['crm', 'CRM'],
        ['salesforce', 'Salesforce'],
        ['negotiation', 'Negotiation'],
        ['communication', 'Communication'],
        ['b2b-sales', 'B2B Sales'],
      ],
    }),
  },
  vikram: {
    user_id: 'vikram',
    target_roles: ['Senior Backend Engineer', 'Java Developer'],
    locations: ['Hyderabad', 'Remote'],
    expected_salary_inr: 35 * LPA,
    profile: profile({
      name: 'Vikram Reddy',
      location: 'Hyderabad',
      summary: 'Backend engineer, 8 years of Java microservices on AWS.',
      years: 8,
      roles: [
        {
          title: 'Senior Software Engineer',
          company: 'Amazon',
          start: '2019-07',
          end: null,
          bullets: [
            'Designed Java Spring Boot microservices processing 2M orders a day with Kafka',
            'Ran services on AWS with Docker and Kubernetes; PostgreSQL tuning',
          ],
        },
        {
          title: 'Java Developer',
          company: 'Infosys',
          start: '2016-07',
          end: '2019-06',
          bullets: ['REST APIs in Java and Spring, SQL stored procedures'],
        },
      ],
      skills: [
        ['java', 'Java'],
        ['spring-boot', 'Spring Boot'],
        ['microservices', 'Microservices'],
        ['kafka', 'Kafka'],
        ['aws', 'AWS'],
        ['sql', 'SQL'],
        ['docker', 'Docker'],
        ['kubernetes', 'Kubernetes'],
        ['rest-api', 'REST APIs'],
        ['git', 'Git'],
        ['postgresql', 'PostgreSQL'],
      ],
    }),
  },
}

export const JOBS: JobInput[] = [
  // Frontend
  posting('f1', 'Frontend Developer (React)', 'Swiggy', {
    req: ['react', 'javascript', 'typescript', 'html', 'css', 'redux'],
    nice: ['nextjs', 'jest'],
    years: [3, 5],
    lpa: [15, 25],
    loc: ['Bengaluru'],
    text: 'Build consumer web experiences in React and TypeScript. Own components, state management with Redux, performance of HTML/CSS. Next.js and Jest testing a plus. Work with designers and backend engineers on REST APIs.',
  }),
  posting('f2', 'SDE-2 Frontend', 'Flipkart', {
    req: ['react', 'typescript', 'javascript'],
    nice: ['graphql', 'aws', 'webpack'],
    years: [3, 6],
    lpa: [25, 35],
    loc: ['Bangalore'],
    mode: 'hybrid',
    text: 'As SDE-2 on the frontend platform team you will build React and TypeScript micro-frontends, improve webpack builds and page performance. GraphQL and AWS exposure preferred.',
  }),
  posting('f3', 'Senior React Engineer', 'Postman', {
    req: ['react', 'typescript', 'redux', 'jest', 'nextjs'],
    nice: ['graphql'],
    years: [4, 7],
    lpa: [22, 30],
    loc: ['Remote'],
    mode: 'remote',
    text: 'Senior React engineer to own our Next.js web app. TypeScript, Redux, Jest and React Testing Library daily. Mentor juniors, drive frontend architecture and code reviews.',
  }),
  posting('f4', 'UI Developer - Angular', 'TCS', {
    req: ['angular', 'typescript', 'html', 'css', 'rxjs'],
    years: [2, 5],
    lpa: [8, 14],
    loc: ['Pune'],
    text: 'Develop enterprise UI screens in Angular with TypeScript and RxJS. Responsive HTML and CSS, integration with REST APIs, unit testing with Jasmine.',
  }),
  posting('f5', 'Full Stack Developer (MERN)', 'Meesho', {
    req: ['react', 'node-js', 'mongodb', 'express', 'javascript'],
    years: [2, 5],
    lpa: [12, 20],
    loc: ['Bengaluru'],
    text: 'Full stack MERN developer: React frontends, Node.js and Express services, MongoDB schemas. Ship features end to end.',
  }),
  posting('f6', 'React Native Developer', 'Dream11', {
    req: ['react-native', 'javascript', 'redux', 'android'],
    years: [2, 4],
    lpa: [10, 16],
    loc: ['Mumbai'],
    text: 'Build our Android and iOS apps in React Native. Redux state, native modules, app performance, Play Store releases.',
  }),
  posting('f7', 'Frontend Engineer Intern', 'Zepto', {
    req: ['html', 'css', 'javascript', 'react'],
    years: [0, 1],
    lpa: [3, 3],
    loc: ['Bengaluru'],
    seniority: 'intern',
    text: 'Six month internship on the frontend team. Learn React, write HTML, CSS and JavaScript, fix UI bugs. Stipend 25,000 per month.',
  }),
  // Data
  posting('d1', 'Data Analyst', 'Paytm', {
    req: ['sql', 'excel', 'power-bi', 'python'],
    nice: ['tableau'],
    years: [1, 3],
    lpa: [6, 10],
    loc: ['Gurugram'],
    text: 'Analyse payments data with SQL and Python, build Power BI dashboards, automate Excel reporting, share insights with business teams.',
  }),
  posting('d2', 'Business Analyst', 'Policybazaar', {
    req: ['sql', 'excel', 'data-visualization', 'stakeholder-management'],
    nice: ['power-bi'],
    years: [2, 4],
    lpa: [8, 12],
    loc: ['Noida'],
    mode: 'hybrid',
    text: 'Business analyst for the insurance funnel: SQL analysis, Excel models, dashboards and data visualization for leadership, requirement gathering with stakeholders.',
  }),
  posting('d3', 'Senior Data Analyst', 'Swiggy', {
    req: ['sql', 'python', 'tableau', 'statistics', 'ab-testing'],
    years: [4, 7],
    lpa: [15, 22],
    loc: ['Bengaluru'],
    seniority: 'senior',
    text: 'Lead analytics for growth: design A/B tests, statistics, SQL and Python analysis, Tableau dashboards, mentor analysts.',
  }),
  posting('d4', 'Data Engineer', 'Tiger Analytics', {
    req: ['python', 'spark', 'airflow', 'sql', 'aws'],
    years: [3, 6],
    lpa: [18, 28],
    loc: ['Hyderabad'],
    text: 'Build batch and streaming pipelines with Spark and Airflow on AWS. Python and SQL, data modelling, warehouse on Redshift.',
  }),
  posting('d5', 'MIS Executive', 'Hero MotoCorp', {
    req: ['excel', 'mis-reporting', 'advanced-excel'],
    years: [1, 3],
    lpa: [3.5, 5],
    loc: ['New Delhi'],
    text: 'Prepare daily and monthly MIS reports in advanced Excel (VLOOKUP, pivot tables, macros) for dealer sales data.',
  }),
  posting('d6', 'Data Scientist', 'Fractal', {
    req: ['python', 'machine-learning', 'sql', 'statistics', 'pandas'],
    nice: ['deep-learning'],
    years: [3, 6],
    lpa: [18, 30],
    loc: ['Bengaluru'],
    text: 'Build machine learning models in Python (pandas, scikit-learn), statistics and experimentation, SQL feature pipelines, deploy models.',
  }),
  // Accounting
  posting('a1', 'Accountant', 'Bharat Forge Suppliers', {
    req: ['tally', 'gst', 'tds', 'bank-reconciliation', 'excel'],
    years: [3, 7],
    lpa: [4, 7],
    loc: ['Pune'],
    text: 'Maintain books in Tally, GST returns filing, TDS compliance, bank reconciliation, month-end closing and Excel reports.',
  }),
  posting('a2', 'Accounts Executive (Tally/GST)', 'Kirloskar Dealers', {
    req: ['tally', 'gst', 'accounts-payable', 'accounts-receivable'],
    nice: ['excel'],
    years: [2, 5],
    lpa: [3.5, 5.5],
    loc: ['Pune'],
    mode: 'hybrid',
    text: 'Accounts executive: vouchers in Tally Prime, GST reconciliation, accounts payable and receivable, vendor ledger follow-up.',
  }),
  posting('a3', 'Senior Accountant', 'Godrej Distributors', {
    req: ['tally', 'gst', 'income-tax', 'tds', 'mis-reporting'],
    years: [5, 8],
    lpa: [6, 9],
    loc: ['Mumbai'],
    text: 'Senior accountant for finalisation of accounts, GST and income tax compliance, TDS returns, MIS reporting to management in Tally.',
  }),
  posting('a4', 'Chartered Accountant - Audit', 'Deloitte', {
    req: ['statutory-audit', 'ind-as', 'ifrs', 'income-tax'],
    years: [2, 5],
    lpa: [10, 15],
    loc: ['New Delhi'],
    text: 'Qualified CA for statutory audits of listed clients under Ind AS and IFRS, tax audit and income tax assessments.',
  }),
  posting('a5', 'Accounts Assistant', 'Shree Traders', {
    req: ['tally', 'excel', 'bookkeeping'],
    years: [0, 2],
    lpa: [2, 3],
    loc: ['Pune'],
    seniority: 'entry',
    text: 'Assist with bookkeeping and voucher entry in Tally, petty cash, Excel sheets. Freshers with B.Com welcome.',
  }),
  posting('a6', 'GST Executive', 'TaxBuddy', {
    req: ['gst', 'gst-returns', 'tally', 'excel'],
    years: [2, 6],
    lpa: [4, 6.5],
    loc: ['Pune'],
    text: 'File GSTR-1, GSTR-3B and annual GST returns for clients, reconcile GSTR-2B with Tally purchase registers, Excel working papers.',
  }),
  // Sales
  posting('s1', 'Inside Sales Executive', 'Cars24', {
    req: ['inside-sales', 'cold-calling', 'crm', 'communication'],
    years: [0, 2],
    lpa: [3, 5],
    loc: ['Noida'],
    text: 'Call inbound and outbound leads, pitch over phone, update CRM, hit monthly targets. Good communication in Hindi and English.',
  }),
  posting('s2', 'Business Development Executive', 'Byjus', {
    req: ['lead-generation', 'b2b-sales', 'negotiation', 'communication'],
    nice: ['salesforce'],
    years: [1, 3],
    lpa: [4, 6],
    loc: ['Gurgaon'],
    text: 'Generate B2B leads for school partnerships, negotiate deals, maintain pipeline in Salesforce, meet revenue targets. Incentives on top.',
  }),
  posting('s3', 'Inside Sales Associate', 'upGrad', {
    req: ['inside-sales', 'telesales', 'communication', 'crm'],
    years: [0, 3],
    lpa: [4, 7],
    loc: ['Delhi'],
    text: 'Counsel working professionals over calls on upskilling programs, telesales, CRM discipline, conversions and revenue targets.',
  }),
  posting('s4', 'Field Sales Executive', 'Hindustan Unilever Distributor', {
    req: ['field-sales', 'b2c-sales', 'communication', 'two-wheeler'],
    years: [1, 3],
    lpa: [2.5, 4],
    loc: ['Chennai'],
    text: 'Visit retail outlets on own two-wheeler, take orders, expand distribution in the beat. Tamil speaking preferred.',
  }),
  posting('s5', 'Key Account Manager', 'Tata Steel', {
    req: ['key-account-management', 'b2b-sales', 'negotiation', 'crm'],
    years: [5, 8],
    lpa: [12, 18],
    loc: ['Mumbai'],
    seniority: 'manager',
    text: 'Own strategic B2B accounts, contract negotiation, revenue planning and CRM forecasting for industrial steel customers.',
  }),
  posting('s6', 'Telesales Executive', 'Bajaj Finserv', {
    req: ['telesales', 'cold-calling', 'communication', 'hindi'],
    years: [0, 1],
    lpa: [2.4, 3.6],
    loc: ['Noida'],
    text: 'Outbound calling to sell personal loans and credit cards, follow up leads, achieve daily call targets.',
  }),
  // Backend
  posting('b1', 'Senior Java Developer', 'Oracle', {
    req: ['java', 'spring-boot', 'microservices', 'sql', 'kafka'],
    years: [6, 10],
    lpa: [28, 40],
    loc: ['Hyderabad'],
    text: 'Design and build Java Spring Boot microservices with Kafka event streaming and SQL databases for cloud billing.',
  }),
  posting('b2', 'Backend Engineer (Go)', 'Razorpay', {
    req: ['golang', 'postgresql', 'kubernetes', 'docker', 'aws'],
    years: [5, 9],
    lpa: [30, 45],
    loc: ['Bengaluru'],
    mode: 'remote',
    text: 'Backend engineer building payment APIs in Go on PostgreSQL, deployed with Docker and Kubernetes on AWS.',
  }),
  posting('b3', 'Lead Software Engineer - Java', 'Atlassian', {
    req: ['java', 'spring-boot', 'aws', 'microservices', 'system-design'],
    years: [8, 12],
    lpa: [35, 50],
    loc: ['Remote'],
    mode: 'remote',
    text: 'Lead a team building Java Spring Boot microservices on AWS. System design, code reviews, reliability and mentoring.',
  }),
  posting('b4', 'Java Developer', 'Cognizant', {
    req: ['java', 'spring-boot', 'sql', 'hibernate'],
    years: [2, 4],
    lpa: [6, 10],
    loc: ['Chennai'],
    text: 'Develop Java Spring Boot applications with Hibernate and SQL for banking clients.',
  }),
  posting('b5', 'DevOps Engineer', 'Freshworks', {
    req: ['kubernetes', 'docker', 'aws', 'terraform', 'ci-cd', 'linux'],
    years: [4, 8],
    lpa: [20, 32],
    loc: ['Hyderabad'],
    text: 'Run Kubernetes clusters on AWS with Terraform, CI/CD pipelines, Docker images, Linux administration and monitoring.',
  }),
  // Unrelated to every profile
  posting('o1', 'HR Recruiter', 'Naukri Staffing', {
    req: ['recruitment', 'sourcing', 'communication', 'screening'],
    years: [1, 3],
    lpa: [3, 5],
    loc: ['Noida'],
    text: 'End to end recruitment: sourcing on job portals, screening calls, interview scheduling and offer follow up.',
  }),
  posting('o2', 'Customer Support Executive (Voice)', 'Teleperformance', {
    req: ['customer-service', 'communication', 'english'],
    years: [0, 2],
    lpa: [2.2, 3.2],
    loc: ['Gurugram'],
    text: 'Handle inbound customer calls for an international process, resolve queries, rotational shifts.',
  }),
  posting('o3', 'Graphic Designer', 'Ogilvy', {
    req: ['photoshop', 'illustrator', 'figma'],
    years: [1, 4],
    loc: ['Mumbai'],
    text: 'Design social media creatives, brand identities and print layouts in Photoshop, Illustrator and Figma.',
  }),
  posting('o4', 'Digital Marketing Executive', 'Nykaa', {
    req: ['seo', 'google-ads', 'social-media-marketing'],
    years: [1, 3],
    lpa: [3, 6],
    loc: ['Pune'],
    text: 'Run SEO, Google Ads and social media campaigns, track performance and optimise spends.',
  }),
  posting('o5', 'Delivery Associate', 'Blinkit', {
    req: [],
    loc: ['Bengaluru'],
    text: 'Deliver groceries within 10 minutes on your bike. Flexible shifts, weekly payouts.',
  }),
  posting('o6', 'Mechanical Design Engineer', 'L&T', {
    req: ['autocad', 'solidworks', 'gd-t'],
    years: [2, 5],
    lpa: [5, 8],
    loc: ['Chennai'],
    text: 'Design mechanical components in SolidWorks and AutoCAD, GD&T, drawings for fabrication.',
  }),
  posting('o7', 'Staff Nurse', 'Apollo Hospitals', {
    req: ['patient-care', 'bls'],
    years: [1, 5],
    lpa: [2.5, 4],
    loc: ['Hyderabad'],
    text: 'Provide patient care in the ICU, medication administration, BLS certified, GNM or B.Sc Nursing.',
  }),
]

/** Hand labels; unlisted jobs are 0 for that user. */
export const RELEVANCE: Record<keyof typeof USERS, Record<string, 1 | 2>> = {
  priya: { f1: 2, f2: 2, f3: 2, f4: 1, f5: 1, f6: 1, f7: 1 },
  rahul: { d1: 2, d2: 2, d3: 1, d4: 1, d5: 1, d6: 1 },
  sunita: { a1: 2, a2: 2, a6: 2, a3: 1, a5: 1, d5: 1 },
  arjun: { s1: 2, s2: 2, s3: 2, s6: 1 },
  vikram: { b1: 2, b3: 2, b2: 1, b4: 1, b5: 1 },
}
