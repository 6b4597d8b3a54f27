import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const server = process.env.GMV_PULSE_SERVER ?? 'http://localhost:3000'

export default defineConfig({
  root: 'client',
  plugins: [react()],
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
