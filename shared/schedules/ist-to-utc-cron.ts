const IST_OFFSET_MINUTES = 5 * 60 + 30

/**
 * Converts a fixed-time IST cron ("M H * * DOW") to UTC for pg_cron 1.4, which has no time
 * zones. When the UTC time falls on the previous day, the day-of-week field shifts back too.
 */
export function istToUtcCron(ist: string): string {
  const fields = ist.trim().split(/\s+/)
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields
  // an every-minute schedule is the same in every time zone
  if (fields.length === 5 && fields.every((f) => f === '*')) return ist.trim()
  if (fields.length !== 5 || !/^\d+$/.test(minute ?? '') || !/^\d+$/.test(hour ?? '')) {
    throw new Error(`only fixed-time crons convert to UTC: ${ist}`)
  }
  if (dayOfMonth !== '*' || month !== '*') throw new Error(`day-of-month/month crons are not supported: ${ist}`)
  let minutes = Number(hour) * 60 + Number(minute) - IST_OFFSET_MINUTES
  let dayShift = 0
  if (minutes < 0) {
    minutes += 24 * 60
    dayShift = -1
  }
  const shiftedDow =
    dayOfWeek === '*' || dayShift === 0
      ? dayOfWeek
      : dayOfWeek!
          .split(',')
          .map((d) => {
            if (!/^\d$/.test(d)) throw new Error(`only plain day-of-week lists convert: ${ist}`)
            return String((Number(d) + 7 + dayShift) % 7)
          })
          .join(',')
  return `${minutes % 60} ${Math.floor(minutes / 60)} * * ${shiftedDow}`
}
