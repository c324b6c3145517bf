import { findIndianCity } from './indian-cities.ts'

/** Words that name a role. */
const TITLE_WORD =
  /\b(?:engineer|developer|programmer|architect|manager|executive|analyst|consultant|designer|accountant|recruiter|specialist|officer|associate|intern|internship|trainee|lead|head|director|administrator|admin|marketer|scientist|representative|coordinator|co-ordinator|assistant|technician|teacher|trainer|faculty|lecturer|professor|writer|editor|tester|advisor|adviser|agent|supervisor|clerk|cashier|operator|counsellor|counselor|telecaller|tele-caller|auditor|founder|co-founder|freelancer|freelance|president|vp|sde|sde-?\s?(?:i{1,3}|[1-3])|qa|hr|hrbp|bde|bdm|generalist|partner|strategist|owner|expert|member|staff|nurse|pharmacist|chemist|merchandiser|planner|buyer|controller|secretary|receptionist|stylist|photographer|animator|illustrator|copywriter|sales|marketing|support)\b/i

/** Words and suffixes that name an employer. */
const COMPANY_WORD =
  /\b(?:ltd|limited|pvt|private|inc|llp|llc|corp|corporation|company|co|technologies|technology|solutions|services|systems|software|labs|group|industries|enterprises|infotech|infosystems|associates|consultancy|consultants|consulting|bank|finserv|motors|pharma|pharmaceuticals|healthcare|hospitals?|foods|retail|ventures|global|international|networks|communications|telecom|media|studios?|agency|academy|school|college|university|institute|foundation|trust|ngo|firm|exports|traders|logistics|realty|infra|insurance|capital|securities|e-?commerce)\b\.?$|\b(?:ltd|limited|pvt|private|inc|llp|corp)\b/i

/** Employers big enough to be named without a suffix. */
const KNOWN_COMPANIES = new Set([
  'tcs', 'tata consultancy services', 'infosys', 'wipro', 'hcl', 'hcltech', 'accenture', 'cognizant', 'tech mahindra',
  'capgemini', 'deloitte', 'kpmg', 'ey', 'ernst & young', 'pwc', 'ibm', 'oracle', 'sap', 'amazon', 'flipkart', 'google',
  'microsoft', 'swiggy', 'zomato', 'paytm', 'ola', 'uber', "byju's", 'byjus', 'hdfc bank', 'icici bank', 'axis bank',
  'kotak mahindra bank', 'hdfc', 'icici', 'kotak', 'sbi', 'state bank of india', 'reliance', 'reliance jio', 'jio', 'airtel', 'bharti airtel', 'mindtree', 'ltimindtree',
  'mphasis', 'zoho', 'freshworks', 'razorpay', 'myntra', 'meesho', 'phonepe', 'cred', 'nykaa', 'oyo', 'makemytrip',
  'genpact', 'concentrix', 'teleperformance', 'bajaj finance', 'mahindra', 'larsen & toubro', 'l&t', 'godrej', 'itc',
  'hindustan unilever', 'hul', 'asian paints', 'maruti suzuki', 'tata motors', 'justdial', 'info edge', 'naukri',
  'policybazaar', 'dunzo', 'urban company', 'zepto', 'blinkit', 'bigbasket', 'lenskart', 'unacademy', 'vedantu',
  'upgrad', 'mu sigma', 'fractal', 'tiger analytics', 'latentview', 'cars24', 'dream11', 'ather energy', 'ola electric',
  'hexaware', 'persistent', 'persistent systems', 'ltts', 'cyient', 'birlasoft', 'coforge', 'sasken', 'deloitte usi',
  'goldman sachs', 'jp morgan', 'morgan stanley', 'barclays', 'hsbc', 'standard chartered', 'citi', 'wells fargo',
  'walmart', 'walmart global tech', 'target', 'adobe', 'salesforce', 'intuit', 'thoughtworks', 'publicis sapient',
])

const INDIAN_STATES =
  /^(?:andhra pradesh|arunachal pradesh|assam|bihar|chhattisgarh|goa|gujarat|haryana|himachal pradesh|jharkhand|karnataka|kerala|madhya pradesh|maharashtra|manipur|meghalaya|mizoram|nagaland|odisha|orissa|punjab|rajasthan|sikkim|tamil nadu|telangana|tripura|uttar pradesh|uttarakhand|west bengal|delhi ncr|ncr|india|remote|hybrid|on-?site|work from home|wfh)$/i

/** A part that is only a place ("Bengaluru", "Karnataka", "Remote"): neither title nor company. */
export function isPlace(part: string): boolean {
  const t = part.trim()
  if (INDIAN_STATES.test(t)) return true
  const city = findIndianCity(t)
  return city !== null && t.split(/\s+/).length <= city.split(' ').length + 1
}

export function titleScore(part: string): number {
  return TITLE_WORD.test(part) ? 1 : 0
}

/** 2 for a known employer named exactly, 1 for one starting the part ("Infosys Limited") or an employer suffix, 2 for both. */
export function companyScore(part: string): number {
  const name = part.trim().toLowerCase().replace(/\.$/, '')
  const known = KNOWN_COMPANIES.has(name) ? 2 : [...KNOWN_COMPANIES].some((c) => name.startsWith(`${c} `)) ? 1 : 0
  return Math.min(2, known + (COMPANY_WORD.test(part.trim()) ? 1 : 0))
}
