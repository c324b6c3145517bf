/**
 * Cities job seekers in India write as their location, with the older or
 * alternative spellings people still use.
 */
const INDIAN_CITIES = [
  'Bengaluru', 'Bangalore', 'Mumbai', 'Bombay', 'Navi Mumbai', 'Thane', 'Delhi', 'New Delhi', 'Noida',
  'Greater Noida', 'Gurugram', 'Gurgaon', 'Faridabad', 'Ghaziabad', 'Hyderabad', 'Secunderabad', 'Chennai',
  'Madras', 'Kolkata', 'Calcutta', 'Pune', 'Ahmedabad', 'Surat', 'Vadodara', 'Baroda', 'Rajkot', 'Gandhinagar',
  'Jaipur', 'Jodhpur', 'Udaipur', 'Kota', 'Lucknow', 'Kanpur', 'Varanasi', 'Prayagraj', 'Allahabad', 'Agra',
  'Meerut', 'Chandigarh', 'Mohali', 'Panchkula', 'Ludhiana', 'Amritsar', 'Jalandhar', 'Dehradun', 'Indore',
  'Bhopal', 'Gwalior', 'Jabalpur', 'Raipur', 'Bhubaneswar', 'Cuttack', 'Patna', 'Ranchi', 'Jamshedpur',
  'Guwahati', 'Shillong', 'Kochi', 'Cochin', 'Ernakulam', 'Thiruvananthapuram', 'Trivandrum', 'Kozhikode',
  'Calicut', 'Thrissur', 'Coimbatore', 'Madurai', 'Tiruchirappalli', 'Trichy', 'Salem', 'Vellore', 'Mysuru',
  'Mysore', 'Mangaluru', 'Mangalore', 'Hubli', 'Belgaum', 'Belagavi', 'Visakhapatnam', 'Vizag', 'Vijayawada',
  'Guntur', 'Tirupati', 'Warangal', 'Nagpur', 'Nashik', 'Aurangabad', 'Kolhapur', 'Solapur', 'Goa', 'Panaji',
  'Margao', 'Srinagar', 'Jammu', 'Shimla', 'Puducherry', 'Pondicherry', 'Siliguri', 'Durgapur', 'Manipal',
] as const

/**
 * The first known city named in the text, spelled as in the list. The match
 * that starts first wins, so "Navi Mumbai" is not read as "Mumbai".
 */
export function findIndianCity(text: string): string | null {
  let best: { city: string; index: number } | undefined
  for (const city of INDIAN_CITIES) {
    const index = text.search(new RegExp(`\\b${city.replace(/ /g, '\\s+')}\\b`, 'i'))
    if (index >= 0 && (!best || index < best.index)) best = { city, index }
  }
  return best?.city ?? null
}
