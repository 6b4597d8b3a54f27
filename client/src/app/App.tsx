import type { Locale } from '@gmv-pulse/shared'
import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { createQueryClient } from '../data/queryClient.ts'
import { ScreenPage } from '../screens/screen/ScreenPage.tsx'
import { Stage } from './Stage.tsx'

export function App({ locale }: { locale: Locale }) {
  const [client] = useState(createQueryClient)
  return (
    <QueryClientProvider client={client}>
      <Stage>
        <ScreenPage locale={locale} />
      </Stage>
    </QueryClientProvider>
  )
}
