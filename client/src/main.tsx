import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { readScreenParams } from './app/urlParams.ts'
import './styles.css'

const params = readScreenParams(window.location.search, navigator.languages)
document.documentElement.lang = params.locale
document.body.classList.toggle('kiosk', params.kiosk)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(<App locale={params.locale} />)
