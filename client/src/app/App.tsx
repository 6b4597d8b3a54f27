import type { Locale } from '@gmv-pulse/shared'
import { QueryClientProvider } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useState } from 'react'
import { createQueryClient } from '../data/queryClient.ts'
import { ScreenPage } from '../screens/screen/ScreenPage.tsx'
import { Stage } from './Stage.tsx'

// The analyst pages are their own chunks: the wall's entry bundle does not carry them.
const ExplorePage = lazy(() => import('../screens/explore/ExplorePage.tsx').then((m) => ({ default: m.ExplorePage })))
const PresentPage = lazy(() => import('../screens/present/PresentPage.tsx').then((m) => ({ default: m.PresentPage })))
const ControlPage = lazy(() => import('../screens/control/ControlPage.tsx').then((m) => ({ default: m.ControlPage })))

type Route = 'screen' | 'explore' | 'present' | 'control'

export function routeOf(pathname: string): Route {
  if (/^\/explore\/?$/.test(pathname)) return 'explore'
  if (/^\/present\/?$/.test(pathname)) return 'present'
  if (/^\/control\/?$/.test(pathname)) return 'control'
  return 'screen'
}

export function App({ locale }: { locale: Locale }) {
  const [client] = useState(createQueryClient)
  const route = routeOf(window.location.pathname)
  useEffect(() => {
    // Analysts point and click: the wall's hidden cursor (kiosk) never applies to their pages.
    if (route !== 'screen') document.body.classList.remove('kiosk')
  }, [route])
  return (
    <QueryClientProvider client={client}>
      {route === 'screen' ? (
        <Stage>
          <ScreenPage locale={locale} />
        </Stage>
      ) : (
        <Suspense fallback={null}>
          {route === 'explore' ? (
            <ExplorePage locale={locale} />
          ) : route === 'control' ? (
            <ControlPage locale={locale} />
          ) : (
            <PresentPage locale={locale} />
          )}
        </Suspense>
      )}
    </QueryClientProvider>
  )
}
