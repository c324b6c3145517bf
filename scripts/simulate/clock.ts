const IST_OFFSET_MS = (5 * 60 + 30) * 60_000

/** Today's date in India, as yyyy-mm-dd. */
function istDate(now: Date): string {
  return new Date(now.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10)
}

/**
 * The simulated day's clock: 09:00 IST today to 08:00 IST tomorrow, played at `speed` simulated
 * seconds per real second. `until` waits for a moment of the day (or returns at once when the
 * harness is already late: a slow stage pushes the rest of the day back, it is never skipped).
 */
export class DayClock {
  private readonly startedAt = Date.now()
  private readonly day: string
  private static readonly START_MINUTES = 9 * 60

  constructor(private readonly speed: number) {
    this.day = istDate(new Date())
  }

  /** The IST moment `hh:mm` of the simulated day (times before 09:00 are the next morning). */
  moment(hhmm: string): Date {
    const [h, m] = hhmm.split(':').map(Number) as [number, number]
    const minutes = h * 60 + m
    const dayShift = minutes < DayClock.START_MINUTES ? 86_400_000 : 0
    return new Date(Date.parse(`${this.day}T${hhmm}:00+05:30`) + dayShift)
  }

  private offsetMinutes(hhmm: string): number {
    const [h, m] = hhmm.split(':').map(Number) as [number, number]
    const minutes = h * 60 + m
    return (minutes < DayClock.START_MINUTES ? minutes + 24 * 60 : minutes) - DayClock.START_MINUTES
  }

  async until(hhmm: string): Promise<Date> {
    const dueReal = this.startedAt + (this.offsetMinutes(hhmm) * 60_000) / this.speed
    const wait = dueReal - Date.now()
    if (wait > 0) await Bun.sleep(wait)
    return this.moment(hhmm)
  }
}
