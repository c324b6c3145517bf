const formatter = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Kolkata' })

/** A date as an Indian user reads it ("12 Aug 2026"), in IST whatever the server's time zone. */
export const dateInIndia = (date: Date): string => formatter.format(date)
