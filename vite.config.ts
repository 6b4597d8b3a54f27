import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { simplifyGeoJson } from './client/src/map/simplifyGeoJson.ts'

const server = process.env.GMV_PULSE_SERVER ?? 'http://localhost:3000'

/** Slims the bundled world GeoJSON at build time (see simplifyGeoJson.ts): about a third of its size. */
function slimWorldMap(): Plugin {
  return {
    name: 'gmv-pulse-slim-world-map',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('world-geo-json-zh') || !id.endsWith('.json')) return null
      const slim = simplifyGeoJson(JSON.parse(code), { decimals: 1, keepProperties: ['iso_a2'] })
      return { code: JSON.stringify(slim), map: null }
    },
  }
}

export default defineConfig({
  root: 'client',
  plugins: [react(), slimWorldMap()],
  json: { stringify: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The map geometry is its own lazy chunk; the warning threshold is about the screen's entry.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/socket.io': { target: server, ws: true, changeOrigin: true },
    },
  },
})
