import { matchesSearch } from './matches-search.ts'
import { errorMessage } from './source-errors.ts'
import type { FetchContext, JobSourceAdapter, ScrapedJob, SearchQuery, SourceKind } from './types.ts'

/** One company's public board on an ATS; `company` names it where the API does not. */
export interface CompanyBoard {
  board: string
  company?: string
}

export type LoadBoard = (board: CompanyBoard, ctx: FetchContext) => Promise<ScrapedJob[]>

/**
 * An ATS board lists every opening of one company and has no search, so each
 * board is fetched once per run (the adapter lives for one run) and every
 * query filters the same list. A board that fails is reported once and
 * skipped; the other boards still count.
 */
export function createCompanyBoardsAdapter(kind: SourceKind, boards: CompanyBoard[], load: LoadBoard): JobSourceAdapter {
  const loaded = new Map<string, Promise<ScrapedJob[] | null>>()

  function jobsOf(board: CompanyBoard, ctx: FetchContext): Promise<ScrapedJob[] | null> {
    let jobs = loaded.get(board.board)
    if (!jobs) {
      jobs = load(board, ctx).catch((error: unknown) => {
        ctx.reportError(`board ${board.board}: ${errorMessage(error)}`)
        return null
      })
      loaded.set(board.board, jobs)
    }
    return jobs
  }

  return {
    kind,
    paced: false,
    async *search(query: SearchQuery, ctx: FetchContext) {
      for (const board of boards) {
        const matching = (await jobsOf(board, ctx))?.filter((job) => matchesSearch(job, query)) ?? []
        if (matching.length > 0) yield matching
      }
    },
  }
}

/** "acme-labs" → "Acme Labs", for boards whose API never names the company. */
export function companyName(board: CompanyBoard): string {
  return board.company ?? board.board.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())
}
