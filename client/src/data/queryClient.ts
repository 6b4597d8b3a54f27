import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './ApiError.ts'

/** Central policy: never retry a 4xx (it will not change), retry anything else a few times. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !(error instanceof ApiError && error.isClientError) && failureCount < 3,
        refetchOnWindowFocus: false,
        placeholderData: (previous: unknown) => previous,
      },
    },
  })
}
