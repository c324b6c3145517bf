/**
 * Wrappers that give a hand-written job description the markup and chrome of
 * each board, so the tests see what the scraper stores: Naukri's header chips
 * and key-details block, LinkedIn's "show more" and criteria list, Indeed's
 * job-details block, and the Greenhouse, Lever and Ashby career-page layouts.
 */

export function naukriPage(p: {
  experience: string
  salary: string
  location: string
  body: string
  role?: string
  employmentType?: string
  keySkills: string[]
}): string {
  return `<div class="styles_jd-header__ZXvR"><div class="styles_jhc__exp__k_giM"><span>${p.experience}</span></div>
<div class="styles_jhc__salary__jdfEC"><span>${p.salary}</span></div>
<div class="styles_jhc__location__W_pVs"><span>${p.location}</span></div>
<div class="styles_jhc__jd-stats__KrId0"><span>Posted: 3 days ago</span><span>Openings: 2</span><span>Applicants: 100+</span></div>
<button>Register to apply</button><button>Login to apply</button></div>
<section class="styles_job-desc-container__txpYf"><div class="styles_JDC__dang-inner-html__h0K4t">${p.body}</div>
<div class="styles_other-details__oEN4O">
<div class="styles_details__Y424J"><label>Role: </label><span>${p.role ?? 'Other'}</span></div>
<div class="styles_details__Y424J"><label>Industry Type: </label><span>IT Services &amp; Consulting</span></div>
<div class="styles_details__Y424J"><label>Employment Type: </label><span>${p.employmentType ?? 'Full Time, Permanent'}</span></div>
</div>
<div class="styles_key-skill__GIPn_"><div class="styles_heading__veHpg">Key Skills</div>
<div>Skills highlighted with ‘*‘ are preferred keyskills</div>
<div>${p.keySkills.map((s) => `<a href="/${s}-jobs"><span>${s}</span></a>`).join(' ')}</div></div></section>`
}

export function linkedinPage(p: { location: string; body: string; seniority?: string; employmentType?: string }): string {
  return `<div class="top-card-layout__entity-info"><span class="topcard__flavor topcard__flavor--bullet">${p.location}</span>
<span class="posted-time-ago__text">2 weeks ago</span><span class="num-applicants__caption">Over 200 applicants</span></div>
<button class="apply-button">Easy Apply</button><button>Save</button>
<div class="show-more-less-html__markup">${p.body}</div>
<button class="show-more-less-html__button">Show more</button>
<ul class="description__job-criteria-list">
<li><h3 class="description__job-criteria-subheader">Seniority level</h3><span>${p.seniority ?? 'Mid-Senior level'}</span></li>
<li><h3 class="description__job-criteria-subheader">Employment type</h3><span>${p.employmentType ?? 'Full-time'}</span></li>
</ul>
<a href="https://www.linkedin.com/shareArticle">Share this job</a>
<a href="/jobs/report">Report this job</a>`
}

export function indeedPage(p: { pay?: string; jobType: string; location: string; body: string }): string {
  return `<div id="jobDetailsSection"><h2>Job details</h2>
${p.pay ? `<div><h3>Pay</h3><div>${p.pay}</div></div>` : ''}
<div><h3>Job type</h3><div>${p.jobType}</div></div>
<div><h3>Location</h3><div>${p.location}</div></div></div>
<div id="jobDescriptionText" class="jobsearch-jobDescriptionText">${p.body}</div>
<div><button>Apply now</button><button>Save job</button><a>Report job</a></div>`
}

export function greenhousePage(p: { title: string; location: string; body: string }): string {
  return `<div id="header"><h1 class="app-title">${p.title}</h1><div class="company-name">at Acme</div>
<div class="location">${p.location}</div></div>
<div id="content">${p.body}</div>
<div id="application"><a class="button" href="#app">Apply for this Job</a></div>`
}

export function leverPage(p: { title: string; location: string; commitment: string; sections: [string, string][]; intro: string }): string {
  return `<div class="posting-headline"><h2>${p.title}</h2><div class="posting-categories">
<div class="sort-by-time posting-category medium-category-label">${p.location}</div>
<div class="sort-by-commitment posting-category medium-category-label commitment">${p.commitment}</div></div></div>
<div class="section-wrapper page-full-width"><div class="section page-full-width"><div>${p.intro}</div></div>
${p.sections
  .map(
    ([heading, items]) =>
      `<div class="section page-centered"><h3>${heading}</h3><ul class="posting-requirements plain-list">${items}</ul></div>`,
  )
  .join('\n')}
<div class="section page-centered last-section-apply"><a class="postings-btn template-btn-submit" href="apply">Apply for this job</a></div></div>`
}

export function ashbyPage(p: { body: string; location: string; employmentType: string; compensation?: string }): string {
  return `<div class="ashby-job-posting-left-pane">
<div class="_section_101oc_37"><h2>Location</h2><p>${p.location}</p></div>
<div class="_section_101oc_37"><h2>Employment Type</h2><p>${p.employmentType}</p></div>
${p.compensation ? `<div class="_section_101oc_37"><h2>Compensation</h2><ul><li>${p.compensation}</li></ul></div>` : ''}
</div><div class="ashby-job-posting-right-pane"><div class="_descriptionText_oj0x8_198">${p.body}</div></div>`
}
