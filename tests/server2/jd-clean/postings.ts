import type { JobStructure } from '../../../shared/schemas/job-structure.ts'
import { ashbyPage, greenhousePage, indeedPage, leverPage, linkedinPage, naukriPage } from './board-pages.ts'

/**
 * Expected fields of a posting. Skills are written as names the way a
 * recruiter would (resolved to taxonomy ids by the test): `required` and
 * `nice` must be found in those lists, `absent` in neither.
 */
export interface Expected extends Omit<JobStructure, 'title' | 'required_skills' | 'nice_to_have_skills'> {
  required: string[]
  nice: string[]
  absent?: string[]
}

export interface Posting {
  name: string
  source: string
  title: string
  company: string
  location_text?: string
  raw_jd: string
  expected: Expected
}

const noSalary = { salary_min_inr: null, salary_max_inr: null, salary_is_monthly_stipend: false }

export const POSTINGS: Posting[] = [
  {
    name: 'Naukri Java developer with key-details block',
    source: 'naukri',
    title: 'Java Developer - Bangalore',
    company: 'Mphasis Limited',
    location_text: 'Bengaluru (Bangalore)',
    raw_jd: naukriPage({
      experience: '3-8 Yrs',
      salary: '12-16 Lacs P.A.',
      location: 'Bengaluru',
      role: 'Software Development - Other',
      keySkills: ['Java', 'Spring Boot', 'Microservices', 'Hibernate'],
      body: `<p><strong>Job Description</strong></p><p>We are looking for a Java developer to join our banking platform team.</p>
<p><b>Roles and Responsibilities</b></p><ul><li>Develop REST APIs using Java and Spring Boot</li><li>Write unit tests with JUnit</li></ul>
<p><b>Desired Candidate Profile</b></p><ul><li>3-8 years of experience in Java development</li><li>Good knowledge of SQL</li></ul>`,
    }),
    expected: {
      title_normalized: 'Java Developer',
      seniority: 'mid',
      required: ['Java', 'Spring Boot', 'JUnit', 'SQL', 'Hibernate'],
      nice: [],
      experience_min_years: 3,
      experience_max_years: 8,
      salary_min_inr: 1_200_000,
      salary_max_inr: 1_600_000,
      salary_is_monthly_stipend: false,
      locations: ['Bengaluru'],
      work_mode: null,
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Naukri accountant, Tally and GST, Delhi NCR',
    source: 'naukri',
    title: 'Accountant (Tally, GST) - Delhi NCR',
    company: 'Sharma & Associates',
    location_text: 'Delhi / NCR',
    raw_jd: naukriPage({
      experience: '2-4 Yrs',
      salary: '3-4.5 Lacs P.A.',
      location: 'Delhi / NCR',
      role: 'Accounts Executive',
      keySkills: ['Tally ERP', 'GST', 'TDS', 'Bank Reconciliation'],
      body: `<p>Job description</p><ul><li>Maintain books of accounts in Tally ERP 9</li><li>Prepare and file GST returns and TDS</li><li>Bank reconciliation and vendor payments</li></ul>
<p>Experience: 2 to 4 yrs in accounting</p><p>Work from office, Monday to Saturday.</p>`,
    }),
    expected: {
      title_normalized: 'Accountant (Tally, GST)',
      seniority: 'mid',
      required: ['Tally', 'GST', 'TDS', 'Bank Reconciliation'],
      nice: [],
      experience_min_years: 2,
      experience_max_years: 4,
      salary_min_inr: 300_000,
      salary_max_inr: 450_000,
      salary_is_monthly_stipend: false,
      locations: ['Delhi NCR'],
      work_mode: 'onsite',
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Naukri fresher sales, salary not disclosed',
    source: 'naukri',
    title: 'Sales Executive - Freshers',
    company: 'Bajaj Finserv Ltd.',
    location_text: 'Mumbai',
    raw_jd: naukriPage({
      experience: '0-1 Yrs',
      salary: 'Not Disclosed',
      location: 'Mumbai (All Areas)',
      role: 'Sales Executive/Officer',
      keySkills: ['Field Sales', 'Lead Generation', 'Communication Skills'],
      body: `<p>Freshers can apply. Graduates in any stream.</p><ul><li>Field sales of consumer loans</li><li>Lead generation through cold calling and walk-ins</li><li>Good communication skills in Hindi and English</li></ul>`,
    }),
    expected: {
      title_normalized: 'Sales Executive',
      seniority: 'entry',
      required: ['Field Sales', 'Lead Generation', 'Cold Calling'],
      nice: [],
      experience_min_years: 0,
      experience_max_years: 1,
      ...noSalary,
      locations: ['Mumbai'],
      work_mode: null,
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Naukri urgent React hiring with CV email',
    source: 'naukri',
    title: 'Urgent Hiring for React JS Developer - Noida - Immediate Joiners',
    company: 'Webtech Solutions Pvt Ltd',
    location_text: 'Noida',
    raw_jd: naukriPage({
      experience: '2-5 Yrs',
      salary: '6-10 Lacs P.A.',
      location: 'Noida',
      keySkills: ['React.js', 'Redux', 'JavaScript', 'HTML', 'CSS'],
      body: `<p><b>Job Description:</b></p><ul><li>Build responsive UIs with React.js and Redux</li><li>Strong JavaScript, HTML5 and CSS3</li><li>Experience: 2-5 years</li></ul>
<p><b>Good to have:</b> TypeScript, Next.js</p>
<p>Immediate joiners preferred. Interested candidates can send their CV to <b>hr@webtechsolutions.in</b></p>`,
    }),
    expected: {
      title_normalized: 'React JS Developer',
      seniority: 'mid',
      required: ['React', 'Redux', 'JavaScript', 'HTML', 'CSS'],
      nice: ['TypeScript', 'Next.js'],
      experience_min_years: 2,
      experience_max_years: 5,
      salary_min_inr: 600_000,
      salary_max_inr: 1_000_000,
      salary_is_monthly_stipend: false,
      locations: ['Noida'],
      work_mode: null,
      employment_type: 'full_time',
      apply_email: 'hr@webtechsolutions.in',
    },
  },
  {
    name: 'LinkedIn senior data scientist, hybrid, preferred qualifications',
    source: 'linkedin',
    title: 'Senior Data Scientist',
    company: 'Swiggy',
    location_text: 'Bengaluru, Karnataka, India (Hybrid)',
    raw_jd: linkedinPage({
      location: 'Bengaluru, Karnataka, India',
      body: `<strong>About the role</strong><br><br>You will build demand forecasting models for Instamart.<br><br>
<strong>Basic Qualifications</strong><ul><li>5+ years of experience in applied machine learning</li><li>Expert in Python, SQL and statistics</li><li>Experience with time series forecasting</li></ul>
<strong>Preferred Qualifications</strong><ul><li>Experience with Spark</li><li>Familiarity with Airflow</li></ul>`,
    }),
    expected: {
      title_normalized: 'Senior Data Scientist',
      seniority: 'senior',
      required: ['Machine Learning', 'Python', 'SQL', 'Statistics'],
      nice: ['Apache Spark', 'Apache Airflow'],
      experience_min_years: 5,
      experience_max_years: null,
      ...noSalary,
      locations: ['Bengaluru'],
      work_mode: 'hybrid',
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'LinkedIn product manager, on-site, EEO paragraph',
    source: 'linkedin',
    title: 'Product Manager',
    company: 'Zomato Limited',
    location_text: 'Gurugram, Haryana, India (On-site)',
    raw_jd: linkedinPage({
      location: 'Gurugram, Haryana, India',
      body: `<p>We are looking for a Product Manager to own the restaurant partner app.</p>
<p><strong>What you'll do</strong></p><ul><li>Write PRDs and run A/B testing</li><li>Work with SQL dashboards to track funnels</li></ul>
<p><strong>What we're looking for</strong></p><ul><li>4+ years of product management experience</li><li>Strong stakeholder management</li></ul>
<p>Zomato is an equal opportunity employer. All qualified applicants will receive consideration for employment without regard to race, religion, gender or disability.</p>`,
    }),
    expected: {
      title_normalized: 'Product Manager',
      seniority: 'mid',
      required: ['Product Management', 'A/B Testing', 'SQL', 'Stakeholder Management'],
      nice: [],
      experience_min_years: 4,
      experience_max_years: null,
      ...noSalary,
      locations: ['Gurugram'],
      work_mode: 'onsite',
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'LinkedIn remote DevOps contract',
    source: 'linkedin',
    title: 'DevOps Engineer (Remote) - 6 Month Contract',
    company: 'CloudKraft',
    location_text: 'India (Remote)',
    raw_jd: linkedinPage({
      location: 'India',
      employmentType: 'Contract',
      body: `<p>This is a 6-month contract role, fully remote.</p><p><b>Requirements:</b></p><ul><li>3-5 years of experience as a DevOps engineer</li><li>Terraform, AWS, Kubernetes and Jenkins</li></ul><p><b>Nice to have:</b></p><ul><li>Prometheus and Grafana</li></ul>`,
    }),
    expected: {
      title_normalized: 'DevOps Engineer',
      seniority: 'mid',
      required: ['Terraform', 'AWS', 'Kubernetes', 'Jenkins'],
      nice: ['Prometheus', 'Grafana'],
      experience_min_years: 3,
      experience_max_years: 5,
      ...noSalary,
      locations: [],
      work_mode: 'remote',
      employment_type: 'contract',
      apply_email: null,
    },
  },
  {
    name: 'LinkedIn engineering manager with INR lakh-comma salary',
    source: 'linkedin',
    title: 'Engineering Manager, Payments',
    company: 'PhonePe Private Limited',
    location_text: 'Hyderabad, Telangana, India',
    raw_jd: linkedinPage({
      location: 'Hyderabad, Telangana, India',
      seniority: 'Director',
      body: `<h3>Responsibilities</h3><ul><li>Lead a team of 10 engineers building UPI payment systems</li><li>Own system design and hiring</li></ul>
<h3>Qualifications</h3><ul><li>10+ years of experience, including 3 years managing teams</li><li>Background in Java or Go microservices</li></ul>
<p>Compensation: INR 45,00,000 - 60,00,000 per annum</p>`,
    }),
    expected: {
      title_normalized: 'Engineering Manager, Payments',
      seniority: 'manager',
      required: ['System Design', 'Java', 'Microservices'],
      nice: [],
      experience_min_years: 10,
      experience_max_years: null,
      salary_min_inr: 4_500_000,
      salary_max_inr: 6_000_000,
      salary_is_monthly_stipend: false,
      locations: ['Hyderabad'],
      work_mode: null,
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Indeed customer support, work from home, monthly pay',
    source: 'indeed',
    title: 'Customer Support Executive WFH',
    company: 'Teleperformance',
    location_text: 'Kolkata, West Bengal',
    raw_jd: indeedPage({
      pay: '₹18,000 - ₹25,000 a month',
      jobType: 'Full-time',
      location: 'Kolkata, West Bengal',
      body: `<p>Work from home customer support for an e-commerce client.</p><p><b>Requirements:</b></p><ul><li>0-1 year experience in customer service</li><li>Fluent English and Bengali</li><li>Basic MS Excel</li></ul><p>Benefits:</p><ul><li>Health insurance</li><li>Provident Fund</li></ul>`,
    }),
    expected: {
      title_normalized: 'Customer Support Executive',
      seniority: 'entry',
      required: ['Customer Service', 'Microsoft Excel'],
      nice: [],
      experience_min_years: 0,
      experience_max_years: 1,
      salary_min_inr: 216_000,
      salary_max_inr: 300_000,
      salary_is_monthly_stipend: true,
      locations: ['Kolkata'],
      work_mode: 'remote',
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Indeed part-time content writer',
    source: 'indeed',
    title: 'Content Writer (Part Time)',
    company: 'Scribe Media',
    location_text: 'Remote',
    raw_jd: indeedPage({
      pay: '₹10,000 - ₹15,000 a month',
      jobType: 'Part-time',
      location: 'Remote',
      body: `<p>Write SEO blog posts for our clients, 20 hours a week, fully remote.</p><ul><li>1+ years of content writing experience</li><li>Knowledge of SEO and WordPress</li></ul>`,
    }),
    expected: {
      title_normalized: 'Content Writer',
      seniority: 'entry',
      required: ['Content Writing', 'SEO', 'WordPress'],
      nice: [],
      experience_min_years: 1,
      experience_max_years: null,
      salary_min_inr: 120_000,
      salary_max_inr: 180_000,
      salary_is_monthly_stipend: true,
      locations: [],
      work_mode: 'remote',
      employment_type: 'part_time',
      apply_email: null,
    },
  },
  {
    name: 'Indeed freelance data entry, Jaipur',
    source: 'indeed',
    title: 'Data Entry Operator - Freelance',
    company: 'DataServe India',
    location_text: 'Jaipur, Rajasthan',
    raw_jd: indeedPage({
      jobType: 'Freelance',
      location: 'Jaipur, Rajasthan',
      body: `<p>Freelance data entry work paid per project.</p><ul><li>Typing speed of 35 wpm</li><li>MS Excel and Google Sheets</li></ul>`,
    }),
    expected: {
      title_normalized: 'Data Entry Operator - Freelance',
      seniority: null,
      required: ['Data Entry', 'Microsoft Excel', 'Google Sheets'],
      nice: [],
      experience_min_years: null,
      experience_max_years: null,
      ...noSalary,
      locations: ['Jaipur'],
      work_mode: null,
      employment_type: 'freelance',
      apply_email: null,
    },
  },
  {
    name: 'Greenhouse backend engineer whose About us dwarfs the role',
    source: 'greenhouse',
    title: 'Backend Engineer',
    company: 'Razorpay Software Private Limited',
    location_text: 'Bengaluru',
    raw_jd: greenhousePage({
      title: 'Backend Engineer',
      location: 'Bengaluru',
      body: `<h2>About Razorpay</h2><p>${'Razorpay is the only payments solution in India that allows businesses to accept, process and disburse payments with its product suite. '.repeat(6)}</p>
<p>We have offices in Mumbai, Delhi and Hyderabad, and have raised $375M from leading investors.</p>
<h2>The Role</h2><p>Build payment gateway services in Go.</p>
<h2>What you'll bring</h2><ul><li>2-4 years of backend experience with Go or Java</li><li>MySQL and Redis</li></ul>
<h2>Nice to have</h2><ul><li>Kafka</li></ul>
<h2>Benefits</h2><ul><li>Health insurance for family</li><li>ESOPs</li></ul>
<h2>Equal Opportunity</h2><p>Razorpay is proud to be an equal opportunity employer.</p><p>This role is hybrid, with 3 days a week in our Bengaluru office.</p>`,
    }),
    expected: {
      title_normalized: 'Backend Engineer',
      seniority: 'mid',
      required: ['Go', 'Java', 'MySQL', 'Redis'],
      nice: ['Apache Kafka'],
      experience_min_years: 2,
      experience_max_years: 4,
      ...noSalary,
      locations: ['Bengaluru'],
      work_mode: 'hybrid',
      employment_type: null,
      apply_email: null,
    },
  },
  {
    name: 'Greenhouse SDE-2 with a short About us that stays',
    source: 'greenhouse',
    title: 'SDE-2 (Backend) | Pune',
    company: 'Druva Data Solutions',
    location_text: 'Pune, Maharashtra, India',
    raw_jd: greenhousePage({
      title: 'SDE-2 (Backend) | Pune',
      location: 'Pune, Maharashtra, India',
      body: `<h3>About Us</h3><p>Druva is a SaaS data protection company.</p>
<h3>Responsibilities</h3><ul><li>Design backend services in Python on AWS</li><li>Improve reliability of our storage pipeline</li><li>Mentor SDE-1 engineers and review code</li></ul>
<h3>Qualifications</h3><ul><li>3 to 6 years of experience</li><li>Python, AWS, distributed systems</li><li>Bachelor's degree in computer science</li></ul>`,
    }),
    expected: {
      title_normalized: 'SDE-2 (Backend)',
      seniority: 'mid',
      required: ['Python', 'AWS', 'Distributed Systems'],
      nice: [],
      experience_min_years: 3,
      experience_max_years: 6,
      ...noSalary,
      locations: ['Pune'],
      work_mode: null,
      employment_type: null,
      apply_email: null,
    },
  },
  {
    name: 'Lever frontend engineer, on-site, LPA range',
    source: 'lever',
    title: 'Frontend Engineer',
    company: 'Freshworks Inc.',
    location_text: 'Chennai',
    raw_jd: leverPage({
      title: 'Frontend Engineer',
      location: 'Chennai',
      commitment: 'Full-time',
      intro: '<p>Freshworks builds customer service software. This role is on-site at our Chennai office.</p>',
      sections: [
        ['What you will do', '<li>Build Ember.js and React components for Freshdesk</li><li>Own accessibility and performance</li>'],
        ['What you need', '<li>5+ years of experience in frontend development</li><li>Expert JavaScript and CSS</li>'],
        ['Compensation', '<li>₹25 - 35 LPA plus ESOPs</li>'],
      ],
    }),
    expected: {
      title_normalized: 'Frontend Engineer',
      seniority: 'senior',
      required: ['React', 'JavaScript', 'CSS'],
      nice: [],
      experience_min_years: 5,
      experience_max_years: null,
      salary_min_inr: 2_500_000,
      salary_max_inr: 3_500_000,
      salary_is_monthly_stipend: false,
      locations: ['Chennai'],
      work_mode: 'onsite',
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Lever data analyst internship with monthly stipend',
    source: 'lever',
    title: 'Data Analyst Intern',
    company: 'Meesho',
    location_text: 'Bangalore',
    raw_jd: leverPage({
      title: 'Data Analyst Intern',
      location: 'Bangalore',
      commitment: 'Intern',
      intro: '<p>A 6-month internship in the analytics team, with a pre-placement offer for top performers.</p>',
      sections: [
        ['Requirements', '<li>Final year students or recent graduates</li><li>SQL and Excel</li><li>Python with Pandas</li>'],
        ['Good to have', '<li>Tableau or Power BI</li>'],
        ['Stipend', '<li>Stipend: ₹25,000/month</li>'],
      ],
    }),
    expected: {
      title_normalized: 'Data Analyst Intern',
      seniority: 'intern',
      required: ['SQL', 'Microsoft Excel', 'Python', 'pandas'],
      nice: ['Tableau', 'Power BI'],
      experience_min_years: null,
      experience_max_years: null,
      salary_min_inr: 300_000,
      salary_max_inr: 300_000,
      salary_is_monthly_stipend: true,
      locations: ['Bengaluru'],
      work_mode: null,
      employment_type: 'internship',
      apply_email: null,
    },
  },
  {
    name: 'Ashby staff engineer, remote in India, minimum years',
    source: 'ashby',
    title: 'Staff Software Engineer',
    company: 'Postman',
    location_text: 'Remote (India)',
    raw_jd: ashbyPage({
      location: 'Remote (India)',
      employmentType: 'Full time',
      compensation: '₹60L – ₹90L',
      body: `<p><strong>About the team</strong></p><p>The platform team owns Postman's API runtime.</p>
<p><strong>You have</strong></p><ul><li>Minimum 8 years of experience building large-scale systems</li><li>Deep knowledge of Node.js and TypeScript</li><li>Experience with PostgreSQL</li></ul>`,
    }),
    expected: {
      title_normalized: 'Staff Software Engineer',
      seniority: 'lead',
      required: ['Node.js', 'TypeScript', 'PostgreSQL'],
      nice: [],
      experience_min_years: 8,
      experience_max_years: null,
      salary_min_inr: 6_000_000,
      salary_max_inr: 9_000_000,
      salary_is_monthly_stipend: false,
      locations: [],
      work_mode: 'remote',
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Ashby founding designer, hybrid Mumbai',
    source: 'ashby',
    title: 'Founding Product Designer',
    company: 'Jar',
    location_text: 'Mumbai (Hybrid)',
    raw_jd: ashbyPage({
      location: 'Mumbai (Hybrid)',
      employmentType: 'Full time',
      body: `<h3>What you'll do</h3><ul><li>Design end-to-end flows in Figma</li><li>Run user research with our savers</li></ul><h3>What we're looking for</h3><ul><li>2 to 4 yrs of product design experience</li><li>A portfolio of shipped mobile apps</li></ul><h3>Bonus</h3><ul><li>Motion design with After Effects</li></ul>`,
    }),
    expected: {
      title_normalized: 'Founding Product Designer',
      seniority: 'mid',
      required: ['Figma', 'User Research'],
      nice: ['Adobe After Effects'],
      experience_min_years: 2,
      experience_max_years: 4,
      ...noSalary,
      locations: ['Mumbai'],
      work_mode: 'hybrid',
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'WhatsApp-forward HR recruiter, plain text',
    source: 'whatsapp',
    title: 'Hiring for HR Recruiter - Ahmedabad',
    company: 'TalentBridge Consultants',
    raw_jd: `*Hiring for HR Recruiter - Ahmedabad*

Company: TalentBridge Consultants
Exp: 1-3 years in IT recruitment
Salary: upto 3.6 LPA
Location: Ahmedabad (Work from office)

Responsibilities:
➢ End-to-end recruitment for IT clients
➢ Candidate sourcing on Naukri and LinkedIn
➢ Screening and interview scheduling

Send resume to hr.jobs@talentbridge.co.in
Share this job with your friends!`,
    expected: {
      title_normalized: 'HR Recruiter',
      seniority: 'entry',
      required: ['Recruitment', 'Candidate Sourcing', 'Interview Scheduling'],
      nice: [],
      experience_min_years: 1,
      experience_max_years: 3,
      salary_min_inr: null,
      salary_max_inr: 360_000,
      salary_is_monthly_stipend: false,
      locations: ['Ahmedabad'],
      work_mode: 'onsite',
      employment_type: null,
      apply_email: 'hr.jobs@talentbridge.co.in',
    },
  },
  {
    name: 'Plain text Python developer with monthly salary',
    source: 'company_site',
    title: 'Python Developer (WFH)',
    company: 'Infopark Labs',
    location_text: 'Kochi',
    raw_jd: `Python Developer (WFH)
Infopark Labs

We need a Python developer for our Django products. Work from home with quarterly meetups in Kochi.

Requirements
- 2+ years of experience with Python and Django
- REST API design, PostgreSQL
- Git

Salary: 40,000 - 60,000 per month`,
    expected: {
      title_normalized: 'Python Developer',
      seniority: 'mid',
      required: ['Python', 'Django', 'PostgreSQL', 'Git'],
      nice: [],
      experience_min_years: 2,
      experience_max_years: null,
      salary_min_inr: 480_000,
      salary_max_inr: 720_000,
      salary_is_monthly_stipend: true,
      locations: ['Kochi'],
      work_mode: 'remote',
      employment_type: null,
      apply_email: null,
    },
  },
  {
    name: 'Plain text digital marketing executive',
    source: 'company_site',
    title: 'Digital Marketing Executive',
    company: 'Pinkcity Tours',
    location_text: 'Jaipur',
    raw_jd: `DIGITAL MARKETING EXECUTIVE
Pinkcity Tours

JOB DESCRIPTION
• Plan and run Google Ads and Facebook Ads campaigns
• SEO for our website, on-page and off-page
• Track results in Google Analytics

REQUIREMENTS
• 1-3 years of digital marketing experience
• Graduate in any discipline

Salary: ₹2.5 - 4 LPA
Job Type: Full-time`,
    expected: {
      title_normalized: 'Digital Marketing Executive',
      seniority: 'entry',
      required: ['Google Ads', 'Facebook Ads', 'SEO', 'Google Analytics', 'Digital Marketing'],
      nice: [],
      experience_min_years: 1,
      experience_max_years: 3,
      salary_min_inr: 250_000,
      salary_max_inr: 400_000,
      salary_is_monthly_stipend: false,
      locations: ['Jaipur'],
      work_mode: null,
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Plain text business development manager with incentives',
    source: 'company_site',
    title: 'Business Development Manager - Gurgaon',
    company: 'LogiNext Solutions',
    raw_jd: `Business Development Manager - Gurgaon

About the role
Drive B2B sales of our logistics SaaS to enterprise customers in North India.

Must have:
- 5-8 years of B2B sales experience
- Strong negotiation and client relationship management
- Experience with Salesforce CRM

CTC: ₹8-12 LPA + incentives
This is a field role based in our Gurgaon office.`,
    expected: {
      title_normalized: 'Business Development Manager',
      seniority: 'manager',
      required: ['B2B Sales', 'Negotiation', 'Salesforce'],
      nice: [],
      experience_min_years: 5,
      experience_max_years: 8,
      salary_min_inr: 800_000,
      salary_max_inr: 1_200_000,
      salary_is_monthly_stipend: false,
      locations: ['Gurugram'],
      work_mode: null,
      employment_type: null,
      apply_email: null,
    },
  },
  {
    name: 'Plain text QA automation with requisition code and two cities',
    source: 'company_site',
    title: 'QA Automation Engineer (Req 7781) - Bangalore/Hyderabad',
    company: 'Cognizant Technology Solutions',
    raw_jd: `QA Automation Engineer (Req 7781)

Job Location: Bangalore / Hyderabad
Experience: 3-6 years

Key Responsibilities
1. Build test automation frameworks with Selenium and Java
2. Own regression suites in Jenkins

Skills Required
1. Selenium WebDriver, TestNG, Java
2. API testing with Postman

Good to have
1. Appium for mobile testing`,
    expected: {
      title_normalized: 'QA Automation Engineer',
      seniority: 'mid',
      required: ['Selenium', 'Java', 'Jenkins', 'TestNG', 'Postman'],
      nice: ['Appium'],
      experience_min_years: 3,
      experience_max_years: 6,
      ...noSalary,
      locations: ['Bengaluru', 'Hyderabad'],
      work_mode: null,
      employment_type: null,
      apply_email: null,
    },
  },
  {
    name: 'Plain text graduate trainee, annual rupees',
    source: 'company_site',
    title: 'Graduate Trainee - Finance',
    company: 'ITC Limited',
    raw_jd: `Graduate Trainee - Finance
ITC Limited

Eligibility: B.Com / BBA graduates of 2024 and 2025. Freshers only.
Location: Kolkata
Remuneration: ₹3,00,000 per annum

You will rotate through accounts payable, treasury and costing.`,
    expected: {
      title_normalized: 'Graduate Trainee - Finance',
      seniority: 'entry',
      required: ['Accounts Payable'],
      nice: [],
      experience_min_years: 0,
      experience_max_years: 0,
      salary_min_inr: 300_000,
      salary_max_inr: 300_000,
      salary_is_monthly_stipend: false,
      locations: ['Kolkata'],
      work_mode: null,
      employment_type: null,
      apply_email: null,
    },
  },
  {
    name: 'Naukri SRE with hybrid location chip',
    source: 'naukri',
    title: 'Site Reliability Engineer',
    company: 'Walmart Global Tech India',
    location_text: 'Hybrid - Bengaluru',
    raw_jd: naukriPage({
      experience: '5-10 Yrs',
      salary: '25-40 Lacs P.A.',
      location: 'Hybrid - Bengaluru',
      keySkills: ['Kubernetes', 'Linux', 'Python'],
      body: `<p>Keep Walmart's checkout services reliable at scale.</p><ul><li>5 - 10 years of experience in SRE or DevOps</li><li>Kubernetes, Linux internals, Python scripting</li><li>Observability with Prometheus</li></ul>`,
    }),
    expected: {
      title_normalized: 'Site Reliability Engineer',
      seniority: 'senior',
      required: ['Kubernetes', 'Linux', 'Python', 'Prometheus'],
      nice: [],
      experience_min_years: 5,
      experience_max_years: 10,
      salary_min_inr: 2_500_000,
      salary_max_inr: 4_000_000,
      salary_is_monthly_stipend: false,
      locations: ['Bengaluru'],
      work_mode: 'hybrid',
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'LinkedIn associate director finance',
    source: 'linkedin',
    title: 'Associate Director - Finance',
    company: 'Tata Consultancy Services',
    location_text: 'Mumbai, Maharashtra, India',
    raw_jd: linkedinPage({
      location: 'Mumbai, Maharashtra, India',
      seniority: 'Director',
      body: `<p><b>Role:</b> lead FP&amp;A for the BFSI business unit.</p><p><b>Qualifications</b></p><ul><li>Chartered Accountant with 12+ years of post-qualification experience</li><li>Financial planning and analysis, budgeting, forecasting</li></ul>`,
    }),
    expected: {
      title_normalized: 'Associate Director - Finance',
      seniority: 'director',
      required: ['Budgeting', 'Forecasting'],
      nice: [],
      experience_min_years: 12,
      experience_max_years: null,
      ...noSalary,
      locations: ['Mumbai'],
      work_mode: null,
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Greenhouse ML engineer, remote, bonus points',
    source: 'greenhouse',
    title: 'Machine Learning Engineer - Remote',
    company: 'Sarvam AI',
    location_text: 'Remote - India',
    raw_jd: greenhousePage({
      title: 'Machine Learning Engineer - Remote',
      location: 'Remote - India',
      body: `<p>We are a remote-first team building Indic language models.</p><h3>Requirements</h3><ul><li>3+ years of experience training deep learning models</li><li>PyTorch and Python</li><li>NLP fundamentals</li></ul><h3>Bonus points</h3><ul><li>CUDA kernels</li><li>Experience with Kubernetes</li></ul>`,
    }),
    expected: {
      title_normalized: 'Machine Learning Engineer',
      seniority: 'mid',
      required: ['Machine Learning', 'Deep Learning', 'PyTorch', 'Python', 'NLP'],
      nice: ['CUDA', 'Kubernetes'],
      experience_min_years: 3,
      experience_max_years: null,
      ...noSalary,
      locations: [],
      work_mode: 'remote',
      employment_type: null,
      apply_email: null,
    },
  },
  {
    name: 'Indeed delivery rider, Pune, monthly pay, fresher',
    source: 'indeed',
    title: 'Delivery Executive',
    company: 'Zepto',
    location_text: 'Pune, Maharashtra',
    raw_jd: indeedPage({
      pay: '₹15,000 - ₹22,000 per month',
      jobType: 'Full-time',
      location: 'Pune, Maharashtra',
      body: `<p>Deliver groceries in 10 minutes around your dark store.</p><ul><li>Freshers welcome, no experience required</li><li>Own two-wheeler and driving licence</li></ul>`,
    }),
    expected: {
      title_normalized: 'Delivery Executive',
      seniority: 'entry',
      required: [],
      nice: [],
      experience_min_years: 0,
      experience_max_years: 0,
      salary_min_inr: 180_000,
      salary_max_inr: 264_000,
      salary_is_monthly_stipend: true,
      locations: ['Pune'],
      work_mode: null,
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Plain text Android contract-to-hire',
    source: 'company_site',
    title: 'Android Developer (Kotlin) - Contract - Noida',
    company: 'Nagarro',
    raw_jd: `Android Developer (Kotlin)
Contract to hire (C2H), 6 months, Noida

Experience: 3-5 yrs
- Kotlin, Jetpack Compose, Android SDK
- Retrofit and Room
- Firebase is a plus`,
    expected: {
      title_normalized: 'Android Developer (Kotlin)',
      seniority: 'mid',
      required: ['Kotlin', 'Jetpack Compose'],
      nice: ['Firebase'],
      experience_min_years: 3,
      experience_max_years: 5,
      ...noSalary,
      locations: ['Noida'],
      work_mode: null,
      employment_type: 'contract',
      apply_email: null,
    },
  },
  {
    name: 'Lever customer success manager, hybrid, apply by email',
    source: 'lever',
    title: 'Customer Success Manager',
    company: 'Chargebee',
    location_text: 'Bengaluru',
    raw_jd: leverPage({
      title: 'Customer Success Manager',
      location: 'Bengaluru',
      commitment: 'Full Time',
      intro: '<p>Own a book of mid-market SaaS customers. Hybrid: 2 days a week in office.</p>',
      sections: [
        ['What you bring', '<li>3-6 years in customer success or account management for SaaS</li><li>Renewals, upselling and churn reduction</li><li>Hands-on with HubSpot or Salesforce</li>'],
        ['How to apply', '<li>Apply here or email your resume to csm-hiring@chargebee.com</li>'],
      ],
    }),
    expected: {
      title_normalized: 'Customer Success Manager',
      seniority: 'mid',
      required: ['Customer Success', 'Account Management', 'Upselling'],
      nice: [],
      experience_min_years: 3,
      experience_max_years: 6,
      ...noSalary,
      locations: ['Bengaluru'],
      work_mode: 'hybrid',
      employment_type: 'full_time',
      apply_email: 'csm-hiring@chargebee.com',
    },
  },
  {
    name: 'Ashby infrastructure engineer with INR range',
    source: 'ashby',
    title: 'Software Engineer, Infrastructure',
    company: 'Atlan',
    location_text: 'Hyderabad',
    raw_jd: ashbyPage({
      location: 'Hyderabad',
      employmentType: 'Full time',
      compensation: 'INR 30,00,000 – INR 45,00,000',
      body: `<p><strong>Responsibilities</strong></p><ul><li>Run our Kubernetes clusters on GCP</li><li>Automate with Terraform and Go</li></ul><p><strong>Requirements</strong></p><ul><li>2-5 years of infrastructure experience</li></ul><p>We work from our Hyderabad office five days a week.</p>`,
    }),
    expected: {
      title_normalized: 'Software Engineer, Infrastructure',
      seniority: 'mid',
      required: ['Kubernetes', 'Google Cloud', 'Terraform', 'Go'],
      nice: [],
      experience_min_years: 2,
      experience_max_years: 5,
      salary_min_inr: 3_000_000,
      salary_max_inr: 4_500_000,
      salary_is_monthly_stipend: false,
      locations: ['Hyderabad'],
      work_mode: 'onsite',
      employment_type: 'full_time',
      apply_email: null,
    },
  },
  {
    name: 'Plain text Flutter internship, stipend in k',
    source: 'internshala',
    title: 'Flutter Developer Intern (Remote)',
    company: 'AppStudio',
    raw_jd: `Flutter Developer Intern (Remote)
AppStudio

Duration: 3 months
Stipend: Rs 15k per month

Skills required: Flutter, Dart, Firebase
Who can apply: students available for a work from home internship`,
    expected: {
      title_normalized: 'Flutter Developer Intern',
      seniority: 'intern',
      required: ['Flutter', 'Dart', 'Firebase'],
      nice: [],
      experience_min_years: null,
      experience_max_years: null,
      salary_min_inr: 180_000,
      salary_max_inr: 180_000,
      salary_is_monthly_stipend: true,
      locations: [],
      work_mode: 'remote',
      employment_type: 'internship',
      apply_email: null,
    },
  },
  {
    name: 'Plain text tech lead, minimum years, salary in lakhs',
    source: 'company_site',
    title: 'Tech Lead - Node.js (Chennai)',
    company: 'Zoho Corporation Pvt Ltd',
    raw_jd: `Tech Lead - Node.js
Location: Chennai, on-site

Requirements:
- Minimum 7 years of experience, 2 years leading teams
- Node.js, MongoDB, microservices

Preferred:
- GraphQL

Package: 28 lakhs per annum`,
    expected: {
      title_normalized: 'Tech Lead - Node.js',
      seniority: 'lead',
      required: ['Node.js', 'MongoDB', 'Microservices'],
      nice: ['GraphQL'],
      experience_min_years: 7,
      experience_max_years: null,
      salary_min_inr: 2_800_000,
      salary_max_inr: 2_800_000,
      salary_is_monthly_stipend: false,
      locations: ['Chennai'],
      work_mode: 'onsite',
      employment_type: null,
      apply_email: null,
    },
  },
  {
    name: 'Plain text old city names and obfuscated email',
    source: 'company_site',
    title: 'Sr. Business Analyst - Bombay / Poona',
    company: 'Mahindra & Mahindra Ltd',
    raw_jd: `Sr. Business Analyst
Locations: Bombay, Poona

- 6+ yrs experience as a business analyst in BFSI
- Requirements gathering, JIRA, SQL
- Send CV to careers [at] mahindra [dot] com`,
    expected: {
      title_normalized: 'Senior Business Analyst',
      seniority: 'senior',
      required: ['Business Analysis', 'Requirements Gathering', 'Jira', 'SQL'],
      nice: [],
      experience_min_years: 6,
      experience_max_years: null,
      ...noSalary,
      locations: ['Mumbai', 'Pune'],
      work_mode: null,
      employment_type: null,
      apply_email: 'careers@mahindra.com',
    },
  },
]
